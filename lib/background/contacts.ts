// The background's contact reads for the sidebar: look-ups the matcher needs, and a contact's
// full record (contact, tasks, notes, appointments, owner names) fetched in parallel and cached.
import type { GhlClient } from '../ghl';
import { isGhlError, type Contact, type User } from '../ghl';
import type { ContactLookup } from '../match';
import type { ContactDetails, ContactSummary } from '../messaging';
import { linkedinOf } from '../detect/linkedin';
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
        throw e;
      }
    },
    byEmail: async (email) => summaries(await search(client, [{ field: 'email', operator: 'eq', value: email.toLowerCase() }])),
    byPhone: async (phone) => summaries(await search(client, [{ field: 'phone', operator: 'eq', value: phone }])),
    async byLinkedIn(url) {
      const slug = url.split('/in/')[1] ?? url;
      const found = await search(client, [{ field: 'website', operator: 'contains', value: slug }]);
      // `contains` is loose: keep only contacts whose website is this very profile
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

/** Reads contact records and remembers them for a minute, and the location's users for ten. */
export function contactReader(client: GhlClient, now: () => number = Date.now) {
  const records = new Map<string, ContactDetails>();
  let users: { at: number; byId: Map<string, User> } | undefined;

  async function locationUsers(): Promise<Map<string, User>> {
    if (users && now() - users.at < 600_000) return users.byId;
    const list = await client.users.list().catch(() => [] as User[]); // names are a nicety
    users = { at: now(), byId: new Map(list.map((u) => [u.id, u])) };
    return users.byId;
  }

  return {
    async details(contactId: string, fresh = false): Promise<ContactDetails> {
      const cached = records.get(contactId);
      if (cached && !fresh && now() - cached.fetchedAt < 60_000) return cached;
      const [contact, tasks, notes, appointments, byId] = await Promise.all([
        client.contacts.get(contactId),
        client.tasks.list(contactId),
        client.notes.list(contactId),
        client.appointments.forContact(contactId),
        locationUsers(),
      ]);
      const details: ContactDetails = {
        contact: contactView(contact, byId, client.locationId),
        tasks: taskViews(tasks, byId),
        notes: noteViews(notes),
        appointments: appointmentViews(appointments, now()),
        fetchedAt: now(),
      };
      records.set(contactId, details);
      return details;
    },
    /** Updates the cached tags of a contact after a write. */
    setTags(contactId: string, tags: string[]) {
      const cached = records.get(contactId);
      if (cached) records.set(contactId, { ...cached, contact: { ...cached.contact, tags } });
    },
    forget: () => records.clear(),
  };
}

export type ContactReader = ReturnType<typeof contactReader>;
export type { ContactSummary };
