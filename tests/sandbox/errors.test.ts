// Error behaviour: 401 (missing / bad / agency token / missing scope), 400 without Version, 403 across
// locations, 404 unknown ids, 422 with message arrays; error bodies checked against the spec's DTOs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/server.ts';
import { authorizeCode, call, expectConforms, responseValidator, tokenRequest } from './helpers.ts';

let sb: Sandbox;
let mine: string;
let theirs: string;

beforeAll(async () => {
  sb = await startSandbox({ port: 0, partnerProxy: false, rateLimit: { max: 10_000 } });
  mine = sb.seed.partnerContactIds['Maya Okafor']!;
  theirs = sb.state.contactsOf(sb.locations[1]!.id)[0]!.id;
});
afterAll(() => sb.close());

describe('401', () => {
  it('without a token, with an unknown token, with a malformed header', async () => {
    for (const o of [{ token: null }, { token: 'pit-00000000-0000-0000-0000-000000000000' }, { headers: { Authorization: 'Basic abc' }, token: null }]) {
      const res = await call(sb, 'GET', `/contacts/${mine}`, o);
      expectConforms(res, 'contacts', 'GET', '/contacts/{contactId}', 401);
      expect(res.body).toEqual({ statusCode: 401, message: 'Invalid token: access token is invalid', error: 'Unauthorized' });
    }
  });

  it('an agency (Company) token cannot call contacts endpoints', async () => {
    const res = await call(sb, 'GET', `/contacts/${mine}`, { token: sb.agencyToken });
    expect(res.status).toBe(401);
    expect(res.body.message).toMatch(/authClass type is not allowed/);
  });

  it('an OAuth token without the scope is refused', async () => {
    const { code } = await authorizeCode(sb, { scope: 'contacts.readonly' });
    const { body } = await tokenRequest(sb, { grant_type: 'authorization_code', code: code! });
    expect((await call(sb, 'GET', `/contacts/${mine}`, { token: body.access_token })).status).toBe(200);
    const write = await call(sb, 'POST', `/contacts/${mine}/tags`, { token: body.access_token, body: { tags: ['x'] } });
    expect(write.status).toBe(401);
    expect(write.body.message).toBe('The token is not authorized for this scope.');
  });
});

describe('400 Version header', () => {
  it('is required on resource calls', async () => {
    const res = await call(sb, 'GET', `/contacts/${mine}`, { version: null });
    expectConforms(res, 'contacts', 'GET', '/contacts/{contactId}', 400);
    expect(res.body).toMatchObject({ statusCode: 400, message: 'version header was not found', error: 'Bad Request' });
  });

  it('accepts only the versions the spec lists (+ the SDK default 2023-02-21)', async () => {
    expect((await call(sb, 'GET', `/contacts/${mine}`, { version: '2021-04-15' })).status).toBe(400);
    expect((await call(sb, 'GET', `/contacts/${mine}`, { version: '2023-02-21' })).status).toBe(200);
    expect((await call(sb, 'GET', `/contacts/${mine}/appointments`, { version: '2021-04-15' })).status).toBe(200);
    expect((await call(sb, 'GET', `/users/`, { version: '2021-04-15', query: { locationId: sb.locationId } })).status).toBe(400);
  });

  it('invalid JSON body → 400', async () => {
    const res = await fetch(`${sb.baseUrl}/contacts/${mine}/notes`, { method: 'POST', headers: { Authorization: `Bearer ${sb.token}`, Version: '2021-07-28', 'Content-Type': 'application/json' }, body: '{"body":' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { statusCode: number }).statusCode).toBe(400);
  });
});

describe('403 across locations', () => {
  const forbidden = { statusCode: 403, message: 'The token does not have access to this location.' };
  it('a contact (and its tasks, notes, tags) of another location', async () => {
    for (const [method, p, body] of [
      ['GET', `/contacts/${theirs}`], ['PUT', `/contacts/${theirs}`, { firstName: 'X' }], ['DELETE', `/contacts/${theirs}`],
      ['GET', `/contacts/${theirs}/tasks`], ['GET', `/contacts/${theirs}/notes`], ['POST', `/contacts/${theirs}/tags`, { tags: ['x'] }],
      ['GET', `/contacts/${theirs}/appointments`],
    ] as [string, string, unknown?][]) {
      const res = await call(sb, method, p, { body });
      expect(res.status, `${method} ${p}`).toBe(403);
      expect(res.body).toMatchObject(forbidden);
    }
    expect(sb.state.contacts.has(theirs)).toBe(true);
  });

  it('a locationId parameter of another location', async () => {
    const other = sb.locations[1]!.id;
    const cases: [string, string, { query?: Record<string, string>; body?: unknown }][] = [
      ['GET', '/contacts/', { query: { locationId: other } }],
      ['POST', '/contacts/search', { body: { locationId: other, pageLimit: 1 } }],
      ['GET', '/contacts/search/duplicate', { query: { locationId: other, email: 'a@b.co' } }],
      ['POST', '/contacts/', { body: { locationId: other, email: 'new@x.example' } }],
      ['POST', '/contacts/upsert', { body: { locationId: other, email: 'new@x.example' } }],
      ['GET', `/locations/${other}`, {}],
      ['GET', `/locations/${other}/tags`, {}],
      ['GET', '/users/', { query: { locationId: other } }],
      ['POST', '/contacts/bulk/tags/update/add', { body: { locationId: other, contacts: [theirs], tags: ['x'] } }],
    ];
    for (const [method, p, o] of cases) expect((await call(sb, method, p, o)).status, `${method} ${p}`).toBe(403);
    const ownToken = await call(sb, 'GET', `/locations/${other}`, { token: sb.locations[1]!.token });
    expect(ownToken.status).toBe(200);
  });
});

