// The outbox: every write to HighLevel (tags, tasks, notes, contacts) is stored before it is sent,
// shown optimistically until HighLevel confirms it, sent in order per contact within the rate
// limit, retried with backoff, applied exactly once (exactly-once.ts), stopped for the user when
// only they can fix it (failed, conflict), and resumed after the worker or the browser restarts.
// Lives in the background only; the sidebar sees records (never tokens) through messages.
//
// Wiring (entrypoints/background.ts):
//   const outbox = createOutbox({ clientFor: (id) => session.client(id) });
//   browser.alarms.onAlarm.addListener((alarm) => void outbox.handleAlarm(alarm));
//   void outbox.resume();
// The writes with business names (addTagsToContact, createTaskForContact, …) are in contact-writes.ts.
//
// At start-up it acts only on the records the ledger vouches for (lib/trust): any other record in
// storage (planted by a content script, or an older copy put back) is removed, reported in the
// activity log in words, and never sent. Writes and bulk jobs stored by the version before the
// ledger, adopted once at the update, are not sent either until the user says so: they are held
// as failed, with the reason, for Retry or Discard (a content script could have planted them
// before the update, as well as the user made them).
import { i18n } from '#i18n';
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { type GhlClient, BACKGROUND_SHARE, DEFAULT_MAX } from '../ghl';
import { writeRefused } from '../protocol';
import { trust, type Ledger, type Refusals } from '../trust';
import { awaitsAnswer, createBulkJobs, type BulkTagsInput } from './bulk';
import { describeConflict, resolveWrite, type ConflictChoice } from './conflicts';
import { describeWrite } from './describe';
import { DEFAULT_RETRY, type RetryPolicy } from './retry';
import { DEFAULT_SETTLE_MS } from './timing';
import { ALARM_NAME, createScheduler, type AlarmsArea } from './scheduler';
import { attemptWrite, withKnownIds, type Performers, type SendDeps } from './send';
import { createQueueStore, JOB_KEY, WRITE_KEY, type ChangeListener, type QueueStorage, type RefusedRecord } from './store';
import { HOLDS_LANE, WriteRecordSchema, heldWrites, isFinished, newTempId, readBulkJob, type BulkJob, type BulkProgress, type NewWrite, type Write, type WriteRecord } from './types';

export interface OutboxOptions {
  /** The HighLevel client of a connection, e.g. `(id) => session.client(id)`. */
  clientFor: (connectionId: string) => Promise<GhlClient>;
  /** Default: WXT's storage (browser.storage.local). */
  storage?: QueueStorage;
  /** Default: browser.alarms. */
  alarms?: AlarmsArea;
  now?: () => number;
  /** For backoff jitter. */
  random?: () => number;
  /** Requests of the outbox in flight at once (all contacts). Default 4. */
  maxInFlight?: number;
  /**
   * Bulk tag requests in flight at once (all jobs), beside `maxInFlight`. Default 50: the bulk
   * share of HighLevel's documented burst budget; the client's limiter paces them within it.
   */
  maxBulkInFlight?: number;
  retry?: Partial<RetryPolicy>;
  /**
   * How long a request may still be travelling after it was sent: a write found `sending` at
   * start-up is checked only after this. Default 35 s (the client's timeout is 30 s).
   */
  settleMs?: number;
  /** Finished writes kept for the activity log. Default 500. */
  keepFinished?: number;
  /** Conflicts, reconnect stops and unreadable records are logged here. Default console.warn. */
  log?: (line: string) => void;
  /** Called after each attempt that will be retried (figures, tests). */
  onRetry?: (record: WriteRecord, rateLimited: boolean) => void;
  /**
   * How the writes of other folders are sent (opportunities, workflows): each folder gives the
   * attempt of its kinds, so the outbox stores, orders, retries and logs them like its own.
   */
  performers?: Performers;
  /** HighLevel refused a write because the token lacks a scope: answers that scope, to name it (lib/scopes learns it). */
  onScopeRefused?: (record: WriteRecord) => string | undefined;
  /** What vouches for stored records, and where refusals are told. Default: the extension's (lib/trust). */
  trust?: { ledger: Ledger; refusals: Pick<Refusals, 'add'> };
  /**
   * Tells when storage may have room again (something was removed); returns an unsubscribe.
   * Default: browser.storage.onChanged (local area, a removed item).
   */
  roomSignal?: (listener: () => void) => () => void;
}

