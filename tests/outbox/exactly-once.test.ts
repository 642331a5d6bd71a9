// Creates are applied exactly once when HighLevel's answer never arrives: the connection drops
// before it lands, the answer is lost after it landed, or the worker dies mid-send; and when the
// browser itself sends the create again, unseen, because a kept-alive connection closed after
// HighLevel acted (Chromium resends any request, POST included, on a reused connection that
// closes before the first byte of the answer: measured against the sandbox, one fetch() made two
// notes and answered 201). `browserResend` (helpers.ts) does what Chromium did there.
import { describe, expect, it } from 'vitest';
import { admin } from '../ghl/sandbox-helpers';
import { DUE, browserResend, outboxWorld, recordOf, sandboxContact, settled, until } from './helpers';

const world = outboxWorld(20);

const posts = async (path: string) => (await admin(world.sandbox).requests()).requests.filter((r) => r.method === 'POST' && r.path === path);

/** A fetch whose first matching request reaches the server, but whose answer is lost (or never comes). */
function answerLost(matches: (request: Request) => boolean, mode: 'reset' | 'hang') {
  let left = 1;
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const response = await fetch(request);
    if (left > 0 && matches(request)) {
      left -= 1;
      await response.arrayBuffer();
      if (mode === 'hang') return new Promise<Response>(() => undefined);
      throw new TypeError('fetch failed: connection reset');
    }
    return response;
  }) as typeof fetch;
}
const isPost = (path: RegExp) => (r: Request) => r.method === 'POST' && path.test(new URL(r.url).pathname);

describe('a task create whose answer never arrives', () => {
  it('connection dropped before HighLevel acted: checks, finds nothing, sends again; one task', async () => {
    const contactId = world.contacts[0]!;
    await admin(world.sandbox).faults({ dropRate: 1, methods: ['POST'], paths: ['/contacts/*/tasks'] });
    const { outbox } = world.browser.start({ outbox: { onRetry: () => void admin(world.sandbox).clearFaults() } });
    const write = await outbox.enqueue({ kind: 'task.create', ...world.on(contactId), fields: { title: 'Dropped once', dueDate: DUE } });
    await settled(outbox);
    const tasks = (await sandboxContact(world.sandbox, contactId))!.tasks.filter((t) => t.title === 'Dropped once');
    expect(tasks).toHaveLength(1);
    expect(await recordOf(outbox, write)).toMatchObject({ state: 'done', attempts: 2, mayHaveLanded: true, result: { id: tasks[0]!.id } });
    const log = (await admin(world.sandbox).requests()).requests.filter((r) => r.path === `/contacts/${contactId}/tasks`);
    // snapshot, POST (dropped), check, POST, accounting for every copy
    expect(log.map((r) => `${r.method} ${r.status}`)).toEqual(['GET 200', 'POST 0', 'GET 200', 'POST 201', 'GET 200']);
  });

  it('landed but the answer was lost: finds its task and does not send again', async () => {
    const contactId = world.contacts[1]!;
    const { outbox } = world.browser.start({ fetch: answerLost(isPost(/\/tasks$/), 'reset') });
    const write = await outbox.enqueue({ kind: 'task.create', ...world.on(contactId), fields: { title: 'Lost answer', dueDate: DUE, body: 'x' } });
    await settled(outbox);
    const tasks = (await sandboxContact(world.sandbox, contactId))!.tasks.filter((t) => t.title === 'Lost answer');
    expect(tasks).toHaveLength(1);
    expect(await recordOf(outbox, write)).toMatchObject({ state: 'done', result: { id: tasks[0]!.id } });
    expect(await posts(`/contacts/${contactId}/tasks`)).toHaveLength(1);
  });

  it('the same title twice on one contact gives two tasks, each exactly once', async () => {
    const contactId = world.contacts[2]!;
    const { outbox } = world.browser.start({ fetch: answerLost(isPost(/\/tasks$/), 'reset') });
    const fields = { title: 'Twice on purpose', dueDate: DUE };
    await outbox.enqueue({ kind: 'task.create', ...world.on(contactId), fields });
    await outbox.enqueue({ kind: 'task.create', ...world.on(contactId), fields });
    await settled(outbox);
    expect((await sandboxContact(world.sandbox, contactId))!.tasks.filter((t) => t.title === fields.title)).toHaveLength(2);
  });

  it('worker killed mid-send after it landed: the next worker checks, finds it, and completes it as queued', async () => {
    const contactId = world.contacts[3]!;
    const first = world.browser.start({ fetch: answerLost(isPost(/\/tasks$/), 'hang') });
    const write = await first.outbox.enqueue({ kind: 'task.create', ...world.on(contactId), fields: { title: 'Killed mid-send', dueDate: DUE } });
    const tempId = write.write.kind === 'task.create' ? write.write.tempId : '';
    await first.outbox.enqueue({ kind: 'task.complete', ...world.on(contactId), taskId: tempId, completed: true });
    await until(async () => (await posts(`/contacts/${contactId}/tasks`)).length === 1, 'the POST to land');
    expect((await recordOf(first.outbox, write)).state).toBe('sending');
    first.kill();

    const second = world.browser.start();
    await second.outbox.resume();
    expect(await recordOf(second.outbox, write)).toMatchObject({ state: 'pending', mayHaveLanded: true });
    await settled(second.outbox);
    const tasks = (await sandboxContact(world.sandbox, contactId))!.tasks.filter((t) => t.title === 'Killed mid-send');
    expect(tasks).toEqual([expect.objectContaining({ completed: true })]);
    expect(await posts(`/contacts/${contactId}/tasks`)).toHaveLength(1);
    expect((await second.outbox.list()).every((r) => r.state === 'done')).toBe(true);
  });
});

