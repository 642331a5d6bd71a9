// The search box and the create form walked in a real browser, on a page where detection finds
// nobody (HelloLeads' public event form, at its real host through the sandbox's proxy) and in a
// sidebar following no web page at all. Shared by the Chromium and the Firefox test files.
import { expect } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { ExtensionBrowser } from '../../scripts/lib/browsers';
import { waitFor } from '../../scripts/lib/browsers';
import { connectWithToken, listedPeople, openPartnerPage, openSidebarFor, tabIdOf, textOf, waitForContact } from '../../scripts/lib/flow';
import type { Sandbox } from '../../sandbox/server';
import { partnerSites } from '../../sandbox/partners/sites';
import { axeViolations, chips, readmeShot, sandboxSearch, selectPerson, waitForSandbox, waitForText } from './sidebar-steps';
import { partnerUrl, screenshot } from './setup';

/** A page with no person on it (a public form of a partner app). */
const info = partnerSites.helloleads;
export const NOBODY_URL = `https://${info.host}${info.pages.find((p) => p.view === 'other')!.path}`;
const BOX = '[data-testid=find] input[type=search]';
const RESULTS = '[data-testid=find-results] button';

/** Types into the search box as a person would (after clearing it). */
async function search(sidebar: Page, words: string) {
  await sidebar.click(BOX, { count: 3 });
  await sidebar.keyboard.press('Backspace');
  await sidebar.type(BOX, words);
}

/** The sidebar of a tab where detection finds nobody, after it said so. */
export async function sidebarOnNobody(eb: ExtensionBrowser, sandbox: Sandbox) {
  const options = await connectWithToken(eb, sandbox);
  await openPartnerPage(eb, NOBODY_URL);
  const sidebar = await openSidebarFor(eb, await tabIdOf(eb, options, NOBODY_URL));
  await sidebar.setViewport({ width: 420, height: 900 });
  await waitForText(sidebar, '.empty', (t) => t.includes('No people found on this page.'), 'that nobody was found');
  await options.close();
  return sidebar;
}

/** Search by name → the record → a tag added, reaching HighLevel; the results are axe clean. */
export async function searchByNameAndTag(sandbox: Sandbox, sidebar: Page, prefix: string) {
  // "/" focuses the box from anywhere in the sidebar
  await sidebar.click('h1');
  await sidebar.keyboard.press('/');
  expect(await sidebar.evaluate((sel) => document.activeElement === document.querySelector(sel), BOX)).toBe(true);
  await sidebar.keyboard.type('D');
  await sidebar.waitForFunction(() => document.body.textContent?.includes('Type at least 2 characters.'));
  await sidebar.keyboard.type('iego Santos');
  await waitForText(sidebar, RESULTS, (t) => t.length === 1 && t[0]!.startsWith('Diego Santos'), 'Diego Santos found');
  const [line] = await textOf(sidebar, RESULTS);
  expect(line).toMatch(/@/); // the email (and phone, company) under the name
  expect(await axeViolations(sidebar)).toEqual([]);
  if (prefix === 'Chromium') await readmeShot(sidebar, '10-find'); // the README's pictures are Chromium's
  await screenshot(sidebar, `${prefix}-find-results`);

  // keyboard: down to the result, Enter opens the full record
  await sidebar.focus(BOX);
  await sidebar.keyboard.press('ArrowDown');
  await sidebar.keyboard.press('Enter');
  await waitForContact(sidebar, 'Diego Santos');
  const contactId = await sidebar.$eval('[data-testid=contact-card] a[href*="/contacts/detail/"]', (a) => (a as HTMLAnchorElement).href.split('/').pop()!);
  const tag = `${prefix}-found`;
  await sidebar.focus('#tag-input');
  await sidebar.keyboard.type(tag);
  // a new tag is created by Shift+Enter (Enter only takes a suggestion)
  await sidebar.keyboard.down('Shift');
  await sidebar.keyboard.press('Enter');
  await sidebar.keyboard.up('Shift');
  await waitFor(async () => (await chips(sidebar)).some((c) => c.toLowerCase() === tag.toLowerCase()), 5_000, 'the new tag shown');
  expect((await chips(sidebar)).map((c) => c.toLowerCase())).toContain(tag.toLowerCase());
  await waitForSandbox(sandbox, contactId, (r) => r.contact.tags.includes(tag.toLowerCase()), `the tag added to the contact found by search (${prefix})`);
  expect(await axeViolations(sidebar)).toEqual([]);
}

