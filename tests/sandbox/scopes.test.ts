// Tokens with chosen scopes: a private-integration token is created with the scopes its admin picks
// (../shared/ghl-api/README.md §2, MKT PrivateIntegrationsToken), and every operation the sandbox
// serves checks the scope its OpenAPI operation declares (`security: [{bearer: [scope]}]`). A
// token without it gets the spec's documented refusal: 401 UnauthorizedDTO (every operation lists
// 401; the v2 specs document no 403 for scopes — 403 is "The token does not have access to this
// location.", ISSUE #213).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_SCOPES } from '../../sandbox/auth.ts';
import { startSandbox, type Sandbox } from '../../sandbox/server.ts';
import { admin, call, expectConforms, responseValidator, specDir } from './helpers.ts';

let sb: Sandbox;
let ids: Record<string, string>;

beforeAll(async () => {
  sb = await startSandbox({ port: 0, partnerProxy: false, rateLimit: { max: 100_000 } });
  // a contact of its own with a task and a note, so DELETEs touch nothing else
  const made = await call(sb, 'POST', '/contacts/', { body: { locationId: sb.locationId, email: 'scopes@sandbox.example', firstName: 'Scope' } });
  const contactId = made.body.contact.id as string;
  const task = await call(sb, 'POST', `/contacts/${contactId}/tasks`, { body: { title: 'T', dueDate: new Date().toISOString(), completed: false } });
  const note = await call(sb, 'POST', `/contacts/${contactId}/notes`, { body: { body: 'N' } });
  const withBusiness = sb.state.contactsOf(sb.locationId).find((c) => c.businessId)!;
  const workflow = sb.state.workflows.get(sb.locationId)!.find((w) => w.status === 'published')!;
  ids = {
    contactId, taskId: task.body.task.id, id: note.body.note.id, noteId: note.body.note.id, businessId: withBusiness.businessId!,
    locationId: sb.locationId, userId: sb.state.usersOf(sb.locationId)[0]!.id, eventId: 'none', appointmentId: 'none', type: 'add',
    workflowId: workflow.id,
  };
});
afterAll(() => sb.close());

interface Operation {
  service: string;
  method: string;
  specPath: string;
  scope: string;
}

/** Every operation of the copied specs that a location token uses, with the one scope it declares. */
function operations(): Operation[] {
  const out: Operation[] = [];
  for (const service of ['contacts', 'locations', 'users', 'calendars', 'opportunities', 'workflows', 'custom-fields']) {
    const doc = JSON.parse(readFileSync(path.join(specDir, `apps/${service}.json`), 'utf8')) as { paths: Record<string, Record<string, { security?: Record<string, string[]>[] }>> };
    for (const [specPath, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const scopes = (op.security ?? []).filter((s) => s.bearer || s['Location-Access']).flatMap((s) => s.bearer ?? s['Location-Access'] ?? []);
        if (scopes.length === 1) out.push({ service, method: method.toUpperCase(), specPath, scope: scopes[0]! });
      }
    }
  }
  return out;
}

const concrete = (specPath: string) => specPath.replace(/\{(\w+)\}/g, (_, name: string) => ids[name] ?? `unknown-${name}`);
const mint = async (scopes: string[]) => (await admin.send(sb, 'POST', 'tokens', { scopes })).token as string;
/** The sandbox has a route of its own for the operation's path (`{x}` is Hono's `:x`). */
const served = (op: Operation) => sb.routes.some((r) => r.method === op.method && r.path === op.specPath.replace(/\{(\w+)\}/g, ':$1'));

