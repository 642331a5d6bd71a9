// Many people looked up in few requests, against the sandbox over HTTP: emails asked together go
// out as one search with an OR group (100 per request), names and companies likewise; the rules
// decide each person as before. A search HighLevel refuses costs only the value it refuses.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGhlClient, GhlError, RateLimiter, type GhlClient } from '../../lib/ghl';
import { contactLookup, matchPerson } from '../../lib/match';
import type { DetectedPerson } from '../../lib/detect';
import { largeListContacts } from '../../sandbox/partners/large-list';
import { admin, openSandbox, type Sandbox } from '../ghl/sandbox-helpers';

let sandbox: Sandbox;
let client: GhlClient;

beforeAll(async () => {
  sandbox = await openSandbox();
  client = createGhlClient({
    baseUrl: sandbox.baseUrl,
    locationId: sandbox.locationId,
    tokens: { get: async () => sandbox.token, refresh: async () => sandbox.token },
    limiter: new RateLimiter(),
  });
});
afterAll(() => sandbox.close());
beforeEach(() => admin(sandbox).resetCounters());

const lookUps = async () => (await admin(sandbox).requests()).requests.filter((r) => r.path.startsWith('/contacts/search'));
const leads = largeListContacts();
const asPerson = (c: (typeof leads)[number]): DetectedPerson => ({ name: `${c.firstName} ${c.lastName}`, email: c.email!, company: c.companyName });

describe('matching many people in few requests', () => {
  it('matches the 200 people of a lead list by email with 2 searches (100 emails in each one’s OR group)', async () => {
    const lookup = contactLookup(client);
    const matches = await Promise.all(leads.map((c) => matchPerson(asPerson(c), lookup)));
    expect(matches.map((m) => [m.state, m.reason, m.contact?.id])).toEqual(leads.map((c) => ['matched', 'email', c.id]));
    const sent = await lookUps();
    expect(sent).toHaveLength(2);
    expect(sent.every((r) => r.status === 200)).toBe(true);
  });

  it('people not found by email go on to name and company together: 200 made-up people, at most 12 searches, all missing', async () => {
    const lookup = contactLookup(client);
    const strangers = leads.map((c, i) => ({ name: `Nobody${i} Stranger${i}`, email: `nobody${i}@nowhere.example`, company: `Void ${i}` }));
    const matches = await Promise.all(strangers.map((p) => matchPerson(p, lookup)));
    expect(new Set(matches.map((m) => m.state))).toEqual(new Set(['missing']));
    // emails 100 per search; the names of each email search's 100 people, 25 per search
    expect((await lookUps()).length).toBeLessThanOrEqual(2 + 8);
  });

  it('finds by name and company in a batch, only the exact pairs and company (an OR group of first names beside one of last names)', async () => {
    const lookup = contactLookup(client);
    const [a, b, c] = leads.filter((x) => x.companyName);
    const people = [
      { name: `${a!.firstName} ${a!.lastName}`, company: a!.companyName },
      { name: `${b!.firstName} ${b!.lastName}`, company: b!.companyName },
      { name: `${a!.firstName} ${b!.lastName}`, company: b!.companyName }, // a pairing of the two: nobody
      { name: `${c!.firstName} ${c!.lastName}`, company: 'Another Company' },
    ];
    const matches = await Promise.all(people.map((p) => matchPerson(p, lookup)));
    expect(matches.map((m) => [m.state, m.contact?.id])).toEqual([['matched', a!.id], ['matched', b!.id], ['missing', undefined], ['missing', undefined]]);
    expect(matches[0]!.reason).toBe('name+company');
    expect(await lookUps()).toHaveLength(1);
  });

  it('a search HighLevel refuses is asked again in halves: only the value it refuses finds nothing, everyone else is matched', async () => {
    // a client whose searches are refused (422) whenever they hold the one value HighLevel would not take
    const refusing: GhlClient = {
      ...client,
      contacts: {
        ...client.contacts,
        search: (body, o) => (JSON.stringify(body.filters).includes('refused@') ? Promise.reject(new GhlError('validation', { status: 422 })) : client.contacts.search(body, o)),
      },
    };
    const lookup = contactLookup(refusing);
    const people = leads.slice(0, 50).map(asPerson);
    people[37] = { email: 'refused@example.com' };
    const matches = await Promise.all(people.map((p) => matchPerson(p, lookup)));
    expect(matches[37]).toMatchObject({ state: 'missing' });
    expect(matches.filter((m) => m.state === 'matched')).toHaveLength(49);
    expect((await lookUps()).length).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(50)));
  });

  it('never sends a value over 75 characters: that rule finds nothing for that person, the page is matched', async () => {
    const lookup = contactLookup(client);
    const long = `${'x'.repeat(86)}@example.com`;
    const matches = await Promise.all([{ email: long, name: 'Long Mail' }, ...leads.slice(0, 3).map(asPerson)].map((p) => matchPerson(p, lookup)));
    expect(matches.map((m) => m.state)).toEqual(['missing', 'matched', 'matched', 'matched']);
    const sent = await lookUps();
    expect(sent.every((r) => r.status === 200)).toBe(true);
  });
});
