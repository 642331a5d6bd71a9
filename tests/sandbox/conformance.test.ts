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

/** The same request with a wrong and with no Version header: 400, HighLevel's BadRequestDTO. */
async function refusesOtherVersions(method: string, p: string, o: { query?: Record<string, string>; body?: unknown }, service: string, specPath: string) {
  for (const version of ['2021-04-15', null]) {
    const res = await call(sb, method, p, { ...o, version });
    expectConforms(res, service, method, specPath, 400);
  }
}

describe('opportunities (apps/opportunities.json)', () => {
  const maya = () => sb.seed.partnerContactIds['Maya Okafor']!;
  const pipelines = () => sb.state.pipelines.get(sb.locationId)!;

  it('GET /opportunities/search with snake_case location_id and contact_id; camelCase is refused with 422', async () => {
    const res = await call(sb, 'GET', '/opportunities/search', { query: { location_id: sb.locationId, contact_id: maya(), status: 'all' } });
    expectConforms(res, 'opportunities', 'GET', '/opportunities/search', 200);
    expect(res.body.opportunities).toEqual([expect.objectContaining({ name: 'BrightPath – Growth retainer', contactId: maya(), status: 'open', monetaryValue: 4800 })]);
    expect(res.body.opportunities[0].contact).toMatchObject({ id: maya(), email: 'maya.okafor@brightpath.io' });
    expect(res.body.meta).toMatchObject({ total: 1, currentPage: 1 });
    const camel = await call(sb, 'GET', '/opportunities/search', { query: { locationId: sb.locationId, contactId: maya() } });
    expectConforms(camel, 'opportunities', 'GET', '/opportunities/search', 422);
    expect(camel.body.message).toEqual(expect.arrayContaining(['location_id should not be empty', 'property locationId should not exist']));
    const tooMany = await call(sb, 'GET', '/opportunities/search', { query: { location_id: sb.locationId, limit: '101' } });
    expectConforms(tooMany, 'opportunities', 'GET', '/opportunities/search', 422);
    const paged = await call(sb, 'GET', '/opportunities/search', { query: { location_id: sb.locationId, limit: '2' } });
    expect(paged.body.opportunities).toHaveLength(2);
    expect(paged.body.meta).toMatchObject({ currentPage: 1, nextPage: 2 });
    await refusesOtherVersions('GET', '/opportunities/search', { query: { location_id: sb.locationId } }, 'opportunities', '/opportunities/search');
  });

  it('GET /opportunities/pipelines (stages with ids and names) and GET /opportunities/lost-reason', async () => {
    const res = await call(sb, 'GET', '/opportunities/pipelines', { query: { locationId: sb.locationId } });
    expectConforms(res, 'opportunities', 'GET', '/opportunities/pipelines', 200);
    expect(res.body.pipelines.map((p: { name: string }) => p.name)).toEqual(['Sales Pipeline', 'Partnerships']);
    expect(res.body.pipelines[0].stages.map((s: { name: string }) => s.name)).toEqual(['New Lead', 'Contacted', 'Proposal Sent', 'Negotiation', 'Closed']);
    const reasons = await call(sb, 'GET', '/opportunities/lost-reason', { query: { locationId: sb.locationId } });
    expectConforms(reasons, 'opportunities', 'GET', '/opportunities/lost-reason', 200);
    expect(reasons.body).toMatchObject({ total: 4, lostReasons: expect.arrayContaining([expect.objectContaining({ name: 'Price too high' })]) });
    const other = sb.mintToken(['opportunities.readonly'], sb.locations[1]!.id);
    expect((await call(sb, 'GET', '/opportunities/pipelines', { query: { locationId: sb.locationId }, token: other })).status).toBe(403);
    await refusesOtherVersions('GET', '/opportunities/pipelines', { query: { locationId: sb.locationId } }, 'opportunities', '/opportunities/pipelines');
    await refusesOtherVersions('GET', '/opportunities/lost-reason', { query: { locationId: sb.locationId } }, 'opportunities', '/opportunities/lost-reason');
  });

  it('POST /opportunities/ → 201; a second open one in the same pipeline is refused (duplicates not allowed)', async () => {
    const contact = otherContactId;
    const [sales] = pipelines();
    const body = { locationId: sb.locationId, contactId: contact, pipelineId: sales!.id, pipelineStageId: sales!.stages[0]!.id, name: 'Conformance deal', status: 'open', monetaryValue: 1500 };
    const created = await call(sb, 'POST', '/opportunities/', { body });
    expectConforms(created, 'opportunities', 'POST', '/opportunities/', 201);
    expect(created.body.opportunity).toMatchObject({ name: 'Conformance deal', contactId: contact, status: 'open', monetaryValue: 1500 });
    const again = await call(sb, 'POST', '/opportunities/', { body });
    expectConforms(again, 'opportunities', 'POST', '/opportunities/', 400);
    const incomplete = await call(sb, 'POST', '/opportunities/', { body: { locationId: sb.locationId, name: 'x' } });
    expectConforms(incomplete, 'opportunities', 'POST', '/opportunities/', 422);
    expect(incomplete.body.message).toEqual(expect.arrayContaining(['pipelineId should not be empty', 'contactId should not be empty']));
    const wrongStage = await call(sb, 'POST', '/opportunities/', { body: { ...body, pipelineId: pipelines()[1]!.id } });
    expectConforms(wrongStage, 'opportunities', 'POST', '/opportunities/', 400);
    await refusesOtherVersions('POST', '/opportunities/', { body }, 'opportunities', '/opportunities/');
  });

  it('GET and PUT /opportunities/{id} (a stage of its pipeline moves it; updatedAt follows)', async () => {
    const opp = sb.state.opportunitiesOf(maya())[0]!;
    const got = await call(sb, 'GET', `/opportunities/${opp.id}`);
    expectConforms(got, 'opportunities', 'GET', '/opportunities/{id}', 200);
    const before = got.body.opportunity.updatedAt as string;
    await new Promise((r) => setTimeout(r, 5));
    const next = pipelines()[0]!.stages[2]!.id;
    const moved = await call(sb, 'PUT', `/opportunities/${opp.id}`, { body: { pipelineStageId: next } });
    expectConforms(moved, 'opportunities', 'PUT', '/opportunities/{id}', 200);
    expect(moved.body.opportunity.pipelineStageId).toBe(next);
    expect(Date.parse(moved.body.opportunity.updatedAt)).toBeGreaterThan(Date.parse(before));
    const badStage = await call(sb, 'PUT', `/opportunities/${opp.id}`, { body: { pipelineStageId: 'not-a-stage' } });
    expectConforms(badStage, 'opportunities', 'PUT', '/opportunities/{id}', 400);
    const unknown = await call(sb, 'GET', '/opportunities/doesNotExist00000000');
    expectConforms(unknown, 'opportunities', 'GET', '/opportunities/{id}', 400);
    const extra = await call(sb, 'PUT', `/opportunities/${opp.id}`, { body: { contactId: 'x' } });
    expectConforms(extra, 'opportunities', 'PUT', '/opportunities/{id}', 422);
    await refusesOtherVersions('GET', `/opportunities/${opp.id}`, {}, 'opportunities', '/opportunities/{id}');
  });

  it('PUT /opportunities/{id}/status: won, lost with a lost reason, open again; "all" and unknown reasons refused', async () => {
    const opp = sb.state.opportunitiesOf(maya())[0]!;
    const won = await call(sb, 'PUT', `/opportunities/${opp.id}/status`, { body: { status: 'won' } });
    expectConforms(won, 'opportunities', 'PUT', '/opportunities/{id}/status', 200);
    expect(won.body.succeded).toBe(true);
    expect(sb.state.opportunities.get(opp.id)!.status).toBe('won');
    const reason = sb.state.lostReasons.get(sb.locationId)![1]!;
    expectConforms(await call(sb, 'PUT', `/opportunities/${opp.id}/status`, { body: { status: 'lost', lostReasonId: reason.id } }), 'opportunities', 'PUT', '/opportunities/{id}/status', 200);
    expect(sb.state.opportunities.get(opp.id)).toMatchObject({ status: 'lost', lostReasonId: reason.id });
    expectConforms(await call(sb, 'PUT', `/opportunities/${opp.id}/status`, { body: { status: 'all' } }), 'opportunities', 'PUT', '/opportunities/{id}/status', 400);
    expectConforms(await call(sb, 'PUT', `/opportunities/${opp.id}/status`, { body: { status: 'lost', lostReasonId: 'nope' } }), 'opportunities', 'PUT', '/opportunities/{id}/status', 400);
    expectConforms(await call(sb, 'PUT', `/opportunities/${opp.id}/status`, { body: {} }), 'opportunities', 'PUT', '/opportunities/{id}/status', 422);
    await call(sb, 'PUT', `/opportunities/${opp.id}/status`, { body: { status: 'open' } });
    expect(sb.state.opportunities.get(opp.id)!.lostReasonId).toBeUndefined();
    await refusesOtherVersions('PUT', `/opportunities/${opp.id}/status`, { body: { status: 'open' } }, 'opportunities', '/opportunities/{id}/status');
  });

  it('DELETE /opportunities/{id}: gone from the search; an unknown or already deleted one is a 400', async () => {
    const contact = otherContactId;
    const [, partnerships] = pipelines();
    const body = { locationId: sb.locationId, contactId: contact, pipelineId: partnerships!.id, pipelineStageId: partnerships!.stages[0]!.id, name: 'Deleted deal', status: 'open' };
    const created = await call(sb, 'POST', '/opportunities/', { body });
    const id = created.body.opportunity.id as string;
    const deleted = await call(sb, 'DELETE', `/opportunities/${id}`);
    expectConforms(deleted, 'opportunities', 'DELETE', '/opportunities/{id}', 200);
    expect(deleted.body).toMatchObject({ succeded: true });
    expect(sb.state.opportunities.has(id)).toBe(false);
    const search = await call(sb, 'GET', '/opportunities/search', { query: { location_id: sb.locationId, contact_id: contact } });
    expect(search.body.opportunities.map((o: { id: string }) => o.id)).not.toContain(id);
    expectConforms(await call(sb, 'DELETE', `/opportunities/${id}`), 'opportunities', 'DELETE', '/opportunities/{id}', 400);
    await refusesOtherVersions('DELETE', `/opportunities/${id}`, {}, 'opportunities', '/opportunities/{id}');
  });
});

