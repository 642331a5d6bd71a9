// Renewing OAuth tokens without ever losing the session by accident: one refresh however many
// requests need a token, a rotated refresh token is never sent twice in normal operation, a new
// token is saved before it is used, and a worker that dies mid-refresh is recovered where possible.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createSession, createVault, memoryKeyStore, memoryLocks, type KeyStore } from '../../lib/auth';
import { SecretsSchema } from '../../lib/auth/tokens';
import { createGhlClient } from '../../lib/ghl';
import { REDIRECT_URI, admin, fakeWebAuthFlow, openSandbox, sleep, type Sandbox } from '../ghl/sandbox-helpers';
import { SCOPES, connectOwnApp, storedText, tokenSpy } from './auth-helpers';
import { startTestBroker, type TestBroker } from './test-broker';

let sandbox: Sandbox;
let broker: TestBroker;
let contactIds: string[];
let keyStore: KeyStore;

beforeAll(async () => {
  // A generous burst limit: the client paces conservatively (it counts 401s too), which would
  // only make these tests slow, not different.
  sandbox = await openSandbox({ rateLimit: { max: 1_000, intervalMs: 10_000 } });
  broker = await startTestBroker({ tokenUrl: `${sandbox.baseUrl}/oauth/token`, clientId: sandbox.clientId, clientSecret: sandbox.clientSecret });
  const pit = createGhlClient({ baseUrl: sandbox.baseUrl, locationId: sandbox.locationId, tokens: { get: async () => sandbox.token, refresh: async () => sandbox.token } });
  contactIds = (await pit.contacts.search({ pageLimit: 50 })).contacts.map((c) => c.id);
});
afterAll(async () => {
  await broker.close();
  await sandbox.close();
});
beforeEach(() => {
  fakeBrowser.reset();
  keyStore = memoryKeyStore();
});

const oauthCounts = () => admin(sandbox).oauth();

/** Connects with 1-second tokens, then lets the stored access token expire (new tokens live a day). */
async function withExpiredToken<T extends { id: string }>(connect: () => Promise<T>): Promise<T> {
  await admin(sandbox).config({ accessTokenTtlSec: 1 });
  const conn = await connect();
  await admin(sandbox).config({ accessTokenTtlSec: 86_399 });
  await sleep(1_100);
  return conn;
}

const storedSecrets = (connectionId: string) => createVault({ keyStore }).read(`connection.${connectionId}`, SecretsSchema);

/** A fetch that stops for good (like a killed worker) once `die` says so. */
function mortalFetch(die: (url: string) => 'before-send' | 'after-answer' | undefined) {
  let deaths = 0;
  const f = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    const when = die(url);
    if (when === 'before-send') {
      deaths++;
      return new Promise<Response>(() => undefined);
    }
    const response = await fetch(input, init);
    if (when === 'after-answer') {
      deaths++;
      return new Promise<Response>(() => undefined);
    }
    return response;
  }) as typeof fetch;
  return { fetch: f, deaths: () => deaths };
}

