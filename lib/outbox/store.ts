// The outbox's persistent state: one storage key per write (`outbox:w:<id>`) and two per bulk tag
// job: its progress (`outbox:bulk:<id>`, rewritten on every chunk's answer) and its contacts
// (`outbox:bulk-contacts:<id>`, written once, in the same `set` as the job's first record, so each
// progress write of a 500-contact job stays ~0.5 KB instead of ~20 KB), mirrored in memory. Every
// state change writes only the records it changes, in one `storage.setItems` call (WXT's storage:
// one `browser.storage.local.set` for all the items of an area), which the browsers
// apply as one transaction (so a change that touches several records, e.g. a create rewriting the
// temporary id in later writes, lands all at once or not at all). With 1,000 queued writes a state
// change still writes ~0.5 KB, not the whole queue. Finished writes (done, discarded) beyond the
// newest `keepFinished` are removed; failed writes and conflicts stay until the user acts on them.
// Finished bulk jobs (sent, cancelled) beyond the newest KEEP_FINISHED_JOBS are removed with their
// contacts; a failed job stays. A finished write keeps only what the activity log shows of it
// (finished.ts), in memory and in storage; the listeners still get it whole as it finishes.
//
// Trusted: every record decides what the background sends, and storage.local is open to content
// scripts (Firefox); each write goes through the ledger's two steps (lib/trust/ledger.ts), and
// `load` takes only the records the ledger vouches for. The others are removed and handed back
// (`Loaded.refused`) to be reported; records of the previous version, adopted once at the update,
// are handed back too (`Loaded.adopted`), to be held for the user (queue.ts).
//
// A full storage.local (10 MB in Chrome): a change that must be stored before anything is sent
// (`'must'`: a new write, a write marked `sending`, a create's snapshot, the user's retry or
// discard) is refused at once (`StorageFullError`, in words) and taken back from memory, so nothing
// is shown or sent that a restart would lose. An outcome (`'when-possible'`: HighLevel's answer,
// a retry's wait) stays in memory and is stored with the next write that succeeds (`dirty`).
// Before anything fails, the finished writes and jobs are removed to make room. `isFull` tells the
// scheduler to wait, and `flush` tries again once room may have come back.
import * as v from 'valibot';
import type { WxtStorage } from 'wxt/utils/storage';
import { i18n } from '#i18n';
import { writeRefused } from '../protocol';
import { trust, type Ledger } from '../trust';
import { keptOfFinished } from './finished';
import { WriteRecordSchema, bulkJobRecord, isFinished, readBulkJob, type BulkJob, type Write, type WriteRecord } from './types';

const isFinishedJob = (j: BulkJob) => j.state === 'sent' || j.state === 'cancelled';

/** The part of WXT's storage the queue uses (`storage` from wxt/utils/storage; tests hold its writes). */
export type QueueStorage = Pick<WxtStorage, 'snapshot' | 'setItems' | 'removeItems'>;

/** Records live in storage.local, under the keys below. */
const local = (key: string) => `local:${key}` as const;

export const WRITE_KEY = 'outbox:w:';
export const JOB_KEY = 'outbox:bulk:';
/** A bulk job's contacts (not under JOB_KEY: `outbox:bulk-` is not `outbox:bulk:`). */
export const JOB_CONTACTS_KEY = 'outbox:bulk-contacts:';

export interface Change {
  writes: WriteRecord[];
  jobs: BulkJob[];
}
export type ChangeListener = (change: Change) => void;

/** Finished bulk jobs (sent, cancelled) kept for the activity list; older ones are removed with their contacts. */
export const KEEP_FINISHED_JOBS = 50;

/** How a change must be stored: before going on (`must`), or as soon as storage allows (`when-possible`). */
export type SaveMode = 'must' | 'when-possible';

/** storage.local is full: the change was not stored (and is not kept). Its message is for the user. */
export class StorageFullError extends Error {
  readonly userError = writeRefused(i18n.t('outbox.storageFull')).userError;
  constructor(readonly cause: unknown) {
    super('storage.local is full');
  }
}

/** Chrome: "QUOTA_BYTES quota exceeded"; IndexedDB-backed storage: QuotaExceededError. */
export const isQuotaError = (error: unknown): boolean => /quota/i.test(error instanceof Error ? `${error.name} ${error.message}` : String(error));

/** A stored record the ledger does not vouch for (removed from storage; to be reported). */
export interface RefusedRecord {
  key: string;
  value: unknown;
}

