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
import { API_VERSION } from '../../lib/ghl/http';
import { FIRST_LOOKED_UP } from '../../lib/match/lookup-budget';
import { roundTrips, summarise, type Summary } from './stats';

const RATE_WINDOW_MS = 10_000;

export interface BigPageFigures {
  people: number;
  /** report → every name listed */
  listedMs: Summary;
  /** report → the focused person's record shown in full */
  recordMs: Summary;
  /** the record's requests in a chain: its look-up, then its reads, each wave waiting on the one before */
  recordRoundTrips: Summary;
  /** the same requests (the first search, then the 5 reads at once) sent by a bare fetch from an extension page */
  bareRecordMs: Summary;
  /** report → nobody pending */
  matchedMs: Summary;
  /** searches and duplicate checks, per run */
  lookUps: Summary;
  /** every request to HighLevel the report caused (look-ups, the focused record, the business's list) */
  requests: Summary;
  /** the requests of the run with the most, by kind */
  kinds: Record<string, number>;
  rateLimited: number;
}

type Timed = { listed: number; record: number; matched: number };

/**
 * Installed in the sidebar: resolves with when `count` names are listed (the switcher reads
 * "… of `count`"), `name`'s record is shown in full, and all `count` are matched (the bulk box
 * counts them in GHL: every lead of the page is a contact of the location). Nothing is clicked:
 * the people list stays closed, as a user who tags the focused person leaves it.
 */
function armBigPage(count: number, name: string, shows: string): void {
  const ok = new Function('name', `return (${shows})(name)`) as (n: string) => boolean;
  const now = () => performance.timeOrigin + performance.now();
  (window as unknown as { __big: Promise<Timed> }).__big = new Promise((resolve) => {
    const seen: Partial<Timed> = {};
    const check = () => {
      const position = document.querySelector('[data-testid=people-toggle]')?.textContent ?? '';
      const inGhl = document.querySelector('[data-testid=bulk-summary]')?.textContent ?? '';
      if (seen.listed === undefined && new RegExp(`\\b${count}\\b`).test(position)) seen.listed = now();
      if (seen.record === undefined && ok(name)) seen.record = now();
      if (seen.matched === undefined && new RegExp(`\\(${count}\\b`).test(inGhl)) seen.matched = now();
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

/** The parts of the record the sidebar shows in full, each its own request. */
const RECORD_PARTS = new Set(['contact', 'tasks', 'notes', 'appointments', 'opportunities']);

/** What a request was for, in a word: a look-up, a part of the record, the business's list. */
function kindOf(path: string): string {
  if (path.startsWith('/contacts/search')) return 'look-up';
  if (path.startsWith('/contacts/business/')) return 'business list';
  if (path.startsWith('/opportunities/search')) return 'opportunities';
  const part = /^\/contacts\/[^/]+\/(\w+)/.exec(path)?.[1];
  return part ?? (/^\/contacts\/[^/]+$/.test(path) ? 'contact' : path);
}

async function onePage(env: BenchEnv, contacts: Contact[], focused: number, run: number): Promise<Timed & { report: number; lookUps: number; requests: number; kinds: string[]; rateLimited: number; roundTrips: number }> {
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
  // BENCH_DEBUG=1: each run's requests with their times, one JSON line on stderr
  if (process.env.BENCH_DEBUG) process.stderr.write(JSON.stringify({ report: sent, times, log }) + '\n');
  await sidebar.close();
  await tab.close();
  // the requests the report caused: the sidebar's own, sent when it opened (the location's
  // lists), may still be on their way when the log is emptied, and are left out
  const caused = log.filter((r) => Date.parse(r.time) >= sent);
  return {
    ...times,
    report: sent,
    lookUps: caused.filter((r) => r.path.startsWith('/contacts/search')).length,
    requests: caused.length,
    kinds: caused.map((r) => kindOf(r.path)),
    rateLimited: caused.filter((r) => r.status === 429).length,
    // the record's chain: the first look-up (the focused person's), then the record's reads
    roundTrips: roundTrips(caused.filter((r, i) => i === caused.findIndex((x) => kindOf(x.path) === 'look-up') || RECORD_PARTS.has(kindOf(r.path)))
      .map((r) => ({ arrived: Date.parse(r.time), answered: Date.parse(r.time) + r.durationMs }))),
  };
}

/**
 * The floor of the focused record: the requests its chain is made of, sent by a bare fetch from
 * an extension page of the same browser (the same network, the same sandbox and latency, no
 * extension code): the first search (the focused person and the top of the page, by email), then
 * the record's 5 reads at once. Times from the first request to the last answer read.
 */
async function bareRecord(env: BenchEnv, contacts: Contact[], focused: number): Promise<number> {
  const emails = [contacts[focused]!, ...contacts.slice(0, FIRST_LOOKED_UP)].map((c) => c.email!);
  const { apiUrl, sandbox } = env;
  await env.extensionPage.evaluate(NAME_SHIM);
  return (await env.extensionPage.evaluate(async (api: string, token: string, locationId: string, emails: string[], contactId: string, versions: typeof API_VERSION) => {
    const headers = (version: string) => ({ authorization: `Bearer ${token}`, version, 'content-type': 'application/json', accept: 'application/json' });
    // an answer other than 200 would time something else than the record's requests
    const read = (r: Response) => (r.ok ? r.json() : Promise.reject(new Error(`the bare client's ${r.url} was answered ${r.status}`)));
    const get = (path: string, version: string = versions.contacts) => fetch(`${api}/${path}`, { headers: headers(version) }).then(read);
    await get(`contacts/${contactId}`); // a warm connection, as the worker's are (the sidebar's own reads went before)
    const t0 = performance.now();
    await fetch(`${api}/contacts/search`, {
      method: 'POST', headers: headers(versions.contacts),
      body: JSON.stringify({ locationId, pageLimit: 200, filters: [{ group: 'OR', filters: emails.map((value) => ({ field: 'email', operator: 'eq', value })) }] }),
    }).then(read);
    await Promise.all([
      get(`contacts/${contactId}`), get(`contacts/${contactId}/tasks`), get(`contacts/${contactId}/notes`),
      get(`contacts/${contactId}/appointments`), get(`opportunities/search?location_id=${locationId}&contact_id=${contactId}`, versions.opportunities),
    ]);
    return performance.now() - t0;
  }, apiUrl, sandbox.token, sandbox.locationId, emails, contacts[focused]!.id, API_VERSION)) as number;
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
  const bare: number[] = [];
  for (let run = 0; run < runs; run++) {
    const focused = Math.floor(size * 0.7) + run;
    samples.push(await onePage(env, leads, focused, run));
    bare.push(await bareRecord(env, leads, focused));
  }
  return {
    people: size,
    listedMs: summarise(samples.map((s) => s.listed - s.report)),
    recordMs: summarise(samples.map((s) => s.record - s.report)),
    recordRoundTrips: summarise(samples.map((s) => s.roundTrips)),
    bareRecordMs: summarise(bare),
    matchedMs: summarise(samples.map((s) => s.matched - s.report)),
    lookUps: summarise(samples.map((s) => s.lookUps)),
    requests: summarise(samples.map((s) => s.requests)),
    kinds: samples.reduce((a, b) => (b.kinds.length > a.kinds.length ? b : a)).kinds.reduce<Record<string, number>>((n, k) => ({ ...n, [k]: (n[k] ?? 0) + 1 }), {}),
    rateLimited: samples.reduce((n, s) => n + s.rateLimited, 0),
  };
}
