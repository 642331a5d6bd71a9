// Conformance: every implemented endpoint answers with the status code and body shape that HighLevel's
// official OpenAPI specs document (responses validated with ajv against the resolved schemas).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/server.ts';
import { authorizeCode, call, expectConforms, responseValidator, tokenRequest } from './helpers.ts';

let sb: Sandbox;
let contactId: string;
let otherContactId: string;

beforeAll(async () => {
  sb = await startSandbox({ port: 0, partnerProxy: false, rateLimit: { max: 10_000 } });
  contactId = sb.seed.partnerContactIds['Amelia Clarke']!;
  otherContactId = sb.seed.partnerContactIds['Diego Santos']!;
});
afterAll(() => sb.close());

describe('contacts', () => {
  it('GET /contacts/{contactId}', async () => {
    const res = await call(sb, 'GET', `/contacts/${contactId}`);
    expectConforms(res, 'contacts', 'GET', '/contacts/{contactId}', 200);
    expect(res.body.contact).toMatchObject({ id: contactId, email: 'amelia.clarke@harbourdental.com', phone: '+14155550134', companyName: 'Harbour Dental' });
    expect(typeof res.body.traceId).toBe('string');
  });

  it('GET /contacts/ (deprecated list)', async () => {
    const res = await call(sb, 'GET', '/contacts/', { query: { locationId: sb.locationId, limit: 5 } });
    expectConforms(res, 'contacts', 'GET', '/contacts/', 200);
    expect(res.body.contacts).toHaveLength(5);
    expect(res.body.meta.nextPageUrl).toContain('startAfterId=');
    const next = await call(sb, 'GET', '/contacts/', { query: { locationId: sb.locationId, limit: 5, startAfterId: res.body.meta.startAfterId, startAfter: res.body.meta.startAfter } });
    expect(next.body.contacts[0].id).not.toBe(res.body.contacts[0].id);
    const byQuery = await call(sb, 'GET', '/contacts/', { query: { locationId: sb.locationId, query: 'harbourdental' } });
    expect(byQuery.body.contacts.map((c: { id: string }) => c.id)).toContain(contactId);
  });

  it('POST /contacts/search (spec has no schema: {contacts, total, traceId})', async () => {
    expect(responseValidator('contacts', 'POST', '/contacts/search', 200)).toBeNull();
    const res = await call(sb, 'POST', '/contacts/search', { body: { locationId: sb.locationId, pageLimit: 1, filters: [{ field: 'email', operator: 'eq', value: 'amelia.clarke@harbourdental.com' }] } });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['contacts', 'total', 'traceId']);
    expect(res.body.total).toBe(1);
    expect(res.body.contacts[0]).toMatchObject({ id: contactId, locationId: sb.locationId, email: 'amelia.clarke@harbourdental.com' });
  });

  it('GET /contacts/search/duplicate (spec has no schema: {contact: Contact|null})', async () => {
    expect(responseValidator('contacts', 'GET', '/contacts/search/duplicate', 200)).toBeNull();
    const hit = await call(sb, 'GET', '/contacts/search/duplicate', { query: { locationId: sb.locationId, email: 'Amelia.Clarke@harbourdental.com' } });
    expect(hit.status).toBe(200);
    expect(hit.body.contact.id).toBe(contactId);
    expectConforms({ ...hit, body: { contact: hit.body.contact } }, 'contacts', 'GET', '/contacts/{contactId}', 200);
    const byPhone = await call(sb, 'GET', '/contacts/search/duplicate', { query: { locationId: sb.locationId, number: '+919820012345' } });
    expect(byPhone.body.contact.firstName).toBe('Rahul');
    const miss = await call(sb, 'GET', '/contacts/search/duplicate', { query: { locationId: sb.locationId, email: 'nobody@nowhere.example' } });
    expect(miss.body).toMatchObject({ contact: null });
  });

  it('POST /contacts/ → 201, PUT /contacts/{id}, DELETE /contacts/{id}', async () => {
    const created = await call(sb, 'POST', '/contacts/', { body: { locationId: sb.locationId, firstName: 'Test', lastName: 'Person', email: 'test.person@conformance.example', phone: '+1 (415) 555-0999', tags: ['Lead', 'trial'], customFields: [{ key: 'job_title', field_value: 'Tester' }] } });
    expectConforms(created, 'contacts', 'POST', '/contacts/', 201);
    const id = created.body.contact.id as string;
    expect(created.body.contact).toMatchObject({ phone: '+14155550999', tags: ['lead', 'trial'], emailLowerCase: 'test.person@conformance.example' });

    const updated = await call(sb, 'PUT', `/contacts/${id}`, { body: { tags: ['customer'], lastName: 'Renamed' } });
    expectConforms(updated, 'contacts', 'PUT', '/contacts/{contactId}', 200);
    expect(updated.body).toMatchObject({ succeded: true, contact: { tags: ['customer'], lastName: 'Renamed', fullNameLowerCase: 'test renamed' } });

    const deleted = await call(sb, 'DELETE', `/contacts/${id}`);
    expectConforms(deleted, 'contacts', 'DELETE', '/contacts/{contactId}', 200);
    expect(deleted.body.succeded).toBe(true);
    expect((await call(sb, 'GET', `/contacts/${id}`)).status).toBe(404);
  });

  it('POST /contacts/upsert → 200 {new, contact, traceId}, matched by email then phone', async () => {
    const fresh = await call(sb, 'POST', '/contacts/upsert', { body: { locationId: sb.locationId, email: 'upsert.me@conformance.example', firstName: 'Up' } });
    expectConforms(fresh, 'contacts', 'POST', '/contacts/upsert', 200);
    expect(fresh.body.new).toBe(true);
    const again = await call(sb, 'POST', '/contacts/upsert', { body: { locationId: sb.locationId, email: 'UPSERT.me@conformance.example', lastName: 'Sert', tags: ['x'] } });
    expect(again.body).toMatchObject({ new: false, contact: { id: fresh.body.contact.id, firstName: 'Up', lastName: 'Sert' } });
    const byPhone = await call(sb, 'POST', '/contacts/upsert', { body: { locationId: sb.locationId, phone: '+4915112345678', tags: ['upserted'] } });
    expect(byPhone.body.new).toBe(false);
    expect(byPhone.body.contact.firstName).toBe('Tom');
    expect(byPhone.body.contact.tags).toEqual(expect.arrayContaining(['callback', 'upserted']));
  });

  it('GET /contacts/business/{businessId}', async () => {
    const withBusiness = sb.state.contactsOf(sb.locationId).find((c) => c.businessId && sb.state.contactsOf(sb.locationId).filter((x) => x.businessId === c.businessId).length > 2)!;
    const res = await call(sb, 'GET', `/contacts/business/${withBusiness.businessId}`, { query: { locationId: sb.locationId } });
    expectConforms(res, 'contacts', 'GET', '/contacts/business/{businessId}', 200);
    expect(res.body.count).toBeGreaterThan(2);
    expect(res.body.contacts.every((c: { businessId: string }) => c.businessId === withBusiness.businessId)).toBe(true);
  });
});

