// The location's lists (users, tags, custom fields, pipelines, lost reasons, workflows) are kept in
// storage.session as well as in memory: the browser stops an idle worker after 30 s, and without
// them the next record waited behind six list reads. Kept ten minutes from when they were read,
// never when a list failed, and forgotten when the connection is made again or signed out.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { keptListsItem } from '../../lib/record';
import { openSandbox, type Sandbox } from '../ghl/sandbox-helpers';
import { connectedBackground } from '../background/harness';

let sandbox: Sandbox;
let bg: Awaited<ReturnType<typeof connectedBackground>>;

beforeAll(async () => {
  sandbox = await openSandbox({ rateLimit: { max: 10_000 } });
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  sandbox.setFaults({ errorRate: 0, paths: [] });
  bg = await connectedBackground(sandbox);
});

const LIST_PATHS = [/^\/users\/$/, /\/tags$/, /\/customFields$/, /^\/opportunities\/pipelines$/, /^\/opportunities\/lost-reason$/, /^\/workflows\/$/];

/** the list reads the sandbox saw since `since` */
const listReads = (since: number) =>
  sandbox.ctx.log.recent(2000).filter((r) => Date.parse(r.time) >= since && r.method === 'GET' && LIST_PATHS.some((p) => p.test(r.path))).map((r) => r.path);

const contact = () => sandbox.seed.partnerContactIds['Maya Okafor']!;

describe('the location’s lists across a worker restart', () => {
  it('are not read again by a restarted worker, which still names the owners and the stages', async () => {
    const first = await bg.ask('getContactDetails', { contactId: contact(), fresh: true });
    expect(await keptListsItem(bg.connection.id).getValue()).not.toBeNull();

    const since = Date.now();
    const restarted = bg.restart();
    const { details } = await restarted.ask('getContactDetails', { contactId: contact(), fresh: true });
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
    await bg.restart().ask('getContactDetails', { contactId: contact(), fresh: true });
    expect(listReads(since).length).toBe(LIST_PATHS.length);
  });

  it('are not kept when a list failed, and are read again', async () => {
    sandbox.setFaults({ errorRate: 1, paths: ['/users/'] });
    await bg.ask('getContactDetails', { contactId: contact(), fresh: true });
    sandbox.setFaults({ errorRate: 0, paths: [] });
    expect(await keptListsItem(bg.connection.id).getValue()).toBeNull();
    const since = Date.now();
    await bg.restart().ask('getContactDetails', { contactId: contact(), fresh: true });
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
});