describe('a create the browser sent again by itself', () => {
  it('a note answered once but made twice (a kept-alive connection closed after HighLevel acted): one note', async () => {
    const contactId = world.contacts[4]!;
    const { outbox } = world.browser.start({ fetch: browserResend(isPost(/\/notes$/), 'answer') });
    const write = await outbox.enqueue({ kind: 'note.create', ...world.on(contactId), fields: { body: 'Sent twice by the browser' } });
    await settled(outbox);
    const notes = (await sandboxContact(world.sandbox, contactId))!.notes.filter((n) => n.body === 'Sent twice by the browser');
    expect(notes).toHaveLength(1);
    expect(await posts(`/contacts/${contactId}/notes`)).toHaveLength(2); // it really was made twice
    expect(await recordOf(outbox, write)).toMatchObject({ state: 'done', attempts: 1, result: { id: notes[0]!.id } });
  });

  it('a task made twice and its answer lost too: the check finds both copies and keeps one', async () => {
    const contactId = world.contacts[5]!;
    const { outbox } = world.browser.start({ fetch: browserResend(isPost(/\/tasks$/), 'then-fail') });
    const write = await outbox.enqueue({ kind: 'task.create', ...world.on(contactId), fields: { title: 'Twice then lost', dueDate: DUE } });
    const tempId = write.write.kind === 'task.create' ? write.write.tempId : '';
    await outbox.enqueue({ kind: 'task.complete', ...world.on(contactId), taskId: tempId, completed: true });
    await settled(outbox);
    const tasks = (await sandboxContact(world.sandbox, contactId))!.tasks.filter((t) => t.title === 'Twice then lost');
    expect(tasks).toEqual([expect.objectContaining({ completed: true })]); // one, and it is the one the later write changed
    expect(await posts(`/contacts/${contactId}/tasks`)).toHaveLength(2);
    expect(await recordOf(outbox, write)).toMatchObject({ state: 'done', attempts: 2, result: { id: tasks[0]!.id } });
  });

  it('a copy is removed even when the listing that finds it must wait for a later attempt', async () => {
    const contactId = world.contacts[6]!;
    // the note is made twice and answered; the listing after it fails once (the attempt is then retried)
    let listings = 0;
    const resend = browserResend(isPost(/\/notes$/), 'answer');
    const flaky = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      if (request.method === 'GET' && request.url.endsWith('/notes') && ++listings === 2) throw new TypeError('fetch failed: connection reset');
      return resend(request);
    }) as typeof fetch;
    const { outbox } = world.browser.start({ fetch: flaky, session: { requestTimeoutMs: 2_000 } });
    const write = await outbox.enqueue({ kind: 'note.create', ...world.on(contactId), fields: { body: 'Accounted for later' } });
    await settled(outbox);
    const notes = (await sandboxContact(world.sandbox, contactId))!.notes.filter((n) => n.body === 'Accounted for later');
    expect(notes).toHaveLength(1);
    expect(await recordOf(outbox, write)).toMatchObject({ state: 'done', result: { id: notes[0]!.id } });
    expect(await posts(`/contacts/${contactId}/notes`)).toHaveLength(2); // no third: the answered one was remembered
  });

  it('a create still on its way when the worker died lands before the next worker checks: not sent again', async () => {
    const contactId = world.contacts[7]!;
    // the old worker's POST leaves, then the worker dies; the request reaches HighLevel a moment later
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let sent = false;
    const slow = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      if (!isPost(/\/notes$/)(request)) return fetch(request);
      sent = true;
      await held;
      return fetch(request);
    }) as typeof fetch;
    const first = world.browser.start({ fetch: slow });
    const write = await first.outbox.enqueue({ kind: 'note.create', ...world.on(contactId), fields: { body: 'On its way' } });
    await until(() => sent, 'the POST to leave');
    await new Promise((resolve) => setTimeout(resolve, 400)); // longer than FAST's settleMs after it was marked sending
    first.kill();
    // it lands 0.25 s after the new worker started, or right after the new worker's first look at the notes
    const looked = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      const response = await fetch(request);
      if (request.method === 'GET' && request.url.endsWith('/notes')) {
        await response.clone().arrayBuffer();
        release();
      }
      return response;
    }) as typeof fetch;
    const second = world.browser.start({ fetch: looked });
    setTimeout(release, 250);
    await second.outbox.resume();
    await settled(second.outbox);
    expect((await sandboxContact(world.sandbox, contactId))!.notes.filter((n) => n.body === 'On its way')).toHaveLength(1);
    expect(await posts(`/contacts/${contactId}/notes`)).toHaveLength(1); // the new worker found it: it sent nothing
    expect((await recordOf(second.outbox, write)).state).toBe('done');
  });
});

