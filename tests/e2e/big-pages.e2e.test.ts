// Big and hostile pages, in Chromium against the sandbox at HighLevel's default rate limit
// (100 requests / 10 s): a 500-lead page listed and matched in a few requests, a 620-lead page
// listing its first 500 and saying how many more there are, a lead with a 98-character email
// costing only that email, and a content script flooding reports while the user searches in the
// sidebar (the search answers at once, the flood's look-ups stay under the tab's cap, no 429).
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchChromium, waitFor } from '../../scripts/lib/browsers';
import { connectWithToken, listedPeople, openPartnerPage, openSidebarFor, tabIdOf, textOf, waitForContact } from '../../scripts/lib/flow';
import { openGeneratedPage } from '../../scripts/bench/pages';
import { largeListContacts, renderLeadList } from '../../sandbox/partners/large-list';
import { requestCounts, resetCounters } from './outbox-steps';
import { contentScriptWorld } from './session-steps';
import { partnerUrl, sandboxAndBrowser, screenshot } from './setup';
import { PEOPLE } from './sidebar-steps';

const world = sandboxAndBrowser(launchChromium);
/** Look-ups one tab may cause per minute (TAB_LOOKUPS_PER_MINUTE in lib/match/lookup-budget.ts). */
const TAB_CAP = 30;
let options: Page;

beforeAll(async () => {
  options = await connectWithToken(world.eb, world.sandbox);
});

/** A lead list page under HeyReach's host, and the sidebar following its tab. */
async function listPage(name: string, leads: Parameters<typeof renderLeadList>[0]) {
  const url = `https://app.heyreach.io/app/lists/${name}.html`;
  const tab = await openGeneratedPage(() => world.eb.browser.newPage(), url, renderLeadList(leads));
  const sidebar = await openSidebarFor(world.eb, await tabIdOf(world.eb, options, url));
  await sidebar.setViewport({ width: 420, height: 900 });
  return { tab, sidebar };
}

const listed = async (sidebar: Page) => (await listedPeople(sidebar)).length;
const summary = async (sidebar: Page) => (await textOf(sidebar, '[data-testid=bulk-summary]'))[0];
/** Look-ups sent to HighLevel since the counters were reset: searches and duplicate checks. */
async function lookUps(): Promise<number> {
  const res = await fetch(`${world.sandbox.baseUrl}/__admin/requests?limit=2000`);
  const { requests } = (await res.json()) as { requests: { path: string }[] };
  return requests.filter((r) => r.path.startsWith('/contacts/search')).length;
}

