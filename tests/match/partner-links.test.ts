// A link made by hand is kept under the partner app's own record id where the page shows one
// (#15): it survives the person's email or name changing on the partner's page, two people of one
// name on one partner are never confused, and links kept under a person's details (before partner
// ids, or from pages that show none) keep working until the user relinks. The id and the details a
// page reports are page data: checked and bounded before the background keeps them.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { DetectedPerson } from '../../lib/detect';
import { contactKey, parseDetection, personKey } from '../../lib/match';
import { openSandbox, type Sandbox } from '../ghl/sandbox-helpers';
import { connectedBackground, type Background } from '../background/harness';

describe('a page report’s partner id and details', () => {
  const read = (person: Record<string, unknown>, site = 'helloleads') => {
    const res = parseDetection({ people: [{ name: 'Amelia Clarke', ...person }], view: 'list', site });
    return res.ok ? res.detection.people[0] : undefined;
  };

  it('keeps the id under its site’s name, and the known details as clean short texts', () => {
    expect(read({ partnerId: '1042', details: { stage: ' Hot\u202e ', potential: 'High' } }))
      .toEqual({ name: 'Amelia Clarke', partnerId: 'helloleads:1042', details: { stage: 'Hot', potential: 'High' } });
  });

  it('leaves out an id that is no plain id, details of unknown kinds, long or non-text details; the person stays', () => {
    for (const partnerId of ['"><img src=x>', 'x'.repeat(65), 42, '']) expect(read({ partnerId })).toEqual({ name: 'Amelia Clarke' });
    expect(read({ details: { stage: 'x'.repeat(101), status: 7, owner: 'Ravi', potential: '' } })).toEqual({ name: 'Amelia Clarke' });
    expect(read({ details: ['Hot'] })).toEqual({ name: 'Amelia Clarke' });
  });

  it('a page no partner adapter read has no partner id', () => {
    expect(read({ partnerId: '1042' }, 'generic')).toEqual({ name: 'Amelia Clarke' });
  });
});

describe('the key of a hand-made link', () => {
  it('is the partner id where the page shows one, else the person’s details', () => {
    expect(personKey({ name: 'Ana', email: 'ana@example.com', partnerId: 'helloleads:1042' })).toBe('partner:helloleads:1042');
    expect(personKey({ name: 'Ana', email: 'ana@example.com' })).toBe('email:ana@example.com');
    expect(contactKey({ name: 'Ana', email: 'ana@example.com', partnerId: 'helloleads:1042' })).toBe('email:ana@example.com');
  });
});

describe('links kept under the partner id', () => {
  let sandbox: Sandbox;
  let bg: Background & { connection: { id: string } };
  beforeAll(async () => {
    sandbox = await openSandbox();
  });
  afterAll(() => sandbox.close());
  beforeEach(async () => {
    bg = await connectedBackground(sandbox);
  });
  const idOf = (name: string) => sandbox.seed.partnerContactIds[name]!;
  const match = async (p: DetectedPerson) => (await bg.ask('matchPeople', [p]))[0]!;

  it('survive the email and the name changing on the partner’s page', async () => {
    const amelia: DetectedPerson = { name: 'Amelia Clarke', email: 'amelia.clarke@harbourdental.com', partnerId: 'helloleads:1042' };
    const diego = idOf('Diego Santos');
    await bg.ask('relinkPerson', { personKey: (await match(amelia)).key, contactId: diego });
    const renamed = { ...amelia, name: 'Amelia Clarke-Hughes', email: 'amelia@clarke-hughes.com' };
    expect(await match(renamed)).toMatchObject({ reason: 'linked-by-you', contact: { id: diego }, key: 'partner:helloleads:1042' });
  });

  it('tell two people of one name on one partner apart', async () => {
    const first: DetectedPerson = { name: 'Sam Lee', partnerId: 'heyreach:1' };
    const second: DetectedPerson = { name: 'Sam Lee', partnerId: 'heyreach:2' };
    const diego = idOf('Diego Santos');
    await bg.ask('relinkPerson', { personKey: (await match(first)).key, contactId: diego });
    expect(await match(first)).toMatchObject({ reason: 'linked-by-you', contact: { id: diego } });
    expect((await match(second)).reason).not.toBe('linked-by-you');
  });

  it('a link kept under the person’s details still works, and goes when the user relinks', async () => {
    const amelia: DetectedPerson = { name: 'Amelia Clarke', email: 'amelia.clarke@harbourdental.com' };
    const diego = idOf('Diego Santos');
    // made on a page that shows no partner id (or before partner ids)
    await bg.ask('relinkPerson', { personKey: (await match(amelia)).key, contactId: diego });
    const onPartner = { ...amelia, partnerId: 'helloleads:1042' };
    const linked = await match(onPartner);
    expect(linked).toMatchObject({ reason: 'linked-by-you', contact: { id: diego }, key: 'partner:helloleads:1042', linkKey: 'email:amelia.clarke@harbourdental.com' });
    // forgetting the link forgets the old one too: the rules decide again
    await bg.ask('relinkPerson', { personKey: linked.key, contactId: null, linkKey: linked.linkKey });
    expect(await match(onPartner)).toMatchObject({ reason: 'email', contact: { id: idOf('Amelia Clarke') } });
    const stored = (await fakeBrowser.storage.local.get('links')) as { links: Record<string, Record<string, string>> };
    expect(stored.links[sandbox.locationId]).toEqual({});
  });
});
