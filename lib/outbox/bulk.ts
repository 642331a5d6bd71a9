// Bulk tag jobs: one tag change for many contacts through `POST /contacts/bulk/tags/update/{op}`,
// in chunks of BULK_CHUNK contacts, sent concurrently: the scheduler starts every chunk that is
// due, and the client's limiter lets bulk requests fill only their share of the rate limit.
// Contacts a bulk answer reports as failed get one ordinary tag write each (paced, retried and
// ordered like any other write). Progress (the chunks answered, counts and those writes' ids) is
// persisted after every chunk's answer, so a new worker sends only the chunks not answered yet; a
// chunk interrupted mid-flight is simply sent again (tag changes are set operations). A failed
// chunk is retried on its own (`decide`, with its own attempts). Cancel, or a chunk that fails for
// good, stops every chunk not sent yet, including those waiting for the rate limit.
// What a cancel reports is what HighLevel did: chunks whose request had already left when Cancel
// came are applied by HighLevel all the same, so the job stays "cancelling" until their answers are
// in, and then counts them as changed; only the chunks that never left count as not sent. (It used
// to call the job cancelled at once, "0/200 — cancelled", while the requests it had sent went on
// to tag all 200.) Each chunk's answer also says which contacts it did not change (they had the
// tag already), so "Undo this job" changes back exactly the contacts this job changed.
// Bulk jobs run beside the per-contact lanes, not ordered against single writes to the same contacts.
import { i18n } from '#i18n';
import { isGhlError } from '../ghl';
import type { BulkStart } from '../protocol';
import { NO_RETRY } from './exactly-once';
import { decide } from './retry';
import type { SendDeps } from './send';
import type { BulkJob, BulkProgress, WriteRecord } from './types';

/**
 * 50 contacts per request: one request instead of 50 against the 100 / 10 s budget, while a
 * failed or interrupted chunk re-sends little, progress and cancel move in steps users can see,
 * and the body stays small. HighLevel documents no maximum for this endpoint.
 */
export const BULK_CHUNK = 50;

export interface BulkTagsInput {
  connectionId: string;
  contactIds: string[];
  tags: string[];
  op: 'add' | 'remove';
  /** the job this one undoes */
  undoOf?: string;
  /** the tab and page it was started on (an undo: those of the job it undoes) */
  startedOn?: BulkStart;
}

interface BulkAnswer {
  succeded?: boolean | null;
  responses?: Array<{ contactId?: string | null; type?: string | null; tagsAdded?: unknown; tagsRemoved?: unknown }> | null;
}

const chunkCount = (job: BulkJob) => Math.ceil(job.contactIds.length / job.chunkSize);
const contactsOf = (job: BulkJob, chunk: number) => job.contactIds.slice(chunk * job.chunkSize, (chunk + 1) * job.chunkSize);

/** Chunks not answered yet, with the time each may go (0: now; later: after a retry wait). */
export function openChunks(job: BulkJob): Array<{ chunk: number; due: number }> {
  const done = new Set(job.doneChunks);
  const due = new Map(job.retries.map((r) => [r.chunk, r.nextAt]));
  const open: Array<{ chunk: number; due: number }> = [];
  for (let chunk = 0; chunk < chunkCount(job); chunk++) if (!done.has(chunk)) open.push({ chunk, due: due.get(chunk) ?? 0 });
  return open;
}

/** True while the job's change for this contact is not answered yet. */
export function awaitsAnswer(job: BulkJob, contactId: string): boolean {
  const index = job.contactIds.indexOf(contactId);
  return index >= 0 && !job.doneChunks.includes(Math.floor(index / job.chunkSize));
}

/** Contacts of the chunk the answer says were not changed. */
function failedIn(answer: BulkAnswer, chunk: string[]): string[] {
  if (!answer.responses) return answer.succeded === false ? chunk : [];
  const failed = new Set(answer.responses.filter((r) => r.type === 'error').map((r) => r.contactId ?? ''));
  return chunk.filter((id) => failed.has(id));
}

/**
 * Contacts of the chunk the answer shows already as asked: none of the job's tags in `tagsAdded`
 * (`tagsRemoved` for a removal). An answer without these lists counts its contacts as changed.
 */
function unchangedIn(answer: BulkAnswer, chunk: string[], job: Pick<BulkJob, 'op' | 'tags'>): string[] {
  const wanted = new Set(job.tags.map((t) => t.trim().toLowerCase()));
  const same = new Set<string>();
  for (const r of answer.responses ?? []) {
    const changed = job.op === 'add' ? r.tagsAdded : r.tagsRemoved;
    if (r.type === 'error' || !r.contactId || !Array.isArray(changed)) continue;
    if (!changed.some((t) => typeof t === 'string' && wanted.has(t.trim().toLowerCase()))) same.add(r.contactId);
  }
  return chunk.filter((id) => same.has(id));
}

