// POST /contacts/search semantics: operators, AND/OR groups, tags, sort, page and searchAfter paging,
// free-text query, invalid fields, on the fields HighLevel documents (fidelity.test.ts covers the
// stricter readings: phone filters, undocumented fields, the index lag).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/server.ts';
import type { Contact } from '../../sandbox/types.ts';
import { call } from './helpers.ts';

let sb: Sandbox;
let all: Contact[];
beforeAll(async () => {
  sb = await startSandbox({ port: 0, partnerProxy: false, rateLimit: { max: 100_000 } });
  all = sb.state.contactsOf(sb.locationId);
});
afterAll(() => sb.close());

const search = async (body: Record<string, unknown>) => {
  const res = await call(sb, 'POST', '/contacts/search', { body: { locationId: sb.locationId, pageLimit: 500, ...body } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { contacts: (Contact & { searchAfter: unknown[] })[]; total: number };
};

describe('filters', () => {
  it('eq is case-insensitive on email', async () => {
    expect((await search({ filters: [{ field: 'email', operator: 'eq', value: 'MAYA.OKAFOR@brightpath.io' }] })).total).toBe(1);
  });

  it('contains / not_contains / exists / not_exists / not_eq', async () => {
    const gmail = await search({ filters: [{ field: 'email', operator: 'contains', value: 'gmail.com' }] });
    expect(gmail.total).toBe(all.filter((c) => c.emailLowerCase?.includes('gmail.com')).length);
    expect(gmail.total).toBeGreaterThan(0);
    const notGmail = await search({ filters: [{ field: 'email', operator: 'not_contains', value: 'gmail.com' }] });
    expect(gmail.total + notGmail.total).toBe(all.length);
    const noEmail = await search({ filters: [{ field: 'email', operator: 'not_exists' }] });
    const withEmail = await search({ filters: [{ field: 'email', operator: 'exists' }] });
    expect(noEmail.total).toBe(all.filter((c) => !c.email).length);
    expect(noEmail.total + withEmail.total).toBe(all.length);
    const reachable = await search({ filters: [{ field: 'dnd', operator: 'not_eq', value: true }] });
    expect(reachable.total).toBe(all.filter((c) => !c.dnd).length);
    expect(reachable.contacts.every((c) => c.dnd === false)).toBe(true);
  });

  it('tags and names', async () => {
    const hot = await search({ filters: [{ field: 'tags', operator: 'eq', value: 'expo-2026' }] });
    expect(hot.total).toBe(all.filter((c) => c.tags.includes('expo-2026')).length);
    expect(hot.contacts.every((c) => c.tags.includes('expo-2026'))).toBe(true);
    const anyOf = await search({ filters: [{ field: 'tags', operator: 'eq', value: ['expo-2026', 'wholesale'] }] });
    expect(anyOf.total).toBe(all.filter((c) => c.tags.includes('expo-2026') || c.tags.includes('wholesale')).length);
    expect((await search({ filters: [{ field: 'firstNameLowerCase', operator: 'eq', value: 'sofia' }, { field: 'lastNameLowerCase', operator: 'eq', value: 'Lindqvist' }] })).total).toBe(1);
  });

  it('AND/OR groups and range on dateAdded', async () => {
    const res = await search({ filters: [{ group: 'OR', filters: [{ field: 'email', operator: 'eq', value: 'diego@lumacraft.co' }, { field: 'email', operator: 'eq', value: 'maya.okafor@brightpath.io' }] }] });
    expect(res.contacts.map((c) => c.firstName).sort()).toEqual(['Diego', 'Maya']);
    const and = await search({ filters: [{ group: 'AND', filters: [{ field: 'tags', operator: 'eq', value: 'linkedin-lead' }, { field: 'email', operator: 'not_exists' }] }] });
    expect(and.contacts.map((c) => c.firstName).sort()).toEqual(expect.arrayContaining(['Lukas', 'Priya']));
    const since = new Date(Date.now() - 30 * 86_400_000).toISOString();
    const recent = await search({ filters: [{ field: 'dateAdded', operator: 'range', value: { gte: since } }] });
    expect(recent.total).toBe(all.filter((c) => c.dateAdded >= since).length);
  });

  it('search results omit dndSettings', async () => {
    const dnd = await search({ filters: [{ field: 'dnd', operator: 'eq', value: true }] });
    expect(dnd.total).toBeGreaterThan(0);
    expect(dnd.contacts.every((c) => c.dnd === true && c.dndSettings === undefined)).toBe(true);
  });

  it('unknown field → 400 "Invalid field", bad operator → 422', async () => {
    const bad = await call(sb, 'POST', '/contacts/search', { body: { locationId: sb.locationId, pageLimit: 1, filters: [{ field: 'additional_phones', operator: 'eq', value: '1' }] } });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe('Invalid field additional_phones');
    const op = await call(sb, 'POST', '/contacts/search', { body: { locationId: sb.locationId, pageLimit: 1, filters: [{ field: 'email', operator: 'like', value: 'x' }] } });
    expect(op.status).toBe(422);
    expect(Array.isArray(op.body.message)).toBe(true);
  });
});

describe('sort and paging', () => {
  it('default sort is dateAdded desc; sort by lastNameLowerCase asc works', async () => {
    const def = await search({ pageLimit: 50 });
    const dates = def.contacts.map((c) => c.dateAdded);
    expect(dates).toEqual([...dates].sort().reverse());
    const byName = await search({ pageLimit: 50, sort: [{ field: 'lastNameLowerCase', direction: 'asc' }] });
    const names = byName.contacts.map((c) => c.lastNameLowerCase ?? '');
    expect(names).toEqual([...names].sort());
  });

  it('page and searchAfter walk the same sequence without overlap', async () => {
    const p1 = await search({ pageLimit: 20, page: 1 });
    const p2 = await search({ pageLimit: 20, page: 2 });
    const after = await search({ pageLimit: 20, searchAfter: p1.contacts.at(-1)!.searchAfter });
    expect(after.contacts.map((c) => c.id)).toEqual(p2.contacts.map((c) => c.id));
    expect(new Set([...p1.contacts, ...p2.contacts].map((c) => c.id)).size).toBe(40);
    expect(p1.total).toBe(all.length);
  });

  it('free-text query matches name, email and company', async () => {
    const res = await search({ query: 'harbour dental' });
    expect(res.contacts.map((c) => c.email)).toContain('amelia.clarke@harbourdental.com');
  });
});
