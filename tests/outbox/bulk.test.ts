// Tagging many contacts at once: bulk requests in chunks sent together, with progress kept per
// chunk, one-by-one writes for contacts the bulk answer reports as failed, a 429 on one chunk,
// the daily limit, cancel (reporting exactly what HighLevel applied), undo of a finished job, its
// entry in the activity log, and resume by a new worker (also of a job stored by the version before
// the update, once the user sends it again).
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createGhlClient } from '../../lib/ghl';
import { BULK_CHUNK, activityLog, type BulkProgress } from '../../lib/outbox';
import { JOB_CONTACTS_KEY, JOB_KEY } from '../../lib/outbox/store';
import type { BulkJobRecord } from '../../lib/outbox/types';
import { admin } from '../ghl/sandbox-helpers';
import { withWrites } from '../../lib/record';
import { afterUpdate, contactIdsOf, detailsOf, openBrowser, outboxWorld, sandboxContact, until, type Worker } from './helpers';

const world = outboxWorld(200);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const bulkPosts = async () => (await admin(world.sandbox).requests()).requests.filter((r) => r.path.startsWith('/contacts/bulk/tags/update/'));
const tagged = async (tag: string) => {
  const all = await Promise.all(world.contacts.map((id) => sandboxContact(world.sandbox, id)));
  return all.filter((c) => c!.contact.tags.includes(tag)).length;
};
const finished = (worker: Worker, jobId: string, state: BulkProgress['state']) =>
  until(async () => (await worker.outbox.bulkProgress(jobId))?.state === state, `bulk job ${state}`);
const storedJob = async (jobId: string) => (await fakeBrowser.storage.local.get(JOB_KEY + jobId))[JOB_KEY + jobId] as BulkJobRecord;
const storedContacts = async (jobId: string) => (await fakeBrowser.storage.local.get(JOB_CONTACTS_KEY + jobId))[JOB_CONTACTS_KEY + jobId];

interface BulkCall {
  chunk: number;
  /** 1 for the chunk's first request, 2 for its first retry, ... */
  attempt: number;
  contacts: string[];
  sentAt: number;
  answeredAt?: number;
}
/** send: to the sandbox; hold: never leaves; lose: reaches the sandbox, its answer never comes back. */
type Verdict = 'send' | 'hold' | 'lose' | Response;

/** The worker's fetch, watching bulk requests (their chunk of `ids`, how many are in flight at once) and deciding their fate. */
function bulkSpy(ids: string[], verdict: (call: BulkCall) => Verdict | Promise<Verdict> = () => 'send') {
  const calls: BulkCall[] = [];
  const flight = { now: 0, most: 0 };
  const spy = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    if (!request.url.includes('/contacts/bulk/tags/update/')) return fetch(request);
    const { contacts } = (await request.clone().json()) as { contacts: string[] };
    const chunk = Math.floor(ids.indexOf(contacts[0]!) / BULK_CHUNK);
    const call: BulkCall = { chunk, attempt: calls.filter((c) => c.chunk === chunk).length + 1, contacts, sentAt: Date.now() };
    calls.push(call);
    flight.now += 1;
    flight.most = Math.max(flight.most, flight.now);
    try {
      const fate = await verdict(call);
      if (fate === 'hold') return await new Promise<Response>(() => undefined);
      const response = fate instanceof Response ? fate : await fetch(request);
      if (fate === 'lose') return await new Promise<Response>(() => undefined);
      call.answeredAt = Date.now();
      return response;
    } finally {
      flight.now -= 1;
    }
  }) as typeof fetch;
  return { fetch: spy, calls, flight };
}
const chunksOf = (calls: BulkCall[]) => calls.map((c) => c.chunk).sort();