/** Chunks of the job not answered, not dropped. */
const unsettled = (job: BulkJob) => {
  const settled = new Set([...job.doneChunks, ...(job.droppedChunks ?? [])]);
  return Array.from({ length: chunkCount(job) }, (_, i) => i).filter((i) => !settled.has(i));
};

/** HighLevel did not act on a request that failed this way (dropped before it left, refused unread). */
const neverApplied = (error: unknown) => isGhlError(error) && !error.ambiguous;

export function createBulkJobs(deps: SendDeps) {
  const { store, now } = deps;
  /** Per running job: aborting drops its chunks still waiting for the rate limit. */
  const stops = new Map<string, AbortController>();
  const stopOf = (jobId: string) => {
    let stop = stops.get(jobId);
    if (!stop || stop.signal.aborted) stops.set(jobId, (stop = new AbortController()));
    return stop;
  };
  const stopWaiting = (jobId: string) => {
    stops.get(jobId)?.abort();
    stops.delete(jobId);
  };
  /** Per job: the chunks whose attempt runs now in this worker (a request waiting, or on its way). */
  const running = new Map<string, Set<number>>();
  const runningOf = (jobId: string) => running.get(jobId)?.size ?? 0;

  /** Contacts the job changed: answered chunks but those already as asked, and fallbacks done. */
  function changedBy(job: BulkJob): string[] {
    const same = new Set(job.unchanged ?? []);
    const fallback = new Map(job.fallbackIds.map((id) => store.write(id)).filter((r): r is WriteRecord => !!r).map((r) => [r.write.contactId, r.state]));
    return job.doneChunks
      .flatMap((chunk) => contactsOf(job, chunk))
      .filter((id) => !same.has(id) && (fallback.get(id) ?? 'done') === 'done');
  }

  function progress(job: BulkJob): BulkProgress {
    let done = job.succeeded;
    let failed = 0;
    let open = 0;
    let notSent = (job.droppedChunks ?? []).reduce((n, chunk) => n + contactsOf(job, chunk).length, 0);
    for (const id of job.fallbackIds) {
      const state = store.write(id)?.state ?? 'done';
      if (state === 'done') done += 1;
      else if (state === 'pending' || state === 'sending') open += 1;
      else if (state === 'discarded' && job.state === 'cancelled') notSent += 1;
      else failed += 1;
    }
    const state =
      job.state === 'cancelled'
        ? runningOf(job.id) > 0
          ? 'cancelling'
          : 'cancelled'
        : job.state === 'failed'
          ? 'failed'
          : job.state === 'sent' && open === 0
            ? 'done'
            : 'running';
    const finished = state === 'done' || state === 'cancelled' || state === 'failed';
    const undoable = finished && !job.undoneBy ? changedBy(job).length : 0;
    return {
      jobId: job.id,
      state,
      done,
      unchanged: job.unchanged?.length ?? 0,
      failed,
      notSent,
      total: job.contactIds.length,
      reason: job.reason,
      undoOf: job.undoOf,
      undoneBy: job.undoneBy,
      undoable,
      startedOn: job.startedOn,
    };
  }

  async function attempt(job: BulkJob, chunk: number): Promise<void> {
    let mine = running.get(job.id);
    if (!mine) running.set(job.id, (mine = new Set()));
    mine.add(chunk);
    try {
      await send(job, chunk);
    } finally {
      mine.delete(chunk);
      if (mine.size === 0) running.delete(job.id);
      // the last answer of a cancelled job: its report is final now (no longer "cancelling")
      if (store.job(job.id)?.state === 'cancelled' && runningOf(job.id) === 0) await store.updateJob(job.id, (j) => ({ ...j, updatedAt: now() }));
    }
  }

  async function send(job: BulkJob, chunk: number): Promise<void> {
    const contacts = contactsOf(job, chunk);
    const attempts = (store.job(job.id)?.retries.find((r) => r.chunk === chunk)?.attempts ?? 0) + 1;
    const { signal } = stopOf(job.id);
    try {
      const client = await deps.clientFor(job.connectionId);
      const answer = await client.tags.bulkUpdate(job.op, { contactIds: contacts, tags: job.tags }, { ...NO_RETRY, background: true, signal });
      if (store.job(job.id)?.doneChunks.includes(chunk)) return; // answered already (sent twice): counted once
      const failed = failedIn(answer, contacts);
      const unchanged = unchangedIn(answer, contacts, job);
      const cancelled = store.job(job.id)?.state === 'cancelled';
      const kind = job.op === 'add' ? 'tag.add' : 'tag.remove';
      const fallbacks: WriteRecord[] = cancelled
        ? []
        : failed.map((contactId) => store.newRecord({ kind, connectionId: job.connectionId, contactId, tags: job.tags }, now(), { bulkJobId: job.id }));
      // Applied to the current copy: other chunks of the job finish meanwhile.
      await store.updateJob(
        job.id,
        (j) => {
          const doneChunks = [...j.doneChunks, chunk].sort((x, y) => x - y);
          const retries = j.retries.filter((r) => r.chunk !== chunk);
          return {
            ...j,
            doneChunks,
            retries,
            succeeded: j.succeeded + contacts.length - failed.length,
            fallbackIds: [...j.fallbackIds, ...fallbacks.map((f) => f.id)],
            unchanged: unchanged.length || j.unchanged ? [...(j.unchanged ?? []), ...unchanged] : undefined,
            reason: j.state === 'running' && retries.length === 0 ? undefined : j.reason,
            updatedAt: now(),
            state: j.state === 'running' && doneChunks.length >= chunkCount(j) ? 'sent' : j.state,
          };
        },
        fallbacks,
        'when-possible',
      );
    } catch (error) {
      const state = store.job(job.id)?.state;
      // Cancelled meanwhile: a request that never left (dropped while it waited) is not sent; one
      // whose answer was lost may have been applied, and stays unaccounted for.
      if (state === 'cancelled' && neverApplied(error)) {
        await store.updateJob(job.id, (j) => ({ ...j, droppedChunks: [...new Set([...(j.droppedChunks ?? []), chunk])], updatedAt: now() }));
        return;
      }
      // Failed meanwhile: nothing to record.
      if (state !== 'running') return;
      const d = decide(error, { attempts, goneIsDone: false, policy: deps.policy, random: deps.random });
      if (d.kind !== 'retry') stopWaiting(job.id);
      await store.updateJob(job.id, (j) =>
        d.kind === 'retry'
          ? { ...j, retries: [...j.retries.filter((r) => r.chunk !== chunk), { chunk, attempts, nextAt: now() + d.delayMs }], reason: d.reason, updatedAt: now() }
          : { ...j, state: 'failed', reason: d.kind === 'failed' ? d.reason : undefined, updatedAt: now() },
        [],
        'when-possible',
      );
    }
  }

  return {
    progress,
    attempt,
    changedBy,
    async start(input: BulkTagsInput): Promise<BulkJob> {
      const at = now();
      const job: BulkJob = {
        v: 3,
        id: crypto.randomUUID(),
        connectionId: input.connectionId,
        op: input.op,
        tags: input.tags,
        contactIds: [...new Set(input.contactIds)],
        chunkSize: BULK_CHUNK,
        doneChunks: [],
        retries: [],
        succeeded: 0,
        fallbackIds: [],
        state: 'running',
        createdAt: at,
        updatedAt: at,
        ...(input.undoOf ? { undoOf: input.undoOf } : {}),
        ...(input.startedOn ? { startedOn: input.startedOn } : {}),
      };
      await store.save({ jobs: [job] });
      return job;
    },
    /**
     * Starts the job that changes back what `jobId` changed (the other op, only its changed
     * contacts), once; undefined when there is nothing to undo or it was undone already.
     */
    async undo(jobId: string): Promise<BulkJob | undefined> {
      const job = store.job(jobId);
      // finished as the user sees it (the same rule as its progress: a cancelled job's requests in flight answered)
      const state = job && progress(job).state;
      if (!job || job.undoneBy || (state !== 'done' && state !== 'cancelled' && state !== 'failed')) return undefined;
      const contactIds = changedBy(job);
      if (!contactIds.length) return undefined;
      const undo = await this.start({ connectionId: job.connectionId, contactIds, tags: job.tags, op: job.op === 'add' ? 'remove' : 'add', undoOf: job.id, startedOn: job.startedOn });
      await store.updateJob(jobId, (j) => ({ ...j, undoneBy: undo.id, updatedAt: now() }));
      return undo;
    },
    /**
     * Stops the job: chunks not sent yet are dropped (also those waiting for the rate limit); chunks
     * whose request already left are applied by HighLevel and counted when they answer; its
     * one-by-one writes not sent yet are discarded.
     */
    async cancel(jobId: string): Promise<BulkJob | undefined> {
      const job = store.job(jobId);
      if (!job || (job.state !== 'running' && job.state !== 'sent')) return job;
      stopWaiting(jobId);
      const inFlight = running.get(jobId) ?? new Set<number>();
      const dropped = unsettled(job).filter((chunk) => !inFlight.has(chunk));
      const discards = job.fallbackIds
        .map((id) => store.write(id))
        .filter((r): r is WriteRecord => r?.state === 'pending' || r?.state === 'failed')
        .map((r) => ({ ...r, state: 'discarded' as const, reason: i18n.t('outbox.bulkCancelled'), updatedAt: now() }));
      return store.updateJob(
        jobId,
        (j) => ({ ...j, state: 'cancelled', droppedChunks: [...new Set([...(j.droppedChunks ?? []), ...dropped])], retries: [], updatedAt: now() }),
        discards,
      );
    },
  };
}

export type BulkJobs = ReturnType<typeof createBulkJobs>;
