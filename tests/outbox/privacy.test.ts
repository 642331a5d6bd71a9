// A finished write keeps only what the activity log shows of it: the outbox keeps up to 500
// finished writes in storage.local across restarts, and note bodies, new contacts' emails and
// phones, edited values and whole tag lists are not kept once HighLevel has them.
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { describeWrite, type WriteRecord } from '../../lib/outbox';
import { keptOfFinished } from '../../lib/outbox/finished';
import { createQueueStore, WRITE_KEY } from '../../lib/outbox/store';
import { storage } from 'wxt/utils/storage';
import { DUE, afterUpdate, outboxWorld, sandboxContact, settled, storedText } from './helpers';

const world = outboxWorld(4);

const SECRET_NOTE = 'Met at the fair; her husband is ill, call after the 12th about the renewal of the gold plan.';

describe('finished writes', () => {
  it('keep what the activity log says of them, not the bodies, emails, phones or values HighLevel now has', async () => {
    const { outbox } = world.browser.start();
    const [a, b] = world.contacts as [string, string];
    const before = (await sandboxContact(world.sandbox, b))!.contact;
    const writes = [
      await outbox.enqueue({ kind: 'note.create', ...world.on(a), fields: { body: SECRET_NOTE } }),
      await outbox.enqueue({ kind: 'task.create', ...world.on(a), fields: { title: 'Call back', dueDate: DUE, body: 'about the gold plan renewal' } }),
      await outbox.enqueue({ kind: 'contact.create', connectionId: world.browser.connectionId, fields: { firstName: 'Priya', lastName: 'Raman', email: 'priya.raman@private.example', phone: '+14155550123', companyName: 'Raman Holdings' } }),
      await outbox.enqueue({ kind: 'contact.update', ...world.on(b), fields: { email: 'new.address@private.example' }, base: { dateUpdated: before.dateUpdated, values: { email: before.email } } }),
      await outbox.enqueue({ kind: 'tag.add', ...world.on(b), tags: ['vip'] }),
    ];
    const described = writes.map((w) => describeWrite(w.write));
    await settled(outbox);
    const kept = await outbox.list();
    expect(writes.map((w) => kept.find((k) => k.id === w.id)?.state)).toEqual(['done', 'done', 'done', 'done', 'done']);

    await outbox.whenStored();
    const text = await storedText();
    for (const gone of ['call after the 12th', 'gold plan', 'priya.raman@private.example', '+14155550123', 'Raman Holdings', 'new.address@private.example', before.email!]) {
      expect(text, gone).not.toContain(gone);
    }
    // the log says the same as before
    expect(writes.map((w) => describeWrite(kept.find((k) => k.id === w.id)!.write))).toEqual(described);
    // and after a restart, read back from storage
    const restarted = world.browser.start().outbox;
    const reread = await restarted.list();
    expect(writes.map((w) => describeWrite(reread.find((k) => k.id === w.id)!.write))).toEqual(described);
    // a create's id is kept for later writes that still name its temporary id
    expect(reread.find((k) => k.id === writes[0]!.id)!.result?.id).toBeTruthy();
  });

  it('stored whole by an earlier version, are cut down when the outbox starts', async () => {
    fakeBrowser.reset();
    const whole: WriteRecord = {
      v: 1, id: 'old-note', seq: 1, state: 'done', attempts: 1, createdAt: 1, updatedAt: 2, snapshot: ['n1'],
      write: { kind: 'note.create', connectionId: 'c', contactId: 'x', tempId: 'tmp-1', fields: { body: SECRET_NOTE } },
      result: { id: 'n2', created: true },
    };
    await storage.setItem(`local:${WRITE_KEY}old-note`, whole);
    // the first start after the update: the ledger adopts what the previous version stored
    const store = createQueueStore(storage, { keepFinished: 10, log: () => undefined, ledger: afterUpdate().ledger });
    await store.load();
    expect(store.write('old-note')).toEqual(keptOfFinished(whole));
    expect(await storedText()).not.toContain('call after the 12th');
    expect((store.write('old-note')!.write as { fields: { body: string } }).fields.body).toHaveLength(40);
    expect(describeWrite(store.write('old-note')!.write)).toBe(describeWrite(whole.write));
  });
});