export interface Loaded {
  refused: RefusedRecord[];
  /** ids of writes and jobs the previous version stored (adopted at the update) */
  adopted: Set<string>;
}

export function createQueueStore(
  storage: QueueStorage,
  opts: { keepFinished: number; keepFinishedJobs?: number; log: (line: string) => void; ledger?: Ledger },
) {
  const ledger = opts.ledger ?? trust().ledger;
  /** In enqueue order (Map keeps insertion order; load sorts by seq). */
  const writes = new Map<string, WriteRecord>();
  const jobs = new Map<string, BulkJob>();
  /** Jobs whose contacts are stored under JOB_CONTACTS_KEY (a job stored by an earlier version has them in its record). */
  const contactsStored = new Set<string>();
  const listeners = new Set<ChangeListener>();
  let nextSeq = 1;
  let closed = false;
  /** Keys whose copy in memory is newer than the stored one (storage was full): stored with the next write. */
  const dirty = new Set<string>();
  let full = false;
  /**
   * Changes saved while an earlier `storage.set` is still being written wait for it and then go
   * together in one `set` (later copies of a record replace earlier ones): a burst of changes (ten
   * bulk chunks answered at once) costs two or three writes instead of ten queued one behind the
   * other. Each change still lands whole, in order, and its `save` resolves only once it is stored.
   */
  let writing: Promise<void> = Promise.resolve();
  let waiting: { items: Record<string, unknown>; stored: Promise<void> } | undefined;

  /** The item to store for a key, from memory (undefined: it is gone). */
  function itemOf(key: string): unknown {
    if (key.startsWith(WRITE_KEY)) return writes.get(key.slice(WRITE_KEY.length));
    if (key.startsWith(JOB_KEY)) {
      const job = jobs.get(key.slice(JOB_KEY.length));
      return job && bulkJobRecord(job);
    }
    if (key.startsWith(JOB_CONTACTS_KEY)) return jobs.get(key.slice(JOB_CONTACTS_KEY.length))?.contactIds;
    return undefined;
  }

  /** One storage write, vouched for by the ledger first (its two steps around it). A dead worker (closed) writes nothing more. */
  async function write(items: Record<string, unknown>): Promise<void> {
    const entries = Object.entries(items).map(([key, value]): [string, unknown] => [local(key), value]);
    const digests = await ledger.willStore(entries);
    if (closed) return;
    await storage.setItems(entries.map(([key, value]) => ({ key: key as `local:${string}`, value })));
    if (!closed) void ledger.stored(entries.map(([key], i): [string, string] => [key, digests[i]!]));
  }

  function persist(items: Record<string, unknown>): Promise<void> {
    if (waiting) {
      Object.assign(waiting.items, items);
      return waiting.stored;
    }
    const batch = { items: { ...items }, stored: Promise.resolve() };
    batch.stored = writing.then(async () => {
      if (waiting === batch) waiting = undefined;
      // The worker "died" (close) before this write started: like a dead worker, store nothing.
      if (closed) return;
      // what could not be stored before goes along
      for (const key of dirty) {
        const item = itemOf(key);
        if (!(key in batch.items) && item !== undefined) batch.items[key] = item;
      }
      try {
        await write(batch.items);
      } catch (error) {
        if (!isQuotaError(error)) throw error;
        // full: the finished writes and jobs make room first, then once more
        if (!(await pruneFinished(new Set(Object.keys(batch.items))))) {
          full = true;
          throw error;
        }
        try {
          await write(batch.items);
        } catch (again) {
          if (isQuotaError(again)) full = true;
          throw again;
        }
      }
      full = false;
      for (const key of Object.keys(batch.items)) dirty.delete(key);
    });
    waiting = batch;
    writing = batch.stored.catch(() => undefined);
    return batch.stored;
  }

  async function load(): Promise<Loaded> {
    await ledger.ready(); // storage closed to content scripts first (lib/trust)
    const all = await storage.snapshot('local');
    const found: WriteRecord[] = [];
    const refused: RefusedRecord[] = [];
    /** removed with a refused record, not reported on their own */
    const alongside: string[] = [];
    const adopted = new Set<string>();
    /** What the ledger says of a stored item; one it does not vouch for is set aside. */
    const vouched = async (key: string, value: unknown) => {
      const verdict = await ledger.verdict(local(key), value);
      if (verdict === 'unknown') refused.push({ key, value });
      return verdict;
    };
    for (const [key, value] of Object.entries(all)) {
      if (key.startsWith(WRITE_KEY)) {
        const verdict = await vouched(key, value);
        if (verdict === 'unknown') continue;
        const parsed = v.safeParse(WriteRecordSchema, value);
        if (!parsed.success) {
          opts.log(`Outbox: skipped an unreadable write record ${key}`);
          continue;
        }
        found.push(parsed.output);
        if (verdict === 'adopted') adopted.add(parsed.output.id);
      } else if (key.startsWith(JOB_KEY)) {
        const contactsKey = JOB_CONTACTS_KEY + key.slice(JOB_KEY.length);
        const contacts = all[contactsKey];
        const verdict = await vouched(key, value);
        if (verdict === 'unknown') {
          if (contacts !== undefined) alongside.push(contactsKey); // its contacts go with it
          continue;
        }
        if (contacts !== undefined && (await vouched(contactsKey, contacts)) === 'unknown') continue;
        const job = readBulkJob(value, contacts);
        if (!job) {
          opts.log(`Outbox: skipped an unreadable bulk job ${key}`);
          continue;
        }
        jobs.set(job.id, job);
        if (verdict === 'adopted') adopted.add(job.id);
        if ((value as { v?: unknown }).v === 3) contactsStored.add(job.id);
      } else if (key.startsWith(JOB_CONTACTS_KEY) && all[JOB_KEY + key.slice(JOB_CONTACTS_KEY.length)] === undefined) {
        await vouched(key, value); // contacts without their job: only reported if planted
      }
    }
    // never acted on: removed, so each is reported once
    if (refused.length) {
      await storage.removeItems([...refused.map((r) => r.key), ...alongside].map(local));
    }
    found.sort((a, b) => a.seq - b.seq);
    for (const record of found) writes.set(record.id, record);
    nextSeq = (found.at(-1)?.seq ?? 0) + 1;
    // finished writes an earlier version kept whole (note bodies, emails): keep only what the log shows
    const whole = found.filter((r) => isFinished(r.state) && JSON.stringify(keptOfFinished(r)) !== JSON.stringify(r));
    if (whole.length) await save({ writes: whole }, 'when-possible');
    return { refused, adopted };
  }

  /**
   * Persists the given records (memory first, so readers never see an older copy). `must`: a
   * change storage cannot take is taken back from memory and refused (StorageFullError);
   * `when-possible`: it stays in memory and is stored with the next write that succeeds.
   */
  async function save(changed: { writes?: WriteRecord[]; jobs?: BulkJob[] }, mode: SaveMode = 'must'): Promise<void> {
    if (closed) return;
    const items: Record<string, unknown> = {};
    const before = {
      writes: (changed.writes ?? []).map((r) => [r.id, writes.get(r.id)] as const),
      jobs: (changed.jobs ?? []).map((j) => [j.id, jobs.get(j.id)] as const),
    };
    for (const record of changed.writes ?? []) {
      const kept = isFinished(record.state) ? keptOfFinished(record) : record;
      writes.set(record.id, kept);
      items[WRITE_KEY + record.id] = kept;
    }
    for (const job of changed.jobs ?? []) {
      jobs.set(job.id, job);
      items[JOB_KEY + job.id] = bulkJobRecord(job);
      // with the job's first record (or the first since an earlier version stored it whole)
      if (!contactsStored.has(job.id)) items[JOB_CONTACTS_KEY + job.id] = job.contactIds;
    }
    try {
      await persist(items);
      for (const job of changed.jobs ?? []) contactsStored.add(job.id);
    } catch (error) {
      if (!isQuotaError(error) || closed) throw error;
      if (mode === 'must') {
        // not stored: as if it had not happened (a restart would not have it either)
        for (const [id, old] of before.writes.reverse()) {
          if (old) writes.set(id, old);
          else writes.delete(id);
        }
        for (const [id, old] of before.jobs.reverse()) {
          if (old) jobs.set(id, old);
          else jobs.delete(id);
        }
        throw new StorageFullError(error);
      }
      for (const key of Object.keys(items)) dirty.add(key);
    }
    const change = { writes: changed.writes ?? [], jobs: changed.jobs ?? [] };
    for (const listener of listeners) {
      try {
        listener(change);
      } catch (error) {
        opts.log(`Outbox: a change listener failed: ${String(error)}`);
      }
    }
    if (change.writes.some((r) => isFinished(r.state))) await prune();
    if (change.jobs.some(isFinishedJob)) await pruneJobs();
  }

  /** Removes records from memory, from a copy waiting for the next write, and from storage (and the ledger). */
  async function remove(keys: string[]): Promise<void> {
    for (const key of keys) {
      // a copy waiting for the next write would bring the record back after its removal
      if (waiting) delete waiting.items[key];
      dirty.delete(key);
    }
    await storage.removeItems(keys.map(local));
    await ledger.removed(keys.map(local));
  }

  /** Finished jobs beyond the newest `keepFinishedJobs` go, with their contacts: storage never fills with old jobs. */
  async function pruneJobs(keep = opts.keepFinishedJobs ?? KEEP_FINISHED_JOBS, spare = new Set<string>()): Promise<number> {
    const finished = [...jobs.values()].filter((j) => isFinishedJob(j) && !spare.has(JOB_KEY + j.id));
    const excess = finished.length - keep;
    if (excess <= 0) return 0;
    const oldest = finished.sort((a, b) => a.updatedAt - b.updatedAt).slice(0, excess);
    for (const j of oldest) {
      jobs.delete(j.id);
      contactsStored.delete(j.id);
    }
    await remove(oldest.flatMap((j) => [JOB_KEY + j.id, JOB_CONTACTS_KEY + j.id]));
    return oldest.length;
  }

  async function prune(keep = opts.keepFinished, spare = new Set<string>()): Promise<number> {
    const finished = [...writes.values()].filter((r) => isFinished(r.state) && !spare.has(WRITE_KEY + r.id));
    const excess = finished.length - keep;
    if (excess <= 0) return 0;
    const oldest = finished.sort((a, b) => a.updatedAt - b.updatedAt).slice(0, excess);
    for (const record of oldest) writes.delete(record.id);
    await remove(oldest.map((r) => WRITE_KEY + r.id));
    return oldest.length;
  }

  /** Storage is full: every finished write and job goes (but those being stored now). True if any went. */
  async function pruneFinished(spare: Set<string>): Promise<boolean> {
    const gone = (await prune(0, spare)) + (await pruneJobs(0, spare));
    if (gone) opts.log(`Outbox: storage is full; removed ${gone} finished writes and jobs to make room`);
    return gone > 0;
  }

  return {
    load,
    save,
    /** Applies `change` to the current copy of a write and saves it; undefined if it is gone. */
    async update(id: string, change: (current: WriteRecord) => WriteRecord, mode: SaveMode = 'must'): Promise<WriteRecord | undefined> {
      const current = writes.get(id);
      if (!current) return undefined;
      const next = change(current);
      await save({ writes: [next] }, mode);
      return next;
    },
    async updateJob(id: string, change: (current: BulkJob) => BulkJob, extra: WriteRecord[] = [], mode: SaveMode = 'must'): Promise<BulkJob | undefined> {
      const current = jobs.get(id);
      if (!current) return undefined;
      const next = change(current);
      await save({ jobs: [next], writes: extra }, mode);
      return next;
    },
    /** A new pending record (not saved yet), next in enqueue order. */
    newRecord(write: Write, at: number, extra: Partial<WriteRecord> = {}): WriteRecord {
      return { v: 1, id: crypto.randomUUID(), seq: nextSeq++, write, state: 'pending', attempts: 0, createdAt: at, updatedAt: at, ...extra };
    },
    write: (id: string) => writes.get(id),
    job: (id: string) => jobs.get(id),
    /** Every write in enqueue order. */
    writes: () => writes.values(),
    jobs: () => jobs.values(),
    onChange(listener: ChangeListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Resolves once every change saved so far has been written (or failed to be). */
    async whenStored(): Promise<void> {
      while (waiting) await waiting.stored.catch(() => undefined);
      await writing;
    },
    /** The last write found storage full: wait for room before sending anything (nothing can be marked `sending`). */
    isFull: () => full,
    /** Room may have come back: stores what waits in memory (if anything); after this, `isFull` says whether it worked. */
    async flush(): Promise<void> {
      full = false;
      if (dirty.size === 0 || closed) return;
      await persist({}).catch((error: unknown) => {
        if (!isQuotaError(error)) opts.log(`Outbox: could not store: ${String(error)}`);
      });
    },
    /** From now on nothing is persisted (as if the worker had died here). */
    close() {
      closed = true;
      listeners.clear();
    },
  };
}

export type QueueStore = ReturnType<typeof createQueueStore>;
