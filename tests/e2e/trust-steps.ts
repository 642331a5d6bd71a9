// Steps of the trust browser tests: what a content script can do to storage.local when the browser
// lets it (Firefox; Chrome before the access level is set), done from an extension page, which
// reaches the same storage.local with the same calls; restarting the background as each browser
// does; and the refusals the background reports in its activity log.
import type { Page } from 'puppeteer-core';
import { stopServiceWorker, waitFor, type ExtensionBrowser } from '../../scripts/lib/browsers';
import type { Sandbox } from '../../sandbox/server';
import type { ActivityEntry } from '../../lib/protocol';
import { message } from './outbox-steps';

type LocalArea = {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
};
type PageGlobals = { browser?: { storage: { local: LocalArea } }; chrome: { storage: { local: LocalArea } } };

/** storage.local as an extension page (or a content script allowed to) sees it. */
export function localStorageOf(page: Page) {
  return {
    get: (key: string) => page.evaluate(async (k) => (await ((globalThis as unknown as PageGlobals).browser ?? (globalThis as unknown as PageGlobals).chrome).storage.local.get(k))[k], key),
    set: (items: Record<string, unknown>) =>
      page.evaluate(async (i) => ((globalThis as unknown as PageGlobals).browser ?? (globalThis as unknown as PageGlobals).chrome).storage.local.set(i), items as never),
    remove: (keys: string[]) => page.evaluate(async (k) => ((globalThis as unknown as PageGlobals).browser ?? (globalThis as unknown as PageGlobals).chrome).storage.local.remove(k), keys),
  };
}

/**
 * Restarts the background and gives back an extension page that reaches it: Chromium stops the
 * MV3 worker (the next message starts a new one); Firefox's MV2 background page lives as long
 * as the add-on, so the add-on is reloaded (as at a browser restart or an update).
 */
export async function restartBackground(eb: ExtensionBrowser, page: Page): Promise<Page> {
  if (eb.kind === 'chromium') {
    await stopServiceWorker(eb, page);
    return page;
  }
  // Reloading closes the add-on's own tabs, and a window left with no tab closes (the options page
  // the install opened can take the window's first blank tab): a tab of the user's stays open.
  const keep = await eb.browser.newPage();
  await page.evaluate(() => void (globalThis as unknown as { browser: { runtime: { reload(): void } } }).browser.runtime.reload()).catch(() => undefined);
  await waitFor(async () => page.isClosed() || !(await page.evaluate(() => !!(globalThis as unknown as { browser?: { runtime?: { id?: string } } }).browser?.runtime?.id).catch(() => false)), 20_000, 'the add-on did not reload');
  const next = await eb.openExtensionPage('options.html');
  await waitFor(async () => (await message(next, 'getOutboxStatus', undefined).then(() => true, () => false)), 20_000, 'the reloaded background does not answer');
  await keep.close();
  return next;
}

/** The refusals in the activity log (what the background would not act on), newest first. */
export async function refusalsIn(page: Page): Promise<ActivityEntry[]> {
  return (await message(page, 'getActivity', undefined)).filter((e) => e.state === 'refused');
}

/** Requests that reached the sandbox since `since` (ISO time): all, and those that change something. */
export async function sandboxRequestsSince(sandbox: Sandbox, since: string) {
  const res = await fetch(`${sandbox.baseUrl}/__admin/requests?limit=5000`);
  const all = ((await res.json()) as { requests: Array<{ time: string; method: string; path: string }> }).requests.filter((r) => r.time >= since);
  return { all, writes: all.filter((r) => r.method !== 'GET' && !r.path.includes('/search')) };
}