/** Someone not in GHL: "Create contact in GHL" opens the form pre-filled; corrected, then created. */
export async function createFromSearch(sandbox: Sandbox, sidebar: Page, prefix: string) {
  const last = `Quillfeather${prefix}`;
  await search(sidebar, `Odessa ${last}`);
  await waitForText(sidebar, '[data-testid=find] [aria-live]', (t) => t[0] === 'No contact found in this location.', 'nobody found');
  const create = await sidebar.waitForSelector('[data-testid=find] > button');
  await create!.click();
  const form = '[data-testid=person-form]';
  await sidebar.waitForSelector(form);
  expect(await sidebar.$eval(`${form} input[name=first]`, (i) => (i as HTMLInputElement).value)).toBe('Odessa');
  expect(await sidebar.$eval(`${form} input[name=last]`, (i) => (i as HTMLInputElement).value)).toBe(last);
  // the split corrected: a two-word first name
  await sidebar.click(`${form} input[name=first]`, { count: 3 });
  await sidebar.keyboard.type('Odessa Mae');
  await sidebar.type(`${form} input[name=email]`, `odessa.${prefix.toLowerCase()}@quillfeather.io`);
  await sidebar.type(`${form} input[name=company]`, 'Quillfeather Press');
  expect(await axeViolations(sidebar)).toEqual([]);
  if (prefix === 'Chromium') await readmeShot(sidebar, '11-create-form');
  await sidebar.click(`${form} button[type=submit]`);
  await waitForContact(sidebar, `Odessa Mae ${last}`, 20_000);
  const contactId = await sidebar.$eval('[data-testid=contact-card] a[href*="/contacts/detail/"]', (a) => (a as HTMLAnchorElement).href.split('/').pop()!);
  await waitForSandbox(sandbox, contactId, (r) => r.contact.firstName === 'Odessa Mae' && r.contact.lastName === last && (r.contact as { companyName?: string }).companyName === 'Quillfeather Press', 'the contact created as corrected');
}

/** The sidebar with no web page to follow (opened on its own): the search still works. */
export async function searchWithNoTab(eb: ExtensionBrowser) {
  const sidebar = await eb.openExtensionPage('sidepanel.html');
  await sidebar.waitForSelector(BOX);
  await sidebar.type(BOX, 'diego@lumacraft');
  await waitFor(async () => (await textOf(sidebar, RESULTS)).some((t) => t.startsWith('Diego Santos')), 15_000, 'Diego Santos found with no tab');
  await sidebar.close();
}

/**
 * "Edit before creating" on detected people missing from GHL (a HeyReach list): one corrected and
 * created as corrected, linked to the listed person; one whose corrected email is an existing
 * contact's, matched to it, not created (the correction is used for matching too).
 */
