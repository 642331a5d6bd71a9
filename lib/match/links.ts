// Links the user makes by hand (person -> contact, in the active location), and matching a person
// again once the contact made for them exists (HighLevel's search index lags writes, so the person
// is linked to it). The links are kept per location (link-store.ts).
import type { PersonMatch } from '../protocol';
import { saveLink } from './link-store';
import type { MatchServices, PageMatches } from './page-matches';
import type { TabMatchesService } from './tab-matches';
import type { DetectedPerson } from '../detect';
import { personKey } from './rules';

/** Links a person to a contact of the active location (null: forgets the link, the rules match again). */
export async function relinkPerson(
  { personKey: key, contactId }: { personKey: string; contactId: string | null },
  s: MatchServices,
  matches: PageMatches,
  tabs: TabMatchesService,
): Promise<true> {
  await saveLink(s.locationId, key, contactId);
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
