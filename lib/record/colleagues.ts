// The names of a contact's colleagues (other contacts of its business). HighLevel's business list
// answers only ContactsSearchSchema's fields (apps/contacts.json): an email at most, no name and
// no phone. So the card first shows each colleague by email, honestly marked as unnamed, and reads
// the names when the user asks: one GET /contacts/:id per colleague (a record kept already costs
// nothing), at most MAX_NAMED per ask, and only as many as the location's rate budget leaves room
// for (the rest stay unnamed, to be asked again).
import type { GhlClient } from '../ghl';
import type { ContactDetails, ContactSummary } from '../protocol';
import type { ContactRecords } from './keep';
import { contactSummary } from './shape';

export const MAX_NAMED = 10;

export async function colleagueNames(client: GhlClient, records: ContactRecords, contactId: string): Promise<ContactSummary[]> {
  const { details } = await records.get(contactId);
  const unnamed = details.colleagues.filter((c) => c.unnamed).slice(0, MAX_NAMED);
  const kept = new Map(unnamed.flatMap((c) => {
    const record = records.peek(c.id);
    return record ? [[c.id, { ...record.contact, unnamed: undefined }] as const] : [];
  }));
  const toRead = unnamed.filter((c) => !kept.has(c.id));
  let room = toRead.length;
  while (room > 0 && !client.hasRoomFor(room)) room -= 1;
  const read = await Promise.all(toRead.slice(0, room).map((c) => client.contacts.get(c.id).then(contactSummary).catch(() => undefined)));
  const found = new Map<string, ContactSummary>([...kept]);
  for (const c of read) if (c) found.set(c.id, c);
  if (found.size === 0) return details.colleagues;
  const named = (d: ContactDetails) => ({ ...d, colleagues: d.colleagues.map((c) => found.get(c.id) ?? c) });
  return (await records.change(contactId, named)).colleagues;
}