describe('every served operation checks the scope its spec operation declares', () => {
  it('with only that scope it is let through; without it, 401 as the spec documents', async () => {
    const checked: string[] = [];
    // reads first, then writes, DELETEs last (they remove the records the others use)
    const order = (m: string) => ['GET', 'POST', 'PUT', 'DELETE'].indexOf(m);
    for (const op of operations().sort((a, b) => order(a.method) - order(b.method))) {
      const p = concrete(op.specPath);
      // the opportunity search names the location in snake case (its spec's own query)
      const query = op.specPath === '/opportunities/search' ? { location_id: sb.locationId } : { locationId: sb.locationId };
      const body = op.method === 'GET' ? undefined : {};
      if (!served(op)) continue;
      checked.push(`${op.method} ${op.specPath} ${op.scope}`);
      const allowed = await call(sb, op.method, p, { token: await mint([op.scope]), query, body });
      expect([401, 403], `${op.method} ${op.specPath} with ${op.scope}: ${JSON.stringify(allowed.body)}`).not.toContain(allowed.status);
      const refused = await call(sb, op.method, p, { token: await mint(ALL_SCOPES.filter((s) => s !== op.scope)), query, body });
      expect(refused.status).toBe(401);
      // the body is the spec's UnauthorizedDTO where the operation gives it a schema
      if (responseValidator(op.service, op.method, op.specPath, 401)) expectConforms(refused, op.service, op.method, op.specPath, 401);
      expect(refused.body).toMatchObject({ statusCode: 401, message: 'The token is not authorized for this scope.', error: 'Unauthorized' });
    }
    // the sandbox serves these operations of the specs; each was checked above
    expect(checked.sort()).toEqual([
      'DELETE /contacts/{contactId} contacts.write',
      'DELETE /contacts/{contactId}/followers contacts.write',
      'DELETE /contacts/{contactId}/notes/{id} contacts.write',
      'DELETE /contacts/{contactId}/tags contacts.write',
      'DELETE /contacts/{contactId}/tasks/{taskId} contacts.write',
      'DELETE /contacts/{contactId}/workflow/{workflowId} contacts.write',
      'DELETE /opportunities/{id} opportunities.write',
      'GET /contacts/ contacts.readonly',
      'GET /contacts/business/{businessId} contacts.readonly',
      'GET /contacts/search/duplicate contacts.readonly',
      'GET /contacts/{contactId} contacts.readonly',
      'GET /contacts/{contactId}/appointments contacts.readonly',
      'GET /contacts/{contactId}/notes contacts.readonly',
      'GET /contacts/{contactId}/notes/{id} contacts.readonly',
      'GET /contacts/{contactId}/tasks contacts.readonly',
      'GET /contacts/{contactId}/tasks/{taskId} contacts.readonly',
      'GET /locations/{locationId} locations.readonly',
      'GET /locations/{locationId}/customFields locations/customFields.readonly',
      'GET /locations/{locationId}/tags locations/tags.readonly',
      'GET /opportunities/lost-reason opportunities.readonly',
      'GET /opportunities/pipelines opportunities.readonly',
      'GET /opportunities/search opportunities.readonly',
      'GET /opportunities/{id} opportunities.readonly',
      'GET /users/ users.readonly',
      'GET /users/{userId} users.readonly',
      'GET /workflows/ workflows.readonly',
      'POST /contacts/ contacts.write',
      'POST /contacts/search contacts.readonly',
      'POST /contacts/upsert contacts.write',
      'POST /contacts/{contactId}/followers contacts.write',
      'POST /contacts/{contactId}/notes contacts.write',
      'POST /contacts/{contactId}/tags contacts.write',
      'POST /contacts/{contactId}/tasks contacts.write',
      'POST /contacts/{contactId}/workflow/{workflowId} contacts.write',
      'POST /opportunities/ opportunities.write',
      'PUT /contacts/{contactId} contacts.write',
      'PUT /contacts/{contactId}/notes/{id} contacts.write',
      'PUT /contacts/{contactId}/tasks/{taskId} contacts.write',
      'PUT /contacts/{contactId}/tasks/{taskId}/completed contacts.write',
      'PUT /opportunities/{id} opportunities.write',
      'PUT /opportunities/{id}/status opportunities.write',
    ]);
  });

  it('the bulk tag endpoint, for which the spec lists no scope, takes contacts.write (DOCS Scopes.md: tags add/remove, §3)', async () => {
    const body = { locationId: sb.locationId, contacts: [ids.contactId], tags: ['scoped'] };
    expect((await call(sb, 'POST', '/contacts/bulk/tags/update/add', { token: await mint(['contacts.readonly']), body })).status).toBe(401);
    expect((await call(sb, 'POST', '/contacts/bulk/tags/update/add', { token: await mint(['contacts.write']), body })).status).toBe(201);
  });
});

describe('minting', () => {
  it('a read-only token reads but cannot write; a token of another location gets 403 for this one', async () => {
    const readonly = await mint(['contacts.readonly']);
    const amelia = sb.seed.partnerContactIds['Amelia Clarke']!;
    expect((await call(sb, 'GET', `/contacts/${amelia}`, { token: readonly })).status).toBe(200);
    expect((await call(sb, 'POST', `/contacts/${amelia}/tags`, { token: readonly, body: { tags: ['x'] } })).status).toBe(401);
    expect((await call(sb, 'GET', `/locations/${sb.locationId}`, { token: readonly })).status).toBe(401);
    const other = sb.mintToken(ALL_SCOPES, sb.locations[1]!.id);
    const refused = await call(sb, 'GET', `/contacts/${amelia}`, { token: other });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toBe('The token does not have access to this location.');
  });

  it('the admin API refuses a scope list that is not a list of strings', async () => {
    const res = await fetch(`${sb.baseUrl}/__admin/tokens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scopes: 'contacts.readonly' }) });
    expect(res.status).toBe(422);
    const none = await mint([]);
    expect((await call(sb, 'GET', `/contacts/${sb.seed.partnerContactIds['Amelia Clarke']!}`, { token: none })).status).toBe(401);
  });
});