/** Storage tells of a removed item in storage.local: there may be room again. */
const storageRoomSignal = (listener: () => void) => {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && Object.values(changes).some((c) => c.newValue == null)) listener();
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
};

/** A record the ledger did not vouch for, in words (what it would have done). */
function refusedInWords(r: RefusedRecord): { what: string; why: string } {
  const why = i18n.t('trust.plantedWhy');
  if (r.key.startsWith(WRITE_KEY)) {
    const write = v.safeParse(WriteRecordSchema, r.value);
    return { what: i18n.t('trust.plantedWrite', [write.success ? describeWrite(write.output.write) : i18n.t('trust.unreadableWrite')]), why };
  }
  const job = r.key.startsWith(JOB_KEY) ? readBulkJob(r.value, (r.value as { contactIds?: unknown })?.contactIds ?? []) : undefined;
  const tags = job?.tags ?? (Array.isArray((r.value as { tags?: unknown })?.tags) ? ((r.value as { tags: unknown[] }).tags.map(String)) : []);
  return { what: i18n.t('trust.plantedBulk', [tags.map((t) => `“${t}”`).join(', ') || i18n.t('trust.unreadableWrite')]), why };
}

export interface OutboxCounts {
  /** Waiting or being sent (toolbar badge). */
  pending: number;
  /** Stopped until the user acts: failed writes and conflicts. */
  failed: number;
  conflicts: number;
  /** Of `pending`: never tried, held behind a failed write or a conflict of the same contact. */
  held: number;
}

/** How long a write found `sending` at start-up waits at least, from the start (see `loaded`). */
const RESTART_SETTLE_MS = 5_000;

function complete(input: NewWrite): Write {
  if (input.kind === 'task.create' || input.kind === 'note.create' || input.kind === 'opportunity.create') {
    return { ...input, tempId: input.tempId ?? newTempId() } as Write;
  }
  if (input.kind === 'contact.create') return { ...input, contactId: input.contactId ?? newTempId() };
  return input;
}

