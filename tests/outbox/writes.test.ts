// Writes through the outbox against the sandbox: every kind lands, one contact's writes keep
// their order, missing things count as deleted, refusals stop with the reason in plain words,
// the optimistic view survives a restart, and a stopped worker is woken by its alarm.
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ALARM_NAME } from '../../lib/outbox';
import { withWrites } from '../../lib/record';
import { admin } from '../ghl/sandbox-helpers';
import { DUE, afterUpdate, contactIdsOf, detailsOf, openBrowser, outboxWorld, recordOf, sandboxContact, settled, storedText, until } from './helpers';

const world = outboxWorld(40);

describe('every kind of write', () => {
  it('creates a contact, tags it, gives it a task and a note, edits and deletes them, in one queue', async () => {
    const { outbox } = world.browser.start();
    const email = `outbox-${Date.now()}@example.com`;
    const created = await outbox.enqueue({ kind: 'contact.create', connectionId: world.browser.connectionId, fields: { firstName: 'Ada', lastName: 'Queue', email } });
    const tempContact = created.write.contactId;
    // Queued before HighLevel answered: they name the contact by its temporary id.
    await outbox.enqueue({ kind: 'tag.add', ...world.on(tempContact), tags: ['Lead', 'Webinar'] });
    await outbox.enqueue({ kind: 'tag.remove', ...world.on(tempContact), tags: ['webinar'] });
    const task = await outbox.enqueue({ kind: 'task.create', ...world.on(tempContact), fields: { title: 'Call back', dueDate: DUE } });
    const taskId = task.write.kind === 'task.create' ? task.write.tempId : '';
    await outbox.enqueue({ kind: 'task.update', ...world.on(tempContact), taskId, fields: { title: 'Call back about pricing' } });
    await outbox.enqueue({ kind: 'task.complete', ...world.on(tempContact), taskId, completed: true });
    const doomed = await outbox.enqueue({ kind: 'task.create', ...world.on(tempContact), fields: { title: 'Remove me', dueDate: DUE } });
    await outbox.enqueue({ kind: 'task.delete', ...world.on(tempContact), taskId: doomed.write.kind === 'task.create' ? doomed.write.tempId : '' });
    const note = await outbox.enqueue({ kind: 'note.create', ...world.on(tempContact), fields: { body: 'Met at the fair' } });
    const noteId = note.write.kind === 'note.create' ? note.write.tempId : '';
    await outbox.enqueue({ kind: 'note.update', ...world.on(tempContact), noteId, fields: { body: 'Met at the spring fair' } });
    const spare = await outbox.enqueue({ kind: 'note.create', ...world.on(tempContact), fields: { body: 'Scratch' } });
    await outbox.enqueue({ kind: 'note.delete', ...world.on(tempContact), noteId: spare.write.kind === 'note.create' ? spare.write.tempId : '' });
    await outbox.enqueue({
      kind: 'contact.update',
      ...world.on(tempContact),
      fields: { city: 'Lyon' },
      base: { dateUpdated: null, values: { city: null } },
    });
    await settled(outbox);

    const list = await outbox.list();
    expect(list.map((r) => r.state)).toEqual(list.map(() => 'done'));
    const contactId = (await recordOf(outbox, created))!.result!.id!;
    expect(contactId).toBeTruthy();
    const stored = (await sandboxContact(world.sandbox, contactId))!;
    expect(stored.contact).toMatchObject({ firstName: 'Ada', email, city: 'Lyon' });
    expect(stored.contact.tags).toEqual(['lead']);
    expect(stored.tasks).toEqual([expect.objectContaining({ title: 'Call back about pricing', completed: true })]);
    expect(stored.notes).toEqual([expect.objectContaining({ body: 'Met at the spring fair' })]);

    // Made after the creates finished, still with the temporary ids the sidebar showed.
    await outbox.enqueue({ kind: 'note.update', ...world.on(tempContact), noteId, fields: { body: 'Met at the fair, twice' } });
    await settled(outbox);
    expect((await sandboxContact(world.sandbox, contactId))!.notes).toEqual([expect.objectContaining({ body: 'Met at the fair, twice' })]);

    await outbox.enqueue({ kind: 'contact.delete', ...world.on(contactId) });
    await settled(outbox);
    expect(await sandboxContact(world.sandbox, contactId)).toBeNull();

    // Nothing a user or HighLevel handed out as a secret is in storage, only ids and fields.
    const text = await storedText();
    expect(text).toContain('outbox:w:');
    for (const l of world.sandbox.locations) expect(text).not.toContain(l.token);
  });

  it("keeps one contact's writes in the order they were made, other contacts in parallel", async () => {
    const { outbox } = world.browser.start();
    const [first, second] = [world.contacts[0]!, world.contacts[1]!];
    const steps = [
      { kind: 'tag.add', tags: ['order-x'] },
      { kind: 'tag.remove', tags: ['order-x'] },
      { kind: 'tag.add', tags: ['order-y'] },
      { kind: 'tag.add', tags: ['order-x'] },
      { kind: 'tag.remove', tags: ['order-y'] },
    ] as const;
    for (const step of steps) {
      await outbox.enqueue({ ...step, tags: [...step.tags], ...world.on(first) });
      await outbox.enqueue({ ...step, tags: [...step.tags], ...world.on(second) });
    }
    await settled(outbox);
    const log = (await admin(world.sandbox).requests()).requests.filter((r) => r.path === `/contacts/${first}/tags`);
    expect(log.map((r) => r.method)).toEqual(['POST', 'DELETE', 'POST', 'POST', 'DELETE']);
    for (const id of [first, second]) {
      const tags = (await sandboxContact(world.sandbox, id))!.contact.tags;
      expect(tags).toContain('order-x');
      expect(tags).not.toContain('order-y');
    }
  });

  it('counts deleting something already gone as done', async () => {
    const { outbox } = world.browser.start();
    const task = await outbox.enqueue({ kind: 'task.delete', ...world.on(world.contacts[2]!), taskId: 'no-such-task' });
    const note = await outbox.enqueue({ kind: 'note.delete', ...world.on(world.contacts[2]!), noteId: 'no-such-note' });
    const contact = await outbox.enqueue({ kind: 'contact.delete', ...world.on('no-such-contact') });
    await settled(outbox);
    const states = (await outbox.list()).filter((r) => [task.id, note.id, contact.id].includes(r.id)).map((r) => r.state);
    expect(states).toEqual(['done', 'done', 'done']);
  });

  it('clears an email the user emptied (HighLevel takes null there, never an empty string)', async () => {
    const { outbox } = world.browser.start();
    const contactId = world.contacts[3]!;
    const before = (await sandboxContact(world.sandbox, contactId))!.contact;
    expect(before.email).toBeTruthy();
    const cleared = await outbox.enqueue({
      kind: 'contact.update',
      ...world.on(contactId),
      fields: { email: '' },
      base: { dateUpdated: before.dateUpdated ?? null, values: { email: before.email } },
    });
    await settled(outbox);
    expect((await recordOf(outbox, cleared))!.state).toBe('done');
    expect((await sandboxContact(world.sandbox, contactId))!.contact.email ?? null).toBeNull();
  });
});