describe('tasks', () => {
  it('list, create (201), get, update, completed, delete', async () => {
    const list = await call(sb, 'GET', `/contacts/${contactId}/tasks`);
    expectConforms(list, 'contacts', 'GET', '/contacts/{contactId}/tasks', 200);
    expect(list.body.tasks.length).toBeGreaterThan(0);
    const user = sb.state.usersOf(sb.locationId)[1]!;
    const created = await call(sb, 'POST', `/contacts/${contactId}/tasks`, { body: { title: 'Send proposal', body: 'v2 pricing', dueDate: '2026-12-01T15:00:00Z', completed: false, assignedTo: user.id } });
    expectConforms(created, 'contacts', 'POST', '/contacts/{contactId}/tasks', 201);
    const taskId = created.body.task.id as string;
    expect(created.body.task).toMatchObject({ title: 'Send proposal', contactId, assignedTo: user.id, dueDate: '2026-12-01T15:00:00.000Z', completed: false });
    expectConforms(await call(sb, 'GET', `/contacts/${contactId}/tasks/${taskId}`), 'contacts', 'GET', '/contacts/{contactId}/tasks/{taskId}', 200);
    const updated = await call(sb, 'PUT', `/contacts/${contactId}/tasks/${taskId}`, { body: { title: 'Send final proposal' } });
    expectConforms(updated, 'contacts', 'PUT', '/contacts/{contactId}/tasks/{taskId}', 200);
    expect(updated.body.task.title).toBe('Send final proposal');
    const done = await call(sb, 'PUT', `/contacts/${contactId}/tasks/${taskId}/completed`, { body: { completed: true } });
    expectConforms(done, 'contacts', 'PUT', '/contacts/{contactId}/tasks/{taskId}/completed', 200);
    expect(done.body.task.completed).toBe(true);
    const deleted = await call(sb, 'DELETE', `/contacts/${contactId}/tasks/${taskId}`);
    expectConforms(deleted, 'contacts', 'DELETE', '/contacts/{contactId}/tasks/{taskId}', 200);
    expect((await call(sb, 'GET', `/contacts/${contactId}/tasks/${taskId}`)).status).toBe(404);
  });
});

