// Keeping the shown record fresh without asking, within the rate budget, and the names of the
// colleagues of a business (HighLevel's business list carries no names): read when asked, one
// request per colleague not kept already, never beyond the budget's room.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { contactViewItem, type ContactDetails } from '../../lib/protocol';
import { MAX_NAMED } from '../../lib/record';
import { admin, openSandbox, type Sandbox } from '../ghl/sandbox-helpers';
import { connectedBackground, type Background } from '../background/harness';

let sandbox: Sandbox;
let bg: Background;

beforeAll(async () => {
  sandbox = await openSandbox({ rateLimit: { max: 10_000 } });
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  bg = await connectedBackground(sandbox);
});

const requests = async () => (await admin(sandbox).requests()).requests;
/** The budget's room as the client sees it: `room` more requests fit in the optimistic half. */
async function squeezeBudget(room: boolean) {
  const client = await bg.services.active().then((s) => s.client);
  client.hasRoomFor = () => room;
}

describe('revalidating the shown record', () => {
  it('reads it again and pushes the change made in HighLevel meanwhile', async () => {
    const contactId = sandbox.seed.partnerContactIds['Amelia Clarke']!;
    await bg.ask('getContactDetails', { contactId });
    sandbox.state.contacts.get(contactId)!.lastName = 'Clarke-Hughes';
    const pushed = new Promise<ContactDetails>((resolve) => {
      const stop = contactViewItem(sandbox.locationId, contactId).watch((d) => d?.contact.lastName === 'Clarke-Hughes' && (stop(), resolve(d)));
    });
    expect(await bg.ask('revalidateContact', { contactId })).toEqual({ skipped: false });
    expect((await pushed).contact.name).toBe('Amelia Clarke-Hughes');
  });

  it('is skipped when the rate budget is short: nothing is sent', async () => {
    const contactId = sandbox.seed.partnerContactIds['Amelia Clarke']!;
    await bg.ask('getContactDetails', { contactId });
    await squeezeBudget(false);
    await admin(sandbox).resetCounters();
    expect(await bg.ask('revalidateContact', { contactId })).toEqual({ skipped: true });
    expect(await requests()).toEqual([]);
  });
});

describe('the names of the same business’s contacts', () => {
  const business = () => {
    const all = sandbox.state.contactsOf(sandbox.locationId).filter((c) => c.businessId);
    return all.find((c) => all.filter((o) => o.businessId === c.businessId).length >= 4)!;
  };
  async function colleaguesOf(contactId: string) {
    await bg.ask('getContactDetails', { contactId });
    let last: ContactDetails | null = null;
    for (let i = 0; i < 200 && !(last && !last.colleaguesPending); i++) {
      last = await contactViewItem(sandbox.locationId, contactId).getValue();
      await new Promise((r) => setTimeout(r, 10));
    }
    return last!.colleagues;
  }

  it('first shows them by email, marked unnamed (the list has no names); then reads each name once, when asked', async () => {
    const c = business();
    const colleagues = await colleaguesOf(c.id);
    expect(colleagues.length).toBeGreaterThanOrEqual(3);
    expect(colleagues.every((x) => x.unnamed)).toBe(true);
    for (const x of colleagues) {
      const stored = sandbox.state.contacts.get(x.id)!;
      expect(x.name).toBe(stored.email ?? 'Unnamed contact');
    }
    await admin(sandbox).resetCounters();
    const named = await bg.ask('getColleagueNames', { contactId: c.id });
    const expected = colleagues.slice(0, MAX_NAMED).map((x) => { const s = sandbox.state.contacts.get(x.id)!; return `${s.firstName} ${s.lastName}`; });
    expect(named.slice(0, MAX_NAMED).map((x) => x.name)).toEqual(expected);
    expect(named.slice(0, MAX_NAMED).some((x) => x.unnamed)).toBe(false);
    expect((await requests()).map((r) => r.path).sort()).toEqual(colleagues.slice(0, MAX_NAMED).map((x) => `/contacts/${x.id}`).sort());
    // asked again: the next ones (at most MAX_NAMED per ask), then nothing is left to read
    await admin(sandbox).resetCounters();
    const rest = colleagues.slice(MAX_NAMED, 2 * MAX_NAMED);
    await bg.ask('getColleagueNames', { contactId: c.id });
    expect((await requests()).map((r) => r.path).sort()).toEqual(rest.map((x) => `/contacts/${x.id}`).sort());
    await admin(sandbox).resetCounters();
    if (colleagues.length <= 2 * MAX_NAMED) {
      expect((await bg.ask('getColleagueNames', { contactId: c.id })).some((x) => x.unnamed)).toBe(false);
      expect(await requests()).toEqual([]);
    }
    expect((await contactViewItem(sandbox.locationId, c.id).getValue())!.colleagues.slice(0, MAX_NAMED).map((x) => x.name)).toEqual(expected);
  });

  it('reads no name when the rate budget is short', async () => {
    const c = business();
    await colleaguesOf(c.id);
    await squeezeBudget(false);
    await admin(sandbox).resetCounters();
    const named = await bg.ask('getColleagueNames', { contactId: c.id });
    expect(named.every((x) => x.unnamed)).toBe(true);
    expect(await requests()).toEqual([]);
  });
});