export function createOutbox(opts: OutboxOptions) {
  const now = opts.now ?? Date.now;
  const log = opts.log ?? ((line: string) => console.warn(line));
  const settleMs = opts.settleMs ?? DEFAULT_SETTLE_MS;
  const { ledger, refusals } = opts.trust ?? trust();
  const store = createQueueStore(opts.storage ?? storage, { keepFinished: opts.keepFinished ?? 500, log, ledger });
  const deps: SendDeps = {
    store,
    clientFor: opts.clientFor,
    now,
    random: opts.random ?? Math.random,
    policy: { ...DEFAULT_RETRY, ...opts.retry },
    log,
    onRetry: opts.onRetry,
    performers: opts.performers ?? {},
    onScopeRefused: opts.onScopeRefused,
  };
  const bulk = createBulkJobs(deps);
  const scheduler = createScheduler({
    store,
    bulk,
    sendWrite: (record) => attemptWrite(deps, record),
    alarms: opts.alarms ?? browser.alarms,
    now,
    maxInFlight: opts.maxInFlight ?? 4,
    maxBulkInFlight: opts.maxBulkInFlight ?? Math.floor(DEFAULT_MAX * BACKGROUND_SHARE),
    log,
  });

  let ready: Promise<void> | undefined;
  const loaded = () =>
    (ready ??= (async () => {
      const { refused, adopted } = await store.load();
      for (const record of refused) await refusals.add(refusedInWords(record));
      // stored by the version before the ledger: held for the user, never sent on its own
      const held = i18n.t('trust.heldAfterUpdate');
      const heldWrites = [...store.writes()]
        .filter((r) => adopted.has(r.id) && !isFinished(r.state))
        .map((r): WriteRecord => ({ ...r, state: 'failed', action: 'retry', reason: held, nextAt: undefined, mayHaveLanded: r.mayHaveLanded || r.state === 'sending', updatedAt: now() }));
      const heldJobs = [...store.jobs()].filter((j) => adopted.has(j.id) && j.state === 'running').map((j): BulkJob => ({ ...j, state: 'failed', reason: held, updatedAt: now() }));
      if (heldWrites.length || heldJobs.length) await store.save({ writes: heldWrites, jobs: heldJobs }, 'when-possible');
      // Cut off mid-send by a dying worker: it may have reached HighLevel. Check, after any
      // request of the old worker can no longer be travelling.
      const cut = [...store.writes()]
        .filter((r) => r.state === 'sending')
        .map((r): WriteRecord => ({
          ...r,
          state: 'pending',
          mayHaveLanded: true,
          // after the old worker's requests can no longer be travelling: its timeout after it sent,
          // and in any case a moment after this start (it may have sent later than `sentAt`, after
          // its reads and the rate limit; a request it had sent is carried out within that moment)
          nextAt: Math.max((r.sentAt ?? 0) + settleMs, now() + Math.min(settleMs, RESTART_SETTLE_MS)),
          reason: i18n.t('outbox.interrupted'),
          updatedAt: now(),
        }));
      if (cut.length) await store.save({ writes: cut }, 'when-possible');
    })().catch((error: unknown) => {
      ready = undefined;
      throw error;
    }));

  // storage full: a removal may have made room (checked only while the outbox waits for room)
  const stopRoomSignal = (opts.roomSignal ?? storageRoomSignal)(() => {
    if (store.isFull()) void scheduler.roomMayBeBack();
  });

  async function change(id: string, edit: (r: WriteRecord) => WriteRecord): Promise<WriteRecord | undefined> {
    await loaded();
    const updated = await store.update(id, edit);
    scheduler.pump();
    return updated;
  }

  let closed = false;
  async function resume(): Promise<void> {
    await loaded();
    scheduler.pump();
  }
  async function pending(contactId?: string): Promise<WriteRecord[]> {
    await loaded();
    return [...store.writes()].filter((r) => HOLDS_LANE.has(r.state) && (contactId === undefined || r.write.contactId === contactId));
  }

  const progressOf = (jobId: string) => {
    const job = store.job(jobId);
    return job && bulk.progress(job);
  };

  return {
    /** Stores the write (before anything is sent) and starts sending it. */
    async enqueue(input: NewWrite): Promise<WriteRecord> {
      if (closed) throw writeRefused(i18n.t('outbox.closed'));
      await loaded();
      const record = store.newRecord(withKnownIds(complete(input), store), now());
      await store.save({ writes: [record] });
      scheduler.pump();
      return record;
    },

    /** On worker start: load, treat writes cut off mid-send as ambiguous, send what is due. */
    resume,

    /** For browser.alarms.onAlarm; true when the alarm was the outbox's. */
    async handleAlarm(alarm: { name: string }): Promise<boolean> {
      if (alarm.name !== ALARM_NAME) return false;
      await resume();
      return true;
    },

    /** Unfinished writes (pending, sending, failed, conflict), of one contact or all, in order. */
    pending,

    /** Every kept write, newest first (the activity log). */
    async list(): Promise<WriteRecord[]> {
      await loaded();
      return [...store.writes()].reverse();
    },

    /** Sends a failed write (or a failed bulk job) again, or a waiting one now. */
    async retry(id: string): Promise<WriteRecord | undefined> {
      await loaded();
      if (store.job(id)?.state === 'failed') {
        await store.updateJob(id, (j) => ({ ...j, state: 'running', retries: [], reason: undefined, updatedAt: now() }));
        scheduler.pump();
        return undefined;
      }
      return change(id, (r) =>
        r.state !== 'failed' && r.state !== 'pending'
          ? r
          : {
              ...r,
              state: 'pending',
              attempts: 0,
              nextAt: undefined,
              reason: undefined,
              action: undefined,
              // The user looked in HighLevel and asks for it: a contact without email / phone is created again.
              mayHaveLanded: r.write.kind === 'contact.create' ? false : r.mayHaveLanded,
              updatedAt: now(),
            },
      );
    },

    /** Drops a write that is not being sent right now. */
    discard(id: string): Promise<WriteRecord | undefined> {
      return change(id, (r) =>
        r.state === 'sending' || r.state === 'done' || r.state === 'discarded'
          ? r
          : { ...r, state: 'discarded', reason: i18n.t('outbox.discardedByYou'), nextAt: undefined, updatedAt: now() },
      );
    },

    /** Settles a conflict: 'mine', 'theirs', per field, or (no choice) the later change wins. */
    resolveConflict(id: string, choice?: ConflictChoice): Promise<WriteRecord | undefined> {
      return change(id, (r) => {
        if (r.state !== 'conflict' || !r.conflict) return r;
        const edit = resolveWrite(r.write, r.conflict, choice);
        log(`${describeConflict(r.write.contactId, r.conflict)}; resolved: ${JSON.stringify(choice ?? `default (${r.conflict.latest})`)}`);
        const base = { ...r, conflict: undefined, attempts: 0, nextAt: undefined, updatedAt: now() };
        return edit
          ? { ...base, write: edit, state: 'pending', reason: undefined }
          : { ...base, state: 'discarded', reason: i18n.t('outbox.keptTheirs') };
      });
    },

    async enqueueBulkTags(input: BulkTagsInput): Promise<BulkProgress> {
      await loaded();
      const job = await bulk.start(input);
      scheduler.pump();
      return bulk.progress(job);
    },

    async bulkProgress(jobId: string): Promise<BulkProgress | undefined> {
      await loaded();
      return progressOf(jobId);
    },

    /** Every kept bulk job with its progress, what it changes and when it started. */
    async bulkJobs(): Promise<Array<BulkProgress & Pick<BulkJob, 'op' | 'tags' | 'createdAt' | 'updatedAt'>>> {
      await loaded();
      return [...store.jobs()].map((j) => ({ ...bulk.progress(j), op: j.op, tags: j.tags, createdAt: j.createdAt, updatedAt: j.updatedAt }));
    },

    /** Starts the job that changes back what a finished job changed; undefined when there is nothing to undo. */
    async undoBulk(jobId: string): Promise<BulkProgress | undefined> {
      await loaded();
      const undo = await bulk.undo(jobId);
      scheduler.pump();
      return undo && bulk.progress(undo);
    },

    async cancelBulk(jobId: string): Promise<BulkProgress | undefined> {
      await loaded();
      await bulk.cancel(jobId);
      scheduler.pump();
      return progressOf(jobId);
    },

    /** Resolves once every change made so far is in storage (what a restart would find). */
    whenStored: () => store.whenStored(),

    /** Called after every persisted change with the changed records; returns an unsubscribe. */
    onChange(listener: ChangeListener): () => void {
      return store.onChange(listener);
    },

    async counts(): Promise<OutboxCounts> {
      await loaded();
      const counts: OutboxCounts = { pending: 0, failed: 0, conflicts: 0, held: heldWrites(store.writes()).size };
      for (const r of store.writes()) {
        if (r.state === 'pending' || r.state === 'sending') counts.pending += 1;
        else if (r.state === 'failed') counts.failed += 1;
        else if (r.state === 'conflict') counts.conflicts += 1;
      }
      return counts;
    },

    /**
     * The contact's writes HighLevel has not answered yet, in order: its unfinished writes, then the
     * tag change of each running bulk job that has not reached it. lib/record lays them over a record.
     */
    async unanswered(contactId: string): Promise<WriteRecord[]> {
      await loaded();
      const jobs = [...store.jobs()]
        .filter((j) => j.state === 'running' && awaitsAnswer(j, contactId))
        .map((j): WriteRecord => ({
          v: 1, id: j.id, seq: Number.MAX_SAFE_INTEGER, state: 'pending', attempts: 0, createdAt: j.createdAt, updatedAt: j.updatedAt,
          write: { kind: j.op === 'add' ? 'tag.add' : 'tag.remove', connectionId: j.connectionId, contactId, tags: j.tags },
        }));
      return [...(await pending(contactId)), ...jobs];
    },

    /** Stops at once, as if the worker died here: nothing more is sent or stored. */
    close(): void {
      closed = true;
      stopRoomSignal();
      scheduler.close();
      store.close();
    },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