describe('404 and 422', () => {
  it('unknown ids → 404', async () => {
    expect((await call(sb, 'GET', '/contacts/AAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
    expect((await call(sb, 'GET', `/contacts/${mine}/tasks/nope`)).status).toBe(404);
    expect((await call(sb, 'PUT', `/contacts/${mine}/notes/nope`, { body: { body: 'x' } })).status).toBe(404);
    expect((await call(sb, 'GET', '/users/nope')).status).toBe(404);
  });

  it('422 carries message as an array naming the bad fields', async () => {
    const res = await call(sb, 'POST', `/contacts/${mine}/tasks`, { body: { body: 'no title', completed: 'yes', extra: 1 } });
    expectConforms(res, 'contacts', 'POST', '/contacts/{contactId}/tasks', 422);
    expect(res.body.error).toBe('Unprocessable Entity');
    expect(res.body.message).toEqual(expect.arrayContaining(['property extra should not exist', 'title should not be empty', 'dueDate should not be empty', 'completed must be a boolean value']));
  });

  it('search without locationId / pageLimit, or pageLimit over 500 → 422', async () => {
    const none = await call(sb, 'POST', '/contacts/search', { body: {} });
    expect(none.status).toBe(422);
    expect(none.body.message).toEqual(expect.arrayContaining(['locationId should not be empty', 'pageLimit should not be empty']));
    const big = await call(sb, 'POST', '/contacts/search', { body: { locationId: sb.locationId, pageLimit: 501 } });
    expect(big.status).toBe(422);
    expect(big.body.message).toEqual(['pageLimit must not be greater than 500']);
  });

  it('other bodies: tags, contact email, note colour, bulk type; missing query locationId', async () => {
    expect((await call(sb, 'POST', `/contacts/${mine}/tags`, { body: { tags: 'vip' } })).body.message).toEqual(['tags must be an array']);
    expect((await call(sb, 'PUT', `/contacts/${mine}`, { body: { email: 'not-an-email' } })).body.message).toEqual(['email must be an email']);
    expect((await call(sb, 'PUT', `/contacts/${mine}`, { body: { companyName: 'X' } })).body.message).toEqual(['property companyName should not exist']);
    expect((await call(sb, 'POST', `/contacts/${mine}/notes`, { body: { body: 'x', color: 'red' } })).status).toBe(422);
    expect((await call(sb, 'POST', '/contacts/bulk/tags/update/toggle', { body: { locationId: sb.locationId, contacts: [], tags: [] } })).status).toBe(422);
    const noLoc = await call(sb, 'GET', '/contacts/search/duplicate', { query: { email: 'a@b.co' } });
    expect(noLoc.status).toBe(422);
    expect(Array.isArray(noLoc.body.message)).toBe(true);
  });

  it('spec DTO validators reject a wrong shape (the checks can fail)', () => {
    const v = responseValidator('contacts', 'GET', '/contacts/{contactId}/tasks', 200)!;
    expect(v({ tasks: [{ id: 'x', completed: 'yes' }] })).toBe(false);
    const e = responseValidator('contacts', 'POST', '/contacts/{contactId}/tasks', 422)!;
    expect(e({ statusCode: 422, message: 'not an array' })).toBe(false);
  });
});

describe('CORS', () => {
  it('answers preflights permissively and exposes the rate-limit headers', async () => {
    const res = await fetch(`${sb.baseUrl}/contacts/search`, { method: 'OPTIONS', headers: { Origin: 'chrome-extension://abc', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,version,content-type' } });
    expect(res.status).toBeLessThan(300);
    expect(res.headers.get('access-control-allow-origin')).toBe('chrome-extension://abc');
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('version');
    const real = await call(sb, 'GET', `/contacts/${mine}`, { headers: { Origin: 'https://app.heyreach.io' } });
    expect(real.headers.get('access-control-expose-headers')).toContain('X-RateLimit-Remaining');
  });
});