describe('bulk tags', () => {
  it(`tags 200 contacts in chunks of ${BULK_CHUNK}, reporting progress up to 200/200`, async () => {
    const worker = world.browser.start();
    const seen: number[] = [];
    const job = await worker.outbox.enqueueBulkTags({ connectionId: world.browser.connectionId, contactIds: world.contacts, tags: ['Bulk-A'], op: 'add' });
    expect(job).toMatchObject({ state: 'running', done: 0, total: 200 });
    worker.outbox.onChange(({ jobs }) => seen.push(...jobs.filter((j) => j.id === job.jobId).map((j) => j.succeeded)));
    await finished(worker, job.jobId, 'done');
    expect(await worker.outbox.bulkProgress(job.jobId)).toMatchObject({ done: 200, failed: 0, total: 200 });
    await worker.outbox.whenStored();
    expect(seen).toEqual([50, 100, 150, 200]); // stored after every chunk's answer
    expect(await bulkPosts()).toHaveLength(200 / BULK_CHUNK);
    expect(await tagged('bulk-a')).toBe(200);

    const removal = await worker.outbox.enqueueBulkTags({ connectionId: world.browser.connectionId, contactIds: world.contacts, tags: ['bulk-a'], op: 'remove' });
    await finished(worker, removal.jobId, 'done');
    expect(await tagged('bulk-a')).toBe(0);
  });

  it('falls back to one write per contact the bulk answer reports as failed', async () => {
    const worker = world.browser.start();
    const ids = [...world.contacts.slice(0, 10), 'no-such-contact'];
    const job = await worker.outbox.enqueueBulkTags({ connectionId: world.browser.connectionId, contactIds: ids, tags: ['bulk-b'], op: 'add' });
    await until(async () => (await worker.outbox.bulkProgress(job.jobId))?.failed === 1, 'the fallback to fail');
    expect(await worker.outbox.bulkProgress(job.jobId)).toMatchObject({ state: 'done', done: 10, failed: 1, total: 11 });
    const fallback = (await worker.outbox.list()).find((r) => r.write.contactId === 'no-such-contact')!;
    expect(fallback).toMatchObject({ state: 'failed', bulkJobId: job.jobId, write: { kind: 'tag.add', tags: ['bulk-b'] } });
    const log = (await admin(world.sandbox).requests()).requests;
    expect(log.filter((r) => r.path === '/contacts/no-such-contact/tags')).toHaveLength(1);
  });

  it('sends the chunks of a job at once, not one after another', async () => {
    // each bulk request waits (at most 1 s) until all four are in flight: sent one by one they never overlap
    let arrived = 0;
    let allIn = () => {};
    const together = new Promise<void>((resolve) => (allIn = resolve));
    const spy = bulkSpy(world.contacts, async () => {
      if (++arrived === 4) allIn();
      await Promise.race([together, sleep(1_000)]);
      return 'send' as const;
    });
    const worker = world.browser.start({ fetch: spy.fetch });
    const job = await worker.outbox.enqueueBulkTags({ connectionId: world.browser.connectionId, contactIds: world.contacts, tags: ['bulk-p'], op: 'add' });
    await finished(worker, job.jobId, 'done');
    expect(spy.flight.most).toBe(200 / BULK_CHUNK);
    expect(chunksOf(spy.calls)).toEqual([0, 1, 2, 3]);
    expect(await tagged('bulk-p')).toBe(200);
  });

  it('a new worker sends only the chunks the old one had no answer for, and the result is exact', async () => {
    // chunks 0 and 2 answered; chunk 1 reached HighLevel but its answer was lost; chunk 3 never left
    const first = bulkSpy(world.contacts, ({ chunk }) => (chunk === 1 ? 'lose' : chunk === 3 ? 'hold' : 'send'));
    const old = world.browser.start({ fetch: first.fetch });
    const job = await old.outbox.enqueueBulkTags({ connectionId: world.browser.connectionId, contactIds: world.contacts, tags: ['bulk-d'], op: 'add' });
    await until(async () => (await old.outbox.bulkProgress(job.jobId))!.done === 100, 'chunks 0 and 2');
    await until(async () => (await sandboxContact(world.sandbox, world.contacts[BULK_CHUNK]!))!.contact.tags.includes('bulk-d'), 'chunk 1 to land');
    await old.outbox.whenStored(); // the answers of chunks 0 and 2 are stored
    old.kill();
    expect(await storedJob(job.jobId)).toMatchObject({ doneChunks: [0, 2], succeeded: 100, state: 'running' });

    const second = bulkSpy(world.contacts);
    const next = world.browser.start({ fetch: second.fetch });
    await next.outbox.resume();
    await finished(next, job.jobId, 'done');
    expect(chunksOf(second.calls)).toEqual([1, 3]);
    expect(second.calls.flatMap((c) => c.contacts).sort()).toEqual([...world.contacts.slice(50, 100), ...world.contacts.slice(150, 200)].sort());
    expect(await next.outbox.bulkProgress(job.jobId)).toMatchObject({ done: 200, failed: 0, total: 200 });
    const location = world.sandbox.state.contactsOf(world.sandbox.locations[0]!.id);
    expect(location.filter((c) => c.tags.includes('bulk-d')).map((c) => c.id).sort()).toEqual([...world.contacts].sort());
  });

  /**
   * stores a running job as an earlier version stored it (`fields` of its version); the first worker
   * after the update holds it for the user (it is sent only once asked), and finishes it after Retry
   */
  async function resumeStored(fields: Record<string, unknown>) {
    const id = crypto.randomUUID();
    const at = Date.now();
    const record = { id, connectionId: world.browser.connectionId, op: 'add', contactIds: world.contacts, fallbackIds: [], state: 'running', createdAt: at, updatedAt: at, ...fields };
    await fakeBrowser.storage.local.set({ [JOB_KEY + id]: record });
    const spy = bulkSpy(world.contacts);
    const worker = world.browser.start({ fetch: spy.fetch, trust: afterUpdate() });
    await worker.outbox.resume();
    expect(await worker.outbox.bulkProgress(id)).toMatchObject({ state: 'failed', reason: expect.stringMatching(/previous version .* not sent until you say so/) });
    await sleep(100);
    expect(spy.calls).toEqual([]); // held: nothing sent on its own
    await worker.outbox.retry(id);
    await finished(worker, id, 'done');
    return { id, spy, worker };
  }

  it('resumes a job stored by the previous version (one cursor): only the chunks after the cursor are sent', async () => {
    // v1 record, half done: what the previous version stored after its second chunk
    const { id, spy, worker } = await resumeStored({ v: 1, tags: ['bulk-old'], cursor: 100, succeeded: 100, attempts: 0 });
    expect(chunksOf(spy.calls)).toEqual([2, 3]);
    expect(await worker.outbox.bulkProgress(id)).toMatchObject({ done: 200, failed: 0, total: 200 });
    const tags = await Promise.all(world.contacts.map(async (c) => (await sandboxContact(world.sandbox, c))!.contact.tags.includes('bulk-old')));
    expect(tags.slice(0, 100).filter(Boolean)).toHaveLength(0); // the old worker's part, not sent again
    expect(tags.slice(100).filter(Boolean)).toHaveLength(100);
    expect(await storedJob(id)).toMatchObject({ v: 3, chunkSize: BULK_CHUNK, doneChunks: [0, 1, 2, 3], state: 'sent' });
    expect(await storedContacts(id)).toEqual(world.contacts);
  });

  it('resumes a job stored whole by the previous version (v2): only the chunks not answered are sent', async () => {
    // v2 record: chunks 0 and 2 answered, the contacts inside the record
    const { id, spy, worker } = await resumeStored({ v: 2, tags: ['bulk-v2'], chunkSize: BULK_CHUNK, doneChunks: [0, 2], retries: [], succeeded: 100 });
    expect(chunksOf(spy.calls)).toEqual([1, 3]);
    expect(await worker.outbox.bulkProgress(id)).toMatchObject({ done: 200, failed: 0, total: 200 });
    const tags = await Promise.all(world.contacts.map(async (c) => (await sandboxContact(world.sandbox, c))!.contact.tags.includes('bulk-v2')));
    expect(tags.map((t, i) => [Math.floor(i / BULK_CHUNK), t]).filter(([, t]) => t).map(([c]) => c)).toEqual([...Array(50).fill(1), ...Array(50).fill(3)]);
    expect(await storedJob(id)).toMatchObject({ v: 3, doneChunks: [0, 1, 2, 3], state: 'sent' });
    expect(await storedJob(id)).not.toHaveProperty('contactIds');
    expect(await storedContacts(id)).toEqual(world.contacts);
  });

  it('a 429 on one chunk: that chunk is sent again after the advertised wait, the others go on', async () => {
    const tooMany = () =>
      new Response(JSON.stringify({ statusCode: 429, message: 'Too many requests' }), {
        status: 429,
        headers: { 'content-type': 'application/json', 'X-RateLimit-Max': '100', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Interval-Milliseconds': '300' },
      });
    const spy = bulkSpy(world.contacts, ({ chunk, attempt }) => (chunk === 1 && attempt === 1 ? tooMany() : 'send'));
    const worker = world.browser.start({ fetch: spy.fetch });
    const reasons: Array<string | undefined> = [];
    const job = await worker.outbox.enqueueBulkTags({ connectionId: world.browser.connectionId, contactIds: world.contacts, tags: ['bulk-r'], op: 'add' });
    worker.outbox.onChange(({ jobs }) => reasons.push(...jobs.filter((j) => j.id === job.jobId).map((j) => j.reason)));
    await finished(worker, job.jobId, 'done');
    expect(spy.calls.map((c) => `${c.chunk}/${c.attempt}`).sort()).toEqual(['0/1', '1/1', '1/2', '2/1', '3/1']);
    const refused = spy.calls.find((c) => c.chunk === 1 && c.attempt === 1)!;
    const again = spy.calls.find((c) => c.chunk === 1 && c.attempt === 2)!;
    expect(again.sentAt - refused.answeredAt!).toBeGreaterThanOrEqual(290);
    // the others did not wait for it (one after another, chunks 2 and 3 would follow its retry)
    for (const other of spy.calls.filter((c) => c.chunk !== 1)) expect(other.sentAt).toBeLessThanOrEqual(again.sentAt);
    expect(reasons.some((r) => r?.includes('Too many requests'))).toBe(true);
    expect(await worker.outbox.bulkProgress(job.jobId)).toMatchObject({ state: 'done', done: 200, failed: 0, reason: undefined });
    expect(await tagged('bulk-r')).toBe(200);
  });

  it("stops when the location's requests for the day are used up, and sends nothing more", async () => {
    await admin(world.sandbox).config({ rateLimit: { max: 100, intervalMs: 300, daily: 2 } });
    try {
      const spy = bulkSpy(world.contacts);
      const worker = world.browser.start({ fetch: spy.fetch });
      const job = await worker.outbox.enqueueBulkTags({ connectionId: world.browser.connectionId, contactIds: world.contacts, tags: ['bulk-day'], op: 'add' });
      await finished(worker, job.jobId, 'failed');
      await sleep(1_000); // several burst intervals
      expect(spy.calls).toHaveLength(4);
      const progress = (await worker.outbox.bulkProgress(job.jobId))!;
      expect(progress).toMatchObject({ state: 'failed', done: 100, total: 200 });
      expect(progress.reason).toContain('for today');
      expect(await tagged('bulk-day')).toBe(100);
    } finally {
      await admin(world.sandbox).config({ rateLimit: { max: 100, intervalMs: 10_000, daily: 200_000 } });
    }
  });

  it('cancel stops the job: chunks waiting for the rate limit never leave, the ones in flight are counted', async () => {
    // location 2 (its own rate limiter), limited to 4 requests a second: bulk work may use 2 of them
    const browser = await openBrowser(world.sandbox, 1);
    const ids = contactIdsOf(world.sandbox, 200, 1);
    const location = world.sandbox.locations[1]!;
    await admin(world.sandbox).config({ rateLimit: { max: 4, intervalMs: 1_000 } });
    try {
      const tokens = { get: async () => location.token, refresh: async () => location.token };
      await createGhlClient({ baseUrl: world.sandbox.baseUrl, locationId: location.id, tokens }).contacts.get(ids[0]!); // learns 4 / 1 s
      await sleep(1_200); // an empty window
      let release = () => {};
      const released = new Promise<void>((resolve) => (release = resolve));
      const spy = bulkSpy(ids, async () => (await released, 'send' as const));
      const worker = browser.start({ fetch: spy.fetch });
      const job = await worker.outbox.enqueueBulkTags({ connectionId: browser.connectionId, contactIds: ids, tags: ['bulk-c'], op: 'add' });
      await until(() => spy.calls.length === 2, 'two chunks in flight');
      await sleep(100);
      expect(spy.calls).toHaveLength(2); // the other two wait for the rate limit
      await worker.outbox.cancelBulk(job.jobId);
      // the two waiting are dropped; the two that left are applied by HighLevel: not "cancelled" before they answer
      await until(async () => (await worker.outbox.bulkProgress(job.jobId))!.notSent === 100, 'the waiting chunks dropped');
      expect(await worker.outbox.bulkProgress(job.jobId)).toMatchObject({ state: 'cancelling', done: 0 });
      release();
      await until(async () => (await worker.outbox.bulkProgress(job.jobId))!.done === 100, 'the answers of the chunks in flight');
      await sleep(1_500); // past the next window
      expect(spy.calls).toHaveLength(2);
      expect(await worker.outbox.bulkProgress(job.jobId)).toMatchObject({ state: 'cancelled', done: 100, notSent: 100, total: 200 });
      const taggedThere = world.sandbox.state.contactsOf(location.id).filter((c) => c.tags.includes('bulk-c'));
      expect(taggedThere.map((c) => c.id).sort()).toEqual(spy.calls.flatMap((c) => c.contacts).sort());
    } finally {
      await admin(world.sandbox).config({ rateLimit: { max: 100, intervalMs: 10_000 } });
    }
  });

  it('cancel after every request left reports what HighLevel applied once it answered, never "0/200 — cancelled"', async () => {
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    const spy = bulkSpy(world.contacts, async () => (await released, 'send' as const));
    const worker = world.browser.start({ fetch: spy.fetch });
    const job = await worker.outbox.enqueueBulkTags({ connectionId: world.browser.connectionId, contactIds: world.contacts, tags: ['bulk-late'], op: 'add' });
    await until(() => spy.calls.length === 4, 'every chunk in flight');
    await worker.outbox.cancelBulk(job.jobId);
    const seen: string[] = [];
    worker.outbox.onChange(async () => {
      const p = (await worker.outbox.bulkProgress(job.jobId))!;
      seen.push(`${p.state} ${p.done}/${p.total}, ${p.notSent} not sent`);
    });
    expect(await worker.outbox.bulkProgress(job.jobId)).toMatchObject({ state: 'cancelling', done: 0, notSent: 0 });
    release();
    await finished(worker, job.jobId, 'cancelled');
    expect(await worker.outbox.bulkProgress(job.jobId)).toMatchObject({ state: 'cancelled', done: 200, notSent: 0, total: 200, undoable: 200 });
    // the watcher reads the progress after each change: its last read may still be on its way
    await until(() => seen.some((s) => s.startsWith('cancelled')), 'the watcher to see the job cancelled');
    expect(seen.filter((s) => s.startsWith('cancelled'))).toEqual(['cancelled 200/200, 0 not sent']); // once, and only at the end
    expect(await tagged('bulk-late')).toBe(200);
  });

  it('"Undo this job" changes back exactly the contacts the job changed, once', async () => {
    const worker = world.browser.start();
    const had = world.contacts.slice(0, 10);
    const before = await worker.outbox.enqueueBulkTags({ connectionId: world.browser.connectionId, contactIds: had, tags: ['bulk-undo'], op: 'add' });
    await finished(worker, before.jobId, 'done');
    const job = await worker.outbox.enqueueBulkTags({ connectionId: world.browser.connectionId, contactIds: world.contacts, tags: ['bulk-undo'], op: 'add' });
    await finished(worker, job.jobId, 'done');
    expect(await worker.outbox.bulkProgress(job.jobId)).toMatchObject({ done: 200, unchanged: 10, undoable: 190 });
    const undo = (await worker.outbox.undoBulk(job.jobId))!;
    expect(undo).toMatchObject({ undoOf: job.jobId, total: 190 });
    expect(await worker.outbox.undoBulk(job.jobId)).toBeUndefined(); // undone already
    await finished(worker, undo.jobId, 'done');
    expect(await worker.outbox.bulkProgress(job.jobId)).toMatchObject({ undoneBy: undo.jobId, undoable: 0 });
    expect(await tagged('bulk-undo')).toBe(10);
    const still = await Promise.all(had.map((id) => sandboxContact(world.sandbox, id)));
    expect(still.every((c) => c!.contact.tags.includes('bulk-undo'))).toBe(true);
  });

  it('lists each job in the activity log with its counts', async () => {
    const worker = world.browser.start();
    const job = await worker.outbox.enqueueBulkTags({ connectionId: world.browser.connectionId, contactIds: world.contacts.slice(0, 60), tags: ['bulk-log'], op: 'add' });
    await finished(worker, job.jobId, 'done');
    const entries = await activityLog(worker.outbox, async () => undefined);
    const entry = entries.find((e) => e.id === job.jobId);
    expect(entry).toMatchObject({ what: 'Tag 60 contacts with “\u2068bulk-log\u2069”', state: 'done', job: { done: 60, total: 60, failed: 0 } });
  });

  it('shows the tag on contacts the job has not reached yet', async () => {
    const offline = world.browser.start({ outbox: { clientFor: () => new Promise(() => undefined) } });
    await offline.outbox.enqueueBulkTags({ connectionId: world.browser.connectionId, contactIds: world.contacts.slice(0, 3), tags: ['Bulk-E'], op: 'add' });
    const view = withWrites(detailsOf(world.contacts[2]!, ['x']), await offline.outbox.unanswered(world.contacts[2]!), []);
    expect(view.contact.tags).toEqual(['x', 'Bulk-E']); // as typed until HighLevel answers
    offline.kill();
  });
});
