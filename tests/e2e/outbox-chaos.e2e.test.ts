// Chaos: 1,200 writes over 200 contacts (tags added and removed, tasks created and completed,
// notes created), sent as the sidebar sends them, from the sidebar page, while the sandbox answers
// 20% of the contact requests with a 5xx, 10% with a 429 and drops 5% of connections, with latency.
// After the sandbox carried a request out, its answer is lost too: a share of the 5xx (a quarter),
// dropped connections (2 in 100 requests, when the request is the first on its connection), a
// connection dropped on a kept-alive connection (2 in 100: Chromium then sends the request again
// by itself, unseen by the extension, and the write is applied twice), and an answer whose body
// never ends (1 in 200: the client's 30 s timeout covers the body). On top of those shares, which
// fall on whatever requests come, the creates get scripted faults that fire once each, so the test
// asserts the faults it really injected, whatever the order of the requests. The MV3 worker is
// stopped four times while writes are in flight. At the end the sandbox holds exactly the expected
// state: every write applied once, none lost, none duplicated; and after every faulted request, the
// contact's next request came (how long after is printed, against the client's timeout plus the
// longest backoff, plus the settle wait of each worker stop in between).
// The sandbox's rate limit is raised for this test (setConfig) to 100 requests per 500 ms (2,000
// per 10 s): at the default 100 / 10 s the ~3,000 requests (writes, retries, the checks that make
// creates exactly-once, the records read first) would take over five minutes, and every injected
// 429 advertises the limit's interval, for which the client rightly pauses all requests of the
// location (10 s at the default, 0.5 s here). Pacing at the default limit is the bulk test's job.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchChromium, stopServiceWorker, type ExtensionBrowser } from '../../scripts/lib/browsers';
import { connectWithToken } from '../../scripts/lib/flow';
import type { LoggedRequest } from '../../sandbox/reqlog';
import type { Sandbox } from '../../sandbox/server';
import { inParallel, message, requestCounts, resetCounters, faultCounts, waitForOutbox } from './outbox-steps';
import { freshSandbox, proxyOf } from './setup';
import { sandboxRecord } from './sidebar-steps';

const CONTACTS = 200;
/** messages in flight at once from the page */
const PARALLEL = 50;
/** The client's timeout (headers and body) and the outbox's longest backoff: no contact waits longer after a fault. */
const REQUEST_TIMEOUT_MS = 30_000;
/** The outbox's longest backoff (lib/outbox/retry.ts DEFAULT_RETRY.maxMs). */
const MAX_BACKOFF_MS = 60_000;
/** A worker stopped mid-send: the new worker waits this long after the send before it checks (queue.ts settleMs). */
const SETTLE_MS = 35_000;
/** What the pacing adds at most on top (the raised rate window, 429 pauses, the sandbox's latency). */
const PACING_SLACK_MS = 10_000;
/** Scripted on the creates (notes and tasks each): each fires once, on the next create it fits. */
const SCRIPTED = { dropAfterReused: 6, errorAfter: 3, stall: 2 } as const;

let sandbox: Sandbox;
let eb: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  sandbox = await freshSandbox();
  sandbox.setConfig({ rateLimit: { max: 100, intervalMs: 500 } });
  eb = await launchChromium(proxyOf(sandbox));
  page = await connectWithToken(eb, sandbox);
  page = await eb.openExtensionPage('sidepanel.html');
});
afterAll(async () => {
  await eb?.close();
  await sandbox?.close();
});

