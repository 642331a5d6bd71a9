// Steps of the outbox browser tests: messages sent from an extension page in the messaging
// library's wire format (the very messages the sidebar sends), the outbox's status, and the
// sandbox's request and fault counters.
import type { Page } from 'puppeteer-core';
import type { MessageType, OutboxStatus, ProtocolMap } from '../../lib/protocol';
import { waitFor, type ExtensionBrowser } from '../../scripts/lib/browsers';
import { openPartnerPage, openSidebarFor, tabIdOf } from '../../scripts/lib/flow';
import type { Sandbox } from '../../sandbox/server';

// The extension page's runtime, as used inside page.evaluate: Firefox's `browser` (its `chrome`
// answers by callback only), Chrome's `chrome`.
type ExtensionApi = { runtime: { sendMessage(message: unknown): Promise<unknown> } };
type PageGlobals = { browser?: ExtensionApi; chrome: ExtensionApi };

type Data<K extends MessageType> = Parameters<ProtocolMap[K]>[0];
type Value<K extends MessageType> = ReturnType<ProtocolMap[K]> extends { ok: true; value: infer T } | { ok: false } ? T : never;

/** Sends a message from the extension page; resolves to its value, throws its error in words. */
export async function message<K extends MessageType>(page: Page, type: K, data: Data<K>): Promise<Value<K>> {
  const answer = (await page.evaluate(
    (t, d) => ((globalThis as unknown as PageGlobals).browser ?? (globalThis as unknown as PageGlobals).chrome).runtime.sendMessage({ id: Math.floor(Math.random() * 1e9), type: t, data: d, timestamp: Date.now() }),
    type,
    data as never,
  )) as { res?: { ok: boolean; value?: unknown; error?: { message: string } }; err?: unknown } | undefined;
  if (!answer?.res) throw new Error(`${type}: no answer (${JSON.stringify(answer?.err ?? null)})`);
  if (!answer.res.ok) throw new Error(`${type} failed: ${answer.res.error?.message}`);
  return answer.res.value as Value<K>;
}

/** A message's answer, or an error after `ms` (an answer lost with a stopped worker is asked again). */
const within = <T>(ms: number, what: string, p: Promise<T>) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms))]);

/** Waits until the outbox's status passes `check` (each ask also wakes a stopped worker). */
export async function waitForOutbox(page: Page, check: (s: OutboxStatus) => boolean, timeoutMs: number, what: string, log?: (s: OutboxStatus) => void) {
  let last: OutboxStatus | undefined;
  let loggedAt = 0;
  await waitFor(
    async () => {
      last = await within(20_000, 'getOutboxStatus', message(page, 'getOutboxStatus', undefined));
      if (log && Date.now() - loggedAt > 10_000) log((loggedAt = Date.now(), last));
      return check(last);
    },
    timeoutMs,
    `${what}; last status ${JSON.stringify(last && { ...last, jobs: last.jobs.length })}`,
  );
}

export interface RequestCounts {
  total: number;
  byStatus: Record<string, number>;
  rateLimited: number;
  dropped: number;
}

export async function requestCounts(sandbox: Sandbox): Promise<RequestCounts> {
  const res = await fetch(`${sandbox.baseUrl}/__admin/requests?limit=1`);
  return ((await res.json()) as { counts: RequestCounts }).counts;
}

export type FaultCounts = Sandbox['ctx']['faults']['counts'];

export async function faultCounts(sandbox: Sandbox): Promise<FaultCounts> {
  const res = await fetch(`${sandbox.baseUrl}/__admin/state`);
  return ((await res.json()) as { faults: { counts: FaultCounts } }).faults.counts;
}

export async function resetCounters(sandbox: Sandbox): Promise<void> {
  await fetch(`${sandbox.baseUrl}/__admin/reset-counters`, { method: 'POST' });
}

/** Runs `work` over `items`, at most `parallel` at once. */
export async function inParallel<T, R>(items: T[], parallel: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, items.length) }, lane));
  return results;
}

/** Changes a contact in HighLevel behind the sidebar's back (the sandbox's own API, as another user would). */
export async function changeInHighLevel(sandbox: Sandbox, contactId: string, fields: Record<string, string>): Promise<void> {
  const res = await fetch(`${sandbox.baseUrl}/contacts/${contactId}`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${sandbox.token}`, Version: '2021-07-28', 'Content-Type': 'application/json' },
    body: JSON.stringify(fields),
  });
  if (!res.ok) throw new Error(`the sandbox refused the change (${res.status})`);
}

/** Clicks the button whose text is `label`, inside `within` (a selector) if given. */
export async function clickButton(page: Page, label: string, within = 'body'): Promise<void> {
  const scope = await page.waitForSelector(within);
  const [button] = await scope!.$$(`xpath/.//button[normalize-space()=${JSON.stringify(label)}]`);
  if (!button) throw new Error(`no button “${label}” in ${within}`);
  // as a user would: brought to the middle of the sidebar first, out from under its pinned header
  await button.evaluate((b) => b.scrollIntoView({ block: 'center' }));
  await button.click();
}

/** Clicks what `selector` finds, brought to the middle of the sidebar first (out from under its pinned header), as a user would. */
export async function clickOn(page: Page, selector: string): Promise<void> {
  const element = await page.waitForSelector(selector);
  await element!.evaluate((e) => e.scrollIntoView({ block: 'center' }));
  await element!.click();
}

/** Opens a partner page and the sidebar for its tab, sized like the side panel. */
export async function sidebarOn(eb: ExtensionBrowser, extensionPage: Page, url: string): Promise<Page> {
  await openPartnerPage(eb, url);
  const sidebar = await openSidebarFor(eb, await tabIdOf(eb, extensionPage, url));
  await sidebar.setViewport({ width: 420, height: 900 });
  return sidebar;
}
