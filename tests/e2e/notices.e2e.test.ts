// The sidebar and the options in real Chromium when things go wrong or are new, one test per defect
// found: a first run shows one calm "Connect" notice (and the install opened the options); notices
// come one at a time, in the tone of their state, and leave with the person they were about; a
// 429 counts down and tries again by itself; a contact created while HighLevel cannot be reached
// becomes matched when its create lands; writes stopped by a revoked token go again once
// reconnected; signing out with unsent changes asks first; "Allow on this site" is reachable from
// the toolbar button; page and CRM text cannot reorder the sidebar's own words (U+202E); a contact
// is deleted from its card after a question naming it; and the small things (dates to the minute,
// task titles, default assignee, Ctrl+Enter, the link search's focus, long URLs, names, buttons).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchChromium, waitFor, type ExtensionBrowser } from '../../scripts/lib/browsers';
import { connectWithToken, listedPeople, openPartnerPage, openSidebarFor, showPerson, tabIdOf, textOf, waitForContact } from '../../scripts/lib/flow';
import type { Sandbox } from '../../sandbox/server';
import { ALL_SCOPES } from '../../sandbox/auth';
import { changeInHighLevel, clickButton, message } from './outbox-steps';
import { freshSandbox, partnerUrl, proxyOf, screenshot } from './setup';
import { axeViolations, sandboxRecord, waitForSandbox, waitForText } from './sidebar-steps';
import { chipTexts, chord, focused, shownName, waitForShown } from './loop-steps';

let sandbox: Sandbox;
let eb: ExtensionBrowser;
let options: Page;
let viewers: Page;
const logins = partnerUrl('sproutvideo', 'list');
const idOf = (name: string) => sandbox.seed.partnerContactIds[name]!;
const notices = (page: Page) => page.$$eval('[data-testid=notice], [data-testid=stopped-writes]', (l) => l.map((n) => `${n.getAttribute('data-tone')}: ${n.textContent}`));

beforeAll(async () => {
  sandbox = await freshSandbox();
  // a name in HighLevel with an unterminated right-to-left override (U+202E)
  await changeInHighLevel(sandbox, sandbox.seed.partnerContactIds['Isabel Ferreira']!, { firstName: 'Isabel\u202E' });
  eb = await launchChromium(proxyOf(sandbox));
});
afterAll(async () => {
  await eb?.close();
  await sandbox?.close();
});

describe('Chromium: a first run', () => {
  it('opens the options on install, and the sidebar shows one calm notice to connect', async () => {
    await waitFor(async () => (await eb.browser.pages()).some((p) => p.url() === `${eb.extensionBase}options.html`), 10_000, 'the options opened on install');
    const partner = await openPartnerPage(eb, logins);
    const helper = await eb.openExtensionPage('options.html');
    viewers = await openSidebarFor(eb, await tabIdOf(eb, helper, logins));
    await helper.close();
    await viewers.setViewport({ width: 400, height: 800 });
    await waitForText(viewers, '[data-testid=notice]', (t) => t.length === 1, 'the connect notice');
    expect(await notices(viewers)).toEqual(['info: Connect your HighLevel account to see your contacts here.Open connection settings']);
    await screenshot(viewers, 'notices-first-run');
    void partner;
  });
});

describe('Chromium: options', () => {
  it('names the partner apps as their makers write them, and its Reconnect button goes to the token field', async () => {
    options = await connectWithToken(eb, sandbox);
    expect(await textOf(options, 'label[for^=partner-]')).toEqual(expect.arrayContaining([expect.stringMatching(/^HeyReach /), expect.stringMatching(/^SproutVideo /)]));
    const pages = (await eb.browser.pages()).length;
    await options.type('#locationId', 'not-a-location');
    await options.type('#token', 'pit-not-a-token');
    await options.click('button[type=submit]');
    await options.waitForSelector('[data-testid=notice] button');
    await clickButton(options, 'Reconnect', '[data-testid=notice]');
    expect(await focused(options)).toBe('INPUT#token');
    expect((await eb.browser.pages()).length).toBe(pages); // no other options page opened
    await options.$eval('#locationId', (i) => ((i as HTMLInputElement).value = ''));
    await options.$eval('#token', (i) => ((i as HTMLInputElement).value = ''));
  });
});