describe('answers that never end', () => {
  it("a write whose answer stalls halfway holds its contact's queue no longer than the timeout and a backoff", async () => {
    // the first tag write's answer: headers, then half a body, then nothing, ever
    let stalled = 0;
    const stallFirstTagWrite = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      const response = await fetch(request);
      if (request.method !== 'POST' || !request.url.endsWith('/tags') || stalled++ > 0) return response;
      const half = new Uint8Array(await response.arrayBuffer()).slice(0, 8);
      return new Response(new ReadableStream<Uint8Array>({ start: (c) => c.enqueue(half) }), { status: response.status, headers: response.headers });
    }) as typeof fetch;
    const timeoutMs = 500;
    const { outbox } = world.browser.start({ fetch: stallFirstTagWrite, session: { requestTimeoutMs: timeoutMs } });
    const contactId = world.contacts[5]!;
    const started = Date.now();
    const first = await outbox.enqueue({ kind: 'tag.add', ...world.on(contactId), tags: ['stalled-once'] });
    const next = await outbox.enqueue({ kind: 'tag.add', ...world.on(contactId), tags: ['after-the-stall'] });
    await settled(outbox, 20_000);
    const waited = Date.now() - started;
    expect((await recordOf(outbox, first)).state).toBe('done');
    expect((await recordOf(outbox, next)).state).toBe('done');
    expect((await recordOf(outbox, first)).attempts).toBe(2); // timed out once, then sent again
    expect((await sandboxContact(world.sandbox, contactId))!.contact.tags).toEqual(expect.arrayContaining(['stalled-once', 'after-the-stall']));
    // the timeout, one backoff (FAST: at most 0.4 s) and two round trips to a local server, with room to spare
    expect(waited).toBeLessThan(timeoutMs + 400 + 2_000);
  });
});

