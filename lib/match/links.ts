// Links the user makes by hand (person -> contact), and matching a person again once the contact
// made for them exists (HighLevel's search index lags writes, so the person is linked to it).
import type { DetectedPerson } from '../detect';
import type { PersonMatch } from '../protocol';
import { relinksItem } from '../storage';
import type { PageMatches } from './page-matches';
import { matchPerson, type ContactLookup } from './rules';

/** Links a person to a contact (null: forgets the link, the rules match again). */
export async function relinkPerson({ personKey, contactId }: { personKey: string; contactId: string | null }, matches: PageMatches): Promise<true> {
  const { [personKey]: _old, ...rest } = await relinksItem.getValue();
  await relinksItem.setValue(contactId ? { ...rest, [personKey]: contactId } : rest);
  matches.forget();
  return true;
}

/** The person matched again after `createdId` was made for them: to that contact, linked if the search does not find it yet. */
export async function rematchCreated(person: DetectedPerson, createdId: string, lookup: ContactLookup, matches: PageMatches): Promise<PersonMatch> {
  matches.forget();
  const relinks = await relinksItem.getValue();
  const match = await matchPerson(person, lookup, relinks);
  if (match.state === 'matched' && match.contact?.id === createdId) return match;
  await relinksItem.setValue({ ...relinks, [match.key]: createdId });
  return matchPerson(person, lookup, { ...relinks, [match.key]: createdId });
}
