// The location's lists (users, tags, custom fields, pipelines, lost reasons, workflows) are kept in
// storage.session as well as in memory: the browser stops an idle worker after 30 s, and without
// them the next record waited behind six list reads. Kept ten minutes from when they were read,
// never when a list failed, and forgotten when the connection is made again or signed out. A
// fresh record the user asks for (Refresh) reads them again, with the record.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { keptListsItem } from '../../lib/record';
import { CONFIRM_WAIT_MS } from '../../lib/outbox/contact-writes';
import { openSandbox, type Sandbox } from '../ghl/sandbox-helpers';
import { connectedBackground } from '../background/harness';

let sandbox: Sandbox;
let bg: Awaited<ReturnType<typeof connectedBackground>>;

beforeAll(async () => {
  sandbox = await openSandbox({ rateLimit: { max: 10_000 } });
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  sandbox.setFaults({ errorRate: 0, latencyMs: 0, paths: [] });
  bg = await connectedBackground(sandbox);
});

const LIST_PATHS = [/^\/users\/$/, /\/tags$/, /\/customFields$/, /^\/opportunities\/pipelines$/, /^\/opportunities\/lost-reason$/, /^\/workflows\/$/];

/** the GETs the sandbox saw since `since`, of the lists, or of the paths given */
const reads = (since: number, paths = LIST_PATHS) =>
  sandbox.ctx.log.recent(2000).filter((r) => Date.parse(r.time) >= since && r.method === 'GET' && paths.some((p) => p.test(r.path)));
const listReads = (since: number) => reads(since).map((r) => r.path);
const CONTACT = [/^\/contacts\/[^/]+$/];

/** a restarted worker reads the record again (the revalidation a visible sidebar asks for every minute), then answers it */
async function readAgainAfterRestart() {
  const restarted = bg.restart();
  await restarted.ask('revalidateContact', { contactId: contact() });
  return { restarted, ...(await restarted.ask('getContactDetails', { contactId: contact() })) };
}

const contact = () => sandbox.seed.partnerContactIds['Maya Okafor']!;