describe('Chromium: notices', () => {
  it('loads everything once a location is connected, with no notice left', async () => {
    await viewers.bringToFront();
    await waitForContact(viewers, 'Emily Nguyen');
    expect(await notices(viewers)).toEqual([]);
    // the page shows only emails: people matched to a named contact are listed by that name
    expect(await listedPeople(viewers)).toEqual(['Emily Nguyen In GHL', 'Marcus Reid In GHL', 'Isabel\u202E Ferreira In GHL', 'noah@goldbergcpa.com Not in GHL', 'chloe.martin@peakfit.ca Not in GHL']);
    await viewers.keyboard.press('Escape'); // the list closes (the focus is in it)
  });

  it('counts a 429 wait down and tries again by itself, in a calm tone', { timeout: 90_000 }, async () => {
    await fetch(`${sandbox.baseUrl}/__admin/config`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ rateLimit: { intervalMs: 1_500 } }) });
    sandbox.setFaults({ rateLimitRate: 1, rateLimitBurstMs: 0, methods: ['GET'], paths: ['/contacts/*'] });
    try {
      await chord(viewers, ['Alt'], 'ArrowDown'); // Marcus: his record is read now, and HighLevel answers 429
      await waitForText(viewers, '[data-testid=notice]', (t) => t[0]?.startsWith('HighLevel asked to wait a moment. Trying again in') ?? false, 'the countdown');
      expect(await notices(viewers)).toEqual([expect.stringMatching(/^waiting: HighLevel asked to wait a moment\. Trying again in \d s…Try now$/)]);
      sandbox.setFaults({ rateLimitRate: 0, methods: [], paths: [] });
      await waitForShown(viewers, 'Marcus Reid', 20_000); // no click: the countdown tried again
      expect(await notices(viewers)).toEqual([]);
    } finally {
      sandbox.setFaults({ rateLimitRate: 0, methods: [], paths: [] });
      await fetch(`${sandbox.baseUrl}/__admin/config`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ rateLimit: { intervalMs: 10_000 } }) });
    }
  });

  it('shows one notice at a time, and leaves it behind when another person is shown', async () => {
    await viewers.focus('#tag-input');
    await viewers.keyboard.type('x'.repeat(101));
    await chord(viewers, ['Shift'], 'Enter');
    await waitForText(viewers, '[data-testid=notice]', (t) => t.length === 1, 'the refused tag');
    expect(await notices(viewers)).toEqual([expect.stringMatching(/^error: Could not add the tag .*at most 100 characters/)]);
    await chord(viewers, ['Alt'], 'ArrowUp');
    await waitForShown(viewers, 'Emily Nguyen');
    expect(await notices(viewers)).toEqual([]);
  });

  it('shows a contact created while HighLevel cannot be reached as being created, then matched once its create lands', { timeout: 120_000 }, async () => {
    sandbox.setFaults({ errorRate: 1, errorStatuses: [503], paths: ['/contacts/upsert', '/contacts/'] , methods: ['POST'] });
    try {
      await showPerson(viewers, 'noah@goldbergcpa.com');
      await waitForText(viewers, '[data-testid=match] button.primary', (t) => t.includes('Create contact in GHL'), 'the create button');
      await viewers.click('[data-testid=match] button.primary');
      await viewers.waitForSelector('[data-testid=creating]', { timeout: 30_000 });
      expect(await textOf(viewers, '[data-testid=person-state]')).toEqual(['Being created']);
      expect(await viewers.$('[data-testid=match] button.primary')).toBeNull(); // no second Create
      expect(await notices(viewers)).toEqual([]);
    } finally {
      sandbox.setFaults({ errorRate: 0, methods: [], paths: [] });
    }
    await waitFor(async () => (await textOf(viewers, '[data-testid=person-state]'))[0] === 'In GHL', 90_000, 'Noah matched once the create landed');
    await viewers.waitForSelector('[data-testid=contact-card]');
  });

  it('isolates page and CRM text: a name with an unterminated U+202E leaves the sidebar’s own words in order', async () => {
    await showPerson(viewers, 'Isabel');
    await waitFor(async () => (await shownName(viewers)).includes('\u202E'), 20_000, 'the name from HighLevel');
    // each letter of the badge next to the name stands right of the one before it (left to right)
    const inOrder = (selector: string) =>
      viewers.$eval(selector, (badge) => {
        const text = badge.firstChild!;
        const xs = [...(text.textContent ?? '')].map((_, i) => {
          const r = document.createRange();
          r.setStart(text, i);
          r.setEnd(text, i + 1);
          return r.getBoundingClientRect().left;
        });
        return { text: text.textContent, ordered: xs.every((x, i) => i === 0 || x > xs[i - 1]!) };
      });
    expect(await inOrder('[data-testid=person-state]')).toEqual({ text: 'In GHL', ordered: true });
    await screenshot(viewers, 'bidi-override');
    await viewers.click('[data-testid=people-toggle]');
    const option = (await listedPeople(viewers)).findIndex((p) => p.startsWith('Isabel'));
    expect(await inOrder(`[data-testid=people] [role=option]:nth-child(${option + 1}) .badge`)).toEqual({ text: 'In GHL', ordered: true });
    await screenshot(viewers, 'bidi-override-list');
    await viewers.keyboard.press('Escape'); // the list closes (the focus is in it)
  });

  it('deletes a contact from its card after a question that names it, through the outbox, with its activity entry', async () => {
    await showPerson(viewers, 'Marcus Reid');
    await waitForShown(viewers, 'Marcus Reid');
    await clickButton(viewers, 'Delete contact', '[data-testid=contact-card] .card-head');
    expect(await textOf(viewers, '[data-testid=contact-card] .confirm > span')).toEqual(['Delete \u2068Marcus Reid\u2069 from HighLevel?']);
    // the question opens on "Keep": Enter twice keeps the contact; Shift+Tab goes to "Yes, delete"
    expect(await viewers.evaluate(() => document.activeElement?.textContent)).toBe('Keep');
    await viewers.keyboard.down('Shift');
    await viewers.keyboard.press('Tab');
    await viewers.keyboard.up('Shift');
    expect(await viewers.evaluate(() => document.activeElement?.textContent)).toBe('Yes, delete');
    await viewers.keyboard.press('Enter');
    await waitFor(async () => (await fetch(`${sandbox.baseUrl}/__admin/contacts/${idOf('Marcus Reid')}`)).status === 404, 15_000, 'Marcus deleted on the sandbox');
    await waitFor(async () => (await textOf(viewers, '[data-testid=person-state]'))[0] === 'Not in GHL', 10_000, 'Marcus not in GHL any more');
    expect(await focused(viewers)).not.toBe('BODY');
    const entries = await message(viewers, 'getActivity', undefined);
    expect(entries.find((e) => e.what === 'Delete the contact')).toMatchObject({ state: 'done', contactId: idOf('Marcus Reid') });
  });

  it('has no accessibility violations with a notice and the list open, in light and dark', async () => {
    await viewers.click('[data-testid=people-toggle]');
    expect(await axeViolations(viewers)).toEqual([]);
    await viewers.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    expect(await axeViolations(viewers)).toEqual([]);
    await screenshot(viewers, 'notices-dark-list');
    await viewers.emulateMediaFeatures([]);
    await viewers.keyboard.press('Escape');
  });
});

