// The contact view in the sidebar, cold and warm, and the requests each view sends.
// Cold (opened): a partner tab whose page focuses a person the background never fetched; time
// from the sidebar page's navigation start to that person's record shown in full (look-up, then
// the record). Cold (click): a never-fetched person clicked in the sidebar's list (already looked
// up while listing). Warm: the same person clicked again (the background's kept record).
import type { Page } from 'puppeteer-core';
import type { Contact } from '../../sandbox/types';
import { PEOPLE, openPeopleList, tabIdOf } from '../lib/flow';
import { NAME_SHIM, ask, duplicates, loggedRequests, resetRequests, sleep, type BenchEnv } from './env';
import { armClickToContact, benchResult, showsContact, timeOpenToContact } from './in-page';
import { LOOP_PEOPLE } from './loop';
import { campaignPage, fullName, leadPanelPage, openGeneratedPage } from './pages';
import { summarise, type Summary } from './stats';

/** quiet time after a view is shown, for requests still on their way to be counted */
const SETTLE_MS = 400;

export interface ViewFigures {
  ms: Summary;
  /** opened views: until the page's people were listed with their matches (boot + look-up) */
  listedMs?: Summary;
  requests: Summary;
  duplicates: number;
  /** what the runs' requests were, by kind ("GET /contacts/{id}/tasks"), summed over the runs */
  kinds: Record<string, number>;
  /** CORS preflights the worker sent (the bench's API base URL is not HighLevel's host: users' requests send none) */
  preflights: number;
  runs: number;
  /** each run's request count, and whether it read a business's contacts */
  perRun: { count: number; business: boolean }[];
}

/** a request's kind: its method and path with the ids taken out */
const kindOf = (r: { method: string; path: string }) =>
  `${r.method} ${r.path.replace(/\?.*$/, '').replace(/\/[A-Za-z0-9]{20,}(?=\/|$)/g, '/{id}')}`;

export interface SidebarFigures {
  coldOpen: ViewFigures;
  coldClick: ViewFigures;
  warm: ViewFigures;
  /** the sidebar page showing a contact, left open for the quick-tag and memory measurements */
  sidebar: Page;
  shown: Contact;
}

async function waitForReport(env: BenchEnv, tabId: number, people: number) {
  for (let i = 0; i < 200; i++) {
    const page = await ask<{ people: unknown[] } | null>(env.extensionPage, 'getTabPeople', tabId).catch(() => null);
    if (page && page.people.length >= people) return;
    await sleep(50);
  }
  throw new Error(`the content script did not report ${people} people for tab ${tabId}`);
}

async function openPartnerTab(env: BenchEnv, url: string, html: string, people: number) {
  const tab = await openGeneratedPage(() => env.eb.browser.newPage(), url, html);
  const tabId = await tabIdOf(env.eb, env.extensionPage, url);
  await waitForReport(env, tabId, people);
  return { tab, tabId };
}

/** counts what the view sent once it is quiet */
async function viewRequests(env: BenchEnv): Promise<{ count: number; dup: number; kinds: string[]; preflights: number }> {
  await sleep(SETTLE_MS);
  const logged = await loggedRequests(env.sandbox);
  // duplicates are counted from what the worker sent (seen over CDP): a view whose requests were not seen there would count none whatever it sent
  const seen = env.sent.filter((r) => r.method !== 'OPTIONS').length;
  if (logged.length && !seen) throw new Error(`the worker's ${logged.length} requests were not seen over CDP (looked for ${env.apiUrl})`);
  return { count: logged.length, dup: duplicates(env.sent), kinds: logged.map(kindOf), preflights: env.sent.length - seen };
}

async function startView(env: BenchEnv) {
  await resetRequests(env.sandbox);
  env.sent.length = 0;
}

/** one cold view: a lead panel for `c` in a partner tab, then the sidebar opened for that tab */
async function coldOpen(env: BenchEnv, c: Contact, run: number) {
  const url = `https://app.heyreach.io/app/inbox?bench=${run}`;
  const { tab, tabId } = await openPartnerTab(env, url, leadPanelPage(c), 1);
  await startView(env);
  const sidebar = await env.eb.browser.newPage();
  await sidebar.evaluateOnNewDocument(NAME_SHIM);
  await sidebar.evaluateOnNewDocument(timeOpenToContact, fullName(c), showsContact.toString());
  await sidebar.goto(`${env.eb.extensionBase}sidepanel.html?tab=${tabId}`);
  const t = await sidebar.evaluate(benchResult);
  const req = await viewRequests(env);
  await sidebar.close();
  await tab.close();
  return { ms: t.end - t.start, listed: t.listed, ...req };
}

