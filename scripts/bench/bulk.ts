// Bulk tag: 500 matched people tagged at once, against the floor set by the rate limit (100
// requests / 10 s), the bulk endpoint (50 contacts per request) and the transport: over HTTP/2
// (one connection, any number of requests at once) the 10 requests take 1 round trip; over
// HTTP/1.1 Chromium opens at most 6 connections to one host, so they take 2. Measured only
// through the extension, at the real rate limit, timed inside an extension page.
import { connect } from 'node:http2';
import { API_VERSION } from '../../lib/ghl/http';
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

/** a request's method, path (ids as {id}) and status */
const kindOf = (r: { method: string; path: string; status: number }) => `${r.method} ${r.path.replace(/[A-Za-z0-9]{20,}/g, '{id}')} ${r.status}`;

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
      // BENCH_DEBUG=1: each run's requests by kind, one JSON line on stderr
      if (process.env.BENCH_DEBUG) {
        const kinds: Record<string, number> = {};
        for (const r of log) kinds[kindOf(r)] = (kinds[kindOf(r)] ?? 0) + 1;
        process.stderr.write(JSON.stringify({ bulkRun: run, ms, kinds }) + '\n');
      }
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

/**
 * The same job without the extension: the same requests (50 contacts each, one tag) sent at once
 * by a bare HTTP/2 client in this process, over one connection opened and used once before, timed
 * from the first request sent to the last answer read. What the sandbox's bulk endpoint and the
 * latency allow: the floor the extension is compared with (the sandbox handles requests one at a
 * time, ~1 ms each, so 10 at once take longer than one round trip).
 */
export async function measureBareBulk(env: BenchEnv, contactIds: string[], runs: number, people = BULK_PEOPLE): Promise<Summary> {
  const { sandbox } = env;
  if (!sandbox.http2Url) throw new Error('the sandbox serves no HTTP/2');
  const ids = contactIds.slice(0, people);
  // the sandbox's certificate is its own (the extension's browser trusts its key): not checked here
  const session = connect(sandbox.http2Url, { rejectUnauthorized: false });
  const post = (contacts: string[], tag: string) => new Promise<void>((resolve, reject) => {
    const body = JSON.stringify({ locationId: sandbox.locationId, contacts, tags: [tag] });
    const req = session.request({ ':method': 'POST', ':path': '/contacts/bulk/tags/update/add', authorization: `Bearer ${sandbox.token}`,
      version: API_VERSION.contacts, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    let status = 0;
    req.on('response', (h) => (status = Number(h[':status'])));
    req.on('data', () => undefined);
    req.on('end', () => (status === 201 ? resolve() : reject(new Error(`the bare bulk request was answered ${status}`))));
    req.on('error', reject);
    req.end(body);
  });
  const job = (tag: string) => {
    const chunks: Promise<void>[] = [];
    for (let i = 0; i < ids.length; i += PER_REQUEST) chunks.push(post(ids.slice(i, i + PER_REQUEST), tag));
    return Promise.all(chunks);
  };
  try {
    await job(`bench-bare-warm-${Date.now()}`);
    const times: number[] = [];
    for (let run = 0; run < Math.min(runs, MAX_RUNS); run++) {
      const t0 = performance.now();
      await job(`bench-bare-${Date.now()}-${run}`);
      times.push(performance.now() - t0);
    }
    return summarise(times);
  } finally {
    session.close();
  }
}

/**
 * The same 10 requests sent at once by a plain `fetch` from an extension page of the same browser,
 * to the same address with the same headers: the browser's network stack, without the extension's
 * code (the outbox, its storage, its messages). Timed in the page from the first request sent to
 * the last answer read. Set beside the Node client above, it tells the browser's part of the bulk
 * time from the extension's own.
 */
export async function measureBrowserBareBulk(env: BenchEnv, contactIds: string[], runs: number, people = BULK_PEOPLE): Promise<Summary> {
  const { sandbox, extensionPage } = env;
  const ids = contactIds.slice(0, people);
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += PER_REQUEST) chunks.push(ids.slice(i, i + PER_REQUEST));
  const request = {
    url: `${env.apiUrl}/contacts/bulk/tags/update/add`,
    headers: { authorization: `Bearer ${sandbox.token}`, version: API_VERSION.contacts, 'content-type': 'application/json' },
    locationId: sandbox.locationId,
  };
  const job = (tag: string) =>
    extensionPage.evaluate(async (r: typeof request, all: string[][], t: string) => {
      const started = performance.now();
      await Promise.all(all.map(async (contacts) => {
        const res = await fetch(r.url, { method: 'POST', headers: r.headers, body: JSON.stringify({ locationId: r.locationId, contacts, tags: [t] }) });
        await res.text();
        if (res.status !== 201) throw new Error(`the bare bulk request was answered ${res.status}`);
      }));
      return performance.now() - started;
    }, request, chunks, tag);
  await job(`bench-browser-warm-${Date.now()}`);
  const times: number[] = [];
  for (let run = 0; run < Math.min(runs, MAX_RUNS); run++) times.push(await job(`bench-browser-${Date.now()}-${run}`));
  return summarise(times);
}

