// Connecting to HighLevel the ways a user can (pasted private-integration token, OAuth with their
// own marketplace app or through a token broker, locations of an agency), switching between
// locations, signing out, and never leaving a token or secret readable in extension storage.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { connectionView, createSession, locationIdFrom, memoryKeyStore, type KeyStore, type Session } from '../../lib/auth';
import { REDIRECT_URI, admin, fakeWebAuthFlow, openSandbox, type Sandbox } from '../ghl/sandbox-helpers';
import { SCOPES, connectOwnApp, storedText, tokenSpy } from './auth-helpers';
import { startTestBroker, type TestBroker } from './test-broker';

let sandbox: Sandbox;
let broker: TestBroker;
let spy: ReturnType<typeof tokenSpy>;
let session: Session;
let keyStore: KeyStore;

beforeAll(async () => {
  sandbox = await openSandbox();
  broker = await startTestBroker({ tokenUrl: `${sandbox.baseUrl}/oauth/token`, clientId: sandbox.clientId, clientSecret: sandbox.clientSecret });
});
afterAll(async () => {
  await broker.close();
  await sandbox.close();
});
beforeEach(() => {
  fakeBrowser.reset();
  spy = tokenSpy();
  keyStore = memoryKeyStore();
  session = createSession({ keyStore, fetch: spy.fetch });
});

/** Every secret the user or the sandbox produced: none may be readable in storage. */
async function expectNoSecretInStorage() {
  const stored = await storedText();
  const secrets = [...sandbox.locations.map((l) => l.token), sandbox.clientSecret, ...spy.issued];
  expect(secrets.length).toBeGreaterThanOrEqual(3);
  for (const secret of secrets) expect(stored).not.toContain(secret);
}

describe('private integration token', () => {
  it('connects after checking the token against the location, and keeps its name', async () => {
    const conn = await session.connectWithToken({ baseUrl: sandbox.baseUrl, token: sandbox.token, locationId: sandbox.locationId });
    expect(conn).toMatchObject({ kind: 'private-token', locationId: sandbox.locationId, locationName: sandbox.locations[0]!.name, active: true });
    const client = await session.client(conn.id);
    expect((await client.contacts.search({ pageLimit: 2 })).contacts).toHaveLength(2);
    expect(JSON.stringify(await session.list())).not.toContain(sandbox.token);
    await expectNoSecretInStorage();
  });

  it('refuses a token that cannot reach the location, and stores nothing', async () => {
    await expect(
      session.connectWithToken({ baseUrl: sandbox.baseUrl, token: sandbox.token, locationId: sandbox.locations[1]!.id }),
    ).rejects.toMatchObject({ kind: 'forbidden', action: 'switch-location' });
    await expect(session.connectWithToken({ baseUrl: sandbox.baseUrl, token: 'pit-wrong', locationId: sandbox.locationId })).rejects.toMatchObject({
      kind: 'unauthorized',
      action: 'reconnect',
    });
    expect(await session.list()).toEqual([]);
    expect(await storedText()).not.toContain('vault');
  });

  it('checks a new token pasted for a connected location before saving it: a refused one leaves the working token', async () => {
    const conn = await session.connectWithToken({ baseUrl: sandbox.baseUrl, token: sandbox.token, locationId: sandbox.locationId });
    const refused = session.connectWithToken({ baseUrl: sandbox.baseUrl, token: 'pit-mistyped', locationId: sandbox.locationId });
    await expect(refused).rejects.toMatchObject({ kind: 'unauthorized', action: 'reconnect' });
    await expect(refused).rejects.toMatchObject({ userMessage: expect.stringMatching(/not saved; the connection keeps its earlier token/) });
    // the connection still works, in this worker and in the next one (what is stored is the working token)
    expect((await (await session.client(conn.id)).contacts.search({ pageLimit: 1 })).contacts).toHaveLength(1);
    const next = createSession({ keyStore });
    expect((await (await next.client(conn.id)).contacts.search({ pageLimit: 1 })).contacts).toHaveLength(1);
    expect(await session.list()).toMatchObject([{ id: conn.id, needsReconnect: false }]);
    // a token for another location is refused the same way, before anything is saved
    await expect(session.connectWithToken({ baseUrl: sandbox.baseUrl, token: sandbox.locations[1]!.token, locationId: sandbox.locationId })).rejects.toMatchObject({ kind: 'forbidden' });
    expect((await (await createSession({ keyStore }).client(conn.id)).locations.get()).id).toBe(sandbox.locationId);
  });

  it('marks a connection whose token HighLevel stopped accepting, says why, and clears the mark when a new token is accepted', async () => {
    const location = sandbox.locations[1]!;
    const conn = await session.connectWithToken({ baseUrl: sandbox.baseUrl, token: location.token, locationId: location.id });
    const registry = sandbox.ctx.tokens as unknown as { access: Map<string, unknown> };
    const restore = () => sandbox.ctx.tokens.addPit(location.token, location.id, sandbox.companyId, sandbox.state.usersOf(location.id)[0]!.id);
    registry.access.delete(location.token);
    try {
      await expect((await session.client(conn.id)).contacts.search({ pageLimit: 1 })).rejects.toMatchObject({ kind: 'unauthorized', action: 'reconnect' });
      const [marked] = await session.list();
      expect(marked).toMatchObject({ id: conn.id, needsReconnect: true, reconnectReason: expect.stringMatching(/rejected the private integration token/) });
      expect(connectionView(marked!)).toMatchObject({ needsReconnect: true, reconnectReason: marked!.reconnectReason });
    } finally {
      restore();
    }
    await session.connectWithToken({ baseUrl: sandbox.baseUrl, token: location.token, locationId: location.id });
    expect(await session.list()).toMatchObject([{ id: conn.id, needsReconnect: false, reconnectReason: undefined }]);
  });

  it('takes the location id from a pasted HighLevel URL', () => {
    expect(locationIdFrom('https://app.gohighlevel.com/v2/location/Lc5pQw8ZrT2vB6nH1dKs/contacts/smart_list/All')).toBe('Lc5pQw8ZrT2vB6nH1dKs');
    expect(locationIdFrom('  Lc5pQw8ZrT2vB6nH1dKs ')).toBe('Lc5pQw8ZrT2vB6nH1dKs');
  });
});

