// The session: the user's connections to HighLevel locations, how each was made (private
// integration token, OAuth through the user's own marketplace app, OAuth through a token broker,
// or a location token minted from an agency connection), which one is active, signing out, and
// the TokenSource / client each connection gives lib/ghl. Lives only in the background worker.
//
// Private-integration tokens do not say which location they belong to, and API v2 has no cheap
// "who am I" call for them, so `connectWithToken` takes the location id (or a pasted HighLevel
// URL containing /location/<id>/) and checks both by probing the scopes the extension uses
// (lib/scopes: a token with only contacts.readonly connects too), which also gives the location's
// name when the token may read it. OAuth answers carry `locationId` and their granted scopes.
//
// Every request the session sends carries a token or a secret, so every one goes through the
// destinations' guard (lib/trust): to HighLevel's API host or to an address the user typed when
// connecting (what connectWithToken / connectWithOAuth are given comes from the options page), at
// the moment it is sent. A connection whose address is refused is marked for reconnecting.
import { i18n } from '#i18n';
import { createGhlClient, type GhlClient, GhlError, type TokenSource, type TokenResponse } from '../ghl';
import { checkConnection, forgetScopes, rememberScopes } from '../scopes';
import { exchangeCodeAtBroker, refreshAtBroker } from './broker';
import { memoryLocks, webLocks, type LockRunner } from './locks';
import {
  DEFAULT_CONSENT_URL,
  codeFromRedirect,
  consentUrl,
  exchangeCode,
  mintLocationToken,
  newState,
  refreshWithApp,
  type UserType,
} from './oauth';
import { connectionStore, type Connection, type ConnectionKind } from './store';
import { createTokenKeeper, secretsFromAnswer, secretsSlot, type Renewer, type Secrets } from './tokens';
import { createVault, defaultStorage, idbKeyStore, type AuthStorage, type KeyStore } from './vault';
import { trust as sharedTrust, type Trust } from '../trust';

export interface SessionOptions {
  /** Default: WXT's storage (browser.storage.local). */
  storage?: AuthStorage;
  /** Default: the IndexedDB key store. Node tests pass memoryKeyStore(). */
  keyStore?: KeyStore;
  /** Used for HighLevel, token endpoints and brokers. */
  fetch?: typeof fetch;
  /** Default: Web Locks, else an in-memory lock. */
  locks?: LockRunner;
  now?: () => number;
  /** Renew when less than this is left. Default 5 minutes. */
  refreshMarginMs?: number;
  /** How long one HighLevel answer (headers and body) may take. Default: the client's 30 s. */
  requestTimeoutMs?: number;
  /** The ledger, the refusals and the allowed destinations. Default: the extension's one (lib/trust). */
  trust?: Trust;
}

/** What the UI may see of a connection: never a token or secret. */
export interface ConnectionSummary {
  id: string;
  kind: ConnectionKind;
  userType: UserType;
  locationId?: string;
  locationName?: string;
  companyId?: string;
  active: boolean;
  needsReconnect: boolean;
  /** why it needs reconnecting, in words */
  reconnectReason?: string;
  createdAt: number;
}

export type OAuthMode =
  | { kind: 'own-app'; clientSecret: string; tokenUrl?: string }
  | { kind: 'broker'; brokerUrl: string };

export interface OAuthConnectInput {
  /** API base, e.g. https://services.leadconnectorhq.com */
  baseUrl: string;
  clientId: string;
  scopes: readonly string[];
  /** browser.identity.getRedirectURL() */
  redirectUri: string;
  /** browser.identity.launchWebAuthFlow({url, interactive: true}); resolves to the redirect URL. */
  launchWebAuthFlow: (url: string) => Promise<string>;
  consentUrl?: string;
  userType?: UserType;
  mode: OAuthMode;
}

/** Accepts a location id or a HighLevel URL that contains /location/<id>/. */
export function locationIdFrom(input: string): string {
  return /\/location\/([A-Za-z0-9_-]+)/.exec(input)?.[1] ?? input.trim();
}

const trimSlash = (url: string) => url.replace(/\/+$/, '');

