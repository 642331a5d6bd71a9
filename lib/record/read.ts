// A contact's full record read from HighLevel for the sidebar: the contact, tasks, notes,
// appointments, opportunities and other contacts of its business, with the location's lists
// naming users, custom fields, pipelines and stages, and the workflows added from here.
import { GhlError, type GhlClient } from '../ghl';
import { contactOpportunities } from '../opportunities';
import { SCOPES, USED_SCOPES, isScopeError, learnMissing, missingScopes, scopeRecord, withScope } from '../scopes';
import { addedViews, addedWorkflows } from '../workflows';
import type { LocationListsReader } from './location-lists';
import type { FreshRecord } from './keep';
import { appointmentViews, contactSummary, contactView, noteViews, taskViews, userName } from './shape';

/**
 * Reads one contact's record from HighLevel, every part in parallel (one round trip; the lists
 * join the first record's reads). The business's other contacts need the contact's businessId, so
 * they come as a promise and never hold the record back. Opportunities need their scope: without
 * it the record has none and names the scope (`missingScopes`).
 */
export async function readContactDetails(
  client: GhlClient,
  lists: LocationListsReader,
  contactId: string,
  connectionId: string,
  now: () => number = Date.now,
): Promise<FreshRecord> {
  const names = async () => {
    const l = await lists.load();
    return { pipelines: l.pipelines, lostReasons: l.lostReasons, userName: (id: string) => userName(l.users.get(id)) };
  };
  const [contact, tasks, notes, appointments, l, opportunities, added] = await Promise.all([
    client.contacts.get(contactId).catch(async (e: unknown) => {
      if (!isScopeError(e)) throw e;
      // nothing of a contact can be shown without it: say which permission is missing
      await learnMissing(connectionId, SCOPES.contactsRead);
      throw new GhlError('forbidden', { missingScope: SCOPES.contactsRead, action: 'reconnect' });
    }),
    client.tasks.list(contactId),
    client.notes.list(contactId),
    client.appointments.forContact(contactId),
    lists.load(),
    withScope(connectionId, SCOPES.opportunitiesRead, () => contactOpportunities(client, contactId, names())),
    addedWorkflows(client.locationId, contactId),
  ]);
  const colleagues = contact.businessId
    ? client.contacts
        .listByBusiness(contact.businessId, { limit: 20 })
        .then((business) => business.contacts.filter((c) => c.id !== contactId).map(contactSummary))
    : undefined;
  return {
    details: {
      contact: contactView(contact, l.users, client.locationId, l.fields),
      tasks: taskViews(tasks, l.users),
      notes: noteViews(notes),
      appointments: appointmentViews(appointments, now()),
      ...(opportunities.ok ? { opportunities: opportunities.value } : {}),
      workflowsAdded: addedViews(added),
      missingScopes: missingScopes(await scopeRecord(connectionId), USED_SCOPES),
      colleagues: [],
      fetchedAt: now(),
    },
    colleagues,
  };
}
