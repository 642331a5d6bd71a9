// Matching the people of a page against the sandbox's GHL data: by email, phone, LinkedIn profile
// and name + company, ambiguity when two contacts share a phone, and links the user makes by hand.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { partnerPeople } from '../../sandbox/partners/people';
import type { DetectedPerson } from '../../lib/detect/types';
import { openSandbox, type Sandbox } from '../ghl/sandbox-helpers';
import { connectedBackground, type Background } from './harness';

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

  it('is ambiguous when two GHL contacts share the phone, and offers both', async () => {
    const phone = sandbox.seed.duplicatePhones[0]!;
    const [m] = await bg.ask('matchPeople', [{ name: 'Someone', phone }]);
    expect(m!.state).toBe('ambiguous');
    expect(m!.candidates).toHaveLength(2);
    expect(m!.candidates!.every((c) => c.phone === phone)).toBe(true);
  });

  it('remembers a link made by hand, also after a restart, until the user removes it', async () => {
    const person = { name: 'Someone', phone: sandbox.seed.duplicatePhones[1]! };
    const [ambiguous] = await bg.ask('matchPeople', [person]);
    const chosen = ambiguous!.candidates![1]!;
    await bg.ask('relinkPerson', { personKey: ambiguous!.key, contactId: chosen.id });

    const [linked] = await bg.restart().ask('matchPeople', [person]);
    expect(linked).toMatchObject({ state: 'matched', reason: 'linked-by-you', confidence: 1, contact: { id: chosen.id } });

    await bg.ask('relinkPerson', { personKey: ambiguous!.key, contactId: null });
    expect((await bg.ask('matchPeople', [person]))[0]!.state).toBe('ambiguous');
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