describe('one refresh for many requests', () => {
  it('50 concurrent calls with an expired token: one refresh, 50 successes, no refresh token reused', async () => {
    let connectionId = '';
    const usedBeforeSaved: string[] = [];
    const spy = tokenSpy(async (input, init) => {
      const request = new Request(input, init);
      const bearer = request.headers.get('authorization')?.replace('Bearer ', '');
      if (connectionId && bearer && !request.url.includes('/oauth/')) {
        if ((await storedSecrets(connectionId))?.accessToken !== bearer) usedBeforeSaved.push(request.url);
      }
      return fetch(request);
    });
    const session = createSession({ keyStore, fetch: spy.fetch });
    const conn = await withExpiredToken(() => connectOwnApp(session, sandbox));
    connectionId = conn.id;
    const before = await oauthCounts();
    const client = await session.client(conn.id);
    const results = await Promise.allSettled(contactIds.map((id) => client.contacts.get(id)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(50);
    const after = await oauthCounts();
    expect(after.refreshes - before.refreshes).toBe(1);
    expect(after.reusedRefreshTokens).toBe(0);
    expect(usedBeforeSaved).toEqual([]);
  });

  it('two contexts hit 401 at once (token expired early): still one refresh between them', async () => {
    let offsetMs = 0;
    const now = () => Date.now() + offsetMs;
    const locks = memoryLocks(); // Web Locks are shared by every context of the extension
    const first = createSession({ keyStore, locks, now, refreshMarginMs: 0 });
    const second = createSession({ keyStore, locks, now, refreshMarginMs: 0 });
    const conn = await withExpiredToken(() => connectOwnApp(first, sandbox));
    offsetMs = -5_000; // both believe the token still has seconds left; HighLevel says it expired
    const before = await oauthCounts();
    const [a, b] = [await first.client(conn.id), await second.client(conn.id)];
    const results = await Promise.allSettled(contactIds.map((id, i) => (i % 2 ? a : b).contacts.get(id)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(50);
    const after = await oauthCounts();
    expect(after.refreshes - before.refreshes).toBe(1);
    expect(after.reusedRefreshTokens).toBe(0);
  });

  it('a private integration token rejected by HighLevel asks the user to paste a new one', async () => {
    const session = createSession({ keyStore });
    const conn = await session.connectWithToken({ baseUrl: sandbox.baseUrl, token: sandbox.token, locationId: sandbox.locationId });
    const tokens = session.tokenSource(conn.id);
    await expect(tokens.refresh(await tokens.get())).rejects.toMatchObject({
      kind: 'unauthorized',
      action: 'reconnect',
      userMessage: expect.stringMatching(/private integration token/),
    });
  });
});

describe('a worker that dies while refreshing', () => {
  it('died before the refresh reached the server: the next start refreshes with the same token, nothing lost', async () => {
    let dead = false;
    const doomed = mortalFetch((url) => (dead && url.endsWith('/oauth/token') ? 'before-send' : undefined));
    const dying = createSession({ keyStore, fetch: doomed.fetch });
    const conn = await withExpiredToken(() => connectOwnApp(dying, sandbox));
    dead = true;
    void dying.tokenSource(conn.id).get();
    while (!(await storedSecrets(conn.id))?.refreshInFlight) await sleep(5);
    expect(doomed.deaths()).toBe(1);

    const before = await oauthCounts();
    const restarted = createSession({ keyStore });
    const contact = await (await restarted.client(conn.id)).contacts.get(contactIds[0]!);
    expect(contact.id).toBe(contactIds[0]);
    const after = await oauthCounts();
    expect(after.refreshes - before.refreshes).toBe(1);
    expect(after.reusedRefreshTokens).toBe(0);
    expect((await storedSecrets(conn.id))?.refreshInFlight).toBeUndefined();
  });

  it('died after the token endpoint answered, with a broker: the broker replays the pair, nothing lost', async () => {
    let dead = false;
    const doomed = mortalFetch((url) => (dead && url.endsWith('/refresh') ? 'after-answer' : undefined));
    const dying = createSession({ keyStore, fetch: doomed.fetch });
    const conn = await withExpiredToken(() =>
      dying.connectWithOAuth({
        baseUrl: sandbox.baseUrl,
        clientId: sandbox.clientId,
        scopes: SCOPES,
        redirectUri: REDIRECT_URI,
        consentUrl: `${sandbox.baseUrl}/oauth/chooselocation`,
        launchWebAuthFlow: fakeWebAuthFlow(),
        mode: { kind: 'broker', brokerUrl: broker.url },
      }),
    );
    const before = await oauthCounts();
    dead = true;
    void dying.tokenSource(conn.id).get();
    while (doomed.deaths() === 0) await sleep(5);
    expect((await oauthCounts()).refreshes - before.refreshes).toBe(1); // HighLevel rotated it

    const restarted = createSession({ keyStore });
    expect((await (await restarted.client(conn.id)).locations.get()).id).toBe(sandbox.locationId);
    const after = await oauthCounts();
    expect(after.refreshes - before.refreshes).toBe(1);
    expect(after.reusedRefreshTokens).toBe(0);
    expect(broker.replays).toBe(1);
    expect((await restarted.list())[0]?.needsReconnect).toBe(false);
  });

  it('died after HighLevel answered, no broker: tries the old token ONCE, then asks to reconnect (honest limit)', async () => {
    let dead = false;
    const doomed = mortalFetch((url) => (dead && url.endsWith('/oauth/token') ? 'after-answer' : undefined));
    const dying = createSession({ keyStore, fetch: doomed.fetch });
    const conn = await withExpiredToken(() => connectOwnApp(dying, sandbox));
    const before = await oauthCounts();
    dead = true;
    void dying.tokenSource(conn.id).get();
    while (doomed.deaths() === 0) await sleep(5);

    const spy = tokenSpy();
    const restarted = createSession({ keyStore, fetch: spy.fetch });
    const client = await restarted.client(conn.id);
    await expect(client.contacts.get(contactIds[0]!)).rejects.toMatchObject({ kind: 'unauthorized', action: 'reconnect' });
    await expect(client.contacts.get(contactIds[1]!)).rejects.toMatchObject({ kind: 'unauthorized' });
    const after = await oauthCounts();
    expect(after.reusedRefreshTokens - before.reusedRefreshTokens).toBe(1); // once, never again
    expect((await restarted.list())[0]).toMatchObject({ id: conn.id, needsReconnect: true });

    const again = await connectOwnApp(restarted, sandbox);
    expect(again).toMatchObject({ id: conn.id, needsReconnect: false });
    expect((await (await restarted.client(conn.id)).contacts.get(contactIds[2]!)).id).toBe(contactIds[2]);
    expect(await storedText()).not.toContain(sandbox.clientSecret);
  });
});
