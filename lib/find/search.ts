// The sidebar's search box, answered in the background: contacts of the active location by name,
// email or phone (HighLevel's free-text `query`), whatever the page shows. It is the user's own
// look-up: it goes through the user's lane of the pacing (lib/match's userLane: first in the rate
// limit, never behind the look-ups pages cause). Nothing is sent for fewer than 2 characters; an
// answer is kept briefly (typing back and forth asks HighLevel once); a newer search of the same
// sidebar cancels the older one while it still waits for the rate limit, and an older answer that
// arrives after a newer search was asked is dropped (the sidebar would show it out of order).
import type { GhlClient } from '../ghl';
import { userLane } from '../match';
import { SEARCH_VALUE_MAX, cleanText } from '../page-values';
import { UserFacingError, type FindRequest, type FoundContact } from '../protocol';
import { contactSummary } from '../record';

/** Fewer characters than this find too much to be useful: nothing is sent. */
export const MIN_QUERY = 2;
/** How long an answer is reused for the same words in the same location. */
export const FIND_CACHE_MS = 30_000;
/** Answers kept at most (the oldest go first). */
const CACHE_MAX = 50;
/** Results of one search. */
const RESULTS = 10;

/** The words searched for: cleaned like any page value (they may come from a page's selection), at most HighLevel's 75 characters. */
export function findQuery(query: string): string {
  return cleanText(query.slice(0, 10 * SEARCH_VALUE_MAX)).slice(0, SEARCH_VALUE_MAX).trim();
}

/** A search answered after a newer one of the same sidebar: the sidebar ignores it. */
export const superseded = () => new UserFacingError({ kind: 'superseded', message: '', action: 'none' });

export interface ContactFinder {
  find(client: GhlClient, request: FindRequest): Promise<FoundContact[]>;
}

export function contactFinder(now: () => number = Date.now): ContactFinder {
  const cache = new Map<string, { at: number; found: FoundContact[] }>();
  const latest = new Map<string, AbortController>();

  return {
    async find(client, { query, searcher }) {
      const q = findQuery(query);
      if (q.length < MIN_QUERY) return [];
      const key = `${client.locationId}\u0000${q.toLowerCase()}`;
      const kept = cache.get(key);
      if (kept && now() - kept.at < FIND_CACHE_MS) return kept.found;

      latest.get(searcher)?.abort(); // the older search, if it still waits, is never sent
      const mine = new AbortController();
      latest.set(searcher, mine);
      try {
        const res = await userLane((o) => client.contacts.search({ pageLimit: RESULTS, query: q }, { ...o, signal: mine.signal }));
        const found = res.contacts.map((c) => ({ ...contactSummary(c), tags: c.tags ?? [] }));
        cache.delete(key);
        cache.set(key, { at: now(), found });
        if (cache.size > CACHE_MAX) cache.delete(cache.keys().next().value!);
        if (mine.signal.aborted) throw superseded();
        return found;
      } catch (e) {
        if (mine.signal.aborted) throw superseded();
        throw e;
      } finally {
        if (latest.get(searcher) === mine) latest.delete(searcher);
      }
    },
  };
}