describe('Chromium: the outbox under chaos', () => {
  it('applies 1,200 writes exactly once through 5xx, 429s, dropped connections and four worker stops', { timeout: 660_000 }, async () => {
    const contacts = sandbox.state.contactsOf(sandbox.locationId).slice(0, CONTACTS).map((c) => c.id);
    // the sidebar has each contact open before it changes it
    await inParallel(contacts, PARALLEL, (contactId) => message(page, 'getContactDetails', { contactId }));
    console.warn('chaos: records loaded');
    await resetCounters(sandbox);
    // every request the sandbox saw, with its fault: what was injected, what a duplicate came from,
    // and how long a contact waited after a fault
    const seen: LoggedRequest[] = [];
    const add = sandbox.ctx.log.add.bind(sandbox.ctx.log);
    sandbox.ctx.log.add = (e) => {
      seen.push(e);
      add(e);
    };
    sandbox.setFaults({
      errorRate: 0.15, errorAfterRate: 0.05, rateLimitRate: 0.1, dropRate: 0.03, dropAfterRate: 0.02, dropAfterReusedRate: 0.02, stallRate: 0.005,
      latencyMs: 20, jitterMs: 80, paths: ['/contacts/*'],
    });
    sandbox.ctx.faults.script(
      ['/contacts/*/notes', '/contacts/*/tasks'].flatMap((path) =>
        Object.entries(SCRIPTED).flatMap(([kind, times]) => Array.from({ length: times }, () => ({ kind: kind as keyof typeof SCRIPTED, method: 'POST', path }))),
      ),
    );
    const started = Date.now();
    let stops = 0;
    const stoppedAt: number[] = [];
    const stop = async () => {
      stoppedAt.push(Date.now());
      await stopServiceWorker(eb, page);
      stops += 1;
      console.warn(`chaos: worker stop ${stops} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    };
    const due = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const taskIds: string[] = [];

    await inParallel(contacts, PARALLEL, (contactId) => message(page, 'addTags', { contactId, tags: ['chaos-keep'] }));
    await stop();
    await inParallel(contacts, PARALLEL, (contactId) => message(page, 'addTags', { contactId, tags: ['chaos-drop'] }));
    await inParallel(contacts, PARALLEL, async (contactId, i) => {
      const record = await message(page, 'createTask', { contactId, task: { title: `Chaos task ${i}`, dueDate: due } });
      taskIds[i] = record.tasks.find((t) => t.title === `Chaos task ${i}`)!.id; // a temporary id until HighLevel answers
    });
    await stop();
    await inParallel(contacts, PARALLEL, (contactId, i) => message(page, 'createNote', { contactId, body: `Chaos note ${i}` }));
    await inParallel(contacts, PARALLEL, (contactId) => message(page, 'removeTags', { contactId, tags: ['chaos-drop'] }));
    await stop();
    await inParallel(contacts, PARALLEL, (contactId, i) => message(page, 'setTaskCompleted', { contactId, taskId: taskIds[i]!, completed: true }));
    const writes = contacts.length * 6;
    await stop();

    await waitForOutbox(page, (s) => s.pending === 0, 540_000, 'the outbox did not send everything', (s) =>
      console.warn(`chaos: ${s.pending} waiting, ${s.failed} failed after ${((Date.now() - started) / 1000).toFixed(0)} s`),
    );
    const status = await message(page, 'getOutboxStatus', undefined);
    expect({ failed: status.failed, conflicts: status.conflicts }).toEqual({ failed: 0, conflicts: 0 });
    const duration = Date.now() - started;
    sandbox.setFaults({ errorRate: 0, rateLimitRate: 0, dropRate: 0, errorAfterRate: 0, dropAfterRate: 0, dropAfterReusedRate: 0, stallRate: 0, latencyMs: 0, jitterMs: 0, paths: [] });

    const wrong: string[] = [];
    await inParallel(contacts, 20, async (contactId, i) => {
      const r = await sandboxRecord(sandbox, contactId);
      const tasks = r.tasks.filter((t) => t.title === `Chaos task ${i}`);
      const notes = r.notes.filter((n) => n.body === `Chaos note ${i}`);
      if (!r.contact.tags.includes('chaos-keep')) wrong.push(`${contactId}: tag chaos-keep missing`);
      if (r.contact.tags.includes('chaos-drop')) wrong.push(`${contactId}: tag chaos-drop not removed`);
      if (tasks.length !== 1) wrong.push(`${contactId}: ${tasks.length} tasks`);
      else if (!tasks[0]!.completed) wrong.push(`${contactId}: task not completed`);
      if (notes.length !== 1) wrong.push(`${contactId}: ${notes.length} notes`);
    });
    const requests = await requestCounts(sandbox);
    const faults = await faultCounts(sandbox);
    const failedRequests = faults.errors + requests.rateLimited + faults.dropped;
    const lostAnswers = faults.errorsAfter + faults.droppedAfter + faults.droppedAfterReused + faults.stalled;
    // what the sandbox's own log says was injected on the creates
    const createFaults: Record<string, number> = {};
    for (const e of seen) if (e.method === 'POST' && /\/(notes|tasks)$/.test(e.path) && e.fault) createFaults[e.fault] = (createFaults[e.fault] ?? 0) + 1;
    // after each faulted request of a contact, how long until its next request
    const byContact = new Map<string, number[]>();
    for (const e of seen) {
      const id = e.path.split('/')[2]!;
      if (contacts.includes(id)) byContact.set(id, [...(byContact.get(id) ?? []), Date.parse(e.time)]);
    }
    const resent = { dropped: 0, sentAgainAtOnce: 0 };
    for (const [i, e] of seen.entries()) {
      if (e.fault !== 'drop-after-reused' || e.method !== 'POST' || !/\/(notes|tasks)$/.test(e.path)) continue;
      resent.dropped += 1;
      const id = e.path.split('/')[2]!;
      const next = seen.slice(i + 1).find((x) => x.path.split('/')[2] === id);
      if (next?.method === 'POST' && next.path === e.path) resent.sentAgainAtOnce += 1;
    }
    // the bound: the client's timeout and the longest backoff, plus the settle wait of each worker
    // stop in between (a write in flight when the worker stopped is checked only after it)
    let longestWait = 0;
    let longestWithoutStop = 0;
    const stuck: string[] = [];
    for (const e of seen) {
      const id = e.path.split('/')[2]!;
      if (!e.fault || !contacts.includes(id)) continue;
      const at = Date.parse(e.time);
      const next = byContact.get(id)!.find((t) => t > at);
      const wait = (next ?? Date.now()) - at;
      const stopsBetween = stoppedAt.filter((t) => t > at && t < (next ?? Date.now())).length;
      const bound = REQUEST_TIMEOUT_MS + MAX_BACKOFF_MS + PACING_SLACK_MS + stopsBetween * SETTLE_MS;
      longestWait = Math.max(longestWait, wait);
      if (!stopsBetween) longestWithoutStop = Math.max(longestWithoutStop, wait);
      if (wait > bound) stuck.push(`${e.method} ${e.path} (${e.fault}) at ${e.time}: next request ${next === undefined ? 'never' : `${(wait / 1000).toFixed(1)} s later`}`);
    }
    console.warn(
      `chaos: ${writes} writes over ${contacts.length} contacts; ${requests.total} requests to the sandbox; ` +
        `${failedRequests} retries (${faults.errors} injected 5xx, ${requests.rateLimited} answered 429, ${faults.dropped} dropped, each tried again); ` +
        `${lostAnswers} answers lost after the write was applied (${faults.errorsAfter} 5xx, ${faults.droppedAfter} dropped, ` +
        `${faults.droppedAfterReused} dropped on a kept-alive connection, ${faults.stalled} never-ending bodies); ` +
        `on the creates: ${JSON.stringify(createFaults)}; longest wait after a fault ${(longestWait / 1000).toFixed(1)} s (${(longestWithoutStop / 1000).toFixed(1)} s with no worker stop in between); ` +
        `${stops} worker stops; ${(duration / 1000).toFixed(1)} s`,
    );
    for (const w of wrong) {
      const id = w.split(':')[0]!;
      const creates = seen.filter((e) => e.method === 'POST' && e.path.includes(id) && /\/(notes|tasks)$/.test(e.path));
      console.warn(`chaos: ${w}; its creates: ${JSON.stringify(creates.map((e) => ({ path: e.path, status: e.status, fault: e.fault, time: e.time })))}`);
    }
    expect(wrong).toEqual([]);
    // no contact's queue is held for good: after every fault, the contact's next request came
    // (the bound itself is printed above; see the README for what was measured)
    expect(stuck.filter((w) => w.includes('never'))).toEqual([]);
    if (stuck.length) console.warn(`chaos: ${stuck.length} waits after a fault longer than timeout + backoff (+ settle per stop), e.g. ${stuck.slice(0, 3).join('; ')}`);
    // every scripted fault fired: each create fault below really happened, at least that many times
    expect(sandbox.ctx.faults.scriptLeft).toBe(0);
    expect(createFaults['drop-after-reused'] ?? 0).toBeGreaterThanOrEqual(2 * SCRIPTED.dropAfterReused);
    expect(createFaults.stall ?? 0).toBeGreaterThanOrEqual(2 * SCRIPTED.stall);
    expect(Object.entries(createFaults).filter(([f]) => /^http-5\d\d-after$/.test(f)).reduce((n, [, c]) => n + c, 0)).toBeGreaterThanOrEqual(2 * SCRIPTED.errorAfter);
    // and each kept-alive drop on a create made the browser send it again by itself: the contact's
    // next request is the same POST (the outbox never sends a create twice without a check between)
    expect(resent).toEqual({ dropped: createFaults['drop-after-reused'] ?? 0, sentAgainAtOnce: createFaults['drop-after-reused'] ?? 0 });
  });
});
