// The last record of each contact, kept in memory and in storage.session (so a reopened sidebar or
// a restarted worker has it at once): answered immediately, then fetched fresh in the background
// and written back, which pushes it to the sidebar watching the item (stale-while-revalidate).
// Two copies per contact: the confirmed record (HighLevel's last answer, `contactRecordItem`) and
// the shown one (`contactViewItem` of lib/protocol.ts: confirmed + the outbox's unfinished writes,
// see optimistic.ts).
// Other contacts of the business come after the record, never holding it back.
// Both stores are bounded, least recently saved out first: memory keeps a busy day's contacts, and
// storage.session (10 MB in Chrome) keeps fewer; a full storage.session only costs the restart
// cache, never an answer.
import { storage } from 'wxt/utils/storage';
import { contactViewItem, contactViewKey, type ContactDetails, type ContactRecordAnswer, type ContactSummary } from '../protocol';

/** The key of a contact's confirmed record inside storage.session. */
const contactRecordKey = (locationId: string, contactId: string) => `contact:${locationId}:${contactId}`;

/**
 * The last record the background read of a contact (HighLevel's answer, without unsent writes).
 * The background answers from it at once (also after the worker restarted) and fetches a fresh one.
 */
export const contactRecordItem = (locationId: string, contactId: string) =>
  storage.defineItem<ContactDetails | null>(`session:${contactRecordKey(locationId, contactId)}`, { fallback: null });

/** Both items of a contact (confirmed and shown), for removal in one call. */
const itemsOf = (locationId: string, contactIds: string[]) =>
  contactIds.flatMap((id) => [contactRecordItem(locationId, id), contactViewItem(locationId, id)]);

/** A record younger than this is answered without asking HighLevel again. */
const FRESH_MS = 15_000;
/** A record asked for this recently is taken as shown (a visible sidebar revalidates its record every 60 s). */
const SHOWN_MS = 90_000;
/** Records kept in the worker's memory (~3 KB each), and in storage.session (two copies of ~5 KB each). */
export const MEMORY_KEPT = 1000;
export const STORED_KEPT = 300;

const isQuotaError = (e: unknown) => /quota/i.test(e instanceof Error ? e.message : String(e));

/** HighLevel's record of a contact; the business's other contacts may follow. */
export interface FreshRecord {
  details: ContactDetails;
  colleagues?: Promise<ContactSummary[]>;
}

/** Removes a location's records from storage.session, also those an earlier worker kept. */
export async function forgetContactRecords(locationId: string): Promise<void> {
  const prefixes = [contactRecordKey(locationId, ''), contactViewKey(locationId, '')];
  const kept = Object.keys(await storage.snapshot('session')).filter((k) => prefixes.some((p) => k.startsWith(p)));
  if (kept.length) await storage.removeItems(kept.map((k) => `session:${k}` as const));
}