/** clicks `c` in the sidebar's list (opened first, not timed) and times until its record is shown in full */
export async function clickPerson(env: BenchEnv, sidebar: Page, c: Contact) {
  await openPeopleList(sidebar);
  await startView(env);
  await sidebar.evaluate(armClickToContact, fullName(c), showsContact.toString());
  const buttons = await sidebar.$$(PEOPLE);
  const labels = await Promise.all(buttons.map((b) => b.evaluate((e) => e.textContent ?? '')));
  const i = labels.findIndex((l) => l.startsWith(fullName(c)));
  if (i < 0) throw new Error(`${fullName(c)} is not in the sidebar's list`);
  await buttons[i]!.click();
  const t = await sidebar.evaluate(benchResult);
  const req = await viewRequests(env);
  return { ms: t.end - t.start, ...req };
}

function figures(runs: { ms: number; listed?: number; count: number; dup: number; kinds: string[]; preflights: number }[]): ViewFigures {
  const listed = runs.flatMap((r) => (r.listed === undefined ? [] : [r.listed]));
  const kinds: Record<string, number> = {};
  for (const k of runs.flatMap((r) => r.kinds)) kinds[k] = (kinds[k] ?? 0) + 1;
  return { ms: summarise(runs.map((r) => r.ms)), listedMs: listed.length ? summarise(listed) : undefined,
    requests: summarise(runs.map((r) => r.count)), duplicates: Math.max(...runs.map((r) => r.dup)),
    kinds, preflights: runs.reduce((n, r) => n + r.preflights, 0), runs: runs.length,
    perRun: runs.map((r) => ({ count: r.count, business: r.kinds.some((k) => k.startsWith('GET /contacts/business/')) })) };
}

/** whether every run sent no more than the view needs: `floor`, and one more for a contact with a business */
export function withinFloor(f: ViewFigures, floor: number): boolean {
  return f.perRun.every((r) => r.count <= floor + (r.business ? 1 : 0));
}

/** "contact ×9, …, business list ×6 of 9": what a view's requests were, over the runs */
export function describeKinds(f: ViewFigures): string {
  return Object.entries(f.kinds).map(([k, n]) => `${k} ${n === f.runs ? `×${n}` : `in ${n} of ${f.runs}`}`).join(', ');
}

export async function measureSidebar(env: BenchEnv, people: Contact[], runs: number): Promise<SidebarFigures> {
  // one view first, not counted: the location's lists (users, tags, fields) are fetched once per location
  await coldOpen(env, people[0]!, 0);
  const open = [];
  for (let i = 1; i <= runs; i++) open.push(await coldOpen(env, people[i]!, i));

  // never fetched; the first is shown on opening; enough for the clicks and for the quick-tag loop after
  const listed = people.slice(runs + 1, runs + 1 + Math.max(runs + 1, LOOP_PEOPLE));
  const { tabId } = await openPartnerTab(env, 'https://app.heyreach.io/app/campaigns/4821?bench=list', campaignPage(listed), listed.length);
  const sidebar = await env.eb.browser.newPage();
  await sidebar.evaluateOnNewDocument(NAME_SHIM);
  await sidebar.evaluateOnNewDocument(timeOpenToContact, fullName(listed[0]!), showsContact.toString());
  await sidebar.goto(`${env.eb.extensionBase}sidepanel.html?tab=${tabId}`);
  await sidebar.evaluate(benchResult);
  await sidebar.bringToFront();
  const click = [];
  const warm = [];
  for (let i = 1; i <= runs; i++) {
    click.push(await clickPerson(env, sidebar, listed[i]!));
    await clickPerson(env, sidebar, listed[i - 1]!); // another person in between
    warm.push(await clickPerson(env, sidebar, listed[i]!));
  }
  return { coldOpen: figures(open), coldClick: figures(click), warm: figures(warm), sidebar, shown: listed[runs]! };
}
