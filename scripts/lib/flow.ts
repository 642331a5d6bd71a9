// What a user does with the extension, as steps a script can run in a real browser:
// connect a location in the options page, open a partner page, open the sidebar for that tab.
// Shared by the demo and the browser tests, so the demo shows exactly what the tests prove.
import type { Page } from 'puppeteer-core';
import { waitFor, type ExtensionBrowser } from './browsers';

export interface SandboxInfo {
  /**
   * The "API base URL" to type in the options (the demo's sandbox address). Left out, the
   * extension keeps HighLevel's own, as users do: the browser tests reach the sandbox there
   * through the proxy.
   */
  apiBaseUrl?: string;
  locationId: string;
  token: string;
}

/** Pastes the sandbox's private-integration token in the options page and waits for "Connected". */
export async function connectWithToken(eb: ExtensionBrowser, sandbox: SandboxInfo): Promise<Page> {
  const options = await eb.openExtensionPage('options.html');
  await options.waitForSelector('#locationId');
  await options.evaluate(() => document.querySelector('details')?.setAttribute('open', ''));
  if (sandbox.apiBaseUrl) {
    await options.$eval('#baseUrl', (el) => ((el as HTMLInputElement).value = ''));
    await options.type('#baseUrl', sandbox.apiBaseUrl);
  }
  await options.type('#locationId', sandbox.locationId);
  await options.type('#token', sandbox.token);
  await options.click('button[type=submit]');
  await waitFor(
    async () => (await options.$eval('body', (b) => b.textContent ?? '')).includes('Connected to'),
    15_000,
    'the options page did not confirm the connection',
  );
  return options;
}

export async function openPartnerPage(eb: ExtensionBrowser, url: string): Promise<Page> {
  const page = await eb.browser.newPage();
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

/** The browser's id of the tab showing `url` (asked from an extension page). */
export async function tabIdOf(eb: ExtensionBrowser, extensionPage: Page, url: string): Promise<number> {
  let id: number | undefined;
  await waitFor(
    async () => {
      id = await extensionPage.evaluate(async (wanted: string) => {
        type TabsApi = { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };
        const g = globalThis as unknown as { browser?: TabsApi; chrome?: TabsApi };
        const tabs = await (g.browser ?? g.chrome)!.tabs.query({});
        return tabs.find((t) => t.url === wanted)?.id;
      }, url);
      return id != null;
    },
    10_000,
    `no tab shows ${url}`,
  );
  return id!;
}

/** Opens the sidebar page for a tab, as the side panel does for that tab. */
export async function openSidebarFor(eb: ExtensionBrowser, tabId: number): Promise<Page> {
  return eb.openExtensionPage(`sidepanel.html?tab=${tabId}`);
}

/** Waits until the sidebar shows the record of the contact named `name` (pinned name and its card). */
export async function waitForContact(sidebar: Page, name: string, timeoutMs = 15_000) {
  await waitFor(
    async () =>
      (await sidebar.$eval('[data-testid=contact-card] h2', (h) => h.textContent).catch(() => null)) === name &&
      (await sidebar.$eval('[data-testid=person-name]', (h) => h.textContent).catch(() => null)) === name,
    timeoutMs,
    `the sidebar did not show the contact “${name}”`,
  );
}

/** The people of the page in the sidebar's list (its options: "Maya Okafor In GHL · Acme"). */
export const PEOPLE = '[aria-label="People on this page"] [role=option]';

/**
 * Opens the sidebar's list of the page's people (a click on "3 of 6"), if it is not open, until it
 * shows them: the pinned header is drawn anew when the page's people are read again (a location
 * switched), and a list opened just before that is closed again.
 */
export async function openPeopleList(sidebar: Page): Promise<void> {
  await waitFor(async () => {
    const toggle = await sidebar.$('[data-testid=people-toggle]');
    if (!toggle) return false;
    if ((await toggle.evaluate((b) => b.getAttribute('aria-expanded'))) !== 'true') await toggle.click();
    return !!(await sidebar.$(PEOPLE));
  }, 30_000, 'the list of the page’s people');
}

/** The page's people as the sidebar lists them. */
export async function listedPeople(sidebar: Page): Promise<string[]> {
  await openPeopleList(sidebar);
  return textOf(sidebar, PEOPLE);
}

/** Shows the person whose entry starts with `name` (or the `index`th person) by clicking it in the list. */
export async function showPerson(sidebar: Page, who: string | number): Promise<void> {
  const people = await listedPeople(sidebar);
  const index = typeof who === 'number' ? who : people.findIndex((p) => p.startsWith(who));
  if (index < 0) throw new Error(`nobody called ${who} in the list: ${JSON.stringify(people)}`);
  await (await sidebar.$$(PEOPLE))[index]!.click();
}

export async function textOf(page: Page, selector: string): Promise<string[]> {
  return page.$$eval(selector, (els) => els.map((e) => (e.textContent ?? '').trim()));
}
