// Bulk tag: 500 matched people tagged at once, against the floor set by the rate limit (100
// requests / 10 s), the bulk endpoint (50 contacts per request) and the transport: over HTTP/2
// (one connection, any number of requests at once) the 10 requests take 1 round trip; over
// HTTP/1.1 Chromium opens at most 6 connections to one host, so they take 2. Measured only
// through the extension, at the real rate limit, timed inside an extension page.
import { NAME_SHIM, loggedRequests, resetRequests, sleep, type BenchEnv } from './env';
import { timeBulkJob } from './in-page';
import { summarise, type Summary } from './stats';

export const BULK_PEOPLE = 500;
/** contacts per `POST /contacts/bulk/tags/update/{op}` (lib/outbox/bulk.ts) */
export const PER_REQUEST = 50;
const RATE = { max: 100, intervalMs: 10_000 };
/** Chromium's limit of HTTP/1.1 connections to one host */
export const HTTP1_CONNECTIONS = 6;
/**
 * runs per size: with the one-request runs, 3 × (10 + 1) = 33 requests stay inside what bulk work
 * may send in one rate window (half of it, lib/ghl/ratelimit.ts), so no run waits for the budget
 */
const MAX_RUNS = 3;

/** the fewest requests and the shortest time `people` can be tagged in, `connections` requests at a time */
export function bulkFloor(latencyMs: number, connections = Infinity, people = BULK_PEOPLE) {
  const requests = Math.ceil(people / PER_REQUEST);
  const windows = Math.ceil(requests / RATE.max) - 1; // full rate windows waited before the last requests
  const atOnce = Math.min(requests, RATE.max);
  const roundTrips = Math.ceil(atOnce / Math.min(connections, atOnce));
  return { requests, ms: windows * RATE.intervalMs + roundTrips * latencyMs };
}

export interface BulkFigures {
  ms: Summary;
  /** of the last run */
  requests: number;
  /** over all runs */
  rateLimited: number;
  /** of the last run */
  tagged: number;
}

/**
 * Tags `people` of the location's contacts through the extension's bulk message at HighLevel's
 * real rate limit (100 requests / 10 s), a new tag per run, each timed in the page from the
 * message to the job stored finished (see timeBulkJob); requests and 429s from the sandbox's log,
 * the result from the sandbox's own state. The sandbox's window is reset before each run, as if
 * the runs were a window apart; `fresh`: first wait until no earlier request of the extension is
 * in its own window (the floor assumes the budget is free).
 */
export async function measureBulk(env: BenchEnv, contactIds: string[], runs: number, opts: { people?: number; fresh?: boolean } = {}): Promise<BulkFigures> {
  const { sandbox, extensionPage } = env;
  const people = opts.people ?? BULK_PEOPLE;
  const ids = contactIds.slice(0, people);
  if (ids.length < people) throw new Error(`only ${ids.length} contacts to tag`);
  sandbox.setConfig({ rateLimit: RATE });
  // the worker's requests are not recorded meanwhile (recording their bodies costs the worker time)
  await env.worker.send('Network.disable');
  try {
    if (opts.fresh) await sleep(RATE.intervalMs + 200);
    await extensionPage.evaluate(NAME_SHIM);
    const times: number[] = [];
    let requests = 0;
    let rateLimited = 0;
    let tagged = 0;
    for (let run = 0; run < Math.min(runs, MAX_RUNS); run++) {
      const tag = `bench-bulk-${Date.now()}-${run}`;
      await resetRequests(sandbox);
      const { ms, state } = await extensionPage.evaluate(timeBulkJob, ids, tag);
      if (state !== 'done') throw new Error(`the bulk job ended ${state}`);
      times.push(ms);
      const log = await loggedRequests(sandbox);
      requests = log.length;
      rateLimited += log.filter((r) => r.status === 429).length;
      tagged = ids.filter((id) => sandbox.state.contacts.get(id)?.tags.includes(tag)).length;
    }
    return { ms: summarise(times), requests, rateLimited, tagged };
  } finally {
    await env.worker.send('Network.enable');
    sandbox.setConfig({ rateLimit: { max: 1_000_000, intervalMs: RATE.intervalMs } });
  }
}
