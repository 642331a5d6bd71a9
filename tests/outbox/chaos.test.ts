// Chaos: 1,000 writes over 200 contacts while HighLevel (the sandbox) answers 20% 5xx, 10% 429,
// drops 5% of connections and adds latency, and the worker is killed several times mid-flight.
// At the end HighLevel must hold exactly what the writes describe: nothing lost, nothing twice.
//
// On top of the sandbox's faults (which all strike before the server acts), 3% of answers are
// lost on the way back after the server acted, the case that makes replays dangerous.
//
// The sandbox's burst limit is raised for this test (100 requests per 100 ms instead of per
// 10 s), so ~2,500 requests take seconds instead of minutes; pacing itself is tested in tests/ghl.
// Retries are allowed 40 attempts here (default 12): with 35% of requests failing, a create
// (list + POST) would otherwise now and then run out of attempts, which is a "failed", not a loss.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { NewWrite } from '../../lib/outbox';
import { admin, openSandbox, type Sandbox } from '../ghl/sandbox-helpers';
import { DUE, FAST, contactIdsOf, openBrowser, sandboxContact, settled, storedText, until, type Worker } from './helpers';

const WRITES = 1_000;
const CONTACTS = 200;
const KILLS = 4;

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await openSandbox({ seed: 7 });
  sandbox.setConfig({ rateLimit: { max: 100, intervalMs: 100 } });
});
afterAll(() => sandbox.close());

/** Small seeded generator, so every run queues the same writes. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface Expected {
  tags: Set<string>;
  tasks: Map<string, { title: string; completed: boolean }>;
  notes: string[];
}

it('applies 1,000 writes exactly once through faults and worker kills', { timeout: 240_000 }, async () => {
  fakeBrowser.reset();
  const browser = await openBrowser(sandbox);
  const contacts = contactIdsOf(sandbox, CONTACTS);
  const before = new Map(await Promise.all(contacts.map(async (id) => [id, (await sandboxContact(sandbox, id))!] as const)));
  await admin(sandbox).resetCounters();
  sandbox.setFaults({ errorRate: 0.2, rateLimitRate: 0.1, rateLimitBurstMs: 0, dropRate: 0.05, latencyMs: 2, jitterMs: 8, seed: 11 });

  let retries = 0;
  let answersLost = 0;
  const loseSome = prng(99);
  const lossy = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const response = await fetch(input, init);
    if (loseSome() >= 0.03) return response;
    answersLost += 1;
    await response.arrayBuffer();
    throw new TypeError('fetch failed: connection reset after the server answered');
  }) as typeof fetch;
  const start = () => browser.start({ fetch: lossy, outbox: { ...FAST, retry: { ...FAST.retry, maxAttempts: 40 }, keepFinished: WRITES, onRetry: () => void (retries += 1) } });
  const started = Date.now();
  let worker: Worker = start();

  // Queue the writes (sending starts at once) and compute what HighLevel should end up with.
  const random = prng(2024);
  const expected = new Map<string, Expected>(contacts.map((id) => [id, { tags: new Set(), tasks: new Map(), notes: [] }]));
  for (let i = 0; i < WRITES; i += 1) {
    const contactId = contacts[Math.floor(random() * CONTACTS)]!;
    const model = expected.get(contactId)!;
    const on = { connectionId: browser.connectionId, contactId };
    const roll = random();
    const openTask = [...model.tasks].find(([, t]) => !t.completed)?.[0];
    const someTag = [...model.tags][0];
    let write: NewWrite;
    if (roll < 0.15 && someTag) {
      write = { kind: 'tag.remove', ...on, tags: [someTag] };
      model.tags.delete(someTag);
    } else if (roll < 0.35) {
      const title = `chaos task ${i}`;
      const record = await worker.outbox.enqueue({ kind: 'task.create', ...on, fields: { title, dueDate: DUE } });
      if (record.write.kind === 'task.create') model.tasks.set(record.write.tempId, { title, completed: false });
      continue;
    } else if (roll < 0.5 && openTask) {
      write = { kind: 'task.complete', ...on, taskId: openTask, completed: true };
      model.tasks.get(openTask)!.completed = true;
    } else if (roll < 0.7) {
      write = { kind: 'note.create', ...on, fields: { body: `chaos note ${i}` } };
      model.notes.push(`chaos note ${i}`);
    } else {
      write = { kind: 'tag.add', ...on, tags: [`chaos-${i}`] };
      model.tags.add(`chaos-${i}`);
    }
    await worker.outbox.enqueue(write);
  }

  // Kill the worker mid-flight several times; each new one resumes over the same storage.
  for (let kill = 0; kill < KILLS; kill += 1) {
    const { pending } = await worker.outbox.counts();
    await until(async () => (await worker.outbox.counts()).pending <= pending - 120 || pending < 120, 'progress before a kill');
    worker.kill();
    worker = start();
    await worker.outbox.resume();
  }
  await settled(worker.outbox, 200_000);
  const durationMs = Date.now() - started;

  const records = await worker.outbox.list();
  const figures = {
    writes: WRITES,
    contacts: CONTACTS,
    kills: KILLS,
    requestsSent: sandbox.ctx.log.counts().total,
    retries,
    answered5xx: sandbox.ctx.faults.counts.errors,
    answered429: sandbox.ctx.log.counts().rateLimited,
    dropped: sandbox.ctx.faults.counts.dropped,
    answersLost,
    checkedBeforeResend: records.filter((r) => r.mayHaveLanded && r.write.kind.endsWith('.create')).length,
    states: Object.fromEntries(['done', 'failed', 'pending', 'conflict'].map((s) => [s, records.filter((r) => r.state === s).length])),
    durationMs,
  };
  console.warn(`outbox chaos: ${JSON.stringify(figures)}`);
  sandbox.setFaults({ errorRate: 0, rateLimitRate: 0, dropRate: 0, latencyMs: 0, jitterMs: 0 });

  expect(records.filter((r) => r.state !== 'done').map((r) => `${r.write.kind}: ${r.state} ${r.reason ?? ''}`)).toEqual([]);
  expect(records).toHaveLength(WRITES);
  expect(figures.answered5xx + figures.answered429 + figures.dropped).toBeGreaterThan(WRITES * 0.2);

  for (const [contactId, model] of expected) {
    const now = (await sandboxContact(sandbox, contactId))!;
    const was = before.get(contactId)!;
    const label = `contact ${contactId}`;
    expect(now.contact.tags.filter((t) => !t.startsWith('chaos-')).sort(), label).toEqual([...was.contact.tags].sort());
    expect(now.contact.tags.filter((t) => t.startsWith('chaos-')).sort(), label).toEqual([...model.tags].sort());
    const chaosTasks = now.tasks.filter((t) => t.title.startsWith('chaos task'));
    expect(chaosTasks.map((t) => `${t.title}:${t.completed}`).sort(), label).toEqual(
      [...model.tasks.values()].map((t) => `${t.title}:${t.completed}`).sort(),
    );
    expect(now.notes.filter((n) => n.body.startsWith('chaos note')).map((n) => n.body).sort(), label).toEqual([...model.notes].sort());
  }
  const stored = await storedText();
  for (const l of sandbox.locations) expect(stored).not.toContain(l.token);
});
