// Test helpers around the in-process HighLevel sandbox: its admin API, a request-counting fetch,
// and a stand-in for browser.identity.launchWebAuthFlow that really walks the consent page.
import { startSandbox } from '../../sandbox/server';

export type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

/**
 * How long the sandbox's search index lags a contact's writes in the tests, as HighLevel's does
 * ("updates may take a few seconds to appear", ../shared/ghl-api/README.md §5).
 */
export const SEARCH_LAG_MS = 2_000;

export async function openSandbox(opts: Parameters<typeof startSandbox>[0] = {}): Promise<Sandbox> {
  return startSandbox({ port: 0, partnerProxy: false, indexDelayMs: SEARCH_LAG_MS, ...opts });
}

export interface RequestCounts {
  total: number;
  byStatus: Record<string, number>;
  rateLimited: number;
  dropped: number;
}

export interface LoggedRequest {
  method: string;
  path: string;
  status: number;
}

export function admin(sandbox: Sandbox) {
  const url = (p: string) => `${sandbox.baseUrl}/__admin/${p}`;
  const json = async <T>(p: string, init?: RequestInit): Promise<T> => {
    const res = await fetch(url(p), init);
    if (!res.ok) throw new Error(`admin ${p}: ${res.status}`);
    return (await res.json()) as T;
  };
  const send = (method: string, p: string, body: unknown) =>
    json(p, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return {
    requests: (limit = 2000) => json<{ requests: LoggedRequest[]; counts: RequestCounts }>(`requests?limit=${limit}`),
    oauth: () =>
      json<{ refreshes: number; reusedRefreshTokens: number; codesExchanged: number; locationTokensIssued: number }>('oauth'),
    faults: (config: Record<string, unknown>) => send('PUT', 'faults', config),
    clearFaults: () => send('PUT', 'faults', {}),
    config: (config: { accessTokenTtlSec?: number; rateLimit?: { max?: number; intervalMs?: number; daily?: number } }) =>
      send('POST', 'config', config),
    resetCounters: () => json('reset-counters', { method: 'POST' }),
  };
}

/** A fetch that counts what it sends (and can be told to fail), for assertions on traffic. */
export function countingFetch(inner: typeof fetch = fetch) {
  const sent: Array<{ method: string; url: string; headers: Headers }> = [];
  const wrapped = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    sent.push({ method: request.method, url: request.url, headers: new Headers(request.headers) });
    return inner(request);
  }) as typeof fetch;
  return { fetch: wrapped, sent };
}

const unescape = (s: string) => s.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));

/**
 * Stands in for browser.identity.launchWebAuthFlow: loads the consent page, submits its form for
 * the chosen location (first one if none) and returns the URL the server redirects to.
 */
export function fakeWebAuthFlow(opts: { locationId?: string; onUrl?: (url: string) => void } = {}) {
  return async (consentUrl: string): Promise<string> => {
    opts.onUrl?.(consentUrl);
    const page = await fetch(consentUrl);
    const html = await page.text();
    if (!page.ok) throw new Error(`consent page ${page.status}: ${html.slice(0, 200)}`);
    const action = unescape(/<form[^>]*action="([^"]*)"/.exec(html)?.[1] ?? '');
    const form = new URLSearchParams();
    for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) form.set(m[1]!, unescape(m[2]!));
    const choices = [...html.matchAll(/name="locationId" value="([^"]+)"/g)].map((m) => unescape(m[1]!));
    form.set('locationId', opts.locationId ?? choices[0]!);
    const answer = await fetch(new URL(action, consentUrl), { method: 'POST', body: form, redirect: 'manual' });
    const location = answer.headers.get('location');
    if (answer.status !== 302 || !location) throw new Error(`consent post answered ${answer.status}`);
    return location;
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const REDIRECT_URI = 'https://extension-id.chromiumapp.org/';
