// A location's contact records as the sidebar sees them, put together: read from HighLevel
// (read.ts), kept in memory and storage.session and revalidated (keep.ts), with the outbox's
// unfinished writes laid over them (optimistic.ts), and kept in step with the outbox as its
// writes are answered: a write HighLevel took is folded into the confirmed record; a pending,
// failed or discarded one changes the shown record (a failed write rolls back).
import type { GhlClient } from '../ghl';
import type { Outbox, WriteRecord } from '../outbox';
import type { ContactDetails } from '../protocol';
import { colleagueNames } from './colleagues';
import { contactRecords } from './keep';
import { locationLists } from './location-lists';
import { withDoneWrite, withWrites, type ShownLists } from './optimistic';
import { readContactDetails } from './read';
import { userOptions } from './shape';

/** Requests a revalidation of a shown record costs (contact, tasks, notes, appointments, opportunities). */
export const REVALIDATE_REQUESTS = 5;

export function locationRecords(client: GhlClient, outbox: Pick<Outbox, 'pending'>, connectionId: string) {
  const lists = locationLists(client, connectionId);
  /** users and the lists that name what writes bring (a list that failed is simply empty) */
  const named = async (): Promise<{ users: ReturnType<typeof userOptions>; lists: ShownLists }> => {
    const l = await lists.load().catch(() => undefined);
    return { users: l ? userOptions(l.users) : [], lists: { customFields: l?.fields, pipelines: l?.pipelines, lostReasons: l?.lostReasons } };
  };
  const show = async (confirmed: ContactDetails) => {
    const [pending, n] = await Promise.all([outbox.pending(confirmed.contact.id), named()]);
    return withWrites(confirmed, pending, n.users, n.lists);
  };
  const records = contactRecords(client.locationId, (id) => readContactDetails(client, lists, id, connectionId), { show });

  return {
    lists,
    records,
    /** reads the record again unless the rate budget is short (the push brings it to the sidebar) */
    revalidate: (contactId: string) => records.revalidate(contactId, () => client.hasRoomFor(REVALIDATE_REQUESTS)),
    colleagueNames: (contactId: string) => colleagueNames(client, records, contactId),
    /** Shows a write's new state in its contact's kept record (idempotent). */
    async showWrite(r: WriteRecord): Promise<void> {
      if (r.state !== 'done') {
        await records.repaint(r.write.contactId);
        return;
      }
      const n = await named();
      await records.confirm(r.write.contactId, (d) => withDoneWrite(d, r, n.users, n.lists));
      // a new dateUpdated is needed before the next edit of the contact
      if (r.write.kind === 'contact.update') await records.get(r.write.contactId, true);
    },
  };
}

export type LocationRecords = ReturnType<typeof locationRecords>;
