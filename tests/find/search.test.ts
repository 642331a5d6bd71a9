// The sidebar's search box, answered by the real handlers over the sandbox: only extension pages
// may ask (a content script is refused and nothing reaches HighLevel), nothing is sent under 2
// characters, results carry name, email, phone, company and tags, an answer is reused briefly, an
// older search answered after a newer one of the same sidebar is dropped, and the search goes
// through the user's lane while a page's flood of look-ups waits behind it.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FIND_CACHE_MS, contactFinder } from '../../lib/find';
import { admin, openSandbox, sleep, type Sandbox } from '../ghl/sandbox-helpers';
import { CONTENT_SCRIPT, connectedBackground, type Background } from '../background/harness';

let sandbox: Sandbox;
let bg: Background;

beforeAll(async () => {
  sandbox = await openSandbox({ rateLimit: { max: 100, intervalMs: 10_000 } });
  bg = await connectedBackground(sandbox);
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  await admin(sandbox).clearFaults();
  await admin(sandbox).resetCounters();
});

const searches = async () => (await admin(sandbox).requests()).requests.filter((r) => r.path.startsWith('/contacts/search')).length;

describe('findContacts', () => {
  it('is refused from a content script, and nothing reaches HighLevel', async () => {
    const res = await bg.send('findContacts', { query: 'diego', searcher: 'page' }, CONTENT_SCRIPT);
    expect(res).toMatchObject({ ok: false, error: { kind: 'refused' } });
    expect(await searches()).toBe(0);
  });

  it('sends nothing for fewer than 2 characters', async () => {
    expect(await bg.ask('findContacts', { query: 'd', searcher: 's1' })).toEqual([]);
    expect(await bg.ask('findContacts', { query: ' \u202e d \u200b', searcher: 's1' })).toEqual([]);
    expect(await searches()).toBe(0);
  });

  it('answers name, email, phone, company and tags, and reuses an answer for the same words', async () => {
    const found = await bg.ask('findContacts', { query: 'diego@lumacraft', searcher: 's2' });
    expect(found.map((c) => c.name)).toEqual(['Diego Santos']);
    expect(found[0]).toMatchObject({ email: expect.stringContaining('@'), tags: expect.any(Array) });
    expect(Object.keys(found[0]!)).toEqual(expect.arrayContaining(['id', 'name', 'email', 'tags']));
    expect(await bg.ask('findContacts', { query: '  DIEGO@lumacraft ', searcher: 's3' })).toEqual(found);
    expect(await searches()).toBe(1);
  });

  it('asks again once the kept answer is older than FIND_CACHE_MS', async () => {
    let now = 1_000_000;
    const finder = contactFinder(() => now);
    const { client } = await bg.services.active();
    await finder.find(client, { query: 'diego', searcher: 'x' });
    now += FIND_CACHE_MS - 1;
    await finder.find(client, { query: 'diego', searcher: 'x' });
    expect(await searches()).toBe(1);
    now += 2;
    await finder.find(client, { query: 'diego', searcher: 'x' });
    expect(await searches()).toBe(2);
  });

  it('drops an older search of the same sidebar answered after a newer one; another sidebar’s is kept', async () => {
    await admin(sandbox).faults({ latencyMs: 300 });
    const older = bg.send('findContacts', { query: 'santos', searcher: 'same' });
    const otherSidebar = bg.send('findContacts', { query: 'sant', searcher: 'other' });
    await sleep(50);
    const newer = bg.send('findContacts', { query: 'diego', searcher: 'same' });
    expect(await older).toMatchObject({ ok: false, error: { kind: 'superseded' } });
    expect(await otherSidebar).toMatchObject({ ok: true });
    const answer = await newer;
    expect(answer.ok && answer.value.map((c) => c.name)).toContain('Diego Santos');
  });

  it('goes first while the look-ups a page caused wait for their budget and their share of the rate limit', { timeout: 40_000 }, async () => {
    // a location allowed 20 requests in 10 s: the page's share (half) fills after 10 look-ups
    await admin(sandbox).config({ rateLimit: { max: 20, intervalMs: 10_000 } });
    await bg.ask('findContacts', { query: 'learn the limit', searcher: 's4' });
    const fromTab = { ...CONTENT_SCRIPT, url: 'https://app.heyreach.io/app/lists/9', tab: { id: 9 } };
    const waiting = () => bg.services.active().then((s) => s.pageLookupsWaiting(9));
    for (let r = 0; r < 40; r++) {
      const people = Array.from({ length: 25 }, (_, i) => ({ name: `Find${r}x${i} Flood${i}`, email: `find.${r}.${i}@flood.example`, company: `Flood ${i}` }));
      await bg.send('reportPeople', { people, view: 'list', site: 'heyreach' }, fromTab);
      await sleep(40);
    }
    expect(await waiting()).toBeGreaterThan(0);
    const started = Date.now();
    const found = await bg.ask('findContacts', { query: 'diego santos', searcher: 's4' });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(found.map((c) => c.name)).toEqual(['Diego Santos']);
    expect(await waiting()).toBeGreaterThan(0); // the page's look-ups still wait: the search did not queue behind them
    expect((await admin(sandbox).requests()).counts.rateLimited).toBe(0);
    await admin(sandbox).config({ rateLimit: { max: 100, intervalMs: 10_000 } });
  });
});
