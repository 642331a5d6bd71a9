// The background's contact reads for the sidebar: the look-ups the matcher needs, the free-text
// search for linking by hand, and a contact's full record (contact, tasks, notes, appointments,
// other contacts of its business) with user and custom-field names.
import type { GhlClient } from '../ghl';
import { isGhlError, type Contact } from '../ghl';
import type { ContactLookup } from '../match';
import type { ContactSummary } from '../messaging';
import { linkedinOf } from '../detect/linkedin';
import type { LocationListsReader } from './lists';
import type { FreshRecord } from './records';
import { appointmentViews, contactSummary, contactView, noteViews, taskViews } from './views';

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

/**
 * Reads one contact's record from HighLevel, in parallel. The business's other contacts need the
 * contact's businessId, so they come as a promise and never hold the record back.
 */
export async function readContactDetails(
  client: GhlClient,
  lists: LocationListsReader,
  contactId: string,
  now: () => number = Date.now,
): Promise<FreshRecord> {
  const [contact, tasks, notes, appointments, users, fieldNames] = await Promise.all([
    client.contacts.get(contactId),
    client.tasks.list(contactId),
    client.notes.list(contactId),
    client.appointments.forContact(contactId),
    lists.users(),
    lists.fieldNames(),
  ]);
  const colleagues = contact.businessId
    ? client.contacts
        .listByBusiness(contact.businessId, { limit: 20 })
        .then((business) => business.contacts.filter((c) => c.id !== contactId).map(contactSummary))
    : undefined;
  return {
    details: {
      contact: contactView(contact, users, client.locationId, fieldNames),
      tasks: taskViews(tasks, users),
      notes: noteViews(notes),
      appointments: appointmentViews(appointments, now()),
      colleagues: [],
      fetchedAt: now(),
    },
    colleagues,
  };
}

export type { ContactSummary };
