// A page cannot spend the location's budget, over the sandbox at HighLevel's default rate limit
// (100 requests / 10 s): a content script flooding reports of made-up people causes at most the
// tab's cap of look-ups, the user's search answers while the flood's look-ups still wait, another
// tab's people are matched meanwhile, and nothing is answered 429.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TAB_LOOKUPS_PER_MINUTE } from '../../lib/match';
import { tabMatchesItem } from '../../lib/protocol';
import { largeListContacts } from '../../sandbox/partners/large-list';
import { admin, openSandbox, sleep, type Sandbox } from '../ghl/sandbox-helpers';
import { CONTENT_SCRIPT, connectedBackground, type Background } from '../background/harness';

let sandbox: Sandbox;
let bg: Background;

beforeAll(async () => {
  sandbox = await openSandbox({ rateLimit: { max: 100, intervalMs: 10_000 } });
  bg = await connectedBackground(sandbox);
});
afterAll(() => sandbox.close());

const fromTab = (id: number) => ({ ...CONTENT_SCRIPT, url: `https://app.heyreach.io/app/lists/${id}`, tab: { id } });
const lookUps = async () => (await admin(sandbox).requests()).requests.filter((r) => r.path.startsWith('/contacts/search'));

describe('a page flooding reports', () => {
  it('causes at most the tab’s cap of look-ups; the user’s search and another tab’s page do not wait behind it; no 429', { timeout: 30_000 }, async () => {
    await admin(sandbox).resetCounters();
    const waiting = () => bg.services.active().then((s) => s.pageLookupsWaiting(7));
    // 40 reports of 25 fresh made-up people each (1,000 people) within a few seconds
    for (let r = 0; r < 40; r++) {
      const people = Array.from({ length: 25 }, (_, i) => ({ name: `Made${r}x${i} Up${i}`, email: `made.${r}.${i}@flood.example`, company: `Flood ${i}` }));
      await bg.send('reportPeople', { people, view: 'list', site: 'heyreach' }, fromTab(7));
      await sleep(60);
    }
    expect(await waiting()).toBeGreaterThan(0); // the flood's look-ups wait for the tab's budget

    // the user's search goes at once, not behind them
    const found = await bg.ask('searchContacts', 'diego@lumacraft');
    expect(found.map((c) => c.name)).toEqual(['Diego Santos']);
    expect(await waiting()).toBeGreaterThan(0);

    // another tab's page is matched while the flood still waits
    const leads = largeListContacts().slice(0, 3);
    await bg.send('reportPeople', { people: leads.map((c) => ({ name: `${c.firstName} ${c.lastName}`, email: c.email })), view: 'list', site: 'heyreach' }, fromTab(8));
    let other = await tabMatchesItem(8).getValue();
    for (let i = 0; i < 100 && other?.pending !== 0; i++) other = (await sleep(20), await tabMatchesItem(8).getValue());
    expect(other?.matches.map((m) => m.contact?.id)).toEqual(leads.map((c) => c.id));
    expect(await waiting()).toBeGreaterThan(0);

    const sent = await lookUps();
    const flood = sent.length - 1 /* the user's search */ - 1; /* the other tab's emails */
    console.warn(`flood: ${flood} look-ups for 1,000 reported people (cap ${TAB_LOOKUPS_PER_MINUTE} a minute), ${(await admin(sandbox).requests()).counts.rateLimited} × 429`);
    expect(flood).toBeLessThanOrEqual(TAB_LOOKUPS_PER_MINUTE);
    expect((await admin(sandbox).requests()).counts.rateLimited).toBe(0);
  });
});