describe('the location’s lists across a worker restart', () => {
  it('are not read again by a restarted worker, which still names the owners and the stages', async () => {
    const first = await bg.ask('getContactDetails', { contactId: contact(), fresh: true });
    expect(await keptListsItem(bg.connection.id).getValue()).not.toBeNull();

    const since = Date.now();
    const { restarted, details } = await readAgainAfterRestart();
    expect(reads(since, CONTACT)).toHaveLength(1); // the record was read again
    expect(listReads(since)).toEqual([]);
    expect(details.opportunities?.length).toBeGreaterThan(0);
    // named from the kept users and pipelines
    const named = (d: typeof details) => d.opportunities?.map((o) => [o.ownerName, o.pipelineName, o.stageName]);
    expect(named(details)?.flat().every(Boolean)).toBe(true);
    expect(named(details)).toEqual(named(first.details));
    const lists = await restarted.ask('getLocationLists', undefined);
    expect(lists.users.length).toBeGreaterThan(0);
    expect(lists.pipelines.length).toBeGreaterThan(0);
    expect(listReads(since)).toEqual([]);
  });

  it('are read again after ten minutes', async () => {
    await bg.ask('getContactDetails', { contactId: contact(), fresh: true });
    const item = keptListsItem(bg.connection.id);
    const kept = (await item.getValue())!;
    await item.setValue({ ...kept, at: Date.now() - 601_000 });
    const since = Date.now();
    await readAgainAfterRestart();
    expect(listReads(since).length).toBe(LIST_PATHS.length);
  });

  it('are not kept when a list failed, and are read again', async () => {
    sandbox.setFaults({ errorRate: 1, paths: ['/users/'] });
    await bg.ask('getContactDetails', { contactId: contact(), fresh: true });
    sandbox.setFaults({ errorRate: 0, paths: [] });
    expect(await keptListsItem(bg.connection.id).getValue()).toBeNull();
    const since = Date.now();
    await readAgainAfterRestart();
    expect(listReads(since).length).toBe(LIST_PATHS.length);
  });

  it('are forgotten when the connection is made again (other scopes) and at sign-out', async () => {
    await bg.ask('getContactDetails', { contactId: contact(), fresh: true });
    const loc = sandbox.locations[0]!;
    const again = await bg.ask('connectWithToken', { baseUrl: sandbox.baseUrl, locationId: loc.id, token: loc.token });
    expect(await keptListsItem(again.id).getValue()).toBeNull();
    await bg.ask('getContactDetails', { contactId: contact(), fresh: true });
    expect(await keptListsItem(again.id).getValue()).not.toBeNull();
    await bg.ask('signOut', again.id);
    expect(await keptListsItem(again.id).getValue()).toBeNull();
  });

  it('are read again with a fresh record the user asks for (Refresh), in the same round trip', async () => {
    await bg.ask('getContactDetails', { contactId: contact(), fresh: true });
    const since = Date.now();
    await bg.ask('getContactDetails', { contactId: contact() }); // kept: nothing read
    expect(reads(since, [...LIST_PATHS, ...CONTACT])).toEqual([]);
    sandbox.setFaults({ latencyMs: 150, paths: [] }); // answers take long enough to tell one round from two
    await bg.ask('getContactDetails', { contactId: contact(), fresh: true });
    sandbox.setFaults({ latencyMs: 0 });
    const lists = reads(since);
    expect(lists.map((r) => r.path)).toHaveLength(LIST_PATHS.length);
    // every list went out before the contact's own read was answered: one round trip
    const contactAnswered = Math.min(...reads(since, CONTACT).map((r) => Date.parse(r.time) + r.durationMs));
    expect(Math.max(...lists.map((r) => Date.parse(r.time)))).toBeLessThanOrEqual(contactAnswered);
    expect(await keptListsItem(bg.connection.id).getValue()).not.toBeNull();
  });
});

describe('a new tag HighLevel refuses', () => {
  it('leaves the type-ahead and the recent tags again; a tag it took stays in both', async () => {
    await bg.ask('getLocationLists', undefined);
    sandbox.setFaults({ errorRate: 1, errorStatuses: [422], methods: ['POST'], paths: [`/contacts/${contact()}/tags`] });
    const refused = await bg.send('addTags', { contactId: contact(), tags: ['never-taken'] });
    expect(refused.ok).toBe(false);
    sandbox.setFaults({ errorRate: 0, paths: [] });
    await bg.ask('addTags', { contactId: contact(), tags: ['brand-new-ok'] });
    const lists = await bg.ask('getLocationLists', undefined);
    expect(lists.tags).not.toContain('never-taken');
    expect(lists.recentTags).not.toContain('never-taken');
    expect(lists.tags).toContain('brand-new-ok');
    expect(lists.recentTags[0]).toBe('brand-new-ok');
  });
});

describe('a tag change held behind a refused one', () => {
  it('is answered at once, with the record saying it is held (no wait for an answer that cannot come)', async () => {
    await bg.ask('getContactDetails', { contactId: contact() });
    sandbox.setFaults({ errorRate: 1, errorStatuses: [422], methods: ['POST'], paths: [`/contacts/${contact()}/tags`] });
    expect((await bg.send('addTags', { contactId: contact(), tags: ['refused-first'] })).ok).toBe(false);
    sandbox.setFaults({ errorRate: 0, paths: [] });
    const asked = Date.now();
    const held = await bg.send('addTags', { contactId: contact(), tags: ['waits-behind'] });
    // not sent (it waits behind the refused one): without this rule the answer came after CONFIRM_WAIT_MS
    expect(Date.now() - asked).toBeLessThan(CONFIRM_WAIT_MS);
    expect(held).toMatchObject({ ok: true, value: expect.arrayContaining(['waits-behind']) });
    expect((await bg.ask('getContactDetails', { contactId: contact() })).details.held).toBe(1);
  });
});
