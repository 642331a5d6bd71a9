// The matches of people, kept and shared by everything that asks for them: a page's report, the
// sidebar opening a person, several tabs showing the same person. One rule engine decides every
// match (rules.ts `matchPerson`); what differs is the lane its look-ups take: the user's (at once)
// or a tab's (paced, lookup-budget.ts). A match is reused while fresh; one on its way is reused
// by a later asker, unless its tab's look-ups were dropped (a newer report), or the user asks and
// that tab's look-ups still wait for their turn (the user's own look-up goes at once instead).
import type { DetectedPerson } from '../detect';
import type { ContactLookup } from './rules';
import type { PersonMatch } from '../protocol';
import { placeLink, readLinks } from './link-store';
import { matchPerson, personKey } from './rules';

/** What matching needs of the active connection: its look-ups, and its records to read ahead. */
export interface MatchServices {
  connectionId: string;
  locationId: string;
  /** the user's own look-ups */
  lookup: ContactLookup;
  /** the look-ups a tab's page causes, paced for that tab; `signal` drops those still waiting */
  pageLookup(tabId: number, signal: AbortSignal): ContactLookup;
  /** the look-ups of a tab still waiting for their turn or the tab's budget */
  pageLookupsWaiting(tabId: number): number;
  /** reads a record ahead; settles when it is read (or failed) */
  records: { prefetch(contactId: string): Promise<void> };
}

/** The same person whatever the order of its fields (browser storage hands them back sorted); details the partner shows do not change who they are. */
const canonical = (person: DetectedPerson) =>
  JSON.stringify(Object.entries(person).filter(([field]) => field !== 'skipped' && field !== 'details').sort(([a], [b]) => a.localeCompare(b)));

/** A match the user asked for is reused this long; one a page caused, longer (pages report often). */
const USER_FRESH_MS = 30_000;
const PAGE_FRESH_MS = 5 * 60_000;

interface Kept {
  /** when it settled (Infinity while on its way) */
  at: number;
  match: Promise<PersonMatch>;
  /** the page it waits for, if a page caused it: its look-ups stop with `signal` */
  page?: { tabId: number; signal: AbortSignal };
  /** the person's key (a link by hand is made under it) */
  personKey: string;
}

/** Who asks: the user (look-ups at once), or a tab's page (paced for it; aborted with its report). */
export type Asker = { kind: 'user' } | { kind: 'page'; tabId: number; signal: AbortSignal };

export function pageMatches(active: () => Promise<MatchServices>, now: () => number = Date.now) {
  const kept = new Map<string, Kept>();

  function reusable(s: MatchServices, hit: Kept | undefined, asker: Asker): boolean {
    if (!hit) return false;
    if (hit.at !== Infinity) return now() - hit.at < (asker.kind === 'user' ? USER_FRESH_MS : PAGE_FRESH_MS);
    if (!hit.page) return true;
    if (hit.page.signal.aborted) return false;
    return asker.kind === 'page' || s.pageLookupsWaiting(hit.page.tabId) === 0;
  }

  /** Matches people in the active connection, each reused when kept and fresh. */
  async function match(people: DetectedPerson[], asker: Asker = { kind: 'user' }): Promise<Promise<PersonMatch>[]> {
    const s = await active();
    const { links, unplaced } = await readLinks(s.locationId);
    const lookup = asker.kind === 'user' ? s.lookup : s.pageLookup(asker.tabId, asker.signal);
    return people.map((person) => {
      const key = `${s.connectionId}:${canonical(person)}`;
      const hit = kept.get(key);
      if (hit && reusable(s, hit, asker)) return hit.match.then((m) => ({ ...m, person }));
      const fresh = matchPerson(person, lookup, links).then(async (m) => {
        const linkKey = m.linkKey ?? m.key;
        if (m.reason === 'linked-by-you' && unplaced.has(linkKey) && m.contact) await placeLink(s.locationId, linkKey, m.contact.id);
        return m;
      });
      const entry: Kept = { at: Infinity, match: fresh, page: asker.kind === 'page' ? asker : undefined, personKey: personKey(person) };
      kept.set(key, entry);
      fresh.then(
        () => kept.get(key) === entry && kept.set(key, { at: now(), match: fresh, personKey: entry.personKey }),
        () => kept.get(key) === entry && kept.delete(key),
      );
      return fresh;
    });
  }

  return {
    /** The matches of these people, the user's own look-up. */
    async matchAll(people: DetectedPerson[]): Promise<PersonMatch[]> {
      return Promise.all(await match(people));
    },
    /** Each person's match on its own (a page's people settle one batch at a time). */
    match,
    /** Forgets kept matches: all, or those of one person (a link made or removed by hand, a contact created). */
    forget(person?: { key: string }) {
      if (!person) return kept.clear();
      for (const [key, entry] of kept) if (entry.personKey === person.key) kept.delete(key);
    },
  };
}

export type PageMatches = ReturnType<typeof pageMatches>;
