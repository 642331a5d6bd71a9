// Token registry: private-integration tokens, OAuth access/refresh tokens, authorization codes and
// the counters the admin API reports. Access tokens are JWT-shaped (HMAC-signed) like HighLevel's.
import { createHmac, randomBytes } from 'node:crypto';

export type UserType = 'Location' | 'Company';

export interface TokenInfo {
  token: string;
  kind: 'pit' | 'oauth';
  userType: UserType;
  locationId?: string;
  companyId: string;
  userId: string;
  /** null = every scope (private-integration tokens). */
  scopes: Set<string> | null;
  expiresAt?: number; // ms
}

export interface RefreshGrant {
  userType: UserType;
  locationId?: string;
  companyId: string;
  userId: string;
  scope: string;
  clientId: string;
  used: boolean;
}

export interface AuthCode {
  clientId: string;
  redirectUri: string;
  scope: string;
  locationId: string;
  companyId: string;
  userId: string;
  expiresAt: number;
  used: boolean;
}

export type Resolved = { ok: true; info: TokenInfo } | { ok: false; reason: 'missing' | 'invalid' | 'expired' };

export const ALL_SCOPES = [
  'contacts.readonly', 'contacts.write', 'calendars.readonly', 'calendars/events.readonly', 'calendars/events.write',
  'locations.readonly', 'locations/tags.readonly', 'locations/tags.write', 'locations/customFields.readonly', 'users.readonly',
  'opportunities.readonly', 'opportunities.write', 'workflows.readonly', 'oauth.readonly', 'oauth.write',
];

const b64url = (v: string | Buffer) => Buffer.from(v).toString('base64url');

export class TokenRegistry {
  private readonly access = new Map<string, TokenInfo>();
  readonly refresh = new Map<string, RefreshGrant>();
  readonly codes = new Map<string, AuthCode>();
  private readonly signingKey = randomBytes(32);
  counters = { accessTokensIssued: 0, refreshes: 0, reusedRefreshTokens: 0, codesIssued: 0, codesExchanged: 0, locationTokensIssued: 0 };

  /** A private-integration token; `scopes` null = every scope (the seeded tokens). */
  addPit(token: string, locationId: string, companyId: string, userId: string, scopes: string[] | null = null): void {
    this.access.set(token, { token, kind: 'pit', userType: 'Location', locationId, companyId, userId, scopes: scopes && new Set(scopes) });
  }

  /**
   * A new private-integration token of a location with exactly these scopes, as an admin creates
   * one in Settings → Private Integrations choosing its scopes (MKT PrivateIntegrationsToken).
   */
  mintPit(locationId: string, companyId: string, userId: string, scopes: string[]): string {
    const hex = randomBytes(16).toString('hex');
    const token = `pit-${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    this.addPit(token, locationId, companyId, userId, scopes);
    return token;
  }

  resolve(header: string | undefined, now: number): Resolved {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
    if (!m) return { ok: false, reason: 'missing' };
    const info = this.access.get(m[1] as string);
    if (!info) return { ok: false, reason: 'invalid' };
    if (info.expiresAt !== undefined && now >= info.expiresAt) return { ok: false, reason: 'expired' };
    return { ok: true, info };
  }

  issueAccess(grant: Omit<TokenInfo, 'token' | 'kind' | 'scopes' | 'expiresAt'> & { scope: string; ttlSec: number; now: number }): TokenInfo {
    const iat = Math.floor(grant.now / 1000);
    const payload = {
      authClass: grant.userType, authClassId: grant.locationId ?? grant.companyId, source: 'INTEGRATION', sourceId: 'sandbox',
      channel: 'OAUTH', primaryAuthClassId: grant.locationId ?? grant.companyId, oauthMeta: { scopes: grant.scope.split(' ') },
      iat, exp: iat + grant.ttlSec, jti: randomBytes(8).toString('hex'),
    };
    const head = `${b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64url(JSON.stringify(payload))}`;
    const token = `${head}.${createHmac('sha256', this.signingKey).update(head).digest('base64url')}`;
    const info: TokenInfo = {
      token, kind: 'oauth', userType: grant.userType, locationId: grant.locationId, companyId: grant.companyId, userId: grant.userId,
      scopes: new Set(grant.scope.split(/\s+/).filter(Boolean)), expiresAt: grant.now + grant.ttlSec * 1000,
    };
    this.access.set(token, info);
    this.counters.accessTokensIssued++;
    return info;
  }

  issueRefresh(grant: Omit<RefreshGrant, 'used'>): string {
    const token = randomBytes(24).toString('hex');
    this.refresh.set(token, { ...grant, used: false });
    return token;
  }

  issueCode(code: Omit<AuthCode, 'used'>): string {
    const value = randomBytes(20).toString('hex');
    this.codes.set(value, { ...code, used: false });
    this.counters.codesIssued++;
    return value;
  }

  resetCounters(): void {
    for (const k of Object.keys(this.counters) as (keyof typeof this.counters)[]) this.counters[k] = 0;
  }

  /** Summary for the admin API. */
  summary(now: number) {
    let live = 0;
    for (const t of this.access.values()) if (t.kind === 'oauth' && (t.expiresAt ?? 0) > now) live++;
    return { ...this.counters, liveOAuthAccessTokens: live, activeRefreshTokens: [...this.refresh.values()].filter((r) => !r.used).length };
  }
}
