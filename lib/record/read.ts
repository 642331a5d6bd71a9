// A contact's full record read from HighLevel for the sidebar: the contact, tasks, notes,
// appointments and other contacts of its business, with user and custom-field names.
import type { GhlClient } from '../ghl';
import type { LocationListsReader } from './location-lists';
import type { FreshRecord } from './keep';
import { appointmentViews, contactSummary, contactView, noteViews, taskViews } from './shape';

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
