// Bulk tag jobs: one tag change for many contacts through `POST /contacts/bulk/tags/update/{op}`,
// in chunks of BULK_CHUNK contacts. Contacts a bulk answer reports as failed get one ordinary
// tag write each (paced, retried and ordered like any other write). Progress (cursor, counts and
// those writes' ids) is persisted after every chunk, so a new worker resumes where the last one
// stopped; a chunk interrupted mid-flight is simply sent again (tag changes are set operations).
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

/** Contacts of the chunk the answer says were not changed. */
function failedIn(answer: BulkAnswer, chunk: string[]): string[] {
  if (!answer.responses) return answer.succeded === false ? chunk : [];
  const failed = new Set(answer.responses.filter((r) => r.type === 'error').map((r) => r.contactId ?? ''));
  return chunk.filter((id) => failed.has(id));
}

export function createBulkJobs(deps: SendDeps) {
  const { store, now } = deps;

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

  async function attempt(job: BulkJob): Promise<void> {
    const chunk = job.contactIds.slice(job.cursor, job.cursor + BULK_CHUNK);
    const attempts = job.attempts + 1;
    try {
      const client = await deps.clientFor(job.connectionId);
      const answer = await client.tags.bulkUpdate(job.op, { contactIds: chunk, tags: job.tags }, NO_RETRY);
      const failed = failedIn(answer, chunk);
      const cancelled = store.job(job.id)?.state === 'cancelled';
      const kind = job.op === 'add' ? 'tag.add' : 'tag.remove';
      const fallbacks: WriteRecord[] = cancelled
        ? []
        : failed.map((contactId) => store.newRecord({ kind, connectionId: job.connectionId, contactId, tags: job.tags }, now(), { bulkJobId: job.id }));
      const cursor = job.cursor + chunk.length;
      await store.updateJob(
        job.id,
        (j) => ({
          ...j,
          cursor,
          succeeded: j.succeeded + chunk.length - failed.length,
          fallbackIds: [...j.fallbackIds, ...fallbacks.map((f) => f.id)],
          attempts: 0,
          nextAt: undefined,
          reason: undefined,
          updatedAt: now(),
          state: j.state === 'running' && cursor >= j.contactIds.length ? 'sent' : j.state,
        }),
        fallbacks,
      );
    } catch (error) {
      const d = decide(error, { attempts, goneIsDone: false, policy: deps.policy, random: deps.random });
      await store.updateJob(job.id, (j) =>
        d.kind === 'retry'
          ? { ...j, attempts, nextAt: now() + d.delayMs, reason: d.reason, updatedAt: now() }
          : { ...j, attempts, state: 'failed', reason: d.kind === 'failed' ? d.reason : undefined, updatedAt: now() },
      );
    }
  }

  return {
    progress,
    attempt,
    async start(input: BulkTagsInput): Promise<BulkJob> {
      const at = now();
      const job: BulkJob = {
        v: 1,
        id: crypto.randomUUID(),
        connectionId: input.connectionId,
        op: input.op,
        tags: input.tags,
        contactIds: [...new Set(input.contactIds)],
        cursor: 0,
        succeeded: 0,
        fallbackIds: [],
        state: 'running',
        attempts: 0,
        createdAt: at,
        updatedAt: at,
      };
      await store.save({ jobs: [job] });
      return job;
    },
    /** Stops the job: no further chunks; its one-by-one writes not sent yet are discarded. */
    async cancel(jobId: string): Promise<BulkJob | undefined> {
      const job = store.job(jobId);
      if (!job || (job.state !== 'running' && job.state !== 'sent')) return job;
      const discards = job.fallbackIds
        .map((id) => store.write(id))
        .filter((r): r is WriteRecord => r?.state === 'pending' || r?.state === 'failed')
        .map((r) => ({ ...r, state: 'discarded' as const, reason: i18n.t('outbox.bulkCancelled'), updatedAt: now() }));
      return store.updateJob(jobId, (j) => ({ ...j, state: 'cancelled', nextAt: undefined, updatedAt: now() }), discards);
    },
  };
}

export type BulkJobs = ReturnType<typeof createBulkJobs>;