describe('Chromium: big pages', () => {
  it('a 500-lead page: everyone listed and matched in at most 20 look-ups, no 429', { timeout: 120_000 }, async () => {
    await resetCounters(world.sandbox);
    const { sidebar } = await listPage('leads-500', largeListContacts(42, 500));
    await waitFor(async () => (await listed(sidebar)) === 500, 30_000, 'the 500 people listed');
    await waitFor(async () => (await summary(sidebar)) === 'Tag several people (500 in GHL)', 60_000, 'all 500 matched').catch(async (e: Error) => {
      throw new Error(`${e.message}; summary: ${await summary(sidebar)}`);
    });
    expect(await sidebar.$('[data-testid=not-listed]')).toBeNull();
    const counts = await requestCounts(world.sandbox);
    console.warn(`500 leads: ${await lookUps()} look-ups, ${counts.total} requests in all, ${counts.rateLimited} × 429`);
    expect(await lookUps()).toBeLessThanOrEqual(20);
    expect(counts.rateLimited).toBe(0);
  });

  it('a 620-lead page lists the first 500 and says how many more there are', { timeout: 120_000 }, async () => {
    const { sidebar } = await listPage('leads-620', largeListContacts(42, 620));
    await waitFor(async () => (await listed(sidebar)) === 500, 30_000, 'the first 500 people listed').catch(async (e: Error) => { // MAX_LISTED
      // what the sidebar showed instead (a failure here once, in CI: no list at all after 30 s)
      throw new Error(`${e.message}; the sidebar showed: ${await sidebar.evaluate(() => document.body.innerText.slice(0, 600))}`);
    });
    await sidebar.waitForSelector('[data-testid=not-listed]');
    expect(await textOf(sidebar, '[data-testid=not-listed]')).toEqual(['120 more people on this page are not listed.']);
    await waitFor(async () => (await summary(sidebar)) === 'Tag several people (500 in GHL)', 60_000, 'the 500 listed matched');
    await screenshot(sidebar, 'big-pages-620');
  });

  it('a lead with a 98-character email: everyone else is matched, that lead is listed with its email left out and why', { timeout: 120_000 }, async () => {
    await resetCounters(world.sandbox);
    const leads = largeListContacts(42, 20);
    const domain = '@northwind-logistics-international.co'; // a real-looking one: the detector leaves example.com out
    const long = `longa.mailer.${'q'.repeat(98)}`.slice(0, 98 - domain.length) + domain;
    expect(long).toHaveLength(98);
    const page = leads.map((c, i) => (i === 5 ? { ...c, firstName: 'Longa', lastName: 'Mailer', email: long } : c));
    const { sidebar } = await listPage('leads-long-email', page);
    await waitFor(async () => (await summary(sidebar)) === 'Tag several people (19 in GHL)', 60_000, 'the 19 others matched').catch(async (e: Error) => {
      throw new Error(`${e.message}; people: ${(await listedPeople(sidebar)).length}, summary: ${await summary(sidebar)}`);
    });
    expect(await listed(sidebar)).toBe(20);
    const people = await listedPeople(sidebar);
    await (await sidebar.$$(PEOPLE))[people.findIndex((p) => p.startsWith('Longa Mailer'))]!.click();
    await sidebar.waitForSelector('[data-testid=skipped-values]');
    expect(await textOf(sidebar, '[data-testid=skipped-values] li')).toEqual(['The page’s email is longer than HighLevel takes: it was not used.']);
    const counts = await requestCounts(world.sandbox);
    expect(counts.byStatus['422'] ?? 0).toBe(0);
    expect(counts.rateLimited).toBe(0);
  });

  it('a content script flooding reports (1,000 fresh people in 10 s) while the user searches: the search answers at once, the flood stays under the tab’s cap, no 429', { timeout: 120_000 }, async () => {
    const { eb, sandbox } = world;
    // the sidebar follows a partner page showing Maya Okafor
    const mayaUrl = partnerUrl('heyreach', 'detail');
    await openPartnerPage(eb, mayaUrl);
    const sidebar = await openSidebarFor(eb, await tabIdOf(eb, options, mayaUrl));
    await waitForContact(sidebar, 'Maya Okafor');
    // another tab's content script floods
    const floodTab = await openGeneratedPage(() => eb.browser.newPage(), 'https://app.heyreach.io/app/lists/flood.html', '<!doctype html><title>Leads</title><main><h1>Leads</h1></main>');
    const content = await contentScriptWorld(floodTab, eb);
    await new Promise((r) => setTimeout(r, 11_000)); // a rate window without the earlier tests' requests
    await resetCounters(sandbox);
    const flood = (async () => {
      for (let r = 0; r < 20; r++) {
        const people = Array.from({ length: 50 }, (_, i) => ({ name: `Flood${r} Person${i}`, email: `flood.${r}.${i}@made-up.example`, company: `Made Up ${i}` }));
        void content.send('reportPeople', { people, view: 'list', site: 'heyreach' });
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    })();
    await new Promise((r) => setTimeout(r, 3_000)); // the flood is under way
    await sidebar.bringToFront();
    const [link] = await sidebar.$$('xpath/.//button[normalize-space()="Link to another contact…"]');
    await link!.click();
    const input = await sidebar.waitForSelector('.search input[type=search]');
    const started = Date.now();
    await input!.type('diego@lumacraft');
    await waitFor(async () => (await textOf(sidebar, '.search li strong')).includes('Diego Santos'), 60_000, 'the search answered');
    const answeredMs = Date.now() - started;
    await flood;
    await new Promise((r) => setTimeout(r, 2_000)); // the flood's last look-ups
    const counts = await requestCounts(sandbox);
    const floodLookUps = (await lookUps()) - 1; // the user's search
    console.warn(`flood: the search answered in ${answeredMs} ms (typing and its 250 ms pause included); ${floodLookUps} look-ups for 1,000 reported people; ${counts.total} requests; ${counts.rateLimited} × 429`);
    expect(answeredMs).toBeLessThanOrEqual(10_000 + 1_000); // one rate window and a round trip at most
    expect(floodLookUps).toBeLessThanOrEqual(TAB_CAP);
    expect(counts.rateLimited).toBe(0);
  });
});
