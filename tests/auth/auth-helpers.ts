// Helpers for session tests: a fetch that remembers every token the sandbox hands out (so tests
// can look for them in storage), a storage dump, and OAuth connect through the real consent page.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Session } from '../../lib/auth';
import { REDIRECT_URI, fakeWebAuthFlow, type Sandbox } from '../ghl/sandbox-helpers';

/** Wraps fetch; records access/refresh tokens from every token endpoint answer. */
export function tokenSpy(inner: typeof fetch = fetch) {
  const issued = new Set<string>();
  const spy = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const response = await inner(input, init);
    const url = input instanceof Request ? input.url : String(input);
    if (/\/oauth\/(token|locationToken)$|\/(token|refresh)$/.test(new URL(url).pathname)) {
      const body = (await response.clone().json().catch(() => ({}))) as Record<string, unknown>;
      for (const key of ['access_token', 'refresh_token']) if (typeof body[key] === 'string') issued.add(body[key] as string);
    }
    return response;
  }) as typeof fetch;
  return { fetch: spy, issued };
}

/** Everything in storage.local and storage.sync, as one string. */
export async function storedText(): Promise<string> {
  const local = await fakeBrowser.storage.local.get(null);
  const sync = await fakeBrowser.storage.sync.get(null);
  return JSON.stringify({ local, sync });
}

export const SCOPES = ['contacts.readonly', 'contacts.write', 'locations.readonly', 'locations/tags.readonly', 'users.readonly'];

export function connectOwnApp(session: Session, sandbox: Sandbox, opts: { locationId?: string; scopes?: string[]; userType?: 'Location' | 'Company' } = {}) {
  return session.connectWithOAuth({
    baseUrl: sandbox.baseUrl,
    clientId: sandbox.clientId,
    scopes: opts.scopes ?? SCOPES,
    redirectUri: REDIRECT_URI,
    consentUrl: `${sandbox.baseUrl}/oauth/chooselocation`,
    launchWebAuthFlow: fakeWebAuthFlow({ locationId: opts.locationId }),
    userType: opts.userType,
    mode: { kind: 'own-app', clientSecret: sandbox.clientSecret },
  });
}