/** The scopes a token answer granted (`scope`, space-separated); undefined when it names none. */
const grantedScopes = (answer: TokenResponse) => (answer.scope ? answer.scope.split(/\s+/).filter(Boolean) : undefined);
const originOf = (url: string | undefined) => {
  try {
    return url ? new URL(url).origin : undefined;
  } catch {
    return undefined;
  }
};
const usesOrigin = (c: Connection, origin: string) => [c.baseUrl, c.tokenUrl, c.brokerUrl].some((u) => originOf(u) === origin);

export function createSession(opts: SessionOptions = {}) {
  const storage = opts.storage ?? defaultStorage();
  const trust = opts.trust ?? sharedTrust();
  const now = opts.now ?? Date.now;
  const keyStore = opts.keyStore ?? idbKeyStore();
  const vault = createVault({ keyStore, storage });
  const store = connectionStore(storage, trust);
  /** Connections sending to a refused address need the user: marked, with the reason. */
  const markRefused = async (origin: string, reason: string) => {
    const list = await store.read();
    if (!list.connections.some((c) => usesOrigin(c, origin) && !c.needsReconnect)) return;
    await store.change((l) => ({
      ...l,
      connections: l.connections.map((c) => (usesOrigin(c, origin) ? { ...c, needsReconnect: true, reconnectReason: reason } : c)),
    }));
  };
  // every request carries a token or a secret: checked where it goes, as it leaves
  const fetchImpl = trust.destinations.guard(opts.fetch ?? globalThis.fetch.bind(globalThis), markRefused);
  const clients = new Map<string, GhlClient>();

  const find = async (id: string): Promise<Connection> => {
    const found = (await store.read()).connections.find((c) => c.id === id);
    if (!found) throw new GhlError('unauthorized', { userMessage: i18n.t('signIn.connectionGone') });
    return found;
  };

  const keeper = createTokenKeeper({
    vault,
    locks: opts.locks ?? webLocks() ?? memoryLocks(),
    now,
    refreshMarginMs: opts.refreshMarginMs ?? 5 * 60_000,
    renewerFor: async (id) => renewerFor(await find(id)),
    onNeedsReconnect: async (id, reason) => {
      await store.change((list) => ({
        ...list,
        connections: list.connections.map((c) => (c.id === id ? { ...c, needsReconnect: true, reconnectReason: reason } : c)),
      }));
    },
  });

  function renewerFor(conn: Connection): Renewer | undefined {
    const userType = conn.userType;
    const needRefreshToken = (s: Secrets) => {
      if (!s.refreshToken) throw new GhlError('unauthorized', { userMessage: i18n.t('signIn.cannotRenew') });
      return s.refreshToken;
    };
    switch (conn.kind) {
      case 'private-token':
        return undefined;
      case 'oauth-app':
        return (s) =>
          refreshWithApp(fetchImpl, conn.tokenUrl ?? `${conn.baseUrl}/oauth/token`, { clientId: s.clientId ?? '', clientSecret: s.clientSecret ?? '' }, {
            refreshToken: needRefreshToken(s),
            userType,
          });
      case 'oauth-broker':
        return (s) => refreshAtBroker(fetchImpl, conn.brokerUrl ?? '', needRefreshToken(s));
      case 'agency-location':
        return () => mintFromAgency(conn.agencyConnectionId ?? '', conn.baseUrl, conn.companyId ?? '', conn.locationId ?? '');
    }
  }

  async function mintFromAgency(agencyId: string, baseUrl: string, companyId: string, locationId: string): Promise<TokenResponse> {
    const agency = keeper.source(agencyId);
    const token = await agency.get();
    try {
      return await mintLocationToken(fetchImpl, baseUrl, token, { companyId, locationId });
    } catch (error) {
      if (!(error instanceof GhlError && error.status === 401)) throw error;
      return mintLocationToken(fetchImpl, baseUrl, await agency.refresh(token), { companyId, locationId });
    }
  }

  /**
   * Checks the new secrets against the location first, with the new token held in memory only,
   * and saves them (and the record, with the location's name) only once HighLevel accepted them:
   * a refused paste for a connected location leaves its working token as it was. The new token
   * is not renewed during the check (a fresh token needs no renewal; one HighLevel refuses is the
   * answer), so nothing has to be saved before it is used.
   */
  async function addConnection(
    draft: Omit<Connection, 'id' | 'createdAt' | 'locationName'>,
    secrets: Secrets,
    /** the scopes an OAuth answer granted; absent for a private-integration token (probed) */
    granted?: string[],
  ): Promise<ConnectionSummary> {
    const existing = (await store.read()).connections.find(
      (c) => c.baseUrl === draft.baseUrl && c.kind === draft.kind && c.locationId === draft.locationId && c.companyId === draft.companyId,
    );
    let locationName = existing?.locationName;
    let scopes: { granted?: string[]; missing: string[] } | undefined;
    if (draft.locationId) {
      const refused = existing ? i18n.t('signIn.newTokenRefused') : i18n.t('signIn.tokenRejected');
      const trial: TokenSource = {
        get: async () => secrets.accessToken,
        refresh: async () => {
          throw new GhlError('unauthorized', { userMessage: refused, action: 'reconnect' });
        },
      };
      const client = createGhlClient({ baseUrl: draft.baseUrl, locationId: draft.locationId, tokens: trial, fetch: fetchImpl, timeoutMs: opts.requestTimeoutMs });
      const checked = await checkConnection(client, granted);
      locationName = checked.locationName;
      scopes = checked;
    }
    const id = existing?.id ?? crypto.randomUUID();
    keeper.forget(id);
    clients.delete(id);
    await keeper.save(id, secrets);
    const record: Connection = { ...existing, ...draft, id, locationName, createdAt: existing?.createdAt ?? now(), needsReconnect: undefined, reconnectReason: undefined };
    const list = await store.change((l) => ({
      ...l,
      connections: [...l.connections.filter((x) => x.id !== id), record],
      activeId: l.activeId ?? (record.locationId ? id : null),
    }));
    if (scopes) await rememberScopes(id, scopes);
    return summarize(record, list.activeId);
  }

  const summarize = (c: Connection, activeId: string | null): ConnectionSummary => ({
    id: c.id,
    kind: c.kind,
    userType: c.userType,
    locationId: c.locationId,
    locationName: c.locationName,
    companyId: c.companyId,
    active: c.id === activeId,
    needsReconnect: c.needsReconnect === true,
    reconnectReason: c.needsReconnect ? c.reconnectReason : undefined,
    createdAt: c.createdAt,
  });

  return {
    async connectWithToken(input: { baseUrl: string; token: string; locationId: string }): Promise<ConnectionSummary> {
      const token = input.token.trim();
      if (!token) throw new GhlError('validation', { userMessage: i18n.t('signIn.pasteToken') });
      await trust.destinations.allow(input.baseUrl); // typed in the options page
      return addConnection(
        { kind: 'private-token', baseUrl: trimSlash(input.baseUrl), userType: 'Location', locationId: locationIdFrom(input.locationId) },
        { accessToken: token },
      );
    },

    async connectWithOAuth(input: OAuthConnectInput): Promise<ConnectionSummary> {
      // the addresses come from the options page: typed (or left as HighLevel's) by the user
      for (const url of [input.baseUrl, input.mode.kind === 'own-app' ? input.mode.tokenUrl : input.mode.brokerUrl]) {
        if (url) await trust.destinations.allow(url);
      }
      const state = newState();
      const url = consentUrl({
        consentUrl: input.consentUrl ?? DEFAULT_CONSENT_URL,
        clientId: input.clientId,
        redirectUri: input.redirectUri,
        scopes: input.scopes,
        state,
      });
      const code = codeFromRedirect(await input.launchWebAuthFlow(url), state);
      const baseUrl = trimSlash(input.baseUrl);
      const userType = input.userType ?? 'Location';
      const { mode } = input;
      const answer =
        mode.kind === 'own-app'
          ? await exchangeCode(fetchImpl, mode.tokenUrl ?? `${baseUrl}/oauth/token`, { clientId: input.clientId, clientSecret: mode.clientSecret }, { code, redirectUri: input.redirectUri, userType })
          : await exchangeCodeAtBroker(fetchImpl, mode.brokerUrl, code, input.redirectUri);
      const isAgency = answer.userType === 'Company' || !answer.locationId;
      return addConnection(
        {
          kind: mode.kind === 'own-app' ? 'oauth-app' : 'oauth-broker',
          baseUrl,
          userType: isAgency ? 'Company' : 'Location',
          locationId: isAgency ? undefined : (answer.locationId ?? undefined),
          companyId: answer.companyId ?? undefined,
          tokenUrl: mode.kind === 'own-app' ? mode.tokenUrl : undefined,
          brokerUrl: mode.kind === 'broker' ? trimSlash(mode.brokerUrl) : undefined,
        },
        secretsFromAnswer(answer, now(), mode.kind === 'own-app' ? { clientId: input.clientId, clientSecret: mode.clientSecret } : {}),
        grantedScopes(answer),
      );
    },

    /** Adds one of an agency connection's locations, with tokens minted by /oauth/locationToken. */
    async addAgencyLocation(agencyConnectionId: string, locationId: string): Promise<ConnectionSummary> {
      const agency = await find(agencyConnectionId);
      if (agency.userType !== 'Company' || !agency.companyId) {
        throw new GhlError('validation', { userMessage: i18n.t('signIn.onlyAgency') });
      }
      const id = locationIdFrom(locationId);
      const answer = await mintFromAgency(agency.id, agency.baseUrl, agency.companyId, id);
      return addConnection(
        { kind: 'agency-location', baseUrl: agency.baseUrl, userType: 'Location', locationId: id, companyId: agency.companyId, agencyConnectionId: agency.id },
        secretsFromAnswer(answer, now()),
        grantedScopes(answer),
      );
    },

    async list(): Promise<ConnectionSummary[]> {
      const list = await store.read();
      return list.connections.map((c) => summarize(c, list.activeId));
    },

    async active(): Promise<ConnectionSummary | undefined> {
      return (await this.list()).find((c) => c.active);
    },

    async setActive(connectionId: string): Promise<void> {
      const conn = await find(connectionId);
      if (!conn.locationId) throw new GhlError('validation', { userMessage: i18n.t('signIn.chooseLocation') });
      await store.change((l) => ({ ...l, activeId: connectionId }));
    },

    /** Forgets the connection's tokens, secrets and settings (and locations minted from it). */
    async signOut(connectionId: string): Promise<void> {
      const list = await store.read();
      const gone = list.connections.filter((c) => c.id === connectionId || c.agencyConnectionId === connectionId).map((c) => c.id);
      for (const id of gone.length ? gone : [connectionId]) {
        await vault.remove(secretsSlot(id));
        await forgetScopes(id);
        keeper.forget(id);
        clients.delete(id);
      }
      await store.change((l) => {
        const connections = l.connections.filter((c) => !gone.includes(c.id));
        const activeId = l.activeId && !gone.includes(l.activeId) ? l.activeId : (connections.find((c) => c.locationId)?.id ?? null);
        return { ...l, activeId, connections };
      });
    },

    /** Signs every connection out and deletes the vault's key: nothing stored can be read again. */
    async forgetAll(): Promise<void> {
      for (const c of (await store.read()).connections) await this.signOut(c.id);
      await keyStore.clear();
    },

    tokenSource(connectionId: string): TokenSource {
      return keeper.source(connectionId);
    },

    /** The HighLevel client of a location connection (one per connection, kept). */
    async client(connectionId: string): Promise<GhlClient> {
      const cached = clients.get(connectionId);
      if (cached) return cached;
      const conn = await find(connectionId);
      if (!conn.locationId) throw new GhlError('validation', { userMessage: i18n.t('signIn.agencyNoContacts') });
      const client = createGhlClient({ baseUrl: conn.baseUrl, locationId: conn.locationId, tokens: keeper.source(connectionId), fetch: fetchImpl, timeoutMs: opts.requestTimeoutMs });
      clients.set(connectionId, client);
      return client;
    },
  };
}

export type Session = ReturnType<typeof createSession>;