describe('notes', () => {
  it('list, create (201), get, update, delete', async () => {
    const list = await call(sb, 'GET', `/contacts/${contactId}/notes`);
    expectConforms(list, 'contacts', 'GET', '/contacts/{contactId}/notes', 200);
    expect(list.body.notes.length).toBeGreaterThan(0);
    const created = await call(sb, 'POST', `/contacts/${contactId}/notes`, { body: { body: 'Met at the booth', title: 'Expo', color: '#FFAA00', pinned: true } });
    expectConforms(created, 'contacts', 'POST', '/contacts/{contactId}/notes', 201);
    const id = created.body.note.id as string;
    expect(created.body.note).toMatchObject({ body: 'Met at the booth', contactId, pinned: true });
    expectConforms(await call(sb, 'GET', `/contacts/${contactId}/notes/${id}`), 'contacts', 'GET', '/contacts/{contactId}/notes/{id}', 200);
    const updated = await call(sb, 'PUT', `/contacts/${contactId}/notes/${id}`, { body: { body: 'Met at the booth, follow up' } });
    expectConforms(updated, 'contacts', 'PUT', '/contacts/{contactId}/notes/{id}', 200);
    expect(updated.body.note.body).toBe('Met at the booth, follow up');
    expectConforms(await call(sb, 'DELETE', `/contacts/${contactId}/notes/${id}`), 'contacts', 'DELETE', '/contacts/{contactId}/notes/{id}', 200);
    expect((await call(sb, 'GET', `/contacts/${contactId}/notes/${id}`)).status).toBe(404);
  });
});

describe('tags', () => {
  it('POST (201 with the tags now on the contact) and DELETE /contacts/{id}/tags', async () => {
    const added = await call(sb, 'POST', `/contacts/${otherContactId}/tags`, { body: { tags: ['VIP', 'newsletter'] } });
    expectConforms(added, 'contacts', 'POST', '/contacts/{contactId}/tags', 201);
    expect(added.body.tags).toEqual(['customer', 'vip', 'newsletter']);
    const removed = await call(sb, 'DELETE', `/contacts/${otherContactId}/tags`, { body: { tags: ['vip'] } });
    expectConforms(removed, 'contacts', 'DELETE', '/contacts/{contactId}/tags', 200);
    expect(removed.body.tags).toEqual(['customer', 'newsletter']);
  });

  it('POST /contacts/bulk/tags/update/{type} → 201', async () => {
    const foreign = sb.state.contactsOf(sb.locations[1]!.id)[0]!.id;
    const res = await call(sb, 'POST', '/contacts/bulk/tags/update/add', { body: { locationId: sb.locationId, contacts: [otherContactId, 'doesNotExist0000000', foreign], tags: ['bulk-added'] } });
    expectConforms(res, 'contacts', 'POST', '/contacts/bulk/tags/update/{type}', 201);
    expect(res.body).toMatchObject({ succeded: true, errorCount: 2 });
    expect(res.body.responses[0]).toMatchObject({ contactId: otherContactId, type: 'success', tagsAdded: ['bulk-added'] });
    const removeAll = await call(sb, 'POST', '/contacts/bulk/tags/update/remove', { body: { locationId: sb.locationId, contacts: [otherContactId], tags: [], removeAllTags: true } });
    expect(removeAll.status).toBe(201);
    expect(sb.state.contacts.get(otherContactId)!.tags).toEqual([]);
  });
});

