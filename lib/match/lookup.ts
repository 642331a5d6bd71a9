// The matcher's look-ups, answered with the contacts search of HighLevel's API, and the
// free-text search the sidebar offers for linking a person by hand.
import { isGhlError, type Contact, type GhlClient } from '../ghl';
import { linkedinOf } from '../detect';
import type { ContactSummary } from '../protocol';
import { contactSummary } from '../record';
import type { ContactLookup } from './rules';

const SEARCH_LIMIT = 10;

async function search(client: GhlClient, filters: { field: string; operator: 'eq' | 'contains'; value: string }[]) {
  const res = await client.contacts.search({ pageLimit: SEARCH_LIMIT, filters });
  return res.contacts;
}

/** The matcher's look-ups, answered with the contacts search of HighLevel's API. */
export function contactLookup(client: GhlClient): ContactLookup {
  const summaries = (list: Contact[]) => list.map(contactSummary);
  return {
    async byId(contactId) {
      try {
        return contactSummary(await client.contacts.get(contactId));
      } catch (e) {
        if (isGhlError(e) && e.kind === 'not_found') return undefined;
        // a link to a contact of another location: this person is matched without it (#15)
        if (isGhlError(e) && e.kind === 'forbidden' && e.action === 'switch-location') return undefined;
        throw e;
      }
    },
    byEmail: async (email) => summaries(await search(client, [{ field: 'email', operator: 'eq', value: email.toLowerCase() }])),
    // HighLevel's search finds no contact by `phone eq` (its issue #289); the duplicate check is
    // its documented look-up by phone (E.164). It answers one contact: the first its rules pick.
    async byPhone(phone) {
      const found = await client.contacts.findDuplicate({ number: phone });
      return found ? [contactSummary(found)] : [];
    },
    async byLinkedIn(url) {
      const slug = url.split('/in/')[1] ?? url;
      // `website` is not among the search filters HighLevel documents: the free-text query
      // finds candidates, and only contacts whose website is this very profile are kept
      const found = (await client.contacts.search({ pageLimit: SEARCH_LIMIT, query: slug.slice(0, 75) })).contacts;
      return summaries(found.filter((c) => c.website && linkedinOf(c.website) === url));
    },
    async byNameAndCompany(name, company) {
      const [first, ...rest] = name.trim().toLowerCase().split(/\s+/);
      const filters = [{ field: 'firstNameLowerCase', operator: 'eq' as const, value: first ?? '' }];
      if (rest.length) filters.push({ field: 'lastNameLowerCase', operator: 'eq', value: rest.join(' ') });
      const found = await search(client, filters);
      const wanted = company.trim().toLowerCase();
      return summaries(found.filter((c) => (c.companyName ?? '').trim().toLowerCase() === wanted));
    },
  };
}

/** Free-text search over name, email, phone and company (HighLevel's `query`, at most 75 characters). */
export async function searchContacts(client: GhlClient, query: string): Promise<ContactSummary[]> {
  const q = query.trim().slice(0, 75);
  if (!q) return [];
  return (await client.contacts.search({ pageLimit: SEARCH_LIMIT, query: q })).contacts.map(contactSummary);
}