describe('Chromium: site access from the toolbar button', () => {
  it('says what to click on a site it cannot read yet, and offers “Allow on this site” once the toolbar button was clicked there', async () => {
    const site = await openPartnerPage(eb, `${sandbox.baseUrl}/partners/`); // a web site that is not a partner app
    await site.bringToFront();
    // the extension holds no `tabs` permission: it knows the tab only as the active one
    const tabId = await options.evaluate(async () => {
      type TabsApi = { tabs: { query(q: object): Promise<{ id?: number }[]> } };
      return (await (globalThis as unknown as { chrome: TabsApi }).chrome.tabs.query({ active: true, currentWindow: true }))[0]!.id!;
    });
    const sidebar = await openSidebarFor(eb, tabId);
    await sidebar.setViewport({ width: 400, height: 800 });
    await waitForText(sidebar, '[data-testid=site-access] p', (t) => t.length > 0, 'what the sidebar can do here');
    expect((await textOf(sidebar, '[data-testid=site-access] p'))[0]).toBe(
      'To look for people on this site, click the GHL Sidebar button in your browser’s toolbar while this page is open (or press Alt+Shift+T).',
    );
    // a click on the toolbar button, as a person makes it on that tab (the side panel opens; activeTab)
    const extension = (await eb.browser.extensions()).get(new URL(eb.extensionBase).host)!;
    await site.bringToFront();
    await site.triggerExtensionAction(extension);
    const host = new URL(sandbox.baseUrl).host;
    await waitForText(sidebar, '[data-testid=site-access] button', (t) => t.includes('Allow on this site'), 'the offer to allow the site');
    expect((await textOf(sidebar, '[data-testid=site-access] p'))[0]).toBe(`\u2068${host}\u2069 is not a partner app. Allow GHL Sidebar to look for people on it?`);
    await sidebar.bringToFront();
    await screenshot(sidebar, 'site-access-after-toolbar-click');
    await sidebar.close();
    await site.close();
  });
});