export async function correctBeforeCreating(eb: ExtensionBrowser, sandbox: Sandbox, prefix: string) {
  const options = await eb.openExtensionPage('options.html');
  const url = partnerUrl('heyreach', 'list');
  await openPartnerPage(eb, url);
  const sidebar = await openSidebarFor(eb, await tabIdOf(eb, options, url));
  await sidebar.setViewport({ width: 420, height: 900 });
  await options.close();
  const form = '[data-testid=person-form]';
  const edit = async (name: string) => {
    await selectPerson(sidebar, name);
    await waitForText(sidebar, '[data-testid=match] button', (t) => t.includes('Edit before creating'), 'the edit button');
    const buttons = await sidebar.$$('[data-testid=match] button');
    const labels = await textOf(sidebar, '[data-testid=match] button');
    await buttons[labels.indexOf('Edit before creating')]!.click();
    await sidebar.waitForSelector(form);
  };
  const setField = async (field: string, value: string) => {
    await sidebar.click(`${form} input[name=${field}]`, { count: 3 });
    await sidebar.keyboard.press('Backspace');
    await sidebar.type(`${form} input[name=${field}]`, value);
  };

  await edit('Hannah Whitfield');
  expect(await sidebar.$eval(`${form} input[name=company]`, (i) => (i as HTMLInputElement).value)).toBe('Orbital Freight');
  const last = `Whitfield-${prefix}`;
  await setField('last', last);
  await setField('email', `hannah.${prefix.toLowerCase()}@orbitalfreight.com`);
  await setField('title', 'COO');
  expect(await axeViolations(sidebar)).toEqual([]);
  if (prefix === 'Chromium') await readmeShot(sidebar, '12-edit-before-creating', '[data-testid=match]');
  await sidebar.click(`${form} button[type=submit]`);
  await waitForContact(sidebar, `Hannah ${last}`, 20_000);
  await waitFor(async () => (await listedPeople(sidebar)).some((p) => p.startsWith('Hannah Whitfield') && p.includes('In GHL')), 15_000, 'Hannah listed as in GHL');
  const created = sandboxSearch(sandbox, `hannah.${prefix.toLowerCase()}@orbitalfreight.com`);
  expect(created).toHaveLength(1);
  expect(created[0]).toMatchObject({ firstName: 'Hannah', lastName: last, companyName: 'Orbital Freight' });

  const contacts = () => sandbox.state.contactsOf(sandbox.locationId).length;
  const before = contacts();
  await selectPerson(sidebar, 'Kenji Watanabe');
  const kenji = (await listedPeople(sidebar)).findIndex((p) => p.startsWith('Kenji Watanabe'));
  await edit('Kenji Watanabe');
  await setField('email', 'diego@lumacraft.co');
  await sidebar.click(`${form} button[type=submit]`);
  await waitForContact(sidebar, 'Diego Santos', 20_000);
  // his place in the list now carries the contact he was linked to (a matched person is listed by the contact's name)
  const kenjiLinked = async () => {
    const entry = (await listedPeople(sidebar))[kenji];
    return !!entry?.startsWith('Diego Santos') && entry.includes('In GHL');
  };
  await waitFor(kenjiLinked, 15_000, 'Kenji linked to the contact his corrected email found');
  expect(contacts()).toBe(before); // nobody created
  expect(sandboxSearch(sandbox, 'diego@lumacraft.co')).toEqual([expect.objectContaining({ firstName: 'Diego', lastName: 'Santos' })]); // nor Diego overwritten
  await sidebar.close();
}

/**
 * Pick on page, on HelloLeads' public event form showing an organiser's card added by the test
 * (the form itself has nobody; whether detection lists the added card is not asserted): Esc
 * cancels; a click on the card reads that person into the form, corrected, then created; nothing
 * is sent before that click.
 */
