// Where a token or a client secret may go: HighLevel's documented API host (its API and its token
// endpoint, ../shared/ghl-api/README.md), and the addresses the user typed in the options page
// (the API base URL, a token broker's address), kept as a list vouched for by the ledger. Every
// request that carries a token or a secret is checked at the moment it is sent (`guard`: the
// session sends everything through it), so no stored value can redirect one: a request to any
// other address is not sent, is refused in words (the activity log and the error the user sees),
// and it may not follow a redirect either.
import { i18n } from '#i18n';
import { GhlError } from '../ghl';
import { HIGHLEVEL_API_ORIGIN } from '../hosts';
import type { Refusals } from './refusals';
import type { TrustedItem } from './trusted-item';

/** HighLevel's documented host for everything that carries a token or a secret. */
export const HIGHLEVEL_SECRET_ORIGINS: readonly string[] = [HIGHLEVEL_API_ORIGIN];

export const isOriginList = (value: unknown): value is string[] => Array.isArray(value) && value.every((o) => typeof o === 'string');

const originOf = (url: string): string | undefined => {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.origin : undefined;
  } catch {
    return undefined;
  }
};

export interface Destinations {
  /** An address the user typed (in the options page): tokens and secrets may go there from now on. */
  allow(url: string): Promise<void>;
  /** Throws (in words, not sent) unless `url` may receive a token or a secret. */
  check(url: string): Promise<void>;
  /** `fetch` that checks every request first and follows no redirect; `onRefused` hears of each refusal. */
  guard(fetchImpl: typeof fetch, onRefused?: (origin: string, reason: string) => Promise<void>): typeof fetch;
}

export function createDestinations(typed: TrustedItem<string[]>, refusals: Pick<Refusals, 'add'>): Destinations {
  const check = async (url: string, onRefused?: (origin: string, reason: string) => Promise<void>) => {
    const origin = originOf(url);
    if (origin && (HIGHLEVEL_SECRET_ORIGINS.includes(origin) || (await typed.getValue()).includes(origin))) return;
    const host = origin ? new URL(origin).host : url.slice(0, 80);
    const reason = i18n.t('trust.destinationRefused', [host]);
    await refusals.add({ what: i18n.t('trust.destinationWhat', [host]), why: reason });
    await onRefused?.(origin ?? url, reason);
    throw new GhlError('unauthorized', { userMessage: reason, action: 'reconnect' });
  };
  return {
    async allow(url) {
      const origin = originOf(url);
      if (!origin || HIGHLEVEL_SECRET_ORIGINS.includes(origin)) return;
      const list = await typed.getValue();
      if (!list.includes(origin)) await typed.setValue([...list, origin]);
    },
    check: (url) => check(url),
    guard: (fetchImpl, onRefused) =>
      (async (input: RequestInfo | URL, init?: RequestInit) => {
        const url = input instanceof Request ? input.url : String(input);
        await check(url, onRefused);
        return fetchImpl(input, { ...init, redirect: 'error' });
      }) as typeof fetch,
  };
}
