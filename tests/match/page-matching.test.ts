// Matching the people of a page against the sandbox's GHL data: by email, phone (HighLevel's
// duplicate check), LinkedIn profile and name + company, a phone two contacts share, and links the
// user makes by hand.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { partnerPeople } from '../../sandbox/partners/people';
import type { DetectedPerson } from '../../lib/detect';
import { openSandbox, type Sandbox } from '../ghl/sandbox-helpers';
import { connectedBackground, type Background } from '../background/harness';

let sandbox: Sandbox;
let bg: Background;

beforeAll(async () => {
  sandbox = await openSandbox();
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  bg = await connectedBackground(sandbox);
});

const demo = (last: string): DetectedPerson => {
  const p = partnerPeople.find((x) => x.lastName === last)!;
  return { name: `${p.firstName} ${p.lastName}`, email: p.email, phone: p.phone, linkedin: p.linkedin, company: p.company };
};
const idOf = (name: string) => sandbox.seed.partnerContactIds[name]!;

describe('matching the people on a page', () => {
  it('finds each person by the key GHL knows them by, saying why and how sure', async () => {
    const [maya, rahul, lukas, hannah] = await bg.ask('matchPeople', [demo('Okafor'), demo('Mehta'), demo('Brenner'), demo('Whitfield')]);
    expect(maya).toMatchObject({ state: 'matched', reason: 'email', confidence: 0.98, contact: { id: idOf('Maya Okafor') } });
    expect(rahul).toMatchObject({ state: 'matched', reason: 'phone', contact: { id: idOf('Rahul Mehta') } });
    expect(lukas).toMatchObject({ state: 'matched', reason: 'linkedin', contact: { id: idOf('Lukas Brenner') } });
    expect(hannah).toMatchObject({ state: 'missing', confidence: 0 });
  });

  it('falls back to name and company, with a low confidence', async () => {
    const [m] = await bg.ask('matchPeople', [{ name: 'Maya Okafor', company: 'BrightPath' }]);
    expect(m).toMatchObject({ state: 'matched', reason: 'name+company', contact: { id: idOf('Maya Okafor') } });
    expect(m!.confidence).toBeLessThan(0.9);
  });

  /** The contacts sharing a seeded duplicate phone, first added first. */
  const sharing = (phone: string) =>
    sandbox.state.contactsOf(sandbox.locationId).filter((c) => c.phone === phone).sort((a, b) => a.dateAdded.localeCompare(b.dateAdded));

  it('a phone two GHL contacts share matches the one HighLevel’s duplicate check answers (the first added)', async () => {
    const phone = sandbox.seed.duplicatePhones[0]!;
    const [m] = await bg.ask('matchPeople', [{ name: 'Someone', phone }]);
    expect(sharing(phone)).toHaveLength(2);
    expect(m).toMatchObject({ state: 'matched', reason: 'phone', contact: { id: sharing(phone)[0]!.id } });
  });

  it('remembers a link made by hand, also after a restart, until the user removes it', async () => {
    const phone = sandbox.seed.duplicatePhones[1]!;
    const person = { name: 'Someone', phone };
    const [byPhone] = await bg.ask('matchPeople', [person]);
    expect(byPhone!.contact!.id).toBe(sharing(phone)[0]!.id);
    const chosen = sharing(phone)[1]!;
    await bg.ask('relinkPerson', { personKey: byPhone!.key, contactId: chosen.id });

    const [linked] = await bg.restart().ask('matchPeople', [person]);
    expect(linked).toMatchObject({ state: 'matched', reason: 'linked-by-you', confidence: 1, contact: { id: chosen.id } });

    await bg.ask('relinkPerson', { personKey: byPhone!.key, contactId: null });
    expect((await bg.ask('matchPeople', [person]))[0]).toMatchObject({ reason: 'phone', contact: { id: sharing(phone)[0]!.id } });
  });

  it('a link to a contact of another location is left aside for that person only, never failing the page', async () => {
    const elsewhere = sandbox.state.contactsOf(sandbox.locations[1]!.id)[0]!;
    const [maya] = await bg.ask('matchPeople', [demo('Okafor')]);
    await bg.ask('relinkPerson', { personKey: maya!.key, contactId: elsewhere.id });
    const [again, diego] = await bg.ask('matchPeople', [demo('Okafor'), demo('Santos')]);
    expect(again).toMatchObject({ state: 'matched', reason: 'email', contact: { id: idOf('Maya Okafor') } });
    expect(diego).toMatchObject({ state: 'matched', contact: { id: idOf('Diego Santos') } });
  });

  it('links a person to a contact found with the search box', async () => {
    const found = await bg.ask('searchContacts', 'diego@lumacraft');
    expect(found.map((c) => c.name)).toEqual(['Diego Santos']);
    expect(await bg.ask('searchContacts', '  ')).toEqual([]);
    const [m] = await bg.ask('matchPeople', [demo('Whitfield')]);
    await bg.ask('relinkPerson', { personKey: m!.key, contactId: found[0]!.id });
    expect((await bg.ask('matchPeople', [demo('Whitfield')]))[0]).toMatchObject({ state: 'matched', contact: { name: 'Diego Santos' } });
  });
});
