// The partner adapters. Adding a partner: one file beside this one, one line below.
import { helloleads } from './helloleads';
import { heygen } from './heygen';
import { heyreach } from './heyreach';
import { sproutvideo } from './sproutvideo';
import { servesHost, type SiteAdapter } from './types';

export const siteAdapters: readonly SiteAdapter[] = [heyreach, helloleads, sproutvideo, heygen];

/** the partner pages the content script is listed for, and the hosts it may read: made from the adapters' hosts */
export const partnerMatches = (): string[] => siteAdapters.flatMap((a) => a.hosts.map((h) => `https://${h}/*`));

/** the adapter for a page URL, or undefined for any other site (generic detection) */
export function adapterFor(url: string): SiteAdapter | undefined {
  return siteAdapters.find((a) => servesHost(a, url));
}
