// OAuth 2.0: the consent page flow end to end, token exchange, client-secret check, single-use rotating
// refresh tokens (reuse rejected and counted), expiry → 401 "Invalid JWT", and /oauth/locationToken.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/server.ts';
import { admin, authorizeCode, call, tokenRequest } from './helpers.ts';

let sb: Sandbox;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  sb = await startSandbox({ port: 0, partnerProxy: false });
});
afterAll(() => sb.close());

describe('consent page', () => {
  it('lists every location as a button, posts back and redirects 302 with code and state', async () => {
    const flow = await authorizeCode(sb, { locationId: sb.locations[1]!.id, state: 'xyz 1/2', scope: 'contacts.readonly contacts.write', path: '/v2/oauth/chooselocation' });
    expect(flow.html).toContain('<form');
    expect(flow.buttons.map((b) => b.value)).toEqual(sb.locations.map((l) => l.id));
    expect(flow.buttons.map((b) => b.label).join(' ')).toContain('Bayside Realty');
    expect(flow.status).toBe(302);
    const redirect = new URL(flow.location);
    expect(`${redirect.origin}${redirect.pathname}`).toBe('https://extension.example/callback');
    expect(redirect.searchParams.get('state')).toBe('xyz 1/2');
    const token = await tokenRequest(sb, { grant_type: 'authorization_code', code: flow.code!, redirect_uri: 'https://extension.example/callback' });
    expect(token.status).toBe(200);
    expect(token.body).toMatchObject({ token_type: 'Bearer', userType: 'Location', locationId: sb.locations[1]!.id, scope: 'contacts.readonly contacts.write' });
    const use = await call(sb, 'POST', '/contacts/search', { token: token.body.access_token, body: { locationId: sb.locations[1]!.id, pageLimit: 1 } });
    expect(use.status).toBe(200);
    const cross = await call(sb, 'POST', '/contacts/search', { token: token.body.access_token, body: { locationId: sb.locationId, pageLimit: 1 } });
    expect(cross.status).toBe(403);
  });

  it('rejects an unknown client_id and does not redirect', async () => {
    const res = await fetch(`${sb.baseUrl}/oauth/chooselocation?response_type=code&client_id=nope&redirect_uri=https://x.example/cb`);
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/Unknown client_id/);
  });

  it('a code is single-use', async () => {
    const { code } = await authorizeCode(sb);
    expect((await tokenRequest(sb, { grant_type: 'authorization_code', code: code! })).status).toBe(200);
    const again = await tokenRequest(sb, { grant_type: 'authorization_code', code: code! });
    expect(again.status).toBe(400);
    expect(again.body.error).toBe('invalid_grant');
  });
});

describe('token endpoint', () => {
  it('checks client_secret (401) and requires a form body (422)', async () => {
    const { code } = await authorizeCode(sb);
    const wrong = await tokenRequest(sb, { grant_type: 'authorization_code', code: code!, client_secret: 'wrong' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ statusCode: 401, error: 'invalid_client' });
    const json = await call(sb, 'POST', '/oauth/token', { token: null, version: null, body: { client_id: sb.clientId, client_secret: sb.clientSecret, grant_type: 'authorization_code', code } });
    expect(json.status).toBe(422);
    expect(json.body.message).toEqual(expect.arrayContaining(['client_id should not be empty']));
  });

  it('rotates refresh tokens; reusing an old one is rejected and counted', async () => {
    await admin.send(sb, 'POST', 'reset-counters');
    const { code } = await authorizeCode(sb);
    const first = (await tokenRequest(sb, { grant_type: 'authorization_code', code: code! })).body;
    const second = await tokenRequest(sb, { grant_type: 'refresh_token', refresh_token: first.refresh_token, user_type: 'Location' });
    expect(second.status).toBe(200);
    expect(second.body.refresh_token).not.toBe(first.refresh_token);
    expect(second.body.access_token).not.toBe(first.access_token);
    expect((await call(sb, 'GET', `/locations/${sb.locationId}`, { token: second.body.access_token })).status).toBe(200);
    const reuse = await tokenRequest(sb, { grant_type: 'refresh_token', refresh_token: first.refresh_token });
    expect(reuse.status).toBe(400);
    expect(reuse.body).toMatchObject({ error: 'invalid_grant', statusCode: 400 });
    const third = await tokenRequest(sb, { grant_type: 'refresh_token', refresh_token: second.body.refresh_token });
    expect(third.status).toBe(200);
    const counts = await admin.get(sb, 'oauth');
    expect(counts).toMatchObject({ refreshes: 2, reusedRefreshTokens: 1, codesExchanged: 1, accessTokensIssued: 3 });
  });

  it('an expired access token → 401 "Invalid JWT"; a refresh gives a working one', async () => {
    await admin.send(sb, 'POST', 'config', { accessTokenTtlSec: 1 });
    const { code } = await authorizeCode(sb);
    const t = (await tokenRequest(sb, { grant_type: 'authorization_code', code: code! })).body;
    expect(t.expires_in).toBe(1);
    expect((await call(sb, 'GET', `/locations/${sb.locationId}`, { token: t.access_token })).status).toBe(200);
    await sleep(1100);
    const expired = await call(sb, 'GET', `/locations/${sb.locationId}`, { token: t.access_token });
    expect(expired.status).toBe(401);
    expect(expired.body).toEqual({ statusCode: 401, message: 'Invalid JWT', error: 'Unauthorized' });
    await admin.send(sb, 'POST', 'config', { accessTokenTtlSec: 86399 });
    const fresh = (await tokenRequest(sb, { grant_type: 'refresh_token', refresh_token: t.refresh_token })).body;
    expect(fresh.expires_in).toBe(86399);
    expect((await call(sb, 'GET', `/locations/${sb.locationId}`, { token: fresh.access_token })).status).toBe(200);
  });
});

describe('agency tokens', () => {
  it('a Company token from the code flow mints location tokens via /oauth/locationToken', async () => {
    const { code } = await authorizeCode(sb, { scope: 'oauth.write locations.readonly contacts.readonly' });
    const agency = (await tokenRequest(sb, { grant_type: 'authorization_code', code: code!, user_type: 'Company' })).body;
    expect(agency).toMatchObject({ userType: 'Company', companyId: sb.companyId });
    expect(agency.locationId).toBeUndefined();
    expect((await call(sb, 'GET', `/contacts/${sb.seed.partnerContactIds['Maya Okafor']}`, { token: agency.access_token })).status).toBe(401);
    const loc = await call(sb, 'POST', '/oauth/locationToken', { token: agency.access_token, form: { companyId: sb.companyId, locationId: sb.locationId } });
    expect(loc.status).toBe(200);
    expect((await call(sb, 'GET', `/contacts/${sb.seed.partnerContactIds['Maya Okafor']}`, { token: loc.body.access_token })).status).toBe(200);
    const wrongCompany = await call(sb, 'POST', '/oauth/locationToken', { token: agency.access_token, form: { companyId: 'other', locationId: sb.locationId } });
    expect(wrongCompany.status).toBe(403);
    const withPit = await call(sb, 'POST', '/oauth/locationToken', { token: sb.token, form: { companyId: sb.companyId, locationId: sb.locationId } });
    expect(withPit.status).toBe(401);
  });
});