describe('a retry among many queued writes', () => {
  it("goes out when it is due, before other contacts' writes that were never tried (no contact waits for the whole backlog)", async () => {
    // every request takes 40 ms; the first tag write of `held` is answered 503 (HighLevel did not act)
    const [held, ...others] = world.contacts.slice(10, 26) as [string, ...string[]];
    const sent: string[] = [];
    let refused = 0;
    const slowWithOne503 = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      const contactId = new URL(request.url).pathname.split('/')[2]!;
      sent.push(contactId);
      await new Promise((resolve) => setTimeout(resolve, 40));
      if (contactId === held && refused++ === 0) return new Response('{"message":"down"}', { status: 503 });
      return fetch(request);
    }) as typeof fetch;
    // one request at a time: the queue of the 15 other contacts is a backlog of ~0.6 s, the backoff (FAST) at most 20 ms
    const { outbox } = world.browser.start({ fetch: slowWithOne503, outbox: { maxInFlight: 1, retry: { baseMs: 20, maxMs: 20 } } });
    const write = await outbox.enqueue({ kind: 'tag.add', ...world.on(held), tags: ['retried-first'] });
    for (const contactId of others) await outbox.enqueue({ kind: 'tag.add', ...world.on(contactId), tags: ['queued-behind'] });
    await settled(outbox, 20_000);
    expect(await recordOf(outbox, write)).toMatchObject({ state: 'done', attempts: 2 });
    const [firstTry, retry] = sent.flatMap((id, i) => (id === held ? [i] : []));
    // due at most 20 ms after its 503, it waits only for the one request then in flight (40 ms)
    expect(retry! - firstTry!).toBeLessThanOrEqual(2);
  });
});

