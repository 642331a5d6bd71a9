// OAuth 2.0 token endpoints: POST /oauth/token (authorization_code and rotating, single-use
// refresh_token grants; form-encoded; client secret checked) and POST /oauth/locationToken
// (agency token + companyId + locationId → location access token). Apps/oauth.json shapes.
import type { Context } from 'hono';
import { ALL_SCOPES, type TokenInfo, type UserType } from '../auth.ts';
import type { AppCtx, App, Env } from '../context.ts';
import { NO_LOCATION_ACCESS, fail, guard, ok } from '../http.ts';
import { validOrThrow } from '../validate.ts';

/** RFC 6749-style error plus HighLevel's {statusCode, message}. */
const oauthError = (status: 400 | 401, error: string, description: string): never =>
  fail(status, description, { error, error_description: description });

async function formBody(c: Context<Env>): Promise<Record<string, string>> {
  const type = c.req.header('content-type') ?? '';
  if (!/application\/x-www-form-urlencoded|multipart\/form-data/i.test(type)) return {};
  const parsed = await c.req.parseBody();
  return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v)]));
}

export function oauthRoutes(app: App, ctx: AppCtx): void {
  const defaultScope = ALL_SCOPES.join(' ');

  function grantResponse(c: Context<Env>, g: { userType: UserType; locationId?: string; companyId: string; userId: string; scope: string; clientId: string }) {
    const scope = g.scope || defaultScope;
    const access = ctx.tokens.issueAccess({ ...g, scope, ttlSec: ctx.config.accessTokenTtlSec, now: ctx.now() });
    const refresh_token = ctx.tokens.issueRefresh({ ...g, scope });
    const companyLocations = [...ctx.store.locations.values()].filter((l) => l.companyId === g.companyId).map((l) => l.id);
    return c.json({
      access_token: access.token, token_type: 'Bearer', expires_in: ctx.config.accessTokenTtlSec, refresh_token, scope,
      userType: g.userType, ...(g.locationId ? { locationId: g.locationId } : {}), companyId: g.companyId,
      approvedLocations: g.locationId ? [g.locationId] : companyLocations, userId: g.userId, planId: 'sandbox-plan', isBulkInstallation: false,
      traceId: crypto.randomUUID(),
    });
  }

  app.post('/oauth/token', async (c) => {
    const body = await formBody(c);
    validOrThrow(body, {
      client_id: { type: 'string', required: true }, client_secret: { type: 'string', required: true },
      grant_type: { type: 'string', required: true, oneOf: ['authorization_code', 'refresh_token', 'client_credentials'] },
      code: { type: 'string' }, refresh_token: { type: 'string' }, user_type: { type: 'string', oneOf: ['Company', 'Location'] }, redirect_uri: { type: 'string' },
    });
    if (body.client_id !== ctx.seed.clientId || body.client_secret !== ctx.seed.clientSecret) oauthError(401, 'invalid_client', 'Invalid client credentials');

    if (body.grant_type === 'authorization_code') {
      if (!body.code) return oauthError(400, 'invalid_request', 'code is required for grant_type authorization_code');
      const code = ctx.tokens.codes.get(body.code);
      if (!code || code.used || code.expiresAt <= ctx.now() || code.clientId !== body.client_id) return oauthError(400, 'invalid_grant', 'Invalid grant: authorization code is invalid, expired or already used');
      if (body.redirect_uri && body.redirect_uri !== code.redirectUri) return oauthError(400, 'invalid_grant', 'redirect_uri does not match the authorization request');
      code.used = true;
      ctx.tokens.counters.codesExchanged++;
      const userType: UserType = body.user_type === 'Company' ? 'Company' : 'Location';
      return grantResponse(c, { userType, locationId: userType === 'Location' ? code.locationId : undefined, companyId: code.companyId, userId: code.userId, scope: code.scope, clientId: code.clientId });
    }

    if (body.grant_type === 'refresh_token') {
      if (!body.refresh_token) return oauthError(400, 'invalid_request', 'refresh_token is required for grant_type refresh_token');
      const grant = ctx.tokens.refresh.get(body.refresh_token);
      if (!grant || grant.clientId !== body.client_id) return oauthError(400, 'invalid_grant', 'Invalid grant: refresh token is invalid');
      if (grant.used) {
        ctx.tokens.counters.reusedRefreshTokens++;
        return oauthError(400, 'invalid_grant', 'Invalid grant: refresh token has already been used');
      }
      grant.used = true;
      ctx.tokens.counters.refreshes++;
      return grantResponse(c, grant);
    }
    return oauthError(400, 'unsupported_grant_type', 'grant_type client_credentials is not supported for this app');
  });

  app.post('/oauth/locationToken', guard(ctx, { scope: 'oauth.write', allowCompany: true }), async (c) => {
    const auth: TokenInfo = c.get('auth');
    if (auth.userType !== 'Company' || auth.kind !== 'oauth') fail(401, 'This authClass type is not allowed to access this scope. Please reach out to the Platform team to get it added.');
    const body = await formBody(c);
    validOrThrow(body, { companyId: { type: 'string', required: true }, locationId: { type: 'string', required: true } });
    if (body.companyId !== auth.companyId) fail(403, 'The token does not have access to this company.');
    const loc = ctx.store.locations.get(body.locationId as string);
    if (!loc || loc.companyId !== auth.companyId) fail(403, NO_LOCATION_ACCESS);
    const scope = [...(auth.scopes ?? [])].join(' ') || defaultScope;
    const access = ctx.tokens.issueAccess({ userType: 'Location', locationId: loc!.id, companyId: auth.companyId, userId: auth.userId, scope, ttlSec: ctx.config.accessTokenTtlSec, now: ctx.now() });
    ctx.tokens.counters.locationTokensIssued++;
    return ok(c, { access_token: access.token, token_type: 'Bearer', expires_in: ctx.config.accessTokenTtlSec, scope, locationId: loc!.id, planId: 'sandbox-plan', userId: auth.userId });
  });
}