describe('workflows (apps/workflows.json) and a contact in a workflow (apps/contacts.json)', () => {
  const workflows = () => sb.state.workflows.get(sb.locationId)!;

  it('GET /workflows/ lists published and draft workflows', async () => {
    const res = await call(sb, 'GET', '/workflows/', { query: { locationId: sb.locationId } });
    expectConforms(res, 'workflows', 'GET', '/workflows/', 200);
    expect(res.body.workflows.map((w: { status: string }) => w.status).sort()).toEqual(['draft', 'published', 'published', 'published']);
    expectConforms(await call(sb, 'GET', '/workflows/'), 'workflows', 'GET', '/workflows/', 422);
    await refusesOtherVersions('GET', '/workflows/', { query: { locationId: sb.locationId } }, 'workflows', '/workflows/');
  });

  it('POST and DELETE /contacts/{id}/workflow/{workflowId}: once per run (no re-entry), drafts and unknown workflows refused', async () => {
    const published = workflows().find((w) => w.status === 'published')!;
    const p = `/contacts/${otherContactId}/workflow/${published.id}`;
    const added = await call(sb, 'POST', p, { body: {} });
    expectConforms(added, 'contacts', 'POST', '/contacts/{contactId}/workflow/{workflowId}', 200);
    expect(added.body.succeded).toBe(true);
    expectConforms(await call(sb, 'POST', p, { body: { eventStartTime: '2026-06-23T03:30:00+01:00' } }), 'contacts', 'POST', '/contacts/{contactId}/workflow/{workflowId}', 200);
    expect(sb.state.enrolmentsOf(otherContactId).filter((r) => r.workflowId === published.id && r.active)).toHaveLength(1);
    const removed = await call(sb, 'DELETE', p, { body: {} });
    expectConforms(removed, 'contacts', 'DELETE', '/contacts/{contactId}/workflow/{workflowId}', 200);
    expect(sb.state.enrolmentsOf(otherContactId).some((r) => r.active)).toBe(false);
    const draft = workflows().find((w) => w.status === 'draft')!;
    expectConforms(await call(sb, 'POST', `/contacts/${otherContactId}/workflow/${draft.id}`, { body: {} }), 'contacts', 'POST', '/contacts/{contactId}/workflow/{workflowId}', 400);
    expectConforms(await call(sb, 'POST', `/contacts/${otherContactId}/workflow/unknown`, { body: {} }), 'contacts', 'POST', '/contacts/{contactId}/workflow/{workflowId}', 400);
    expectConforms(await call(sb, 'POST', p, { body: { eventStartTime: 'soon' } }), 'contacts', 'POST', '/contacts/{contactId}/workflow/{workflowId}', 422);
    await refusesOtherVersions('POST', p, { body: {} }, 'contacts', '/contacts/{contactId}/workflow/{workflowId}');
  });
});

