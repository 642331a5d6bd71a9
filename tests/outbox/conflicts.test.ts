// Contact edits that meet a change made meanwhile in HighLevel: the write stops in `conflict`
// with both values, and goes on only as the user decides.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGhlClient, type GhlClient } from '../../lib/ghl';
import { admin } from '../ghl/sandbox-helpers';
import { outboxWorld, recordOf, sandboxContact, settled, until } from './helpers';

const world = outboxWorld(10);
/** Someone else working in HighLevel. */
let colleague: GhlClient;
let logged: string[];

beforeAll(() => {
  const token = world.sandbox.token;
  colleague = createGhlClient({ baseUrl: world.sandbox.baseUrl, locationId: world.sandbox.locationId, tokens: { get: async () => token, refresh: async () => token } });
});
beforeEach(() => {
  logged = [];
});

const puts = async (contactId: string) => (await admin(world.sandbox).requests()).requests.filter((r) => r.method === 'PUT' && r.path === `/contacts/${contactId}`);

/**
 * The user edits `ours` while offline (the write waits), a colleague then changes the contact in
 * HighLevel, and the worker starts again: returns the outbox and the write, stopped in conflict.
 */
async function editMeetsChange(contactId: string, ours: Record<string, string>, theirs: Record<string, string>) {
  const seen = (await sandboxContact(world.sandbox, contactId))!.contact as unknown as Record<string, string>;
  const offline = world.browser.start({ outbox: { clientFor: () => new Promise(() => undefined) } });
  const write = await offline.outbox.enqueue({
    kind: 'contact.update',
    connectionId: world.browser.connectionId,
    contactId,
    fields: ours,
    base: { dateUpdated: seen.dateUpdated!, values: Object.fromEntries(Object.keys(ours).map((k) => [k, seen[k] ?? null])) },
  });
  offline.kill();
  await new Promise((resolve) => setTimeout(resolve, 5));
  await colleague.contacts.update(contactId, theirs);
  const { outbox } = world.browser.start({ outbox: { log: (line) => logged.push(line) } });
  await outbox.resume();
  await until(async () => (await outbox.counts()).conflicts === 1, 'the conflict');
  return { outbox, write, seen };
}

describe('an edit that meets a change made in HighLevel meanwhile', () => {
  it('stops in conflict with what the user saw, what HighLevel has and what the user wants', async () => {
    const contactId = world.contacts[0]!;
    const { outbox, write, seen } = await editMeetsChange(contactId, { city: 'Mine-city' }, { city: 'Theirs-city' });
    const stopped = await recordOf(outbox, write);
    expect(stopped.state).toBe('conflict');
    expect(stopped.conflict?.fields).toEqual([{ field: 'city', base: seen.city ?? null, theirs: 'Theirs-city', ours: 'Mine-city' }]);
    // HighLevel's change came after the (offline) edit: the default keeps theirs.
    expect(stopped.conflict?.latest).toBe('theirs');
    expect(logged.some((line) => line.includes(contactId) && line.includes('city'))).toBe(true);
    expect(await puts(contactId)).toHaveLength(1); // the colleague's only
    expect(await outbox.counts()).toEqual({ pending: 0, failed: 0, conflicts: 1, held: 0 });

    await outbox.resolveConflict(write.id);
    await settled(outbox);
    expect((await recordOf(outbox, write)).state).toBe('discarded');
    expect((await sandboxContact(world.sandbox, contactId))!.contact.city).toBe('Theirs-city');
  });

  it("resolved 'mine': HighLevel gets the user's value", async () => {
    const contactId = world.contacts[1]!;
    const { outbox, write } = await editMeetsChange(contactId, { city: 'Mine-city' }, { city: 'Theirs-city' });
    await outbox.resolveConflict(write.id, 'mine');
    await settled(outbox);
    expect((await recordOf(outbox, write)).state).toBe('done');
    expect((await sandboxContact(world.sandbox, contactId))!.contact.city).toBe('Mine-city');
    expect(logged.filter((line) => line.includes('resolved'))).toHaveLength(1);
  });

  it("resolved 'theirs': HighLevel stays as the colleague left it, nothing is sent", async () => {
    const contactId = world.contacts[2]!;
    const { outbox, write } = await editMeetsChange(contactId, { city: 'Mine-city' }, { city: 'Theirs-city' });
    const before = (await sandboxContact(world.sandbox, contactId))!.contact;
    await outbox.resolveConflict(write.id, 'theirs');
    await settled(outbox);
    expect((await recordOf(outbox, write)).state).toBe('discarded');
    expect((await sandboxContact(world.sandbox, contactId))!.contact).toEqual(before);
    expect(await puts(contactId)).toHaveLength(1);
  });

  it('per field: keeps the chosen side of each field, and always sends fields nobody else touched', async () => {
    const contactId = world.contacts[3]!;
    const { outbox, write } = await editMeetsChange(
      contactId,
      { city: 'Mine-city', firstName: 'Mine-first', website: 'https://mine.example' },
      { city: 'Theirs-city', firstName: 'Theirs-first' },
    );
    expect((await recordOf(outbox, write)).conflict?.fields.map((f) => f.field).sort()).toEqual(['city', 'firstName']);
    await outbox.resolveConflict(write.id, { city: 'mine', firstName: 'theirs' });
    await settled(outbox);
    const contact = (await sandboxContact(world.sandbox, contactId))!.contact as unknown as Record<string, string>;
    expect(contact).toMatchObject({ city: 'Mine-city', firstName: 'Theirs-first', website: 'https://mine.example' });
  });

  it('is not a conflict when HighLevel changed only other things (here: a tag)', async () => {
    const contactId = world.contacts[4]!;
    const seen = (await sandboxContact(world.sandbox, contactId))!.contact;
    await new Promise((resolve) => setTimeout(resolve, 5));
    await colleague.tags.add(contactId, ['touched-by-colleague']);
    const { outbox } = world.browser.start();
    const write = await outbox.enqueue({
      kind: 'contact.update',
      connectionId: world.browser.connectionId,
      contactId,
      fields: { city: 'Quiet-city' },
      base: { dateUpdated: seen.dateUpdated, values: { city: seen.city ?? null } },
    });
    await settled(outbox);
    expect((await recordOf(outbox, write)).state).toBe('done');
    expect((await sandboxContact(world.sandbox, contactId))!.contact.city).toBe('Quiet-city');
  });
});
