// Bulk tag: 500 matched people tagged at once, against the floor set by the rate limit (100
// requests / 10 s) and the bulk endpoint (50 contacts per request). Measured only through the
// extension, at the real rate limit.
import { ask, loggedRequests, resetRequests, sleep, type BenchEnv } from './env';

export const BULK_PEOPLE = 500;
/** contacts per `POST /contacts/bulk/tags/update/{op}` (lib/outbox/bulk.ts) */
const PER_REQUEST = 50;
const RATE = { max: 100, intervalMs: 10_000 };

/** the fewest requests and the shortest time 500 people can be tagged in */
export function bulkFloor(latencyMs: number) {
  const requests = Math.ceil(BULK_PEOPLE / PER_REQUEST);
  const windows = Math.ceil(requests / RATE.max) - 1; // full rate windows waited before the last requests
  return { requests, ms: windows * RATE.intervalMs + latencyMs };
}

export interface BulkFigures {
  ms: number;
  requests: number;
  rateLimited: number;
  tagged: number;
}

/**
 * Tags 500 of the location's contacts through the extension's bulk message at HighLevel's real
 * rate limit (100 requests / 10 s), timed from the message to the job reported done; requests and
 * 429s from the sandbox's log, the result from the sandbox's own state.
 */
export async function measureBulk(env: BenchEnv, contactIds: string[]): Promise<BulkFigures> {
  const { sandbox, extensionPage } = env;
  const ids = contactIds.slice(0, BULK_PEOPLE);
  if (ids.length < BULK_PEOPLE) throw new Error(`only ${ids.length} contacts to tag`);
  const tag = `bench-bulk-${Date.now()}`;
  sandbox.setConfig({ rateLimit: RATE });
  try {
    await resetRequests(sandbox);
    const started = performance.now();
    const job = await ask<{ jobId: string }>(extensionPage, 'startBulkTags', { contactIds: ids, tags: [tag], op: 'add' });
    for (;;) {
      const status = await ask<{ jobs: { jobId: string; state: string }[] }>(extensionPage, 'getOutboxStatus');
      const state = status.jobs.find((j) => j.jobId === job.jobId)?.state;
      if (state && state !== 'running') break;
      if (performance.now() - started > 120_000) throw new Error('the bulk job did not finish in 2 minutes');
      await sleep(10);
    }
    const ms = performance.now() - started;
    const log = await loggedRequests(sandbox);
    const tagged = ids.filter((id) => sandbox.state.contacts.get(id)?.tags.includes(tag)).length;
    return { ms, requests: log.length, rateLimited: log.filter((r) => r.status === 429).length, tagged };
  } finally {
    sandbox.setConfig({ rateLimit: { max: 1_000_000, intervalMs: RATE.intervalMs } });
  }
}