describe('writes only the user can fix', () => {
  it("stops a refused write as failed with HighLevel's own message, and holds that contact's later writes", async () => {
    const { outbox } = world.browser.start();
    const bad = await outbox.enqueue({ kind: 'note.create', ...world.on(world.contacts[3]!), fields: { body: 'Colourful', color: 'blue' } });
    const after = await outbox.enqueue({ kind: 'tag.add', ...world.on(world.contacts[3]!), tags: ['after-failure'] });
    const other = await outbox.enqueue({ kind: 'tag.add', ...world.on(world.contacts[4]!), tags: ['other-contact'] });
    await until(async () => (await outbox.counts()).failed === 1 && (await outbox.pending(world.contacts[4]!)).length === 0, 'the refusal');
    const list = await outbox.list();
    const failed = list.find((r) => r.id === bad.id)!;
    expect(failed).toMatchObject({ state: 'failed', action: 'none', attempts: 1 });
    expect(failed.reason).toMatch(/HighLevel refused the change: .*color must be a hexadecimal color/);
    expect(list.find((r) => r.id === after.id)?.state).toBe('pending');
    expect(list.find((r) => r.id === other.id)?.state).toBe('done');
    expect(await outbox.counts()).toEqual({ pending: 1, failed: 1, conflicts: 0, held: 1 });
    // the record shows the held tag, and says it is held (not saved); the refused note is not shown
    const shown = withWrites(detailsOf(world.contacts[3]!, []), await outbox.unanswered(world.contacts[3]!), []);
    expect([shown.contact.tags, shown.notes, shown.held, shown.heldTags]).toEqual([['after-failure'], [], 1, ['after-failure']]);
    expect(withWrites(detailsOf(world.contacts[4]!, []), await outbox.unanswered(world.contacts[4]!), []).held).toBeUndefined();

    // Discarding the refused write lets the contact's queue go on.
    await outbox.discard(bad.id);
    await settled(outbox);
    expect((await sandboxContact(world.sandbox, world.contacts[3]!))!.contact.tags).toContain('after-failure');
  });

  it('stops with "reconnect" when HighLevel no longer accepts the connection, and sends after a retry', async () => {
    const second = await openBrowser(world.sandbox, 1);
    const location = world.sandbox.locations[1]!;
    const registry = world.sandbox.ctx.tokens as unknown as { access: Map<string, unknown> };
    const { outbox } = second.start();
    const contactId = contactIdsOf(world.sandbox, 1, 1)[0]!;
    const restore = () => world.sandbox.ctx.tokens.addPit(location.token, location.id, world.sandbox.companyId, world.sandbox.state.usersOf(location.id)[0]!.id);
    registry.access.delete(location.token);
    try {
      const write = await outbox.enqueue({ kind: 'tag.add', connectionId: second.connectionId, contactId, tags: ['after-reconnect'] });
      await until(async () => (await outbox.counts()).failed === 1, 'the 401');
      const failed = (await recordOf(outbox, write))!;
      expect(failed).toMatchObject({ state: 'failed', action: 'reconnect', attempts: 1 });
      expect(failed.reason).toMatch(/reconnect/i);
      expect((await sandboxContact(world.sandbox, contactId))!.contact.tags).not.toContain('after-reconnect');

      restore();
      await outbox.retry(write.id);
      await settled(outbox);
      expect((await recordOf(outbox, write))?.state).toBe('done');
      expect((await sandboxContact(world.sandbox, contactId))!.contact.tags).toContain('after-reconnect');
    } finally {
      restore();
    }
  });

  it('retries a write the user asks to retry', async () => {
    const { outbox } = world.browser.start();
    await admin(world.sandbox).faults({ errorRate: 1, errorStatuses: [503], paths: ['/contacts/*/tags'] });
    const write = await outbox.enqueue({ kind: 'tag.add', ...world.on(world.contacts[5]!), tags: ['retried'] });
    await until(async () => ((await recordOf(outbox, write))?.attempts ?? 0) >= 2, 'two attempts');
    await admin(world.sandbox).clearFaults();
    await outbox.retry(write.id);
    await settled(outbox);
    expect((await sandboxContact(world.sandbox, world.contacts[5]!))!.contact.tags).toContain('retried');
  });
});