describe('OAuth', () => {
  it("connects with the user's own marketplace app through the consent page", async () => {
    const seen: string[] = [];
    const conn = await session.connectWithOAuth({
      baseUrl: sandbox.baseUrl,
      clientId: sandbox.clientId,
      scopes: SCOPES,
      redirectUri: REDIRECT_URI,
      consentUrl: `${sandbox.baseUrl}/oauth/chooselocation`,
      launchWebAuthFlow: fakeWebAuthFlow({ locationId: sandbox.locations[1]!.id, onUrl: (u) => seen.push(u) }),
      mode: { kind: 'own-app', clientSecret: sandbox.clientSecret },
    });
    const consent = new URL(seen[0]!);
    expect(consent.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(consent.searchParams.get('redirect_uri')).toBe(REDIRECT_URI);
    expect(consent.searchParams.get('client_secret')).toBeNull();
    expect(conn).toMatchObject({ kind: 'oauth-app', locationId: sandbox.locations[1]!.id, locationName: sandbox.locations[1]!.name });
    const client = await session.client(conn.id);
    expect((await client.users.list()).length).toBeGreaterThan(0);
    await expectNoSecretInStorage();
  });

  it('connects through a token broker that holds the client secret', async () => {
    const conn = await session.connectWithOAuth({
      baseUrl: sandbox.baseUrl,
      clientId: sandbox.clientId,
      scopes: SCOPES,
      redirectUri: REDIRECT_URI,
      consentUrl: `${sandbox.baseUrl}/oauth/chooselocation`,
      launchWebAuthFlow: fakeWebAuthFlow(),
      mode: { kind: 'broker', brokerUrl: broker.url },
    });
    expect(conn).toMatchObject({ kind: 'oauth-broker', locationName: sandbox.locations[0]!.name });
    expect((await (await session.client(conn.id)).locations.get()).id).toBe(sandbox.locationId);
    await expectNoSecretInStorage();
  });

  it('rejects an answer whose state does not match, without exchanging the code', async () => {
    const before = (await admin(sandbox).oauth()).codesExchanged;
    const realFlow = fakeWebAuthFlow();
    const attempt = session.connectWithOAuth({
      baseUrl: sandbox.baseUrl,
      clientId: sandbox.clientId,
      scopes: SCOPES,
      redirectUri: REDIRECT_URI,
      consentUrl: `${sandbox.baseUrl}/oauth/chooselocation`,
      launchWebAuthFlow: async (url) => {
        const redirect = new URL(await realFlow(url));
        redirect.searchParams.set('state', 'forged');
        return redirect.toString();
      },
      mode: { kind: 'own-app', clientSecret: sandbox.clientSecret },
    });
    await expect(attempt).rejects.toMatchObject({ kind: 'unauthorized', action: 'retry' });
    expect((await admin(sandbox).oauth()).codesExchanged).toBe(before);
    expect(await session.list()).toEqual([]);
  });

  it('reports a refused consent in plain words', async () => {
    const attempt = session.connectWithOAuth({
      baseUrl: sandbox.baseUrl,
      clientId: sandbox.clientId,
      scopes: SCOPES,
      redirectUri: REDIRECT_URI,
      launchWebAuthFlow: async () => `${REDIRECT_URI}?error=access_denied`,
      mode: { kind: 'own-app', clientSecret: sandbox.clientSecret },
    });
    await expect(attempt).rejects.toMatchObject({ kind: 'unauthorized', userMessage: expect.stringMatching(/did not grant access/) });
  });

  it('a token lacking a scope is forbidden / reconnect, and is not refreshed for nothing', async () => {
    const conn = await connectOwnApp(session, sandbox, { scopes: ['contacts.readonly', 'locations.readonly'] });
    const before = (await admin(sandbox).oauth()).refreshes;
    const client = await session.client(conn.id);
    await expect(client.tags.locationTags()).rejects.toMatchObject({ kind: 'forbidden', action: 'reconnect' });
    expect((await admin(sandbox).oauth()).refreshes).toBe(before);
  });
});

describe('agency connection', () => {
  it('mints location tokens with /oauth/locationToken and renews them the same way', async () => {
    const agency = await connectOwnApp(session, sandbox, {
      userType: 'Company',
      scopes: ['oauth.write', 'oauth.readonly', ...SCOPES],
    });
    expect(agency).toMatchObject({ userType: 'Company', companyId: sandbox.companyId, active: false });
    const minted = await session.addAgencyLocation(agency.id, sandbox.locations[1]!.id);
    expect(minted).toMatchObject({ kind: 'agency-location', locationName: sandbox.locations[1]!.name, active: true });
    const before = (await admin(sandbox).oauth()).locationTokensIssued;
    const tokens = session.tokenSource(minted.id);
    const renewed = await tokens.refresh(await tokens.get());
    expect((await admin(sandbox).oauth()).locationTokensIssued).toBe(before + 1);
    expect(spy.issued.has(renewed)).toBe(true);
    await expectNoSecretInStorage();
    await session.signOut(agency.id);
    expect(await session.list()).toEqual([]);
  });
});

describe('several locations and signing out', () => {
  it('lists connections without tokens, switches the active one, and signs out completely', async () => {
    const first = await session.connectWithToken({ baseUrl: sandbox.baseUrl, token: sandbox.token, locationId: sandbox.locationId });
    const second = await connectOwnApp(session, sandbox, { locationId: sandbox.locations[1]!.id });
    expect((await session.list()).map((c) => [c.locationName, c.active])).toEqual([
      [sandbox.locations[0]!.name, true],
      [sandbox.locations[1]!.name, false],
    ]);
    await session.setActive(second.id);
    expect((await session.active())?.id).toBe(second.id);
    await expectNoSecretInStorage();

    await session.signOut(second.id);
    expect((await session.list()).map((c) => c.id)).toEqual([first.id]);
    expect((await session.active())?.id).toBe(first.id);
    expect(await storedText()).not.toContain(second.id);
    await expect(session.tokenSource(second.id).get()).rejects.toMatchObject({ kind: 'unauthorized' });
    // A new session over the same storage sees the same: nothing of the signed-out connection.
    const later = createSession({ keyStore: memoryKeyStore() });
    expect((await later.list()).map((c) => c.id)).toEqual([first.id]);
    expect((await (await session.client(first.id)).locations.get()).id).toBe(sandbox.locationId);

    await session.signOut(first.id);
    expect(await session.list()).toEqual([]);
    expect(await storedText()).not.toMatch(/vault\./);
  });
});
