// OAuth 2.0 authorization-code flow against HighLevel (or a compatible server): the consent URL
// with a random `state`, reading the redirect, and calls to the token endpoint (code exchange,
// refresh, and minting a location token from an agency token). Token endpoint answers are
// validated once here; errors carry the server's words with any secret we sent cut out.
import { i18n } from '#i18n';
import * as v from 'valibot';
import { HIGHLEVEL_CONSENT_URL } from '../hosts';
import { GhlError, serverMessages, API_VERSION, TokenResponseSchema, type TokenResponse } from '../ghl';

export const DEFAULT_CONSENT_URL = HIGHLEVEL_CONSENT_URL;

export type UserType = 'Location' | 'Company';

const TOKEN_TIMEOUT_MS = 30_000;

/** 32 random bytes, base64url. */
export function newState(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function consentUrl(input: {
  consentUrl: string;
  clientId: string;
  redirectUri: string;
  scopes: readonly string[];
  state: string;
}): string {
  const url = new URL(input.consentUrl);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', input.clientId);
  url.searchParams.set('redirect_uri', input.redirectUri);
  url.searchParams.set('scope', input.scopes.join(' '));
  url.searchParams.set('state', input.state);
  return url.toString();
}

/** The authorization code from the redirect URL, after checking `state` and error answers. */
export function codeFromRedirect(redirectUrl: string, expectedState: string): string {
  const params = new URL(redirectUrl).searchParams;
  if (params.get('error')) {
    throw new GhlError('unauthorized', {
      userMessage: i18n.t('signIn.notGranted'),
      action: 'retry',
      messages: [params.get('error_description') ?? params.get('error') ?? ''].filter(Boolean),
    });
  }
  // Compared whole; HighLevel's docs do not promise to echo `state`, but a missing one is refused
  // too: accepting it would let another page finish the flow with its own code.
  if (params.get('state') !== expectedState) {
    throw new GhlError('unauthorized', {
      userMessage: i18n.t('signIn.wrongAnswer'),
      action: 'retry',
    });
  }
  const code = params.get('code');
  if (!code) throw new GhlError('malformed', { userMessage: i18n.t('signIn.noCode') });
  return code;
}

type TokenRequestBody = { form: Record<string, string | undefined> } | { json: Record<string, string> };

/**
 * POSTs to a token endpoint and returns the validated answer. `secrets` are the values we sent
 * that must never reappear in an error message.
 */
export async function postForToken(
  fetchImpl: typeof fetch,
  url: string,
  body: TokenRequestBody,
  secrets: readonly string[],
  headers: Record<string, string> = {},
): Promise<TokenResponse> {
  // Bounded: a hung token endpoint must not hold the refresh lock for ever.
  const init: RequestInit = {
    method: 'POST',
    headers: { Accept: 'application/json', ...headers },
    signal: AbortSignal.timeout(TOKEN_TIMEOUT_MS),
  };
  if ('form' in body) {
    const form = new URLSearchParams();
    for (const [k, val] of Object.entries(body.form)) if (val !== undefined) form.set(k, val);
    init.body = form;
    (init.headers as Record<string, string>)['Content-Type'] = 'application/x-www-form-urlencoded';
  } else {
    init.body = JSON.stringify(body.json);
    (init.headers as Record<string, string>)['Content-Type'] = 'application/json';
  }
  let response: Response;
  try {
    response = await fetchImpl(url, init);
  } catch (error) {
    // refused before sending (an address the user never entered: lib/trust/destinations.ts)
    if (error instanceof GhlError) throw error;
    throw new GhlError('network', { ambiguous: true, userMessage: i18n.t('signIn.unreachable') });
  }
  const text = await response.text().catch(() => '');
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  const redact = (m: string) => secrets.reduce((out, s) => (s ? out.split(s).join('[redacted]') : out), m);
  if (!response.ok) {
    const messages = serverMessages(json).map(redact);
    const status = response.status;
    if (status >= 500) throw new GhlError('server', { status, messages, ambiguous: true });
    if (status === 429) throw new GhlError('rate_limited', { status, messages });
    // 400/401/403: the code or refresh token was refused (used, expired or revoked).
    throw new GhlError('unauthorized', {
      status,
      messages,
      userMessage: messages.length ? i18n.t('signIn.refusedBecause', [messages.join('; ')]) : i18n.t('signIn.refused'),
    });
  }
  const parsed = v.safeParse(TokenResponseSchema, json);
  if (!parsed.success) throw new GhlError('malformed', { status: response.status, userMessage: i18n.t('signIn.malformed') });
  return parsed.output;
}

export interface AppCredentials {
  clientId: string;
  clientSecret: string;
}

/** POST to the token endpoint with the app's credentials for one grant; secrets never reach errors. */
function appGrant(
  fetchImpl: typeof fetch,
  tokenUrl: string,
  app: AppCredentials,
  grant: Record<string, string>,
  secrets: string[],
): Promise<TokenResponse> {
  const form = { client_id: app.clientId, client_secret: app.clientSecret, ...grant };
  return postForToken(fetchImpl, tokenUrl, { form }, [app.clientSecret, ...secrets]);
}

export function exchangeCode(
  fetchImpl: typeof fetch,
  tokenUrl: string,
  app: AppCredentials,
  input: { code: string; redirectUri: string; userType: UserType },
): Promise<TokenResponse> {
  const grant = { grant_type: 'authorization_code', code: input.code, redirect_uri: input.redirectUri, user_type: input.userType };
  return appGrant(fetchImpl, tokenUrl, app, grant, [input.code]);
}

export function refreshWithApp(
  fetchImpl: typeof fetch,
  tokenUrl: string,
  app: AppCredentials,
  input: { refreshToken: string; userType: UserType },
): Promise<TokenResponse> {
  const grant = { grant_type: 'refresh_token', refresh_token: input.refreshToken, user_type: input.userType };
  return appGrant(fetchImpl, tokenUrl, app, grant, [input.refreshToken]);
}

/** POST /oauth/locationToken: an agency (Company) token mints a token for one of its locations. */
export function mintLocationToken(
  fetchImpl: typeof fetch,
  baseUrl: string,
  agencyToken: string,
  input: { companyId: string; locationId: string },
): Promise<TokenResponse> {
  return postForToken(
    fetchImpl,
    `${baseUrl.replace(/\/+$/, '')}/oauth/locationToken`,
    { form: { companyId: input.companyId, locationId: input.locationId } },
    [agencyToken],
    { Authorization: `Bearer ${agencyToken}`, Version: API_VERSION.locations },
  );
}
