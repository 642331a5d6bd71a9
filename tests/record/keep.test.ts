// A contact's record as the sidebar shows it: names for owners, assignees and custom fields, the
// display order, other contacts of the business, and stale-while-revalidate across a worker restart.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { contactViewItem, type ContactDetails } from '../../lib/protocol';
import { contactRecordItem } from '../../lib/record/keep';
import { openSandbox, type Sandbox } from '../ghl/sandbox-helpers';
import { connectedBackground } from '../background/harness';

let sandbox: Sandbox;
let bg: Awaited<ReturnType<typeof connectedBackground>>;

beforeAll(async () => {
  sandbox = await openSandbox();
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  bg = await connectedBackground(sandbox);
});

const time = (s?: string) => Date.parse((s ?? '').replace(' ', 'T'));

describe('a contact record', () => {
  it('names the owner, assignees and custom fields, open tasks first, newest notes first, upcoming appointments first', async () => {
    const { details, revalidating } = await bg.ask('getContactDetails', { contactId: sandbox.seed.partnerContactIds['Maya Okafor']! });
    expect(revalidating).toBe(false);
    const { contact, tasks, notes, appointments } = details;
    // the fields the location lists, in its order; Maya's value of a field it no longer lists stays hidden
    expect(contact.customFields).toEqual([
      expect.objectContaining({ name: 'Job Title', value: 'Head of Growth' }),
      expect.objectContaining({ name: 'Plan', value: 'Growth', raw: 'Growth' }),
      expect.objectContaining({ name: 'Contract', value: 'https://files.example/brightpath-contract.pdf' }),
    ]);
    expect(JSON.stringify(details)).not.toContain('retired-field-value');
    expect(contact.ownerName).toMatch(/^\p{L}+ \p{L}+$/u);
    expect(tasks.every((t) => t.assigneeName)).toBe(true);
    expect(tasks.map((t) => t.completed)).toEqual([...tasks.map((t) => t.completed)].sort());
    expect(notes.map((n) => time(n.dateAdded))).toEqual(notes.map((n) => time(n.dateAdded)).sort((a, b) => b - a));
    expect(time(appointments[0]!.startTime)).toBeGreaterThan(Date.now());
    expect(contact.appUrl).toBe(`https://app.gohighlevel.com/v2/location/${sandbox.locationId}/contacts/detail/${contact.id}`);
  });

  it('lists the other contacts of the same business, pushed after the record', async () => {
    const all = [...sandbox.state.contacts.values()].filter((c) => c.locationId === sandbox.locationId && c.businessId);
    const withColleague = all.find((c) => all.some((o) => o.id !== c.id && o.businessId === c.businessId))!;
    const item = contactViewItem(sandbox.locationId, withColleague.id);
    const pushed = new Promise<ContactDetails>((resolve) => {
      const stop = item.watch((d) => d && !d.colleaguesPending && (stop(), resolve(d)));
    });
    const { details } = await bg.ask('getContactDetails', { contactId: withColleague.id });
    expect(details.colleaguesPending).toBe(true); // the record does not wait for them
    const expected = all.filter((o) => o.businessId === withColleague.businessId && o.id !== withColleague.id).map((o) => o.id);
    expect((await pushed).colleagues.map((c) => c.id).sort()).toEqual(expected.sort());
  });

  it('after a worker restart, answers from the kept record at once, then pushes a fresh one', async () => {
    const contactId = sandbox.seed.partnerContactIds['Amelia Clarke']!;
    const { details } = await bg.ask('getContactDetails', { contactId });
    const item = contactRecordItem(sandbox.locationId, contactId);
    // the kept record is an hour old and shows a tag HighLevel no longer has
    await item.setValue({ ...details, fetchedAt: Date.now() - 3_600_000, contact: { ...details.contact, tags: ['outdated'] } });

    const pushed = new Promise((resolve) => {
      const stop = item.watch((d) => {
        if (d && !d.contact.tags.includes('outdated')) {
          stop();
          resolve(d.contact.tags);
        }
      });
    });
    const answer = await bg.restart().ask('getContactDetails', { contactId });
    expect(answer).toMatchObject({ revalidating: true, details: { contact: { tags: ['outdated'] } } });
    expect(await pushed).toEqual(details.contact.tags);
  });

  it('forgets the kept records of a location when the user signs out', async () => {
    const contactId = sandbox.seed.partnerContactIds['Amelia Clarke']!;
    await bg.ask('getContactDetails', { contactId });
    expect(await contactRecordItem(sandbox.locationId, contactId).getValue()).not.toBeNull();
    await bg.ask('signOut', bg.connection.id);
    expect(await contactRecordItem(sandbox.locationId, contactId).getValue()).toBeNull();
  });
});
