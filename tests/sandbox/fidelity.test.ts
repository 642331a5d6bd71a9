// Conformance of the sandbox's stricter readings, each citing the note it follows
// (../shared/ghl-api/README.md, "§n"; ISSUE #n = github.com/GoHighLevel/highlevel-api-docs/issues/n):
// the search index lags writes, phone filters find nothing, the duplicate check reads E.164 with
// an encoded `+`, only documented search fields and list fields, search groups of filters with
// values of at most 75 characters, tag writes leave dateUpdated.
// Each lenient switch is off by default and turns the kinder reading back on.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/server.ts';
import { admin, call, specDir, type Body } from './helpers.ts';

let sb: Sandbox;
/** The sandbox's clock, moved by the tests (the index lag is measured on it). */
let clock = Date.now();
const LAG = 3_000;

beforeAll(async () => {
  sb = await startSandbox({ port: 0, partnerProxy: false, rateLimit: { max: 100_000 }, indexDelayMs: LAG });
  sb.ctx.now = () => clock;
});
afterAll(() => sb.close());
beforeEach(() => {
  sb.setConfig({ indexDelayMs: LAG, lenient: { phoneSearch: false, searchFields: false, listFields: false, tagWritesDateUpdated: false, searchGroups: false } });
});

const later = (ms: number) => (clock += ms);
const searchBody = (body: Record<string, unknown>) => call(sb, 'POST', '/contacts/search', { body: { locationId: sb.locationId, pageLimit: 100, ...body } });
const search = async (filters: unknown[]) => {
  const res = await searchBody({ filters });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.contacts as Body[];
};
const byEmail = (email: string) => search([{ field: 'email', operator: 'eq', value: email }]);
const create = async (fields: Record<string, unknown>) => {
  const res = await call(sb, 'POST', '/contacts/', { body: { locationId: sb.locationId, ...fields } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.contact as Body;
};
/** GET /contacts/search/duplicate with the query written as given (no encoding added). */
const duplicate = async (rawQuery: string) => {
  const res = await call(sb, 'GET', `/contacts/search/duplicate?locationId=${sb.locationId}&${rawQuery}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.contact as Body | null;
};

describe('the search index lags writes (§5, HOOP: "updates may take a few seconds to appear")', () => {
  it('a new contact is not found by search or the lists until the delay has passed; by id and as a duplicate at once', async () => {
    const c = await create({ firstName: 'Lag', lastName: 'New', email: 'lag.new@fidelity.example', phone: '+14155550901' });
    expect(await byEmail('lag.new@fidelity.example')).toEqual([]);
    const list = await call(sb, 'GET', '/contacts/', { query: { locationId: sb.locationId, query: 'lag.new@fidelity', limit: 100 } });
    expect(list.body.contacts).toEqual([]);
    expect((await call(sb, 'GET', `/contacts/${c.id}`)).status).toBe(200);
    expect((await duplicate('email=lag.new%40fidelity.example'))?.id).toBe(c.id);
    later(LAG - 1);
    expect(await byEmail('lag.new@fidelity.example')).toEqual([]);
    later(1);
    expect((await byEmail('lag.new@fidelity.example')).map((x) => x.id)).toEqual([c.id]);
  });

  it('an updated contact is found by its old values, shown with them, until the delay has passed', async () => {
    const c = await create({ firstName: 'Lag', lastName: 'Edit', email: 'lag.edit@fidelity.example' });
    later(LAG);
    expect((await call(sb, 'PUT', `/contacts/${c.id}`, { body: { email: 'lag.edited@fidelity.example', lastName: 'Edited' } })).status).toBe(200);
    expect(await byEmail('lag.edited@fidelity.example')).toEqual([]);
    expect(await byEmail('lag.edit@fidelity.example')).toMatchObject([{ id: c.id, lastName: 'Edit' }]);
    later(LAG);
    expect(await byEmail('lag.edit@fidelity.example')).toEqual([]);
    expect(await byEmail('lag.edited@fidelity.example')).toMatchObject([{ id: c.id, lastName: 'Edited' }]);
  });

  it('tag writes lag too, and writes in a row keep the index at the state before the first', async () => {
    const c = await create({ email: 'lag.tags@fidelity.example', tags: ['seen'] });
    later(LAG);
    const tagged = () => search([{ field: 'tags', operator: 'eq', value: 'lag-added' }, { field: 'email', operator: 'eq', value: 'lag.tags@fidelity.example' }]);
    expect((await call(sb, 'POST', `/contacts/${c.id}/tags`, { body: { tags: ['lag-added'] } })).status).toBe(201);
    later(LAG / 2);
    expect((await call(sb, 'POST', `/contacts/${c.id}/tags`, { body: { tags: ['lag-second'] } })).status).toBe(201);
    later(LAG / 2 + 1);
    expect(await tagged()).toEqual([]); // the second write started the delay again
    expect((await byEmail('lag.tags@fidelity.example'))[0].tags).toEqual(['seen']);
    later(LAG);
    expect((await tagged())[0].tags).toEqual(['seen', 'lag-added', 'lag-second']);
  });

  it('a deleted contact is still found until the delay has passed', async () => {
    const c = await create({ email: 'lag.gone@fidelity.example' });
    later(LAG);
    expect((await call(sb, 'DELETE', `/contacts/${c.id}`)).status).toBe(200);
    expect((await call(sb, 'GET', `/contacts/${c.id}`)).status).toBe(404);
    expect((await byEmail('lag.gone@fidelity.example')).map((x) => x.id)).toEqual([c.id]);
    later(LAG);
    expect(await byEmail('lag.gone@fidelity.example')).toEqual([]);
  });

  it('is off by default and set through the admin API', async () => {
    const plain = await startSandbox({ port: 0, partnerProxy: false });
    try {
      const res = await call(plain, 'POST', '/contacts/', { body: { locationId: plain.locationId, email: 'at.once@fidelity.example' } });
      const found = await call(plain, 'POST', '/contacts/search', { body: { locationId: plain.locationId, pageLimit: 1, filters: [{ field: 'email', operator: 'eq', value: 'at.once@fidelity.example' }] } });
      expect(found.body.contacts.map((x: Body) => x.id)).toEqual([res.body.contact.id]);
      expect((await admin.get(plain, 'config')).indexDelayMs).toBe(0);
      expect((await admin.send(plain, 'POST', 'config', { indexDelayMs: 1234 })).indexDelayMs).toBe(1234);
      expect(plain.ctx.index.delayMs).toBe(1234);
    } finally {
      await plain.close();
    }
  });
});

describe('phone search (§5, ISSUE #289: `phone eq` with the stored number found nothing)', () => {
  const amelia = '+14155550134'; // Amelia Clarke's stored phone

  it('a phone value filter finds no stored number, however it is written; exists still works', async () => {
    expect(await search([{ field: 'phone', operator: 'eq', value: amelia }])).toEqual([]);
    expect(await search([{ field: 'phone', operator: 'contains', value: '4155550134' }])).toEqual([]);
    const withPhone = await search([{ field: 'phone', operator: 'exists' }, { field: 'email', operator: 'eq', value: 'amelia.clarke@harbourdental.com' }]);
    expect(withPhone.map((c) => c.phone)).toEqual([amelia]);
  });

  it('the lenient reading finds stored numbers whatever their formatting', async () => {
    sb.setConfig({ lenient: { phoneSearch: true } });
    expect((await search([{ field: 'phone', operator: 'eq', value: '+1 (415) 555-0134' }])).map((c) => c.lastName)).toEqual(['Clarke']);
  });
});

describe('GET /contacts/search/duplicate (§4 #4: E.164 `number` with `+` encoded; email first, then phone)', () => {
  it('finds a contact by an E.164 number whose + is encoded as %2B', async () => {
    expect((await duplicate('number=%2B14155550134'))?.lastName).toBe('Clarke');
  });

  it('a raw + arrives as a space: the number is not E.164 and matches nothing (stricter reading); the lenient one takes it', async () => {
    expect(await duplicate('number=+14155550134')).toBeNull();
    expect(await duplicate('number=4155550134')).toBeNull();
    sb.setConfig({ lenient: { phoneSearch: true } });
    expect((await duplicate('number=+14155550134'))?.lastName).toBe('Clarke');
    expect((await duplicate('number=4155550134'))?.lastName).toBe('Clarke');
  });

  it('finds by email (encoded), and with both, the email decides before the phone', async () => {
    expect((await duplicate('email=Maya.Okafor%40brightpath.io'))?.lastName).toBe('Okafor');
    const both = await duplicate('email=maya.okafor%40brightpath.io&number=%2B14155550134');
    expect(both?.lastName).toBe('Okafor');
    expect((await duplicate('email=nobody%40fidelity.example&number=%2B14155550134'))?.lastName).toBe('Clarke');
    expect(await duplicate('email=nobody%40fidelity.example')).toBeNull();
  });

  it('where duplicates are allowed, the first contact added with the value is the one answered', async () => {
    const phone = sb.seed.duplicatePhones[0]!;
    const sharing = sb.state.contactsOf(sb.locationId).filter((c) => c.phone === phone).sort((a, b) => a.dateAdded.localeCompare(b.dateAdded));
    expect(sharing).toHaveLength(2);
    expect((await duplicate(`number=${encodeURIComponent(phone)}`))?.id).toBe(sharing[0]!.id);
  });
});

describe('only documented search fields (§5: email, phone, first/lastNameLowerCase, dnd, tags, dateAdded, assignedTo, DND fields; customFields.<id>, ISSUE #42)', () => {
  it('website and companyName filters and sorts are refused as HighLevel refuses an unknown field (400 "Invalid field", ISSUE #289)', async () => {
    for (const field of ['website', 'companyName', 'firstName', 'city']) {
      const res = await searchBody({ filters: [{ field, operator: 'contains', value: 'x' }] });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, message: `Invalid field ${field}` });
    }
    expect((await searchBody({ sort: [{ field: 'companyName', direction: 'asc' }] })).status).toBe(400);
    expect((await searchBody({ sort: [{ field: 'firstNameLowerCase', direction: 'asc' }] })).status).toBe(200);
  });

  it('a documented custom-field filter works', async () => {
    const jobTitle = sb.state.customFields.get(sb.locationId)!.find((f) => f.fieldKey === 'contact.job_title')!;
    const withTitle = sb.state.contactsOf(sb.locationId).find((c) => c.customFields.some((f) => f.id === jobTitle.id))!;
    const value = withTitle.customFields.find((f) => f.id === jobTitle.id)!.value;
    const found = await search([{ field: `customFields.${jobTitle.id}`, operator: 'eq', value }]);
    expect(found.map((c) => c.id)).toContain(withTitle.id);
  });

  it('the lenient reading accepts them', async () => {
    sb.setConfig({ lenient: { searchFields: true } });
    expect((await search([{ field: 'website', operator: 'contains', value: 'linkedin.com/in/priya-raman' }])).map((c) => c.lastName)).toEqual(['Raman']);
    expect((await search([{ field: 'companyName', operator: 'contains', value: 'nordwerk' }])).map((c) => c.lastName)).toEqual(['Brenner']);
  });
});

describe('search groups (§5: `{group: "AND"|"OR", filters: [...]}` of filter items, top-level items ANDed; values ≤75 chars)', () => {
  const emails = () => sb.state.contactsOf(sb.locationId).filter((c) => c.email).slice(0, 40).map((c) => c.email!.toLowerCase());
  const eq = (value: string) => ({ field: 'email', operator: 'eq', value });

  it('an OR group finds the contacts of any of its filters: one request looks up 40 emails', async () => {
    const wanted = emails();
    const found = await search([{ group: 'OR', filters: [...wanted.map(eq), eq('nobody@nowhere.example')] }]);
    expect(found.map((c) => String(c.email).toLowerCase()).sort()).toEqual([...wanted].sort());
  });

  it('top-level items are ANDed: a group beside a filter narrows it', async () => {
    const [a, b] = sb.state.contactsOf(sb.locationId).filter((c) => c.email && c.firstNameLowerCase);
    const found = await search([{ group: 'OR', filters: [eq(a!.email!.toLowerCase()), eq(b!.email!.toLowerCase())] }, { field: 'firstNameLowerCase', operator: 'eq', value: a!.firstNameLowerCase }]);
    expect(found.map((c) => c.id)).toContain(a!.id);
    expect(found.map((c) => c.id)).not.toContain(b!.id);
  });

  it('one value over 75 characters anywhere refuses the whole search (422), inside a group or a list too', async () => {
    const long = `${'x'.repeat(86)}@example.com`; // 98 characters
    for (const filters of [[eq(long)], [{ group: 'OR', filters: [...emails().map(eq), eq(long)] }], [{ field: 'tags', operator: 'eq', value: ['vip', 'y'.repeat(76)] }]]) {
      const res = await searchBody({ filters });
      expect(res.status).toBe(422);
      expect(JSON.stringify(res.body.message)).toContain('75 characters');
    }
  });

  it('a group inside a group is refused (the notes show groups of filters only); the lenient reading takes it', async () => {
    const [first] = emails();
    const nested = [{ group: 'OR', filters: [{ group: 'AND', filters: [eq(first!)] }] }];
    const res = await searchBody({ filters: nested });
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.body.message)).toContain('groups hold filters');
    sb.setConfig({ lenient: { searchGroups: true } });
    expect((await search(nested)).map((c) => String(c.email).toLowerCase())).toEqual([first]);
  });
});

describe('the lists answer ContactsSearchSchema (apps/contacts.json): only its fields', () => {
  const schema = JSON.parse(readFileSync(path.join(specDir, 'apps/contacts.json'), 'utf8')).components.schemas.ContactsSearchSchema;
  const documented = Object.keys(schema.properties as object);
  const listed = async () => {
    const deprecated = await call(sb, 'GET', '/contacts/', { query: { locationId: sb.locationId, limit: 50 } });
    const withBusiness = sb.state.contactsOf(sb.locationId).find((c) => c.businessId)!;
    const business = await call(sb, 'GET', `/contacts/business/${withBusiness.businessId}`, { query: { locationId: sb.locationId } });
    expect([deprecated.status, business.status]).toEqual([200, 200]);
    return [...deprecated.body.contacts, ...business.body.contacts] as Body[];
  };

  it('the deprecated list and the business list carry no field the schema does not list (no names, phone, company)', async () => {
    const items = await listed();
    expect(items.length).toBeGreaterThan(50);
    const extra = new Set(items.flatMap((c) => Object.keys(c).filter((k) => !documented.includes(k))));
    expect([...extra]).toEqual([]);
    expect(items.every((c) => typeof c.id === 'string' && Array.isArray(c.tags))).toBe(true);
  });

  it('the lenient reading sends whole contacts', async () => {
    sb.setConfig({ lenient: { listFields: true } });
    const items = await listed();
    expect(items.some((c) => typeof c.firstName === 'string' && typeof c.phone === 'string')).toBe(true);
  });
});

describe('tag writes leave dateUpdated (their answer is only `{tags}`, §4 #22/#23; nothing documents a change)', () => {
  const amelia = () => sb.seed.partnerContactIds['Amelia Clarke']!;
  const updatedAt = async () => (await call(sb, 'GET', `/contacts/${amelia()}`)).body.contact.dateUpdated as string;

  it('adding, removing and bulk-tagging leave it; an update changes it', async () => {
    const before = await updatedAt();
    later(60_000);
    expect((await call(sb, 'POST', `/contacts/${amelia()}/tags`, { body: { tags: ['fidelity'] } })).status).toBe(201);
    expect((await call(sb, 'DELETE', `/contacts/${amelia()}/tags`, { body: { tags: ['fidelity'] } })).status).toBe(200);
    expect((await call(sb, 'POST', '/contacts/bulk/tags/update/add', { body: { locationId: sb.locationId, contacts: [amelia()], tags: ['fidelity-bulk'] } })).status).toBe(201);
    expect(await updatedAt()).toBe(before);
    expect((await call(sb, 'PUT', `/contacts/${amelia()}`, { body: { city: 'Oakland' } })).status).toBe(200);
    expect(await updatedAt()).toBe(new Date(clock).toISOString());
  });

  it('the lenient reading changes it on a tag write', async () => {
    sb.setConfig({ lenient: { tagWritesDateUpdated: true } });
    later(60_000);
    expect((await call(sb, 'POST', `/contacts/${amelia()}/tags`, { body: { tags: ['fidelity-2'] } })).status).toBe(201);
    expect(await updatedAt()).toBe(new Date(clock).toISOString());
  });
});

describe('the lenient switches', () => {
  it('are all off by default and set through the admin API', async () => {
    const plain = await startSandbox({ port: 0, partnerProxy: false });
    try {
      expect((await admin.get(plain, 'config')).lenient).toEqual({ phoneSearch: false, searchFields: false, listFields: false, tagWritesDateUpdated: false, searchGroups: false });
      const after = await admin.send(plain, 'POST', 'config', { lenient: { phoneSearch: true, listFields: 'yes' } });
      expect(after.lenient).toEqual({ phoneSearch: true, searchFields: false, listFields: false, tagWritesDateUpdated: false, searchGroups: false });
    } finally {
      await plain.close();
    }
  });
});
