// Token broker: a small server of the user's that holds the marketplace app's client secret and
// does the code exchange and refreshes, because HighLevel's OAuth needs the secret (no PKCE) and
// an extension cannot keep one. The extension only ever sees the token responses.
//
// ── Broker contract ──────────────────────────────────────────────────────────────────────────
// Base URL: whatever the user enters in options, e.g. https://broker.example.com/ghl
//
//   POST <broker>/token      Content-Type: application/json
//        {"code": "<authorization code>", "redirect_uri": "<the extension's redirect URL>"}
//   POST <broker>/refresh    Content-Type: application/json
//        {"refresh_token": "<refresh token>"}
//
// Both answer 200 with HighLevel's token response, passed through unchanged:
//        {"access_token", "token_type": "Bearer", "expires_in", "refresh_token", "scope",
//         "userType": "Location" | "Company", "locationId"?, "companyId"?, "userId"?}
// The extension calls the broker from its background with fetch and holds no host permission for
// it, so the broker answers CORS: `OPTIONS` preflights with 204 and, on every answer,
// `Access-Control-Allow-Origin: *` (or the extension's origin), `Access-Control-Allow-Methods:
// POST`, `Access-Control-Allow-Headers: content-type`.
// Errors: 400/401 when HighLevel refused the code or refresh token (the extension then asks the
// user to reconnect); 5xx when HighLevel could not be reached (the extension tries again later).
// Error bodies: {"message": "<plain words>"} and never any token.
//
// The broker adds client_id, client_secret, grant_type and user_type and calls
// POST https://services.leadconnectorhq.com/oauth/token (form-encoded).
//
// Required for crash safety: /refresh MUST be idempotent for a short replay window (a few
// minutes): when the same refresh_token arrives again — also while its first exchange is still in
// flight — answer with the pair it was (or is being) exchanged for instead of sending it to
// HighLevel a second time (HighLevel rotates refresh tokens and rejects a reused one). The
// extension re-sends the old refresh token once if it died after asking but before saving the
// answer; with this rule it loses nothing.
// ─────────────────────────────────────────────────────────────────────────────────────────────
import { postForToken } from './oauth';
import type { TokenResponse } from '../ghl';

const endpoint = (brokerUrl: string, name: 'token' | 'refresh') => `${brokerUrl.replace(/\/+$/, '')}/${name}`;

export function exchangeCodeAtBroker(
  fetchImpl: typeof fetch,
  brokerUrl: string,
  code: string,
  redirectUri: string,
): Promise<TokenResponse> {
  return postForToken(fetchImpl, endpoint(brokerUrl, 'token'), { json: { code, redirect_uri: redirectUri } }, [code]);
}

export function refreshAtBroker(fetchImpl: typeof fetch, brokerUrl: string, refreshToken: string): Promise<TokenResponse> {
  return postForToken(fetchImpl, endpoint(brokerUrl, 'refresh'), { json: { refresh_token: refreshToken } }, [refreshToken]);
}
