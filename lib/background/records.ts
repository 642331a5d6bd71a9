// The last record of each contact, kept in memory and in storage.session (so a reopened sidebar or
// a restarted worker has it at once): answered immediately, then fetched fresh in the background
// and written back, which pushes it to the sidebar watching the item (stale-while-revalidate).
import { browser } from 'wxt/browser';
import type { ContactDetails, ContactRecordAnswer } from '../messaging';
import { contactRecordItem } from '../storage';

/** A record younger than this is answered without asking HighLevel again. */
const FRESH_MS = 15_000;

/** Removes a location's records from storage.session, also those an earlier worker kept. */
export async function forgetContactRecords(locationId: string): Promise<void> {
  const prefix = `contact:${locationId}:`; // contactRecordItem's key inside storage.session
  const kept = Object.keys(await browser.storage.session.get(null)).filter((k) => k.startsWith(prefix));
  if (kept.length) await browser.storage.session.remove(kept);
}

export function contactRecords(
  locationId: string,
  fetchFresh: (contactId: string) => Promise<ContactDetails>,
  now: () => number = Date.now,
) {
  const memory = new Map<string, ContactDetails>();
  const inflight = new Map<string, Promise<ContactDetails>>();
  /** bumped by every write, so a read that started before it does not overwrite its result */
  const generation = new Map<string, number>();

  const item = (contactId: string) => contactRecordItem(locationId, contactId);
  const known = async (contactId: string) => memory.get(contactId) ?? (await item(contactId).getValue()) ?? undefined;

  async function save(contactId: string, details: ContactDetails) {
    memory.set(contactId, details);
    await item(contactId).setValue(details);
  }

  function refresh(contactId: string): Promise<ContactDetails> {
    const running = inflight.get(contactId);
    if (running) return running;
    const startedAt = generation.get(contactId) ?? 0;
    const work = fetchFresh(contactId)
      .then(async (details) => {
        if ((generation.get(contactId) ?? 0) === startedAt) await save(contactId, details);
        return details;
      })
      .finally(() => inflight.delete(contactId));
    inflight.set(contactId, work);
    return work;
  }

  return {
    async get(contactId: string, fresh = false): Promise<ContactRecordAnswer> {
      const last = fresh ? undefined : await known(contactId);
      if (!last) return { details: await refresh(contactId), revalidating: false };
      if (now() - last.fetchedAt < FRESH_MS) return { details: last, revalidating: false };
      refresh(contactId).catch(() => undefined); // the sidebar keeps the last record on failure
      return { details: last, revalidating: true };
    },

    /** Applies a write's result to the kept record (and so to the sidebar showing it). */
    async change(contactId: string, edit: (d: ContactDetails) => ContactDetails): Promise<ContactDetails> {
      generation.set(contactId, (generation.get(contactId) ?? 0) + 1);
      const last = await known(contactId);
      if (!last) return refresh(contactId);
      const next = edit(last);
      await save(contactId, next);
      return next;
    },

    /** Drops every kept record of this location (sign-out). */
    async forgetAll() {
      memory.clear();
      await forgetContactRecords(locationId);
    },
  };
}

export type ContactRecords = ReturnType<typeof contactRecords>;
