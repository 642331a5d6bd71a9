// Matches of the people on a page, shared by the content script's report and the sidebar: when a
// tab reports its people the background starts matching them and reads the focused person's record,
// so the sidebar opening a moment later finds both ready (or on their way) instead of asking anew.
import type { DetectedPerson } from '../detect';
import type { PersonMatch } from '../protocol';
import { relinksItem } from '../storage';
import { matchPerson, type ContactLookup } from './rules';

/** What matching needs of the active connection: its look-ups, and its records to read ahead. */
export interface MatchServices {
  connectionId: string;
  lookup: ContactLookup;
  records: { prefetch(contactId: string): void };
}

/** The same person whatever the order of its fields (browser storage hands them back sorted). */
const canonical = (person: DetectedPerson) => JSON.stringify(Object.entries(person).sort(([a], [b]) => a.localeCompare(b)));

/** A match younger than this is reused. */
const MATCH_FRESH_MS = 30_000;

export function pageMatches(active: () => Promise<MatchServices>, now: () => number = Date.now) {
  const kept = new Map<string, { at: number; match: Promise<PersonMatch> }>();

  async function match(people: DetectedPerson[]): Promise<PersonMatch[]> {
    const s = await active();
    const relinks = await relinksItem.getValue();
    return Promise.all(
      people.map((person) => {
        const key = `${s.connectionId}:${canonical(person)}`;
        const hit = kept.get(key);
        if (hit && (hit.at === Infinity || now() - hit.at < MATCH_FRESH_MS)) return hit.match;
        const fresh = matchPerson(person, s.lookup, relinks);
        kept.set(key, { at: Infinity, match: fresh }); // in flight: always reused
        fresh.then(
          () => kept.set(key, { at: now(), match: fresh }), // fresh from its answer on
          () => kept.delete(key),
        );
        return fresh;
      }),
    );
  }

  return {
    match,
    /** Forgets every kept match (a link made or removed by hand, a contact created). */
    forget: () => kept.clear(),
    /** Starts matching a page's people and reading the focused (else first matched) person's record. */
    async prefetch(people: DetectedPerson[], focused: number | undefined): Promise<void> {
      const s = await active();
      const matches = await match(people);
      const first = (focused != null ? matches[focused] : undefined) ?? matches.find((m) => m.state === 'matched');
      if (first?.state === 'matched' && first.contact) s.records.prefetch(first.contact.id);
    },
  };
}

export type PageMatches = ReturnType<typeof pageMatches>;
