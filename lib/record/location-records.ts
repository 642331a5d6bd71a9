// A location's contact records as the sidebar sees them, put together: read from HighLevel
// (read.ts), kept in memory and storage.session and revalidated (keep.ts), with the outbox's
// unfinished writes laid over them (optimistic.ts), and kept in step with the outbox as its
// writes are answered: a write HighLevel took is folded into the confirmed record; a pending,
// failed or discarded one changes the shown record (a failed write rolls back). A running bulk tag
// job counts as an unanswered tag write of each contact it has not reached (outbox.unanswered);
// the contacts it reached get its tag in their confirmed record, and when it ends their records
// are read again, at once if shown, else when next asked (a bulk answer says which contacts
// changed, not what their tags are now).
import type { GhlClient } from '../ghl';
import { awaitsAnswer, type BulkJob, type Outbox, type WriteRecord } from '../outbox';
import type { ContactDetails } from '../protocol';
import { colleagueNames } from './colleagues';
import { contactRecords } from './keep';
import { locationLists } from './location-lists';
import { layWrites, withDoneWrite, withWrites, type ShownLists } from './optimistic';
import { readContactDetails } from './read';
import { userOptions } from './shape';

/** Requests a revalidation of a shown record costs (contact, tasks, notes, appointments, opportunities). */
export const REVALIDATE_REQUESTS = 5;

export function locationRecords(client: GhlClient, outbox: Pick<Outbox, 'unanswered'>, connectionId: string) {
  const lists = locationLists(client, connectionId);
  /** users and the lists that name what writes bring (a list that failed is simply empty) */
  const named = async (): Promise<{ users: ReturnType<typeof userOptions>; lists: ShownLists }> => {
    const l = await lists.load().catch(() => undefined);
    return { users: l ? userOptions(l.users) : [], lists: { customFields: l?.fields, pipelines: l?.pipelines, lostReasons: l?.lostReasons } };
  };
  const show = async (confirmed: ContactDetails) => {
    const [pending, n] = await Promise.all([outbox.unanswered(confirmed.contact.id), named()]);
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
      if (r.write.kind === 'tag.add' && r.state === 'failed') await lists.tagsRefused(r.write.tags);
      if (r.state !== 'done') {
        await records.repaint(r.write.contactId);
        return;
      }
      const n = await named();
      await records.confirm(r.write.contactId, (d) => withDoneWrite(d, r, n.users, n.lists));
      // a new dateUpdated is needed before the next edit of the contact
      if (r.write.kind === 'contact.update') await records.get(r.write.contactId, true);
    },

    /** Shows a bulk job's new state on the records kept of its contacts (only those: a job may hold 500). */
    async showJob(job: BulkJob): Promise<void> {
      const kept = job.contactIds.filter((id) => records.peek(id));
      if (!kept.length) return;
      const n = await named();
      const failed = new Set(job.fallbackIds);
      await Promise.all(
        kept.map(async (contactId) => {
          if (!awaitsAnswer(job, contactId) && !failed.has(contactId) && job.state !== 'cancelled') {
            // answered: its tag is confirmed (a failed contact's own write shows it meanwhile)
            const tagged = { kind: job.op === 'add' ? 'tag.add' : 'tag.remove', contactId, tags: job.tags } as const;
            await records.confirm(contactId, (d) => layWrites(d, [tagged], { users: n.users, lists: n.lists, at: job.updatedAt }));
          } else await records.repaint(contactId);
          if (job.state !== 'running') await records.changedElsewhere(contactId);
        }),
      );
    },
  };
}

export type LocationRecords = ReturnType<typeof locationRecords>;