export async function pickOnPage(eb: ExtensionBrowser, sandbox: Sandbox, prefix: string) {
  const options = await eb.openExtensionPage('options.html');
  const url = NOBODY_URL;
  // a tab of its own: the sidebar is opened for the tab showing this address
  for (const other of await eb.browser.pages()) if (other.url() === url) await other.close();
  const page = await openPartnerPage(eb, url);
  const email = `odile.${prefix.toLowerCase()}@kestrel-labs.com`;
  await page.evaluate((address) => {
    const card = document.createElement('section');
    card.className = 'organiser';
    card.innerHTML = `<h3>Odile Brandt</h3><p>Event organiser, Kestrel Labs</p><p><a href="mailto:${address}">${address}</a></p>`;
    document.body.prepend(card);
  }, email);
  const sidebar = await openSidebarFor(eb, await tabIdOf(eb, options, url));
  await sidebar.setViewport({ width: 420, height: 900 });
  await options.close();
  await sidebar.waitForSelector('[data-testid=pick]');
  // the pick script's overlay: a host element of its own beside <body>
  const pickRunning = () => page.waitForFunction(() => [...document.documentElement.children].some((c) => c.tagName === 'DIV'));

  // Esc cancels: no form, the button is back
  await sidebar.click('[data-testid=pick]');
  await waitForText(sidebar, '[data-testid=find] [role=status]', (t) => t.some((s) => s.startsWith('Point at the person')), 'the pick under way');
  await page.bringToFront();
  await pickRunning();
  await page.keyboard.press('Escape');
  await sidebar.waitForSelector('[data-testid=pick]');
  expect(await sidebar.$('[data-testid=person-form]')).toBeNull();

  // pick the organiser (the side panel and the page are both shown to a user; here they are tabs taking turns in front)
  await sidebar.bringToFront();
  await sidebar.click('[data-testid=pick]');
  await page.bringToFront();
  await pickRunning();
  await page.hover('.organiser p');
  if (prefix === 'Chromium') {
    await new Promise((r) => setTimeout(r, 300));
    await readmeShot(page, '13-pick');
  }
  await page.click('.organiser p');
  const form = '[data-testid=person-form]';
  await sidebar.waitForSelector(form);
  await sidebar.bringToFront();
  const value = (field: string) => sidebar.$eval(`${form} input[name=${field}]`, (i) => (i as HTMLInputElement).value);
  expect([await value('first'), await value('last'), await value('email')]).toEqual(['Odile', 'Brandt', email]);
  await sidebar.type(`${form} input[name=title]`, 'Event organiser');
  await sidebar.click(`${form} input[name=last]`, { count: 3 });
  await sidebar.keyboard.type(`Brandt-${prefix}`);
  expect(await axeViolations(sidebar)).toEqual([]);
  expect(sandboxSearch(sandbox, email)).toEqual([]); // nothing sent before the click
  await sidebar.click(`${form} button[type=submit]`);
  await waitForContact(sidebar, `Odile Brandt-${prefix}`, 20_000);
  expect(sandboxSearch(sandbox, email)).toEqual([expect.objectContaining({ firstName: 'Odile', lastName: `Brandt-${prefix}` })]);
  await sidebar.close();
  await page.close();
}

/**
 * What a right-click hands the sidebar (findAskItem, as lib/background/context-menu.ts writes it
 * for "Find in HighLevel" on a selected email, then "Add to HighLevel" on a tel: link): the sidebar
 * looks the email up, then opens the form pre-filled. The menu click itself is the browser's own UI,
 * which a headless browser does not draw: its reading is covered by tests/find/selection.test.ts.
 */
export async function contextMenuAsks(eb: ExtensionBrowser) {
  const sidebar = await sidebarFor(eb);
  const ask = (value: object) =>
    sidebar.evaluate(async (v) => {
      const g = globalThis as unknown as { browser?: { storage: { session: { set(o: object): Promise<void> } } }; chrome: { storage: { session: { set(o: object): Promise<void> } } } };
      await (g.browser ?? g.chrome).storage.session.set({ findAsk: { ...v, at: Date.now() } });
    }, value);
  await ask({ kind: 'find', query: 'diego@lumacraft.co', person: { email: 'diego@lumacraft.co' }, site: 'mail.example.org' });
  await waitFor(async () => (await textOf(sidebar, RESULTS)).some((t) => t.startsWith('Diego Santos')), 15_000, 'the selected email looked up');
  expect(await sidebar.$eval(BOX, (i) => (i as HTMLInputElement).value)).toBe('diego@lumacraft.co');
  await ask({ kind: 'add', query: '+14155550199', person: { phone: '+14155550199' }, site: 'crm.example.org' });
  await sidebar.waitForSelector('[data-testid=person-form]');
  expect(await sidebar.$eval('[data-testid=person-form] input[name=phone]', (i) => (i as HTMLInputElement).value)).toBe('+14155550199');
  await ask({ kind: 'focus', notice: 'The selection is too long to look up (5,242,880 characters). Select only the name, email or phone number.' });
  await waitForText(sidebar, '[data-testid=find-notice]', (t) => t[0]?.startsWith('The selection is too long') ?? false, 'why the selection was refused');
  await sidebar.close();
}

