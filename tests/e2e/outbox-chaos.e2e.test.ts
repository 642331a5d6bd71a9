// Chaos: 1,200 writes over 200 contacts (tags added and removed, tasks created and completed,
// notes created), sent as the sidebar sends them, from the sidebar page, while the sandbox answers
// 20% of the contact requests with a 5xx, 10% with a 429 and drops 5% of connections, with latency.
// A quarter of those 5xx come after the sandbox carried the request out, and so do some of the
// dropped connections (2 in 100 requests, when the request is the first on its connection): the
// write is applied, its answer lost. The MV3 worker is stopped four times while writes are in
// flight. At the end the sandbox holds exactly the expected state: every
// write applied once, none lost, none duplicated.
// CHAOS_BROWSER_FAULTS=1 adds the two faults the outbox does not survive yet (issue #20): a
// connection dropped after the write on a kept-alive connection (the browser sends the request
// again by itself) and an answer whose body never ends.
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
  it('applies 1,200 writes exactly once through 5xx, 429s, dropped connections and four worker stops', { timeout: 600_000 }, async () => {
    const contacts = sandbox.state.contactsOf(sandbox.locationId).slice(0, CONTACTS).map((c) => c.id);
    // the sidebar has each contact open before it changes it
    await inParallel(contacts, PARALLEL, (contactId) => message(page, 'getContactDetails', { contactId }));
    console.warn('chaos: records loaded');
    await resetCounters(sandbox);
    // every create the sandbox saw, with its fault, to say which fault a duplicate came from
    const creates: LoggedRequest[] = [];
    const add = sandbox.ctx.log.add.bind(sandbox.ctx.log);
    sandbox.ctx.log.add = (e) => {
      if (e.method === 'POST' && /\/(notes|tasks)$/.test(e.path)) creates.push(e);
      add(e);
    };
    sandbox.setFaults({
      errorRate: 0.15, errorAfterRate: 0.05, rateLimitRate: 0.1, dropRate: 0.03, dropAfterRate: 0.02, latencyMs: 20, jitterMs: 80, paths: ['/contacts/*'],
      ...(process.env.CHAOS_BROWSER_FAULTS === '1' ? { dropAfterReusedRate: 0.03, stallRate: 0.02 } : {}),
    });
    const started = Date.now();
    let stops = 0;
    const stop = async () => {
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

    await waitForOutbox(page, (s) => s.pending === 0, 480_000, 'the outbox did not send everything', (s) =>
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
    console.warn(
      `chaos: ${writes} writes over ${contacts.length} contacts; ${requests.total} requests to the sandbox; ` +
        `${failedRequests} retries (${faults.errors} injected 5xx, ${requests.rateLimited} answered 429, ${faults.dropped} dropped, each tried again); ` +
        `${lostAnswers} answers lost after the write was applied (${faults.errorsAfter} 5xx, ${faults.droppedAfter} dropped, ` +
        `${faults.droppedAfterReused} dropped on a kept-alive connection, ${faults.stalled} never-ending bodies); ` +
        `${stops} worker stops; ${(duration / 1000).toFixed(1)} s`,
    );
    for (const w of wrong) {
      const id = w.split(':')[0]!;
      console.warn(`chaos: ${w}; its creates: ${JSON.stringify(creates.filter((e) => e.path.includes(id)).map((e) => ({ path: e.path, status: e.status, fault: e.fault, time: e.time })))}`);
    }
    expect(wrong).toEqual([]);
    expect(failedRequests).toBeGreaterThan(0); // the chaos really happened
    expect(faults.errorsAfter).toBeGreaterThan(0);
    expect(faults.droppedAfter).toBeGreaterThan(0);
  });
});
