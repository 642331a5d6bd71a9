// Access tokens for lib/ghl: hands out a connection's token and renews it before it expires
// (less than 5 minutes left) or when HighLevel rejects it, with exactly one renewal in flight.
//
// One renewal, however many requests need a token:
// - within a context: a single flight per connection, joined by every caller;
// - across contexts: an exclusive lock per connection (Web Locks; see locks.ts). Inside it the
//   secrets are read again from storage: if another context already renewed, its token is used.
//
// Rotating refresh tokens (single-use) and crash safety, in order, inside the lock:
//   1. write the secrets with an "in-flight refresh" marker (one encrypted write);
//   2. send the refresh token to the token endpoint (or broker);
//   3. write the new access + refresh pair and clear the marker in ONE encrypted write;
//   4. only then hand the new access token out.
// If the context dies between 1 and 3, the next one finds the marker and sends the old refresh
// token once more. If the request had never reached the server, this simply works. If the server
// had already rotated it: with a broker that honours the replay rule (broker.ts) the same pair
// comes back and nothing is lost; talking to HighLevel directly, it is refused as reused, the
// connection is marked "needs reconnect" and never tried again (no second reuse), and the user
// sees `unauthorized` / reconnect. That window (answer received, not yet written: one storage
// write) cannot be closed from the extension alone; that is the honest limit. The same applies
// when the token endpoint's answer is lost to a network failure: the marker stays and the next
// attempt behaves as above.
import { i18n } from '#i18n';
import * as v from 'valibot';
import { singleFlight, GhlError, type TokenSource, type TokenResponse } from '../ghl';
import type { LockRunner } from './locks';
import type { Vault } from './vault';

export const SecretsSchema = v.object({
  accessToken: v.string(),
  /** Epoch ms; absent for private-integration tokens (they do not expire). */
  expiresAt: v.optional(v.number()),
  refreshToken: v.optional(v.string()),
  clientId: v.optional(v.string()),
  clientSecret: v.optional(v.string()),
  refreshInFlight: v.optional(v.object({ startedAt: v.number() })),
  needsReconnect: v.optional(v.boolean()),
});
export type Secrets = v.InferOutput<typeof SecretsSchema>;

/** Does the network part of a renewal for one connection; undefined when it cannot renew. */
export type Renewer = (secrets: Secrets) => Promise<TokenResponse>;

export interface TokenKeeperDeps {
  vault: Vault;
  locks: LockRunner;
  now: () => number;
  refreshMarginMs: number;
  renewerFor(connectionId: string): Promise<Renewer | undefined>;
  /** Told when a connection can only be saved by the user reconnecting, and why (in words). */
  onNeedsReconnect(connectionId: string, reason: string): Promise<void>;
}

export const secretsSlot = (connectionId: string) => `connection.${connectionId}`;

export const secretsFromAnswer = (answer: TokenResponse, now: number, keep: Partial<Secrets> = {}): Secrets => ({
  ...keep,
  accessToken: answer.access_token,
  refreshToken: answer.refresh_token ?? undefined,
  expiresAt: answer.expires_in ? now + answer.expires_in * 1000 : undefined,
  refreshInFlight: undefined,
  needsReconnect: undefined,
});

const reconnect = (userMessage?: string) => new GhlError('unauthorized', { userMessage, action: 'reconnect' });

export function createTokenKeeper(deps: TokenKeeperDeps) {
  const { vault, now } = deps;
  const cache = new Map<string, Secrets>();
  const renewing = singleFlight<string>();

  const load = async (id: string, fresh = false): Promise<Secrets> => {
    const cached = fresh ? undefined : cache.get(id);
    if (cached) return cached;
    const secrets = await vault.read(secretsSlot(id), SecretsSchema);
    if (!secrets) throw reconnect(i18n.t('signIn.connectionRemoved'));
    cache.set(id, secrets);
    return secrets;
  };

  const save = async (id: string, secrets: Secrets): Promise<void> => {
    await vault.write(secretsSlot(id), secrets);
    cache.set(id, secrets);
  };

  const usable = (s: Secrets, failedToken: string | undefined) =>
    !s.needsReconnect &&
    s.accessToken !== failedToken &&
    (s.expiresAt === undefined || s.expiresAt - now() > deps.refreshMarginMs);

  async function renewLocked(id: string, failedToken: string | undefined): Promise<string> {
    const secrets = await load(id, true);
    if (secrets.needsReconnect) throw reconnect();
    if (usable(secrets, failedToken)) return secrets.accessToken; // renewed elsewhere meanwhile
    const renew = await deps.renewerFor(id);
    if (!renew) {
      // a private-integration token HighLevel rejected: only a new paste helps. The connection is
      // marked for the options page; the token is still tried (it may be accepted again).
      const reason = i18n.t('signIn.tokenRejected');
      await deps.onNeedsReconnect(id, reason);
      throw reconnect(reason);
    }
    const recovering = secrets.refreshInFlight !== undefined;
    await save(id, { ...secrets, refreshInFlight: { startedAt: now() } });
    let answer: TokenResponse;
    try {
      answer = await renew(secrets);
    } catch (error) {
      if (error instanceof GhlError && error.kind === 'unauthorized') {
        await save(id, { ...secrets, refreshInFlight: undefined, needsReconnect: true });
        const reason = recovering ? i18n.t('signIn.renewInterrupted') : error.userMessage;
        await deps.onNeedsReconnect(id, reason);
        throw reconnect(reason);
      }
      throw error; // unknown outcome: the marker stays, the next attempt retries once as above
    }
    // A server that does not rotate (no refresh_token in the answer) keeps the old one valid.
    const renewed = secretsFromAnswer(answer, now(), {
      clientId: secrets.clientId,
      clientSecret: secrets.clientSecret,
    });
    renewed.refreshToken = answer.refresh_token ?? secrets.refreshToken;
    await save(id, renewed);
    return renewed.accessToken;
  }

  async function token(id: string, failedToken?: string): Promise<string> {
    const secrets = await load(id);
    if (usable(secrets, failedToken)) return secrets.accessToken;
    return renewing(id, () => deps.locks.run(`ghl-sidebar-refresh:${id}`, () => renewLocked(id, failedToken)));
  }

  return {
    source: (connectionId: string): TokenSource => ({
      get: () => token(connectionId),
      refresh: (failedToken: string) => token(connectionId, failedToken),
    }),
    save,
    forget: (connectionId: string) => {
      cache.delete(connectionId);
    },
  };
}

export type TokenKeeper = ReturnType<typeof createTokenKeeper>;
