// Seeded data: partner people exactly as sandbox/partners/people.ts declares (found by email, by phone
// only, by LinkedIn website only, or absent), realistic volume and variety, duplicates, determinism.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partnerPeople } from '../../sandbox/partners/people.ts';
import { seedWorld } from '../../sandbox/seed.ts';
import { startSandbox, type Sandbox } from '../../sandbox/server.ts';
import { call, type Body } from './helpers.ts';

let sb: Sandbox;
beforeAll(async () => {
  // the data is checked here, not the search: its kinder readings find phones and websites as stored
  sb = await startSandbox({ port: 0, partnerProxy: false, rateLimit: { max: 100_000 }, lenient: { phoneSearch: true, searchFields: true } });
});
afterAll(() => sb.close());

const search = async (filters: unknown[]) =>
  (await call(sb, 'POST', '/contacts/search', { body: { locationId: sb.locationId, pageLimit: 10, filters } })).body.contacts as Record<string, Body>[];

describe('partner people in the first location', () => {
  for (const p of partnerPeople) {
    it(`${p.firstName} ${p.lastName} (${p.site}) is ${p.inGhl === 'missing' ? 'absent' : `found by ${p.inGhl}`}`, async () => {
      const byEmail = p.email ? await search([{ field: 'email', operator: 'eq', value: p.email }]) : [];
      const byPhone = p.phone ? await search([{ field: 'phone', operator: 'eq', value: p.phone }]) : [];
      const byLinkedIn = p.linkedin ? await search([{ field: 'website', operator: 'eq', value: p.linkedin }]) : [];
      const byName = await search([{ field: 'firstNameLowerCase', operator: 'eq', value: p.firstName.toLowerCase() }, { field: 'lastNameLowerCase', operator: 'eq', value: p.lastName.toLowerCase() }]);
      if (p.inGhl === 'missing') {
        expect([byEmail, byPhone, byLinkedIn, byName].map((r) => r.length)).toEqual([0, 0, 0, 0]);
        expect(sb.seed.partnerContactIds[`${p.firstName} ${p.lastName}`]).toBeUndefined();
        return;
      }
      expect(byName).toHaveLength(1);
      const c = byName[0]!;
      expect(c).toMatchObject({ firstName: p.firstName, lastName: p.lastName, companyName: p.company, tags: p.tags, locationId: sb.locationId });
      if (p.inGhl === 'email') {
        expect(byEmail.map((x) => x.id)).toEqual([c.id]);
        expect(c.email).toBe(p.email);
        expect(c.phone).toBe(p.phone);
      } else if (p.inGhl === 'phone') {
        expect(byPhone.map((x) => x.id)).toEqual([c.id]);
        expect(byEmail).toHaveLength(0);
        expect(c.email).toBeUndefined();
      } else {
        expect(byLinkedIn.map((x) => x.id)).toEqual([c.id]);
        expect(c.email).toBeUndefined();
        expect(c.phone).toBeUndefined();
      }
      const [tasks, notes, events] = await Promise.all(['tasks', 'notes', 'appointments'].map((k) => call(sb, 'GET', `/contacts/${c.id}/${k}`)));
      expect(tasks!.body.tasks.length).toBeGreaterThan(0);
      expect(notes!.body.notes.length).toBeGreaterThan(0);
      expect(events!.body.events.length).toBeGreaterThan(0);
      if (p.title) expect(c.customFields).toContainEqual(expect.objectContaining({ value: p.title }));
    });
  }
});

describe('volume and variety', () => {
  it('two named locations, ~2,000 contacts, 3–5 users each, E.164 phones from several countries', () => {
    expect(sb.locations.map((l) => l.name)).toEqual(['Northstar Growth Agency', 'Bayside Realty']);
    expect(sb.locations.every((l) => /^pit-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(l.token))).toBe(true);
    expect(sb.state.contacts.size).toBe(2000);
    for (const l of sb.locations) expect(sb.state.usersOf(l.id).length).toBeGreaterThanOrEqual(3);
    for (const l of sb.locations) expect(sb.state.usersOf(l.id).length).toBeLessThanOrEqual(5);
    const all = [...sb.state.contacts.values()];
    const phones = all.map((c) => c.phone).filter(Boolean) as string[];
    expect(phones.every((p) => /^\+[1-9]\d{7,14}$/.test(p))).toBe(true);
    expect(new Set(phones.map((p) => p.slice(0, 3))).size).toBeGreaterThanOrEqual(5);
    expect(all.filter((c) => c.dnd).length).toBeGreaterThan(5);
    expect(all.filter((c) => !c.email).length).toBeGreaterThan(50);
    const perBusiness = new Map<string, number>();
    for (const c of all) if (c.businessId) perBusiness.set(c.businessId, (perBusiness.get(c.businessId) ?? 0) + 1);
    expect([...perBusiness.values()].some((n) => n >= 3)).toBe(true);
    const tasks = [...sb.state.tasks.values()].flat();
    const now = Date.now();
    expect(tasks.some((t) => t.completed) && tasks.some((t) => !t.completed)).toBe(true);
    expect(tasks.some((t) => Date.parse(t.dueDate) < now) && tasks.some((t) => Date.parse(t.dueDate) > now)).toBe(true);
    const users = new Set([...sb.state.users.keys()]);
    expect(tasks.every((t) => t.assignedTo && users.has(t.assignedTo))).toBe(true);
  });

  it('has deliberate duplicates: two contacts sharing a phone', async () => {
    expect(sb.seed.duplicatePhones.length).toBeGreaterThanOrEqual(1);
    for (const phone of sb.seed.duplicatePhones) {
      const hits = await search([{ field: 'phone', operator: 'eq', value: phone }]);
      expect(hits).toHaveLength(2);
    }
  });
});

describe('determinism', () => {
  it('the same seed gives the same contacts, tokens and ids; another seed does not', async () => {
    const now = Date.UTC(2026, 0, 15);
    const first = (seed: number) => {
      const w = seedWorld({ seed, now });
      return { tokens: w.locations.map((l) => l.token), contacts: [...w.store.contacts.values()].slice(0, 50).map((c) => [c.id, c.firstName, c.lastName, c.email, c.phone, c.tags.join()]) };
    };
    expect(first(7)).toEqual(first(7));
    expect(first(8).contacts).not.toEqual(first(7).contacts);
    const again = await startSandbox({ port: 0, partnerProxy: false, seed: 42 });
    try {
      expect(again.token).toBe(sb.token);
      expect(again.locationId).toBe(sb.locationId);
      expect([...again.state.contacts.keys()].slice(0, 100)).toEqual([...sb.state.contacts.keys()].slice(0, 100));
    } finally {
      await again.close();
    }
  });
});
