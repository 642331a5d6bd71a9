// The matcher's look-ups, answered by HighLevel's contact search, many people per request: the
// emails asked for together (in the same turn of the event loop) go out as one search whose OR
// group holds one `email eq` filter per address (../shared/ghl-api/README.md §5), names and
// companies likewise (an OR group of first names beside one of last names; the exact pairs and the
// company are then picked from the answer). Phones go one by one to the duplicate check (the
// search's `phone` filter finds nothing, HighLevel's issue #289), LinkedIn profiles one by one to
// the free-text search (`website` is not a documented filter). A search HighLevel refuses, or
// whose answer does not fit one page, is split in halves and each half asked on its own, so one
// value it refuses costs only that value. Every request goes through a lane: the user's (at once)
// or a tab's (paced, lookup-budget.ts). Also the free-text search for linking by hand.
import DataLoader from 'dataloader';
import { isGhlError, type Contact, type GhlClient, type SearchFilter, type SearchGroup } from '../ghl';
import { linkedinOf } from '../detect';
import { SEARCH_VALUE_MAX } from '../page-values';
import type { ContactSummary } from '../protocol';
import { contactSummary } from '../record';
import type { ContactLookup } from './rules';
import { EMAILS_PER_SEARCH, type LookupLane } from './lookup-budget';

export type { LookupLane };

/** The user's own look-ups: sent at once, first in the rate limit. */
export const userLane: LookupLane = (request) => request({});

/** Names per search: their first and last names in two OR groups (the answer holds every pairing). */
const NAMES_PER_SEARCH = 25;
/** Contacts per answer page; an answer with more is asked again in halves. */
const PAGE_LIMIT = 200;
/** Candidates of one free-text search (a LinkedIn profile, the search box). */
const SEARCH_LIMIT = 10;

type Filter = SearchFilter | SearchGroup;
const eq = (field: string, value: string): SearchFilter => ({ field, operator: 'eq', value });
/** One filter, or an OR group of several. */
const anyOf = (field: string, values: string[]): Filter => {
  const distinct = [...new Set(values)];
  return distinct.length === 1 ? eq(field, distinct[0]!) : { group: 'OR', filters: distinct.map((v) => eq(field, v)) };
};
const lower = (s: string | null | undefined) => (s ?? '').trim().toLowerCase();
const fits = (value: string) => value.length > 0 && value.length <= SEARCH_VALUE_MAX;

interface NameKey {
  first: string;
  last?: string;
  company: string;
}

/** The matcher's look-ups over HighLevel, through `lane`; one instance batches what it is asked together. */
export function contactLookup(client: GhlClient, lane: LookupLane = userLane): ContactLookup {
  /**
   * The contacts the search answers for `keys`; halves asked apart when HighLevel refuses the
   * search (a key it refuses alone finds nothing) or when the answer is longer than one page (a
   * single key keeps its first page: many contacts make it ambiguous anyway).
   */
  async function searchInParts<K>(keys: readonly K[], filtersOf: (keys: readonly K[]) => Filter[]): Promise<Contact[]> {
    try {
      const res = await lane((o) => client.contacts.search({ pageLimit: PAGE_LIMIT, filters: filtersOf(keys) }, o));
      if (keys.length === 1 || (res.total ?? 0) <= res.contacts.length) return res.contacts;
    } catch (e) {
      if (!(isGhlError(e) && e.kind === 'validation')) throw e;
      if (keys.length === 1) {
        console.warn('Matching: HighLevel refused a look-up value; this person is matched without it.');
        return [];
      }
    }
    const half = Math.ceil(keys.length / 2);
    const parts = await Promise.all([searchInParts(keys.slice(0, half), filtersOf), searchInParts(keys.slice(half), filtersOf)]);
    return parts.flat();
  }

  const emails = new DataLoader<string, ContactSummary[]>(
    async (keys) => {
      const found = await searchInParts(keys, (part) => [anyOf('email', [...part])]);
      const byEmail = new Map<string, ContactSummary[]>();
      for (const c of found) byEmail.set(lower(c.email), [...(byEmail.get(lower(c.email)) ?? []), contactSummary(c)]);
      return keys.map((k) => byEmail.get(k) ?? []);
    },
    { cache: false, maxBatchSize: EMAILS_PER_SEARCH },
  );

  const names = new DataLoader<NameKey, ContactSummary[]>(
    async (keys) => {
      const withLast = keys.filter((k) => k.last !== undefined);
      const firstOnly = keys.filter((k) => k.last === undefined);
      const [pairs, singles] = await Promise.all([
        withLast.length ? searchInParts(withLast, (part) => [anyOf('firstNameLowerCase', part.map((k) => k.first)), anyOf('lastNameLowerCase', part.map((k) => k.last!))]) : [],
        firstOnly.length ? searchInParts(firstOnly, (part) => [anyOf('firstNameLowerCase', part.map((k) => k.first))]) : [],
      ]);
      const found = [...pairs, ...singles];
      return keys.map((k) =>
        found
          .filter((c) => lower(c.firstName) === k.first && (k.last === undefined || lower(c.lastName) === k.last) && lower(c.companyName) === k.company)
          .map(contactSummary),
      );
    },
    { cache: false, maxBatchSize: NAMES_PER_SEARCH },
  );

  return {
    async byId(contactId) {
      try {
        return contactSummary(await lane((o) => client.contacts.get(contactId, o)));
      } catch (e) {
        if (isGhlError(e) && e.kind === 'not_found') return undefined;
        // a link to a contact of another location: this person is matched without it (#15)
        if (isGhlError(e) && e.kind === 'forbidden' && e.action === 'switch-location') return undefined;
        throw e;
      }
    },
    byEmail: async (email) => (fits(email) ? emails.load(email.toLowerCase()) : []),
    // HighLevel's search finds no contact by `phone eq` (its issue #289); the duplicate check is
    // its documented look-up by phone (E.164). It answers one contact: the first its rules pick.
    async byPhone(phone) {
      const found = await lane((o) => client.contacts.findDuplicate({ number: phone }, o));
      return found ? [contactSummary(found)] : [];
    },
    async byLinkedIn(url) {
      const slug = url.split('/in/')[1] ?? url;
      // `website` is not among the search filters HighLevel documents: the free-text query
      // finds candidates, and only contacts whose website is this very profile are kept
      const query = slug.slice(0, SEARCH_VALUE_MAX);
      const found = (await lane((o) => client.contacts.search({ pageLimit: SEARCH_LIMIT, query }, o))).contacts;
      return found.filter((c) => c.website && linkedinOf(c.website) === url).map(contactSummary);
    },
    async byNameAndCompany(name, company) {
      const [first = '', ...rest] = lower(name).split(/\s+/);
      const last = rest.length ? rest.join(' ') : undefined;
      if (!fits(first) || (last !== undefined && !fits(last))) return [];
      return names.load({ first, last, company: lower(company) });
    },
  };
}

/** Free-text search over name, email, phone and company (HighLevel's `query`, at most 75 characters). */
export async function searchContacts(client: GhlClient, query: string): Promise<ContactSummary[]> {
  const q = query.trim().slice(0, SEARCH_VALUE_MAX);
  if (!q) return [];
  return (await client.contacts.search({ pageLimit: SEARCH_LIMIT, query: q })).contacts.map(contactSummary);
}
