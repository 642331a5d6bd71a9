// A location's contact records as the sidebar sees them, put together: read from HighLevel
// (read.ts), kept in memory and storage.session and revalidated (keep.ts), with the outbox's
// unfinished writes laid over them (optimistic.ts), and kept in step with the outbox as its
// writes are answered: a write HighLevel took is folded into the confirmed record; a pending,
// failed or discarded one changes the shown record (a failed write rolls back).
import type { GhlClient, User } from '../ghl';
import type { Outbox, WriteRecord } from '../outbox';
import type { ContactDetails } from '../protocol';
import { contactRecords } from './keep';
import { locationLists } from './location-lists';
import { withDoneWrite, withWrites } from './optimistic';
import { readContactDetails } from './read';
import { userOptions } from './shape';

export function locationRecords(client: GhlClient, outbox: Pick<Outbox, 'pending'>) {
  const lists = locationLists(client);
  const users = async () => userOptions(await lists.users().catch(() => new Map<string, User>()));
  const show = async (confirmed: ContactDetails) => {
    const [pending, options] = await Promise.all([outbox.pending(confirmed.contact.id), users()]);
    return withWrites(confirmed, pending, options);
  };
  const records = contactRecords(client.locationId, (id) => readContactDetails(client, lists, id), { show });

  return {
    lists,
    records,
    /** Shows a write's new state in its contact's kept record (idempotent). */
    async showWrite(r: WriteRecord): Promise<void> {
      if (r.state !== 'done') {
        await records.repaint(r.write.contactId);
        return;
      }
      const options = await users();
      await records.confirm(r.write.contactId, (d) => withDoneWrite(d, r, options));
      // a new dateUpdated is needed before the next edit of the contact
      if (r.write.kind === 'contact.update') await records.get(r.write.contactId, true);
    },
  };
}

export type LocationRecords = ReturnType<typeof locationRecords>;
