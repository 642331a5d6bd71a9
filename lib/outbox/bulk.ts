// Bulk tag jobs: one tag change for many contacts through `POST /contacts/bulk/tags/update/{op}`,
// in chunks of BULK_CHUNK contacts, sent concurrently: the scheduler starts every chunk that is
// due, and the client's limiter lets bulk requests fill only their share of the rate limit.
// Contacts a bulk answer reports as failed get one ordinary tag write each (paced, retried and
// ordered like any other write). Progress (the chunks answered, counts and those writes' ids) is
// persisted after every chunk's answer, so a new worker sends only the chunks not answered yet; a
// chunk interrupted mid-flight is simply sent again (tag changes are set operations). A failed
// chunk is retried on its own (`decide`, with its own attempts). Cancel, or a chunk that fails for
// good, stops every chunk not sent yet, including those waiting for the rate limit.
// Bulk jobs run beside the per-contact lanes, not ordered against single writes to the same contacts.
import { i18n } from '#i18n';
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
}

interface BulkAnswer {
  succeded?: boolean | null;
  responses?: Array<{ contactId?: string | null; type?: string | null }> | null;
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

  function progress(job: BulkJob): BulkProgress {
    let done = job.succeeded;
    let failed = 0;
    let open = 0;
    for (const id of job.fallbackIds) {
      const state = store.write(id)?.state ?? 'done';
      if (state === 'done') done += 1;
      else if (state === 'pending' || state === 'sending') open += 1;
      else failed += 1;
    }
    const state = job.state === 'cancelled' || job.state === 'failed' ? job.state : job.state === 'sent' && open === 0 ? 'done' : 'running';
    return { jobId: job.id, state, done, failed, total: job.contactIds.length, reason: job.reason };
  }

  async function attempt(job: BulkJob, chunk: number): Promise<void> {
    const contacts = contactsOf(job, chunk);
    const attempts = (store.job(job.id)?.retries.find((r) => r.chunk === chunk)?.attempts ?? 0) + 1;
    const { signal } = stopOf(job.id);
    try {
      const client = await deps.clientFor(job.connectionId);
      const answer = await client.tags.bulkUpdate(job.op, { contactIds: contacts, tags: job.tags }, { ...NO_RETRY, background: true, signal });
      if (store.job(job.id)?.doneChunks.includes(chunk)) return; // answered already (sent twice): counted once
      const failed = failedIn(answer, contacts);
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
            reason: j.state === 'running' && retries.length === 0 ? undefined : j.reason,
            updatedAt: now(),
            state: j.state === 'running' && doneChunks.length >= chunkCount(j) ? 'sent' : j.state,
          };
        },
        fallbacks,
        'when-possible',
      );
    } catch (error) {
      // Cancelled or failed meanwhile (this chunk may have been dropped unsent): nothing to record.
      if (store.job(job.id)?.state !== 'running') return;
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
      };
      await store.save({ jobs: [job] });
      return job;
    },
    /** Stops the job: no further chunks (chunks already sent finish); its one-by-one writes not sent yet are discarded. */
    async cancel(jobId: string): Promise<BulkJob | undefined> {
      const job = store.job(jobId);
      if (!job || (job.state !== 'running' && job.state !== 'sent')) return job;
      stopWaiting(jobId);
      const discards = job.fallbackIds
        .map((id) => store.write(id))
        .filter((r): r is WriteRecord => r?.state === 'pending' || r?.state === 'failed')
        .map((r) => ({ ...r, state: 'discarded' as const, reason: i18n.t('outbox.bulkCancelled'), updatedAt: now() }));
      return store.updateJob(jobId, (j) => ({ ...j, state: 'cancelled', updatedAt: now() }), discards);
    },
  };
}

export type BulkJobs = ReturnType<typeof createBulkJobs>;