const LONG_URL = `https://example.com/${'a-very-long-path-segment-'.repeat(8)}?utm_source=newsletter&utm_medium=email`;

describe('Chromium: a connection’s writes', () => {
  let leads: Page;
  const maya = 'Maya Okafor';
  beforeAll(async () => {
    // a long address without a break, in HighLevel before the sidebar first reads Maya
    await changeInHighLevel(sandbox, idOf(maya), { website: LONG_URL });
    const url = partnerUrl('heyreach', 'list');
    await openPartnerPage(eb, url);
    leads = await openSidebarFor(eb, await tabIdOf(eb, options, url));
    await leads.setViewport({ width: 400, height: 800 });
    await waitForContact(leads, maya, 30_000);
  });

  it('sends the writes a revoked token stopped again once the location is reconnected', { timeout: 90_000 }, async () => {
    // connected with a token of its own, which HighLevel then revokes
    const minted = (await (await fetch(`${sandbox.baseUrl}/__admin/tokens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scopes: [...ALL_SCOPES] }) })).json()) as { token: string };
    await (await connectWithToken(eb, { locationId: sandbox.locationId, token: minted.token })).close();
    (sandbox.ctx.tokens as unknown as { access: Map<string, unknown> }).access.delete(minted.token); // revoked in HighLevel
    await leads.bringToFront();
    await leads.focus('#tag-input');
    await leads.keyboard.type('after-reconnect');
    await chord(leads, ['Shift'], 'Enter');
    await waitForText(leads, '[data-testid=notice], [data-testid=stopped-writes]', (t) => t.length === 1, 'the write stopped');
    expect((await sandboxRecord(sandbox, idOf(maya))).contact.tags).not.toContain('after-reconnect');
    // reconnected: the same location, a working token
    await (await connectWithToken(eb, sandbox)).close();
    await waitForSandbox(sandbox, idOf(maya), (r) => r.contact.tags.includes('after-reconnect'), 'the stopped write sent again');
    await leads.bringToFront();
    await waitFor(async () => (await notices(leads)).length === 0, 15_000, 'no notice left after reconnecting').catch(async (e: Error) => {
      throw new Error(`${e.message}: ${JSON.stringify(await notices(leads))}`);
    });
    await waitFor(async () => (await chipTexts(leads)).includes('after-reconnect'), 10_000, 'the sent tag shown on the record');
  });

  it('shows dates to the minute, task titles above their meta line, a new task for the contact’s owner, and Ctrl+Enter saves a note', async () => {
    await leads.bringToFront();
    // the record may still be loading after the reconnection above: its tasks first
    await leads.waitForSelector('[data-testid=tasks] > li .task-meta', { timeout: 15_000 });
    const meta = await textOf(leads, '[data-testid=tasks] .task-meta');
    expect(meta.join(' ')).not.toMatch(/\d:\d\d:\d\d/); // no seconds
    const sizes = await leads.$eval('[data-testid=tasks] > li', (li) => [li.querySelector('.task-title'), li.querySelector('.task-meta')].map((e) => parseFloat(getComputedStyle(e!).fontSize)));
    expect(sizes[0]).toBeGreaterThan(sizes[1]!);
    await leads.click('[data-testid=contact-card] [data-testid=tasks] + details.adder summary');
    const owner = await leads.$eval('[data-testid=owner] select', (s) => (s as HTMLSelectElement).selectedOptions[0]?.textContent);
    expect(owner).toBeTruthy();
    expect(await leads.$eval('form[aria-label="Add a task"] select', (s) => (s as HTMLSelectElement).selectedOptions[0]?.textContent)).toBe(owner);
    await leads.click('[data-testid=notes] + details.adder summary');
    await leads.type('form[aria-label="New note"] textarea', 'Saved with Ctrl+Enter.');
    await chord(leads, ['Control'], 'Enter');
    await waitForSandbox(sandbox, idOf(maya), (r) => r.notes.some((n) => n.body === 'Saved with Ctrl+Enter.'), 'the note');
  });

  it('puts the focus in the search of “Link to another contact…”, and wraps a long address', async () => {
    await clickButton(leads, 'Link to another contact…', '[data-testid=match]');
    expect(await focused(leads)).toMatch(/^INPUT#/);
    expect(await leads.evaluate(() => (document.activeElement as HTMLInputElement).type)).toBe('search');
    expect((await textOf(leads, '[data-testid=facts] dd')).some((t) => t === LONG_URL)).toBe(true);
    expect(await leads.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
  });

  it('asks before signing out with unsent changes: send first, discard, or cancel', { timeout: 90_000 }, async () => {
    sandbox.setFaults({ errorRate: 1, errorStatuses: [503], paths: ['/contacts/*/tags'] });
    try {
      await leads.bringToFront();
      await leads.focus('#tag-input');
      await leads.keyboard.type('never-sent');
      await chord(leads, ['Shift'], 'Enter');
      await waitFor(async () => (await message(leads, 'getOutboxStatus', undefined)).pending > 0, 10_000, 'the write waiting');
      await options.bringToFront();
      await options.reload();
      await options.waitForSelector('[data-testid=connections] button');
      await clickButton(options, 'Sign out', '[data-testid=connections]');
      await options.waitForSelector('[data-testid=unsent-question]');
      expect(await textOf(options, '[data-testid=unsent-question] p:first-child')).toEqual(['1 change to this location is not sent yet. Send it first, or discard it?']);
      expect(await options.evaluate(() => document.activeElement?.textContent)).toBe('Send first');
      await clickButton(options, 'Cancel', '[data-testid=unsent-question]');
      expect(await textOf(options, '[data-testid=connections] label')).toHaveLength(1); // still connected
      await clickButton(options, 'Sign out', '[data-testid=connections]');
      await clickButton(options, 'Discard and sign out', '[data-testid=unsent-question]');
      await waitFor(async () => (await textOf(options, '[data-testid=connections] label')).length === 0, 10_000, 'signed out');
      expect((await message(options, 'getOutboxStatus', undefined)).pending).toBe(0);
    } finally {
      sandbox.setFaults({ errorRate: 0, paths: [] });
    }
  });
});