describe('surviving the worker', () => {
  it('skips a record of the previous version it cannot read, and keeps working', async () => {
    await fakeBrowser.storage.local.set({ 'outbox:w:garbled': { v: 1, id: 'garbled', write: { kind: 'tag.paint' } } });
    const lines: string[] = [];
    const { outbox } = world.browser.start({ trust: afterUpdate(), outbox: { log: (line) => lines.push(line) } });
    const write = await outbox.enqueue({ kind: 'tag.add', ...world.on(world.contacts[8]!), tags: ['after-garble'] });
    await settled(outbox);
    expect((await outbox.list()).map((r) => r.id)).toEqual([write.id]);
    expect(lines).toEqual(['Outbox: skipped an unreadable write record outbox:w:garbled']);
  });


  it('shows queued writes on top of the last-known contact, also after a restart', async () => {
    const never = world.browser.start({ outbox: { clientFor: () => new Promise(() => undefined) } });
    const contactId = world.contacts[6]!;
    const task = await never.outbox.enqueue({ kind: 'task.create', ...world.on(contactId), fields: { title: 'Send deck', dueDate: DUE } });
    const tempId = task.write.kind === 'task.create' ? task.write.tempId : '';
    await never.outbox.enqueue({ kind: 'task.complete', ...world.on(contactId), taskId: tempId, completed: true });
    await never.outbox.enqueue({ kind: 'tag.add', ...world.on(contactId), tags: [' VIP '] });
    await never.outbox.enqueue({ kind: 'tag.remove', ...world.on(contactId), tags: ['old'] });
    await never.outbox.enqueue({ kind: 'note.create', ...world.on(contactId), fields: { body: 'Prefers email' } });
    await never.outbox.enqueue({ kind: 'note.delete', ...world.on(contactId), noteId: 'n-1' });
    const known = detailsOf(contactId, ['old', 'customer'], [{ id: 'n-1', body: 'Stale' }]);
    const expected = {
      ...known,
      contact: { ...known.contact, tags: ['customer', 'VIP'] }, // as typed (trimmed) until HighLevel answers
      tasks: [{ id: tempId, title: 'Send deck', dueDate: DUE, completed: true }],
      notes: [{ id: expect.stringMatching(/^tmp-/), body: 'Prefers email', dateAdded: expect.any(String) }],
    };
    // lib/record lays the outbox's unanswered writes over the last-known record
    expect(withWrites(known, await never.outbox.unanswered(contactId), [])).toEqual(expected);
    never.kill();
    const restarted = world.browser.start({ outbox: { clientFor: () => new Promise(() => undefined) } });
    expect(withWrites(known, await restarted.outbox.unanswered(contactId), [])).toEqual(expected);
    expect((await restarted.outbox.pending(contactId)).map((r) => r.write.kind)).toEqual([
      'task.create', 'task.complete', 'tag.add', 'tag.remove', 'note.create', 'note.delete',
    ]);
    restarted.kill();
  });

  it('is woken by its alarm after the worker died with a retry pending', async () => {
    await admin(world.sandbox).faults({ errorRate: 1, errorStatuses: [502], paths: ['/contacts/*/tags'] });
    const first = world.browser.start({ outbox: { retry: { baseMs: 20_000, maxMs: 20_000 }, random: () => 0.5 } });
    const write = await first.outbox.enqueue({ kind: 'tag.add', ...world.on(world.contacts[7]!), tags: ['woken'] });
    await until(async () => (await recordOf(first.outbox, write))?.reason !== undefined, 'the first failure');
    const waiting = (await recordOf(first.outbox, write))!;
    expect(waiting).toMatchObject({ state: 'pending', attempts: 1 });
    // the alarm moves from the in-flight watchdog to the retry once the attempt has ended (just after its record is stored)
    await until(async () => (await fakeBrowser.alarms.get(ALARM_NAME))?.scheduledTime === waiting.nextAt, 'the alarm at the retry');
    const alarm = await fakeBrowser.alarms.get(ALARM_NAME);
    first.kill();
    await admin(world.sandbox).clearFaults();

    // A new worker registers the listener at start; the alarm (fired by hand here) wakes the outbox.
    const second = world.browser.start({ outbox: { now: () => Date.now() + 120_000 } });
    fakeBrowser.alarms.onAlarm.addListener((a) => void second.outbox.handleAlarm(a));
    await fakeBrowser.alarms.onAlarm.trigger(alarm!);
    await settled(second.outbox);
    expect((await sandboxContact(world.sandbox, world.contacts[7]!))!.contact.tags).toContain('woken');
    expect(await fakeBrowser.alarms.get(ALARM_NAME)).toBeUndefined();
  });
});
