// Links made by hand belong to a location (#15): a link made in one location is never tried in
// another, a link kept by an earlier version (without a location) moves to the location whose
// contact it names, and a stored link that cannot be read is dropped for that person only.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { partnerPeople } from '../../sandbox/partners/people';
import type { DetectedPerson } from '../../lib/detect';
import { personKey } from '../../lib/match';
import { admin, openSandbox, type Sandbox } from '../ghl/sandbox-helpers';
import { connectedBackground, type Background } from '../background/harness';
import { trust } from '../../lib/trust';

let sandbox: Sandbox;
let bg: Background & { connection: { id: string } };

beforeAll(async () => {
  sandbox = await openSandbox();
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  bg = await connectedBackground(sandbox);
});

const demo = (last: string): DetectedPerson => {
  const p = partnerPeople.find((x) => x.lastName === last)!;
  return { name: `${p.firstName} ${p.lastName}`, email: p.email, company: p.company };
};
const idOf = (name: string) => sandbox.seed.partnerContactIds[name]!;
/** Stores items as the background does (vouched for by the ledger), e.g. an earlier version's, adopted at the update. */
async function storedByTheBackground(items: Record<string, unknown>) {
  const entries = Object.entries(items).map(([key, value]): [string, unknown] => [`local:${key}`, value]);
  const digests = await trust().ledger.willStore(entries);
  await fakeBrowser.storage.local.set(items);
  await trust().ledger.stored(entries.map(([key], i) => [key, digests[i]!]));
}
const readsOf = async (contactId: string) => (await admin(sandbox).requests()).requests.filter((r) => r.method === 'GET' && r.path === `/contacts/${contactId}`).length;

/** Connects the sandbox's second location too and makes it the active one. */
async function switchToSecondLocation() {
  const loc = sandbox.locations[1]!;
  const second = await bg.ask('connectWithToken', { baseUrl: sandbox.baseUrl, locationId: loc.id, token: loc.token });
  await bg.ask('setActiveConnection', second.id);
  return second;
}

describe('links made by hand', () => {
  it('belong to the location they were made in: another location never reads them', async () => {
    const maya = demo('Okafor');
    const [m] = await bg.ask('matchPeople', [maya]);
    const diego = idOf('Diego Santos');
    await bg.ask('relinkPerson', { personKey: m!.key, contactId: diego });
    expect((await bg.ask('matchPeople', [maya]))[0]).toMatchObject({ reason: 'linked-by-you', contact: { id: diego } });

    await switchToSecondLocation();
    await admin(sandbox).resetCounters();
    const [there] = await bg.ask('matchPeople', [maya]);
    expect(there!.reason).not.toBe('linked-by-you');
    expect(await readsOf(diego)).toBe(0);
  });

  it('a link kept by an earlier version, without its location, moves to the location whose contact it names', async () => {
    const maya = demo('Okafor');
    const key = personKey(maya);
    const diego = idOf('Diego Santos');
    await storedByTheBackground({ relinks: { [key]: diego } });
    const other = await switchToSecondLocation();
    // not this location's contact: left aside here, kept for the other
    expect((await bg.ask('matchPeople', [maya]))[0]!.reason).not.toBe('linked-by-you');
    await bg.ask('setActiveConnection', bg.connection.id);
    expect((await bg.ask('matchPeople', [maya]))[0]).toMatchObject({ reason: 'linked-by-you', contact: { id: diego } });
    const stored = (await fakeBrowser.storage.local.get(['relinks', 'links'])) as { relinks: Record<string, string>; links: Record<string, Record<string, string>> };
    expect(stored.relinks).toEqual({});
    expect(stored.links[sandbox.locationId]).toEqual({ [key]: diego });
    // placed: the other location no longer tries it
    await bg.ask('setActiveConnection', other.id);
    await admin(sandbox).resetCounters();
    await bg.restart().ask('matchPeople', [maya]);
    expect(await readsOf(diego)).toBe(0);
  });

  it('a stored link that cannot be read is dropped for that person only', async () => {
    const [maya, diego] = await bg.ask('matchPeople', [demo('Okafor'), demo('Santos')]);
    const lukas = idOf('Lukas Brenner');
    await storedByTheBackground({ links: { [sandbox.locationId]: { [maya!.key]: { id: 'not an id' }, [diego!.key]: lukas } } });
    const [again, linked] = await bg.restart().ask('matchPeople', [demo('Okafor'), demo('Santos')]);
    expect(again).toMatchObject({ state: 'matched', reason: 'email', contact: { id: idOf('Maya Okafor') } });
    expect(linked).toMatchObject({ state: 'matched', reason: 'linked-by-you', contact: { id: lukas } });
  });
});