async function sidebarFor(eb: ExtensionBrowser) {
  const sidebar = await eb.openExtensionPage('sidepanel.html');
  await sidebar.waitForSelector(BOX);
  return sidebar;
}

/** HelloLeads' event speakers: cards of names only, where detection finds nobody (tests/detect/demo-pages.test.ts pins it). */
export const SPEAKERS_URL = `https://${info.host}${info.pages.find((p) => p.file === 'helloleads/speakers.html')!.path}`;
const SPEAKERS = ['Odile Brandt', 'Matteo Ricci', 'Priya Natarajan', 'Jonas Ekberg'];

/**
 * Teach this site: on the speakers page (nobody found), a card picked, then "Find people like this
 * on this site" → every card listed; after a reload still listed (the rule kept for the site); on
 * a page of the site without such cards the sidebar says the rule found nobody; the options list
 * the site with what it found, and once it is forgotten there a reload lists nobody again.
 */
export async function teachThisSite(eb: ExtensionBrowser, sandbox: Sandbox, prefix: string) {
  let options = await eb.openExtensionPage('options.html');
  await options.waitForSelector('#locationId');
  if (!(await options.$eval('body', (b) => b.textContent ?? '')).includes('Connected to')) {
    await options.close();
    options = await connectWithToken(eb, sandbox);
  }
  for (const other of await eb.browser.pages()) if (other.url() === SPEAKERS_URL) await other.close();
  const page = await openPartnerPage(eb, SPEAKERS_URL);
  const tabId = await tabIdOf(eb, options, SPEAKERS_URL);
  const sidebar = await openSidebarFor(eb, tabId);
  await sidebar.setViewport({ width: 420, height: 900 });
  await options.close();
  await waitForText(sidebar, '.empty', (t) => t.includes('No people found on this page.'), 'that nobody was found');
  /** the tab's last report as the background kept it (what the sidebar lists) */
  const kept = () =>
    sidebar.evaluate(async (key) => {
      type Session = { storage: { session: { get(k: string): Promise<Record<string, { url: string; reportedAt: number; people: unknown[]; taught?: number }>> } } };
      const g = globalThis as unknown as { browser?: Session; chrome: Session };
      return (await (g.browser ?? g.chrome).storage.session.get(key))[key];
    }, `tabPeople:${tabId}`);
  /** waits for a report of `url` made after `since` that `fits` */
  const reported = (url: string, since: number, fits: (r: { people: unknown[]; taught?: number }) => boolean, what: string) =>
    waitFor(async () => {
      const r = await kept();
      return !!r && r.url === url && r.reportedAt > since && fits(r);
    }, 15_000, what);

  // pick the first speaker's card (by its talk: the card, not the name, is what is pointed at)
  await sidebar.click('[data-testid=pick]');
  await page.bringToFront();
  await page.waitForFunction(() => [...document.documentElement.children].some((c) => c.tagName === 'DIV'));
  await page.hover('.speaker .talk');
  await new Promise((r) => setTimeout(r, 300));
  if (prefix === 'Chromium') await readmeShot(page, '14-pick-card');
  await page.click('.speaker .talk');
  await sidebar.waitForSelector('[data-testid=person-form]');
  await sidebar.bringToFront();
  expect(await sidebar.$eval('[data-testid=person-form] input[name=first]', (i) => (i as HTMLInputElement).value)).toBe('Odile');
  const teach = '[data-testid=teach] button';
  await waitForText(sidebar, teach, (t) => t[0] === 'Find people like this on this site', 'the teach button');
  expect(await axeViolations(sidebar)).toEqual([]);
  if (prefix === 'Chromium') await readmeShot(sidebar, '15-teach', '[data-testid=teach]');
  // keyboard: the button is reached and pressed like any other
  await sidebar.focus(teach);
  await sidebar.keyboard.press('Enter');
  await waitForText(sidebar, '[data-testid=find-notice]', (t) => t[0]?.startsWith('Learnt.') ?? false, 'the site taught');
  const allListed = async () => {
    const listed = await listedPeople(sidebar).catch(() => [] as string[]);
    return SPEAKERS.every((name) => listed.some((p) => p.startsWith(name)));
  };
  await waitFor(allListed, 15_000, 'every speaker listed at once');

  // the rule is the site's: after a reload the cards are listed again
  const reloaded = Date.now();
  await page.reload({ waitUntil: 'load' });
  await reported(SPEAKERS_URL, reloaded, (r) => r.taught === SPEAKERS.length && r.people.length === SPEAKERS.length, 'the reloaded page reported the speakers');
  await waitFor(allListed, 15_000, 'every speaker listed after a reload');
  expect(await listedPeople(sidebar)).toHaveLength(SPEAKERS.length); // no one twice
  if (prefix === 'Chromium') await readmeShot(sidebar, '16-taught-list');

  // the options list the site with what its rule found there
  const listing = await eb.openExtensionPage('options.html');
  await waitForText(listing, '[data-testid=taught-sites] li', (t) => t.length === 1 && t[0]!.includes(`https://${info.host}`) && t[0]!.includes('1 rule · found 4 people last time'), 'the taught site listed with what it found');
  expect(await axeViolations(listing)).toEqual([]);
  if (prefix === 'Chromium') await readmeShot(listing, '17-taught-sites', '#sites-title');
  await listing.close();

  // a page of the same site without such cards: the rule found nobody, and the sidebar says so
  await page.goto(NOBODY_URL, { waitUntil: 'load' });
  await waitForText(sidebar, '[data-testid=taught-nobody]', (t) => t[0] === 'The rule for this site found nobody here — pick again?', 'the rule found nobody');
  expect(await axeViolations(sidebar)).toEqual([]);

  // forgotten in the options (from the keyboard), a reload lists nobody
  const settings = await eb.openExtensionPage('options.html');
  await waitForText(settings, '[data-testid=taught-sites] li', (t) => t[0]?.includes('found 0 people last time') ?? false, 'the site listed with its last count');
  await settings.focus(`[data-testid=taught-sites] button[aria-label="Forget what was taught for https://${info.host}"]`);
  await settings.keyboard.press('Enter');
  await waitForText(settings, '[data-testid=taught-sites] li', (t) => t[0]?.startsWith('None yet.') ?? false, 'the site forgotten');
  await settings.close();
  const forgotten = Date.now();
  await page.goto(SPEAKERS_URL, { waitUntil: 'load' });
  await reported(SPEAKERS_URL, forgotten, () => true, 'the speakers page reported again');
  await new Promise((r) => setTimeout(r, 1_500)); // time enough for a rule to be handed over, were there one
  expect(await kept()).toMatchObject({ url: SPEAKERS_URL, people: [] });
  expect((await kept())?.taught).toBeUndefined();
  await waitForText(sidebar, '.empty', (t) => t.includes('No people found on this page.'), 'nobody found once the rule is forgotten');
  expect(await sidebar.$('[data-testid=taught-nobody]')).toBeNull();
  await sidebar.close();
  await page.close();
}
