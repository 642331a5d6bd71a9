// Where a token or a client secret may go: HighLevel's API host, or an address the user typed in
// the options page, checked as each request leaves. A stored address nobody typed (a connection
// the previous version stored, adopted at the update, after a page had rewritten it) gets nothing:
// the request is not sent, the refusal is in the activity log, the connection is marked for
// reconnecting with the reason; and an allowed address cannot pass a request on by a redirect.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createSession, memoryKeyStore, type KeyStore } from '../../lib/auth';
import { CONNECTIONS_KEY } from '../../lib/auth/store';
import { createTrust, memoryLedgerStore, type Trust } from '../../lib/trust';
import { admin, openSandbox, type Sandbox } from '../ghl/sandbox-helpers';
import { connectOwnApp } from '../auth/auth-helpers';
import { startWatchServer } from './watch-server';

let sandbox: Sandbox;
let watch: Awaited<ReturnType<typeof startWatchServer>>;
let elsewhere: Awaited<ReturnType<typeof startWatchServer>>;
let keyStore: KeyStore;
let trust: Trust;

beforeAll(async () => {
  sandbox = await openSandbox();
  elsewhere = await startWatchServer();
  // an address the user typed that answers every request with a redirect to another host
  watch = await startWatchServer((req, res) => void res.writeHead(307, { location: `${elsewhere.url}${req.url ?? '/'}` }).end());
});
afterAll(async () => {
  await Promise.all([sandbox.close(), watch.close(), elsewhere.close()]);
});
beforeEach(() => {
  fakeBrowser.reset();
  keyStore = memoryKeyStore();
  trust = createTrust({ store: memoryLedgerStore(), restrict: async () => undefined });
  watch.seen.length = 0;
  elsewhere.seen.length = 0;
});

/** The first start after the update from the version before these checks: it adopts what is stored, and no address was typed yet. */
async function afterTheUpdate(rewrite: (connection: Record<string, unknown>) => Record<string, unknown>) {
  const list = (await fakeBrowser.storage.local.get(CONNECTIONS_KEY))[CONNECTIONS_KEY] as { connections: Array<Record<string, unknown>> };
  await fakeBrowser.storage.local.set({ [CONNECTIONS_KEY]: { ...list, connections: list.connections.map(rewrite) } });
  await fakeBrowser.storage.local.remove(['trust.destinations', 'trust.refusals']);
  const updated = createTrust({ store: memoryLedgerStore(), previousVersionLeftData: async () => true, restrict: async () => undefined });
  return { updated, session: createSession({ keyStore, trust: updated }) };
}

describe('tokens and secrets go only to HighLevel or to an address the user typed', () => {
  it('an API address nobody typed gets no token: not sent, refused in words, the connection marked', async () => {
    const connection = await createSession({ keyStore, trust }).connectWithToken({ baseUrl: sandbox.baseUrl, token: sandbox.token, locationId: sandbox.locationId });
    const { updated, session } = await afterTheUpdate((c) => c); // the sandbox's address was typed into the previous version: not known now
    await admin(sandbox).resetCounters();
    const refused = (await session.client(connection.id)).contacts.search({ pageLimit: 1 });
    await expect(refused).rejects.toMatchObject({ kind: 'unauthorized', action: 'reconnect', userMessage: expect.stringMatching(/^Not sent\. 127\.0\.0\.1:\d+ is neither HighLevel nor an address entered/) });
    expect((await admin(sandbox).requests()).counts.total).toBe(0);
    expect(await updated.refusals.list()).toMatchObject([{ what: expect.stringMatching(/^A request to 127\.0\.0\.1:\d+ with your sign-in$/) }]);
    expect(await session.list()).toMatchObject([{ id: connection.id, needsReconnect: true, reconnectReason: expect.stringMatching(/^Not sent/) }]);

    // the user enters the address again in the options: it works, and the mark is gone
    await session.connectWithToken({ baseUrl: sandbox.baseUrl, token: sandbox.token, locationId: sandbox.locationId });
    expect((await (await session.client(connection.id)).contacts.search({ pageLimit: 1 })).contacts).toHaveLength(1);
    expect(await session.list()).toMatchObject([{ needsReconnect: false }]);
  });

  it('a token endpoint rewritten to another host never receives the client secret or the refresh token', async () => {
    const connection = await connectOwnApp(createSession({ keyStore, trust }), sandbox);
    const { session } = await afterTheUpdate((c) => ({ ...c, tokenUrl: `${elsewhere.url}/oauth/token` }));
    const tokens = session.tokenSource(connection.id);
    await expect(tokens.refresh(await tokens.get())).rejects.toMatchObject({ kind: 'unauthorized', action: 'reconnect' });
    expect(elsewhere.seen).toEqual([]);
  });

  it('a broker address rewritten to another host never receives the refresh token', async () => {
    const connection = await connectOwnApp(createSession({ keyStore, trust }), sandbox);
    const { session } = await afterTheUpdate((c) => ({ ...c, kind: 'oauth-broker', brokerUrl: elsewhere.url }));
    const tokens = session.tokenSource(connection.id);
    await expect(tokens.refresh(await tokens.get())).rejects.toMatchObject({ kind: 'unauthorized' });
    expect(elsewhere.seen).toEqual([]);
  });

  it('an address the user typed cannot pass a request on to another host by a redirect', async () => {
    const session = createSession({ keyStore, trust });
    await expect(session.connectWithToken({ baseUrl: watch.url, token: 'pit-typed', locationId: sandbox.locationId })).rejects.toMatchObject({ kind: 'network' });
    // it went where the user said (the connect check probes the scopes: one request each), and only there
    expect(new Set(watch.seen.map((r) => r.headers.authorization))).toEqual(new Set(['Bearer pit-typed']));
    expect(elsewhere.seen).toEqual([]); // and not one step further
  });
});