describe('followers, do-not-disturb and custom fields of every type on a contact (apps/contacts.json)', () => {
  it('POST (201) and DELETE /contacts/{id}/followers: users of the location, at most 10', async () => {
    const users = sb.state.usersOf(sb.locationId).map((u) => u.id);
    const added = await call(sb, 'POST', `/contacts/${otherContactId}/followers`, { body: { followers: users.slice(0, 2) } });
    expectConforms(added, 'contacts', 'POST', '/contacts/{contactId}/followers', 201);
    expect(added.body).toMatchObject({ followers: users.slice(0, 2), followersAdded: users.slice(0, 2) });
    const removed = await call(sb, 'DELETE', `/contacts/${otherContactId}/followers`, { body: { followers: [users[0]] } });
    expectConforms(removed, 'contacts', 'DELETE', '/contacts/{contactId}/followers', 200);
    expect(removed.body).toMatchObject({ followers: [users[1]], followersRemoved: [users[0]] });
    expectConforms(await call(sb, 'POST', `/contacts/${otherContactId}/followers`, { body: { followers: ['notAUser'] } }), 'contacts', 'POST', '/contacts/{contactId}/followers', 400);
    expectConforms(await call(sb, 'POST', `/contacts/${otherContactId}/followers`, { body: {} }), 'contacts', 'POST', '/contacts/{contactId}/followers', 422);
    sb.state.contacts.get(otherContactId)!.followers = Array.from({ length: 10 }, (_, i) => users[i % users.length]!);
    expectConforms(await call(sb, 'POST', `/contacts/${otherContactId}/followers`, { body: { followers: [users.find((u) => !sb.state.contacts.get(otherContactId)!.followers.includes(u)) ?? 'x'] } }), 'contacts', 'POST', '/contacts/{contactId}/followers', 400);
    sb.state.contacts.get(otherContactId)!.followers = [];
  });

  it('PUT /contacts/{id} with only DND fields; the owner set and unset (null)', async () => {
    const res = await call(sb, 'PUT', `/contacts/${otherContactId}`, { body: { dndSettings: { SMS: { status: 'active', message: 'Opted out' }, Email: { status: 'inactive' } } } });
    expectConforms(res, 'contacts', 'PUT', '/contacts/{contactId}', 200);
    expect(res.body.contact.dndSettings).toEqual({ SMS: { status: 'active', message: 'Opted out' }, Email: { status: 'inactive' } });
    expectConforms(await call(sb, 'PUT', `/contacts/${otherContactId}`, { body: { dndSettings: { Pigeon: { status: 'active' } } } }), 'contacts', 'PUT', '/contacts/{contactId}', 422);
    const user = sb.state.usersOf(sb.locationId)[2]!.id;
    expect((await call(sb, 'PUT', `/contacts/${otherContactId}`, { body: { assignedTo: user } })).body.contact.assignedTo).toBe(user);
    expect((await call(sb, 'PUT', `/contacts/${otherContactId}`, { body: { assignedTo: null } })).body.contact.assignedTo).toBeUndefined();
  });

  it('custom fields of every type: listed with type and options, written by type, answered as text, wrong values refused whole', async () => {
    const list = await call(sb, 'GET', `/locations/${sb.locationId}/customFields`, { query: { model: 'contact' } });
    expectConforms(list, 'locations', 'GET', '/locations/{locationId}/customFields', 200);
    const types = list.body.customFields.map((f: { dataType: string }) => f.dataType);
    expect(types).toEqual(expect.arrayContaining(['TEXT', 'LARGE_TEXT', 'NUMERICAL', 'MONETORY', 'DATE', 'SINGLE_OPTIONS', 'MULTIPLE_OPTIONS', 'RADIO', 'CHECKBOX', 'PHONE', 'EMAIL', 'URL', 'FILE_UPLOAD']));
    expect(list.body.customFields.every((f: { model: string }) => f.model === 'contact')).toBe(true);
    const byKey = (key: string) => list.body.customFields.find((f: { fieldKey: string }) => f.fieldKey === `contact.${key}`) as { id: string; picklistOptions: string[] };
    const plan = byKey('plan');
    expect(plan.picklistOptions).toEqual(['Starter', 'Growth', 'Scale', 'Enterprise']);
    const body = {
      customFields: [
        { id: byKey('deal_size').id, field_value: 2500 },
        { id: byKey('renewal_date').id, field_value: '2027-03-01' },
        { id: plan.id, field_value: 'Scale' },
        { id: byKey('interests').id, field_value: ['SEO', 'Video'] },
      ],
    };
    const res = await call(sb, 'PUT', `/contacts/${otherContactId}`, { body });
    expectConforms(res, 'contacts', 'PUT', '/contacts/{contactId}', 200);
    const values = Object.fromEntries(res.body.contact.customFields.map((f: { id: string; value: string }) => [f.id, f.value]));
    expect(values).toMatchObject({ [byKey('deal_size').id]: '2500', [byKey('renewal_date').id]: '2027-03-01', [plan.id]: 'Scale', [byKey('interests').id]: 'SEO, Video' });
    const before = structuredClone(sb.state.contacts.get(otherContactId));
    const wrong = await call(sb, 'PUT', `/contacts/${otherContactId}`, { body: { firstName: 'Changed', customFields: [{ id: plan.id, field_value: 'Platinum' }] } });
    expectConforms(wrong, 'contacts', 'PUT', '/contacts/{contactId}', 422);
    expect(sb.state.contacts.get(otherContactId)).toEqual(before);
    const opportunityField = sb.state.customFields.get(sb.locationId)!.find((f) => f.model === 'opportunity')!;
    expect((await call(sb, 'PUT', `/contacts/${otherContactId}`, { body: { customFields: [{ id: opportunityField.id, field_value: 'x' }] } })).status).toBe(422);
  });
});
