// Where the links the user makes by hand (person -> contact) are kept: per location, since a
// contact id means something only in its location (#15). Every read and write of links goes
// through this module, so what protects stored records can wrap it in one place. A stored link that
// cannot be read (not an id) is dropped for that person only. Links kept by earlier versions,
// without their location, are read in every location until the location whose contact they name
// is found: they move there (their contact is read by id, which another location refuses).
// A link decides which contact a person is (and so where a write goes), and storage.local is open
// to content scripts on Firefox: both items are read only when the ledger vouches for them
// (lib/trust); one changed by anything but the background is dropped and reported.
import * as v from 'valibot';
import { i18n } from '#i18n';
import { trustedItem } from '../trust';

/** The person's key (rules.ts `personKey`) -> the contact id. */
export type Links = Record<string, string>;

/** Links of each location: location id -> links. */
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const refused = () => ({ what: i18n.t('trust.links'), why: i18n.t('trust.linksWhy') });

const linksItem = trustedItem<Record<string, Links>>('local:links', { fallback: {}, accept: (x): x is Record<string, Links> => isRecord(x), refused });

/** Links kept before they belonged to a location (`local:relinks`, version 1). */
const unplacedItem = trustedItem<Links>('local:relinks', { fallback: {}, accept: (x): x is Links => isRecord(x), refused });

/**
 * People whose contact is queued to be created, by person key -> `<location id>/<the create's
 * temporary id>`: they show as being created, and are linked to the contact once its create lands
 * (links.ts). A link in the making, so it is vouched for like the links.
 */
export const pendingCreatesItem = trustedItem<Record<string, string>>('local:pendingCreates', {
  fallback: {},
  accept: (x): x is Record<string, string> => isRecord(x) && Object.values(x).every((id) => typeof id === 'string'),
  refused,
});

const ContactId = v.pipe(v.string(), v.regex(/^[\w-]{1,64}$/));

/** The readable entries of a stored map; anything else is left out (that person only). */
function readable(stored: unknown): Links {
  if (!stored || typeof stored !== 'object') return {};
  const links: Links = {};
  for (const [key, id] of Object.entries(stored)) if (v.is(ContactId, id)) links[key] = id;
  return links;
}

export interface LocationLinks {
  links: Links;
  /** keys of `links` kept before links had a location (see `placeLink`) */
  unplaced: Set<string>;
}

/** The links of a location, with those not placed in one yet. */
export async function readLinks(locationId: string): Promise<LocationLinks> {
  const [all, unplaced] = await Promise.all([linksItem.getValue(), unplacedItem.getValue()]);
  const placed = readable((all as Record<string, unknown>)[locationId]);
  const old = readable(unplaced);
  for (const key of Object.keys(placed)) delete old[key];
  return { links: { ...old, ...placed }, unplaced: new Set(Object.keys(old)) };
}

/** Links a person to a contact of the location (null: forgets the link, in every location's view of it). */
export async function saveLink(locationId: string, personKey: string, contactId: string | null): Promise<void> {
  const all = await linksItem.getValue();
  const { [personKey]: _old, ...rest } = readable((all as Record<string, unknown>)[locationId]);
  await linksItem.setValue({ ...all, [locationId]: contactId ? { ...rest, [personKey]: contactId } : rest });
  await dropUnplaced(personKey);
}

/** An unplaced link whose contact was found in this location: it belongs to it from now on. */
export async function placeLink(locationId: string, personKey: string, contactId: string): Promise<void> {
  await saveLink(locationId, personKey, contactId);
}

async function dropUnplaced(personKey: string): Promise<void> {
  const unplaced = await unplacedItem.getValue();
  if (!unplaced || !(personKey in unplaced)) return;
  const { [personKey]: _gone, ...rest } = unplaced;
  await unplacedItem.setValue(rest);
}