describe('a contact create whose answer never arrives', () => {
  it('with an email: upsert finds the contact the first send made; one contact', async () => {
    const email = `exactly-once-${Date.now()}@example.com`;
    const { outbox } = world.browser.start({ fetch: answerLost(isPost(/\/contacts\/upsert$/), 'reset') });
    const write = await outbox.enqueue({ kind: 'contact.create', connectionId: world.browser.connectionId, fields: { firstName: 'Once', email } });
    await outbox.enqueue({ kind: 'tag.add', ...world.on(write.write.contactId), tags: ['created-once'] });
    await settled(outbox);
    const found = world.sandbox.state.findByEmail(world.sandbox.locationId, email);
    expect(found).toHaveLength(1);
    expect(found[0]!.tags).toEqual(['created-once']);
    expect((await recordOf(outbox, write)).result?.id).toBe(found[0]!.id);
    expect(await posts('/contacts/upsert')).toHaveLength(2);
  });

  it('without email or phone: stops and asks the user instead of risking a second contact', async () => {
    const { outbox } = world.browser.start({ fetch: answerLost(isPost(/\/contacts\/?$/), 'reset') });
    const lastName = `Nameonly${Date.now()}`;
    const write = await outbox.enqueue({ kind: 'contact.create', connectionId: world.browser.connectionId, fields: { firstName: 'Only', lastName } });
    await until(async () => (await outbox.counts()).failed === 1, 'the question to the user');
    const failed = await recordOf(outbox, write);
    expect(failed).toMatchObject({ state: 'failed', action: 'retry' });
    expect(failed.reason).toMatch(/may already have created this contact/);
    const named = () => world.sandbox.state.contactsOf(world.sandbox.locationId).filter((c) => c.lastName === lastName);
    expect(named()).toHaveLength(1);

    // The user looked, did not find it, and asked again: this time it is sent.
    await outbox.retry(write.id);
    await settled(outbox);
    expect((await recordOf(outbox, write)).state).toBe('done');
    expect(named()).toHaveLength(2);
  });
});