describe('appointments, locations, users', () => {
  it('GET /contacts/{id}/appointments with Version 2021-07-28 and 2021-04-15', async () => {
    for (const version of ['2021-07-28', '2021-04-15']) {
      const res = await call(sb, 'GET', `/contacts/${contactId}/appointments`, { version });
      expectConforms(res, 'contacts', 'GET', '/contacts/{contactId}/appointments', 200);
      expect(res.body.events.length).toBeGreaterThan(0);
      expect(res.body.events[0].startTime).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    }
  });

  it('GET /locations/{locationId}, /tags and /customFields', async () => {
    const loc = await call(sb, 'GET', `/locations/${sb.locationId}`);
    expectConforms(loc, 'locations', 'GET', '/locations/{locationId}', 200);
    expect(loc.body.location).toMatchObject({ id: sb.locationId, name: 'Northstar Growth Agency' });
    const tags = await call(sb, 'GET', `/locations/${sb.locationId}/tags`);
    expectConforms(tags, 'locations', 'GET', '/locations/{locationId}/tags', 200);
    expect(tags.body.tags.map((t: { name: string }) => t.name)).toEqual(expect.arrayContaining(['linkedin-lead', 'expo-2026', 'video-campaign']));
    const fields = await call(sb, 'GET', `/locations/${sb.locationId}/customFields`);
    expectConforms(fields, 'locations', 'GET', '/locations/{locationId}/customFields', 200);
    expect(fields.body.customFields[0]).toMatchObject({ name: 'Job Title', fieldKey: 'contact.job_title' });
  });

  it('GET /users/?locationId= and /users/{userId}', async () => {
    const list = await call(sb, 'GET', '/users/', { query: { locationId: sb.locationId } });
    expectConforms(list, 'users', 'GET', '/users/', 200);
    expect(list.body.users.length).toBeGreaterThanOrEqual(3);
    const one = await call(sb, 'GET', `/users/${list.body.users[0].id}`);
    expectConforms(one, 'users', 'GET', '/users/{userId}', 200);
    expect(one.body.id).toBe(list.body.users[0].id);
  });
});

describe('oauth', () => {
  it('POST /oauth/token and POST /oauth/locationToken', async () => {
    const { code } = await authorizeCode(sb);
    const token = await tokenRequest(sb, { grant_type: 'authorization_code', code: code!, user_type: 'Location' });
    expectConforms(token, 'oauth', 'POST', '/oauth/token', 200);
    expect(token.body).toMatchObject({ token_type: 'Bearer', expires_in: 86399, userType: 'Location', locationId: sb.locationId, companyId: sb.companyId });
    const loc = await call(sb, 'POST', '/oauth/locationToken', { token: sb.agencyToken, form: { companyId: sb.companyId, locationId: sb.locations[1]!.id } });
    expectConforms(loc, 'oauth', 'POST', '/oauth/locationToken', 200);
    expect(loc.body.locationId).toBe(sb.locations[1]!.id);
    const use = await call(sb, 'GET', `/locations/${sb.locations[1]!.id}`, { token: loc.body.access_token });
    expect(use.status).toBe(200);
  });
});