export function contactRecords(
  locationId: string,
  fetchFresh: (contactId: string) => Promise<FreshRecord>,
  opts: { show?: (confirmed: ContactDetails) => Promise<ContactDetails>; now?: () => number } = {},
) {
  const now = opts.now ?? Date.now;
  const show = opts.show ?? (async (d: ContactDetails) => d);
  /** contact id -> record, least recently saved first */
  const memory = new Map<string, ContactDetails>();
  /** the contacts with items in storage.session, least recently saved first (an earlier worker's first) */
  let stored: Promise<Map<string, true>> | undefined;
  const inflight = new Map<string, Promise<ContactDetails>>();
  /** bumped by every write, so a read that started before it does not overwrite its result */
  const generation = new Map<string, number>();

  const known = async (contactId: string) =>
    memory.get(contactId) ?? (await contactRecordItem(locationId, contactId).getValue()) ?? undefined;

  function storedContacts(): Promise<Map<string, true>> {
    stored ??= storage.snapshot('session').then((all) => {
      const prefix = contactRecordKey(locationId, '');
      const kept = Object.entries(all)
        .filter(([k]) => k.startsWith(prefix))
        .sort(([, a], [, b]) => ((a as ContactDetails | null)?.fetchedAt ?? 0) - ((b as ContactDetails | null)?.fetchedAt ?? 0));
      return new Map(kept.map(([k]) => [k.slice(prefix.length), true as const]));
    });
    return stored;
  }

  async function unstore(order: Map<string, true>, ids: string[]): Promise<void> {
    for (const id of ids) order.delete(id);
    await storage.removeItems(itemsOf(locationId, ids));
  }

  /** writes a contact's items to storage.session, making room first; a write that still does not fit is dropped */
  async function store(contactId: string, write: () => Promise<unknown>): Promise<void> {
    const order = await storedContacts();
    order.delete(contactId);
    order.set(contactId, true);
    if (order.size > STORED_KEPT) await unstore(order, [...order.keys()].slice(0, order.size - STORED_KEPT));
    try {
      await write();
    } catch (e) {
      if (!isQuotaError(e)) throw e;
      // storage.session is full (large records, or other items): give up the older half and try once more
      await unstore(order, [...order.keys()].slice(0, Math.floor(order.size / 2)).filter((id) => id !== contactId));
      await write().catch(() => undefined); // the record is still answered from memory
    }
  }

  async function save(contactId: string, details: ContactDetails): Promise<ContactDetails> {
    memory.delete(contactId);
    memory.set(contactId, details);
    if (memory.size > MEMORY_KEPT) memory.delete(memory.keys().next().value!);
    const shown = await show(details);
    await store(contactId, () =>
      Promise.all([contactRecordItem(locationId, contactId).setValue(details), contactViewItem(locationId, contactId).setValue(shown)]));
    return shown;
  }

  async function addColleagues(contactId: string, colleagues: Promise<ContactSummary[]>) {
    const found = await colleagues.catch(() => undefined);
    const last = await known(contactId);
    if (last) await save(contactId, { ...last, colleagues: found ?? last.colleagues, colleaguesPending: false });
  }

  function refresh(contactId: string): Promise<ContactDetails> {
    const running = inflight.get(contactId);
    if (running) return running;
    const startedAt = generation.get(contactId) ?? 0;
    const work = fetchFresh(contactId)
      .then(async ({ details, colleagues }) => {
        const previous = await known(contactId);
        const first = colleagues ? { ...details, colleagues: previous?.colleagues ?? [], colleaguesPending: true } : details;
        if ((generation.get(contactId) ?? 0) !== startedAt) return show(previous ?? first);
        const shown = await save(contactId, first);
        if (colleagues) void addColleagues(contactId, colleagues);
        return shown;
      })
      .finally(() => inflight.delete(contactId));
    inflight.set(contactId, work);
    return work;
  }

  async function answer(contactId: string, fresh: boolean): Promise<ContactRecordAnswer> {
    const last = fresh ? undefined : await known(contactId);
    if (!last) return { details: await refresh(contactId), revalidating: false };
    if (now() - last.fetchedAt < FRESH_MS) return { details: await show(last), revalidating: false };
    refresh(contactId).catch(() => undefined); // the sidebar keeps the last record on failure
    return { details: await show(last), revalidating: true };
  }

  /** the contact last asked for, and when: the one a sidebar shows (it revalidates it every minute) */
  let asked: { contactId: string; at: number } | undefined;
  const ask = (contactId: string) => void (asked = { contactId, at: now() });

  return {
    async get(contactId: string, fresh = false): Promise<ContactRecordAnswer> {
      ask(contactId);
      return answer(contactId, fresh);
    },

    /**
     * Reads the record again when `hasRoom()` says the rate budget allows it (else `skipped`); the
     * fresh record reaches the sidebar through its item. A read already running is joined.
     */
    async revalidate(contactId: string, hasRoom: () => boolean): Promise<{ skipped: boolean }> {
      ask(contactId);
      if (!inflight.has(contactId) && !hasRoom()) return { skipped: true };
      await refresh(contactId);
      return { skipped: false };
    },

    /** Starts reading a record the sidebar will probably ask for (cached, errors ignored); settles when it is read. */
    prefetch(contactId: string): Promise<void> {
      return answer(contactId, false).then(() => undefined, () => undefined);
    },

    /**
     * HighLevel changed the contact in a way the kept record cannot show by itself (a bulk job
     * ended: its answer says which contacts changed, not what their tags are now). The record
     * last asked for, lately (the one shown), is read again; any other is only marked stale and
     * read again when next asked (a second sidebar's, at its next minute's revalidation): a job
     * over the contacts the user went through must not cost 5 reads for each.
     */
    async changedElsewhere(contactId: string): Promise<void> {
      if (asked?.contactId === contactId && now() - asked.at < SHOWN_MS) {
        await refresh(contactId);
        return;
      }
      const last = memory.get(contactId);
      if (last) memory.set(contactId, { ...last, fetchedAt: 0 });
    },

    /** Applies a confirmed change to the kept record; answers the record as shown. */
    async change(contactId: string, edit: (d: ContactDetails) => ContactDetails): Promise<ContactDetails> {
      generation.set(contactId, (generation.get(contactId) ?? 0) + 1);
      const last = await known(contactId);
      if (!last) return refresh(contactId);
      return save(contactId, edit(last));
    },

    /** Applies a write HighLevel took to the kept record, if one is kept (no read otherwise). */
    async confirm(contactId: string, edit: (d: ContactDetails) => ContactDetails): Promise<void> {
      // a read under way may have left HighLevel before the change was applied (a connection made
      // again reads the shown record afresh while its stopped writes go out): the change is laid
      // over what it brings, not lost under it
      await inflight.get(contactId)?.catch(() => undefined);
      const last = await known(contactId);
      if (!last) return;
      generation.set(contactId, (generation.get(contactId) ?? 0) + 1);
      await save(contactId, edit(last));
    },

    /** Shows the kept record again (the outbox's writes changed); undefined if none is kept. */
    async repaint(contactId: string): Promise<ContactDetails | undefined> {
      const last = await known(contactId);
      if (!last) return undefined;
      const shown = await show(last);
      await store(contactId, () => contactViewItem(locationId, contactId).setValue(shown));
      return shown;
    },

    /** The kept record in memory, if any. */
    peek: (contactId: string) => memory.get(contactId),

    /** The contact's name from its kept record, in memory or, after the worker restarted, in storage.session (the activity log). */
    nameOf: async (contactId: string) => (await known(contactId))?.contact.name,

    /** Drops every kept record of this location (sign-out). */
    async forgetAll() {
      memory.clear();
      stored = undefined;
      await forgetContactRecords(locationId);
    },
  };
}

export type ContactRecords = ReturnType<typeof contactRecords>;
