// Every HighLevel endpoint function against the sandbox, with a private-integration token:
// what the sidebar reads and writes for a contact really round-trips.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGhlClient, type GhlClient } from '../../lib/ghl';
import { admin, countingFetch, openSandbox, type Sandbox } from './sandbox-helpers';

let sandbox: Sandbox;
let ghl: GhlClient;
let contactIds: string[];

const staticToken = (token: string) => ({
  get: async () => token,
  refresh: async () => {
    throw new Error('a private integration token cannot be refreshed');
  },
});

beforeAll(async () => {
  sandbox = await openSandbox();
  ghl = createGhlClient({ baseUrl: sandbox.baseUrl, locationId: sandbox.locationId, tokens: staticToken(sandbox.token) });
  const firstPage = await ghl.contacts.search({ pageLimit: 50 });
  contactIds = firstPage.contacts.map((c) => c.id);
});
afterAll(() => sandbox.close());

describe('contacts', () => {
  it('reads one contact with its fields', async () => {
    const contact = await ghl.contacts.get(contactIds[0]!);
    expect(contact.id).toBe(contactIds[0]);
    expect(contact.locationId).toBe(sandbox.locationId);
  });

  it('searches with filters, groups, paging and total', async () => {
    const known = await ghl.contacts.get(contactIds[1]!);
    expect(known.email).toBeTruthy();
    const found = await ghl.contacts.search({
      pageLimit: 5,
      page: 1,
      filters: [
        { field: 'email', operator: 'eq', value: known.email! },
        { group: 'OR', filters: [{ field: 'email', operator: 'exists' }, { field: 'phone', operator: 'exists' }] },
      ],
    });
    expect(found.contacts.map((c) => c.id)).toEqual([known.id]);
    expect(found.total).toBe(1);
    const page = await ghl.contacts.search({ pageLimit: 3, page: 2 });
    expect(page.contacts).toHaveLength(3);
    expect(page.total).toBeGreaterThan(3);
  });

  it('finds the duplicate for an email, and null for an unknown one', async () => {
    const known = await ghl.contacts.get(contactIds[2]!);
    expect((await ghl.contacts.findDuplicate({ email: known.email! }))?.id).toBe(known.id);
    expect(await ghl.contacts.findDuplicate({ email: 'nobody-at-all@example.invalid' })).toBeNull();
  });

  it('lists with the deprecated endpoint', async () => {
    const list = await ghl.contacts.listDeprecated({ limit: 7 });
    expect(list.contacts).toHaveLength(7);
  });

  it('creates, updates, upserts and deletes a contact', async () => {
    const created = await ghl.contacts.create({ firstName: 'Ada', lastName: 'Test', email: 'ada.test@example.com', tags: ['sidebar'] });
    expect(created.email).toBe('ada.test@example.com');
    const updated = await ghl.contacts.update(created.id, { website: 'https://engines.example' });
    expect(updated.website).toBe('https://engines.example');
    const upserted = await ghl.contacts.upsert({ email: 'ada.test@example.com', city: 'London' });
    expect(upserted).toMatchObject({ created: false, contact: { id: created.id, city: 'London' } });
    await ghl.contacts.remove(created.id);
    await expect(ghl.contacts.get(created.id)).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('lists the contacts of a business', async () => {
    const withBusiness = (await ghl.contacts.listDeprecated({ limit: 100 })).contacts.find((c) => c.businessId);
    expect(withBusiness).toBeDefined();
    const list = await ghl.contacts.listByBusiness(withBusiness!.businessId!);
    expect(list.contacts.map((c) => c.id)).toContain(withBusiness!.id);
  });
});

describe('tasks', () => {
  it('creates, reads, lists, updates, completes and deletes a task', async () => {
    const contactId = contactIds[3]!;
    const task = await ghl.tasks.create(contactId, { title: 'Call back', dueDate: '2030-01-02T15:00:00.000Z' });
    expect(task).toMatchObject({ title: 'Call back', completed: false });
    expect((await ghl.tasks.list(contactId)).map((t) => t.id)).toContain(task.id);
    expect((await ghl.tasks.get(contactId, task.id)).title).toBe('Call back');
    expect((await ghl.tasks.update(contactId, task.id, { title: 'Call back Friday' })).title).toBe('Call back Friday');
    expect((await ghl.tasks.setCompleted(contactId, task.id, true)).completed).toBe(true);
    await ghl.tasks.remove(contactId, task.id);
    expect((await ghl.tasks.list(contactId)).map((t) => t.id)).not.toContain(task.id);
  });
});

describe('notes', () => {
  it('creates, reads, lists, updates and deletes a note', async () => {
    const contactId = contactIds[4]!;
    const note = await ghl.notes.create(contactId, { body: 'Asked for a quote', pinned: true });
    expect(note.body).toBe('Asked for a quote');
    expect((await ghl.notes.list(contactId)).map((n) => n.id)).toContain(note.id);
    expect((await ghl.notes.get(contactId, note.id)).pinned).toBe(true);
    expect((await ghl.notes.update(contactId, note.id, { body: 'Quote sent' })).body).toBe('Quote sent');
    await ghl.notes.remove(contactId, note.id);
    await expect(ghl.notes.get(contactId, note.id)).rejects.toMatchObject({ kind: 'not_found' });
  });
});

describe('tags', () => {
  it('adds and removes tags on one contact', async () => {
    const contactId = contactIds[5]!;
    expect(await ghl.tags.add(contactId, ['hot-lead', 'webinar'])).toEqual(expect.arrayContaining(['hot-lead', 'webinar']));
    const after = await ghl.tags.remove(contactId, ['webinar']);
    expect(after).toContain('hot-lead');
    expect(after).not.toContain('webinar');
  });

  it('adds and removes tags on many contacts at once', async () => {
    const ids = contactIds.slice(6, 9);
    const added = await ghl.tags.bulkUpdate('add', { contactIds: ids, tags: ['bulk-tag'] });
    expect(added.errorCount).toBe(0);
    for (const id of ids) expect((await ghl.contacts.get(id)).tags).toContain('bulk-tag');
    await ghl.tags.bulkUpdate('remove', { contactIds: ids, tags: ['bulk-tag'] });
    for (const id of ids) expect((await ghl.contacts.get(id)).tags).not.toContain('bulk-tag');
  });

  it("lists the location's tag catalogue", async () => {
    const tags = await ghl.tags.locationTags();
    expect(tags.map((t) => t.name)).toContain('hot-lead');
  });
});

describe('appointments, location, users', () => {
  it("lists a contact's appointments", async () => {
    let withEvents: string | undefined;
    for (const id of contactIds) {
      const res = await fetch(`${sandbox.baseUrl}/__admin/contacts/${id}`);
      if (((await res.json()) as { appointments: unknown[] }).appointments.length) {
        withEvents = id;
        break;
      }
    }
    expect(withEvents).toBeDefined();
    const events = await ghl.appointments.forContact(withEvents!);
    expect(events.length).toBeGreaterThan(0);
    expect(events[0]!.contactId).toBe(withEvents);
  });

  it('reads one appointment from the calendars service with its own Version header', async () => {
    const { fetch: recording, sent } = countingFetch(async () =>
      Response.json({ event: { id: 'ev1', title: 'Demo call', contactId: 'c1' } }),
    );
    const client = createGhlClient({ baseUrl: 'https://api.test', locationId: 'loc1', tokens: staticToken('t'), fetch: recording });
    expect((await client.appointments.get('ev1')).title).toBe('Demo call');
    expect(sent[0]!.url).toBe('https://api.test/calendars/events/appointments/ev1');
    expect(sent[0]!.headers.get('version')).toBe('2021-04-15');
  });

  it("reads the location's name", async () => {
    expect((await ghl.locations.get()).name).toBe(sandbox.locations[0]!.name);
  });

  it('lists the users of the location and reads one', async () => {
    const users = await ghl.users.list();
    expect(users.length).toBeGreaterThan(0);
    expect((await ghl.users.get(users[0]!.id)).email).toBe(users[0]!.email);
  });

  it('sends Version 2021-07-28 and the bearer token on contact calls', async () => {
    const { fetch: recording, sent } = countingFetch();
    const client = createGhlClient({ baseUrl: sandbox.baseUrl, locationId: sandbox.locationId, tokens: staticToken(sandbox.token), fetch: recording });
    await client.contacts.get(contactIds[0]!);
    expect(sent[0]!.headers.get('version')).toBe('2021-07-28');
    expect(sent[0]!.headers.get('authorization')).toBe(`Bearer ${sandbox.token}`);
    expect((await admin(sandbox).requests()).counts.total).toBeGreaterThan(0);
  });
});
