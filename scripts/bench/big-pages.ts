// A big list page reported to the extension at HighLevel's default rate limit (100 requests /
// 10 s), with the sidebar already open on its tab: from the content script's report to every name
// listed, to the focused person's record shown in full, and to everyone matched; and the look-ups
// (searches and duplicate checks) and 429s the sandbox saw. The report is sent from the content
// script's own isolated world (the people of a lead list page, one of them focused, as the
// detector reports them), so the times start at the report itself and not at the detector's wait
// for the page to settle. Both ends read the same clock (performance.timeOrigin + now). Every run
// starts with the background stopped (nothing matched is kept in memory) and a focused person
// whose record was never read.
import type { Page } from 'puppeteer-core';
import { stopServiceWorker } from '../lib/browsers';
import { openSidebarFor, tabIdOf } from '../lib/flow';
import type { Contact } from '../../sandbox/types';
import { contentScriptWorld } from '../../tests/e2e/session-steps';
import { NAME_SHIM, loggedRequests, resetRequests, sleep, type BenchEnv } from './env';
import { showsContact } from './in-page';
import { fullName, openGeneratedPage } from './pages';
import { summarise, type Summary } from './stats';

const RATE_WINDOW_MS = 10_000;

export interface BigPageFigures {
  people: number;
  /** report → every name listed */
  listedMs: Summary;
  /** report → the focused person's record shown in full */
  recordMs: Summary;
  /** report → nobody pending */
  matchedMs: Summary;
  /** searches and duplicate checks, per run */
  lookUps: Summary;
  /** every request to HighLevel from the report on (look-ups, the record, the location's lists) */
  requests: Summary;
  rateLimited: number;
}

type Timed = { listed: number; record: number; matched: number };

/** Installed in the sidebar: resolves with when `count` names are listed, `name`'s record is shown in full, and nobody is pending. */
function armBigPage(count: number, name: string, shows: string): void {
  const ok = new Function('name', `return (${shows})(name)`) as (n: string) => boolean;
  const now = () => performance.timeOrigin + performance.now();
  (window as unknown as { __big: Promise<Timed> }).__big = new Promise((resolve) => {
    const seen: Partial<Timed> = {};
    const check = () => {
      const people = document.querySelectorAll('[aria-label="People on this page"] button');
      if (seen.listed === undefined && people.length >= count) seen.listed = now();
      if (seen.record === undefined && ok(name)) seen.record = now();
      if (seen.matched === undefined && people.length >= count && !document.querySelector('[aria-label="People on this page"] [data-state=pending]')) seen.matched = now();
      if (seen.listed !== undefined && seen.record !== undefined && seen.matched !== undefined) {
        observer.disconnect();
        resolve(seen as Timed);
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
  });
}

const EMPTY_LIST = '<!doctype html><html lang="en"><head><title>Lead list</title></head><body><main><h1>Lead list</h1></main></body></html>';

async function onePage(env: BenchEnv, contacts: Contact[], focused: number, run: number): Promise<Timed & { report: number; lookUps: number; requests: number; rateLimited: number }> {
  await stopServiceWorker(env.eb, env.extensionPage); // nothing matched kept from the run before
  const url = `https://app.heyreach.io/app/lists/bench-${contacts.length}-${run}`;
  const tab = await openGeneratedPage(() => env.eb.browser.newPage(), url, EMPTY_LIST);
  const content = await contentScriptWorld(tab, env.eb);
  const sidebar: Page = await openSidebarFor(env.eb, await tabIdOf(env.eb, env.extensionPage, url));
  await sidebar.waitForSelector('.empty'); // "No people found on this page": ready, nothing reported yet
  await sidebar.evaluate(NAME_SHIM);
  await sidebar.evaluate(armBigPage, contacts.length, fullName(contacts[focused]!), showsContact.toString());
  await resetRequests(env.sandbox);
  const people = contacts.map((c) => ({ name: fullName(c), email: c.email, company: c.companyName }));
  const report = { people, focused, view: 'list', site: 'heyreach' };
  const sent = (await content.run(`(() => {
    const at = performance.timeOrigin + performance.now();
    chrome.runtime.sendMessage({ id: 1, type: 'reportPeople', data: ${JSON.stringify(report)}, timestamp: Date.now() });
    return at;
  })()`)) as number;
  const times = (await sidebar.evaluate(() => (window as unknown as { __big: Promise<Timed> }).__big)) as Timed;
  await sleep(400); // requests still on their way are counted
  const log = await loggedRequests(env.sandbox);
  await sidebar.close();
  await tab.close();
  return {
    ...times,
    report: sent,
    lookUps: log.filter((r) => r.path.startsWith('/contacts/search')).length,
    requests: log.length,
    rateLimited: log.filter((r) => r.status === 429).length,
  };
}

/**
 * `runs` reports of a page of the first `size` of `contacts` (the background stopped before each,
 * so nothing is matched already), the focused person a different lead each run, after a rate
 * window without requests.
 */
export async function measureBigPage(env: BenchEnv, contacts: Contact[], size: number, runs: number): Promise<BigPageFigures> {
  const leads = contacts.slice(0, size);
  if (leads.length < size) throw new Error(`only ${leads.length} contacts for a ${size}-lead page`);
  await sleep(RATE_WINDOW_MS + 200); // the sandbox's window holds no earlier request
  const samples = [];
  for (let run = 0; run < runs; run++) samples.push(await onePage(env, leads, Math.floor(size * 0.7) + run, run));
  return {
    people: size,
    listedMs: summarise(samples.map((s) => s.listed - s.report)),
    recordMs: summarise(samples.map((s) => s.record - s.report)),
    matchedMs: summarise(samples.map((s) => s.matched - s.report)),
    lookUps: summarise(samples.map((s) => s.lookUps)),
    requests: summarise(samples.map((s) => s.requests)),
    rateLimited: samples.reduce((n, s) => n + s.rateLimited, 0),
  };
}
