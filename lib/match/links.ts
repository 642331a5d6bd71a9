// Links the user makes by hand (person -> contact, in the active location), and matching a person
// again once the contact made for them exists (HighLevel's search index lags writes, so the person
// is linked to it). The links are kept per location (link-store.ts).
// A contact created while HighLevel could not be reached is queued in the outbox under a temporary
// id: its person shows as being created (`creating`) until the create lands, then is linked to the
// new contact in the location it was made in (the search index may not have it yet), or shows as
// missing again if it failed.
import type { PersonMatch } from '../protocol';
import { pendingCreatesItem, saveLink } from './link-store';
import type { MatchServices, PageMatches } from './page-matches';
import type { TabMatchesService } from './tab-matches';
import type { DetectedPerson } from '../detect';
import { personKey } from './rules';

/** Links a person to a contact of the active location (null: forgets the link, the rules match again). */
export async function relinkPerson(
  { personKey: key, contactId, linkKey }: { personKey: string; contactId: string | null; linkKey?: string },
  s: MatchServices,
  matches: PageMatches,
  tabs: TabMatchesService,
): Promise<true> {
  await saveLink(s.locationId, key, contactId);
  // the link found under the person's details (kept before partner ids) goes: the new one decides
  if (linkKey && linkKey !== key) await saveLink(s.locationId, linkKey, null);
  matches.forget({ key });
  await tabs.refresh(key);
  return true;
}

/** The person matched again after `createdId` was made for them: to that contact, linked if the search does not find it yet. */
export async function rematchCreated(
  person: DetectedPerson,
  createdId: string,
  s: MatchServices,
  matches: PageMatches,
  tabs: TabMatchesService,
): Promise<PersonMatch> {
  const key = personKey(person);
  matches.forget({ key });
  let [match] = await matches.matchAll([person]);
  if (!(match!.state === 'matched' && match!.contact?.id === createdId)) {
    await saveLink(s.locationId, match!.key, createdId);
    matches.forget({ key });
    [match] = await matches.matchAll([person]);
  }
  await tabs.refresh(key); // the listed person shows the new contact (its match is kept: no look-up)
  return match!;
}

/** The person's contact is queued to be created under `tempId` in `locationId`: the person shows as being created. */
export async function linkPendingCreate(person: DetectedPerson, tempId: string, locationId: string, matches: PageMatches): Promise<PersonMatch> {
  const key = personKey(person);
  await pendingCreatesItem.setValue({ ...(await pendingCreatesItem.getValue()), [key]: `${locationId}/${tempId}` });
  matches.forget({ key });
  return { person, key, state: 'missing', confidence: 0, creating: true };
}

/**
 * The queued create of `tempId` ended: landed as `contactId` (its people are linked to it in the
 * location it was made in), or failed or was dropped (undefined: they show as missing again, with Create).
 */
export async function settleCreate(tempId: string, contactId: string | undefined, matches: PageMatches, tabs: TabMatchesService): Promise<void> {
  const pending = await pendingCreatesItem.getValue();
  const keys = Object.keys(pending).filter((key) => pending[key]!.endsWith(`/${tempId}`));
  if (!keys.length) return;
  for (const key of keys) {
    const locationId = pending[key]!.slice(0, -tempId.length - 1);
    if (contactId) await saveLink(locationId, key, contactId);
  }
  await pendingCreatesItem.setValue(Object.fromEntries(Object.entries(pending).filter(([key]) => !keys.includes(key))));
  for (const key of keys) {
    matches.forget({ key });
    await tabs.refresh(key);
  }
}

/** Marks the people whose contact is queued to be created (still missing in HighLevel). */
export async function markCreating(list: PersonMatch[]): Promise<PersonMatch[]> {
  const pending = await pendingCreatesItem.getValue();
  return list.map((m) => (m.state === 'missing' && pending[m.key] ? { ...m, creating: true } : m));
}
