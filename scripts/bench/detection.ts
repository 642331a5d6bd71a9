// Detection in real Chromium: the content script's detector (lib/detect, bundled with esbuild as
// the content script bundles it) run inside a generated 5,000-row list page, against a bare DOM
// walk of the same page (a TreeWalker visiting every node and reading its text). Measured twice:
// - first scan: on a freshly loaded page with a freshly loaded detector (what a user waits for
//   when a page opens), against the first walk of another fresh copy of the page;
// - warm: after WARMUP scans and walks, once the engine has compiled both (what every later full
//   scan costs); the walks in a row, then the scans in a row, so neither pays for the other's garbage.
// Then one mutation batch: 20 rows appended and re-read incrementally, as the page watcher does.
// And the watcher as the content script runs it (in slices, the first at once, the rest when the
// page is idle), started with the page as a content script is: every task it runs is timed (its
// timer and idle callbacks wrapped), long tasks are seen by a `longtask` PerformanceObserver, and
// its reports are timed from the page's DOMContentLoaded.
import type { Browser } from 'puppeteer-core';
import { detectorSource } from '../lib/detector-source';
import { NAME_SHIM } from './env';
import { summarise, type Summary } from './stats';

const ROWS = 5000;
const BATCH = 20;
/** scans and walks run before the warm ones are measured: the engine's compilers and heap settle over the first ones */
export const WARMUP = 10;
const URL = 'https://crm.example.org/all';

export interface WatchFigures {
  /** the longest task of the watcher (its start, a timer or idle callback of its own) */
  longestTaskMs: Summary;
  /** long tasks (> 50 ms) the observer saw that overlap a task of the watcher's */
  longTasks: number;
  /** from DOMContentLoaded to the page's first free moment (a task scheduled then runs) */
  pageBusyMs: Summary;
  /** from DOMContentLoaded to the first report */
  firstAfterDomMs: Summary;
  /** from the page's first free moment to the first report */
  firstPeopleMs: Summary;
  /** from the watcher's first slice to the report of every row */
  allPeopleMs: Summary;
  /** the watcher's tasks until every row was reported */
  tasks: number;
}

export interface DetectionFigures {
  /** each on a fresh page */
  firstScanMs: Summary;
  firstWalkMs: Summary;
  scanMs: Summary;
  walkMs: Summary;
  batchMs: Summary;
  people: number;
  nodes: number;
  watch: WatchFigures;
}

/** row i of the list: a person's name (names repeat, as in real lists: each row is still its own person), email, phone, date */
const row = (i: number) => {
  // inside the function: it is also sent into the page as its source
  const first = ['Ada', 'Ben', 'Chloé', 'Diego', 'Emma', 'Farah', 'Gus', 'Hana', 'Ivan', 'Jo', 'Kwame', 'Lena', 'Mateo'];
  const last = ['Park', 'Ode', 'Okafor', 'Lund', 'Moreau', 'Silva', 'Nguyen', 'Schmidt', 'Rossi', 'Kowalski', 'Haddad'];
  return `<tr><td><input type="checkbox"></td><td>${first[i % first.length]} ${last[Math.floor(i / first.length) % last.length]}</td>` +
    `<td>user${i}@bigco.io</td><td>+1 415 555 ${String(i % 10000).padStart(4, '0')}</td><td>2026-03-${String((i % 28) + 1).padStart(2, '0')}</td></tr>`;
};

export function listPage(rows: number): string {
  const body = Array.from({ length: rows }, (_, i) => row(i)).join('');
  return `<!doctype html><html lang="en"><body><table><thead><tr><th></th><th>Name</th><th>Email</th><th>Phone</th><th>Created</th></tr></thead><tbody>${body}</tbody></table></body></html>`;
}

type Detect = {
  scanPage(d: Document, o: { url: string }): { people: unknown[]; detection: { people: unknown[] } };
  rescanParts(s: unknown, parts: Element[]): { detection: { people: unknown[] } } | undefined;
};
type BenchGlobals = { __detect: Detect; __scan: unknown; __row: (i: number) => string };

/** in the page: a bare walk of the whole document reading every text, timed */
function bareWalk() {
  const t0 = performance.now();
  const w = document.createTreeWalker(document.documentElement);
  let n = 0;
  let chars = 0;
  for (let node: Node | null = w.currentNode; node; node = w.nextNode()) {
    n++;
    if (node.nodeType === 3) chars += (node.textContent ?? '').length;
  }
  if (!chars) throw new Error('the walk read no text');
  return { ms: performance.now() - t0, n };
}

/** in the page: a full scan, timed; kept for the mutation batch that follows */
function fullScan(url: string) {
  const g = globalThis as unknown as BenchGlobals;
  const t0 = performance.now();
  const s = g.__detect.scanPage(document, { url });
  const ms = performance.now() - t0;
  g.__scan = s;
  return { ms, people: s.detection.people.length };
}

/** a page of the list with the detector loaded */
async function listWithDetector(browser: Browser, source: string) {
  const page = await browser.newPage();
  await page.setContent(listPage(ROWS));
  await page.evaluate(NAME_SHIM);
  await page.addScriptTag({ content: source });
  return page;
}

/** the first scan of a fresh page by a freshly loaded detector, or the first walk of one */
async function first(browser: Browser, source: string, what: 'scan' | 'walk'): Promise<number> {
  const page = await listWithDetector(browser, source);
  try {
    if (what === 'walk') return (await page.evaluate(bareWalk)).ms;
    const s = await page.evaluate(fullScan, URL);
    if (s.people === 0) throw new Error('the first scan found no one');
    return s.ms;
  } finally {
    await page.close();
  }
}

type WatchRun = { longest: number; longTasks: number; pageBusy: number; firstAfterLoad: number; first: number; all: number; tasks: number };

/**
 * installed before the page loads: times every timer and idle callback the watcher schedules, keeps
 * the long tasks the page sees, and starts the watcher the way the content script does
 */
function armWatch() {
  type W = Window & typeof globalThis & { __detect: { watchPage(w: Window, cb: (d: { people: unknown[] }) => void, o: object): void }; __watch: unknown };
  const w = window as W;
  const tasks: { start: number; end: number }[] = [];
  const longTasks: { start: number; end: number }[] = [];
  const reports: { t: number; n: number }[] = [];
  const free: number[] = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push({ start: e.startTime, end: e.startTime + e.duration });
  }).observe({ type: 'longtask', buffered: true });
  // the watcher's own callbacks are timed: those it schedules while it starts or runs
  let mine = false;
  const timed = <A extends unknown[]>(fn: (...a: A) => void) => (...a: A) => {
    const start = performance.now();
    mine = true;
    try { fn(...a); } finally {
      mine = false;
      tasks.push({ start, end: performance.now() });
    }
  };
  const setTimeout0 = w.setTimeout.bind(w);
  const idle0 = w.requestIdleCallback?.bind(w);
  w.setTimeout = ((fn: () => void, ms?: number) => setTimeout0(mine ? timed(fn) : fn, ms)) as typeof w.setTimeout;
  if (idle0) w.requestIdleCallback = ((fn: IdleRequestCallback, o?: IdleRequestOptions) => idle0(mine ? timed(fn) : fn, o)) as typeof w.requestIdleCallback;
  w.__watch = { tasks, longTasks, reports, free };
  // the page's own first free moment after DOMContentLoaded: a task scheduled then runs once the
  // browser has laid out and painted the page (a 5,000-row page keeps it busy for a while)
  document.addEventListener('DOMContentLoaded', () => setTimeout0(() => free.push(performance.now()), 0));
  document.addEventListener('DOMContentLoaded', timed(() => {
    w.__detect.watchPage(window, (d) => reports.push({ t: performance.now(), n: d.people.length }), { maxPeople: Infinity });
  }));
}

/** the watcher's figures once it reported every row */
async function watchRun(browser: Browser, source: string): Promise<WatchRun> {
  const page = await browser.newPage();
  try {
    const html = listPage(ROWS);
    await page.setRequestInterception(true);
    page.on('request', (req) => void (req.url() === URL ? req.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: html }) : req.respond({ status: 404, body: '' })));
    await page.evaluateOnNewDocument(NAME_SHIM);
    await page.evaluateOnNewDocument(source);
    await page.evaluateOnNewDocument(armWatch);
    await page.goto(URL, { waitUntil: 'load' });
    await page.waitForFunction((n: number) => (window as unknown as { __watch: { reports: { n: number }[] } }).__watch.reports.some((r) => r.n === n), { timeout: 60_000 }, ROWS);
    await new Promise((r) => setTimeout(r, 200)); // the last long tasks reach the observer
    return await page.evaluate((n: number) => {
      type Span = { start: number; end: number };
      const { tasks, longTasks, reports, free } = (window as unknown as { __watch: { tasks: Span[]; longTasks: Span[]; reports: { t: number; n: number }[]; free: number[] } }).__watch;
      const loaded = (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventStart;
      const all = reports.find((r) => r.n === n)!.t;
      // the watcher's tasks: the start at DOMContentLoaded, then its slices
      const ours = tasks.filter((t) => t.start <= all);
      const overlapping = longTasks.filter((l) => ours.some((t) => t.start < l.end && l.start < t.end));
      const firstSlice = ours[1]?.start ?? all;
      return { longest: Math.max(...ours.map((t) => t.end - t.start)), longTasks: overlapping.length, pageBusy: free[0]! - loaded,
        firstAfterLoad: reports[0]!.t - loaded, first: reports[0]!.t - free[0]!, all: all - firstSlice, tasks: ours.length };
    }, ROWS);
  } finally {
    await page.close();
  }
}

export async function measureWatch(browser: Browser, source: string, runs: number): Promise<WatchFigures> {
  const all: WatchRun[] = [];
  for (let i = 0; i < Math.min(runs, 5); i++) all.push(await watchRun(browser, source));
  return {
    longestTaskMs: summarise(all.map((r) => r.longest)),
    longTasks: Math.max(...all.map((r) => r.longTasks)),
    pageBusyMs: summarise(all.map((r) => r.pageBusy)),
    firstAfterDomMs: summarise(all.map((r) => r.firstAfterLoad)),
    firstPeopleMs: summarise(all.map((r) => r.first)),
    allPeopleMs: summarise(all.map((r) => r.all)),
    tasks: Math.max(...all.map((r) => r.tasks)),
  };
}

export async function measureDetection(browser: Browser, runs: number): Promise<DetectionFigures> {
  const source = await detectorSource('__detect');
  const watch = await measureWatch(browser, source, runs);
  const firstScan: number[] = [];
  const firstWalk: number[] = [];
  for (let i = 0; i < Math.min(runs, 5); i++) {
    firstScan.push(await first(browser, source, 'scan'));
    firstWalk.push(await first(browser, source, 'walk'));
  }
  const page = await listWithDetector(browser, source);
  try {
    await page.evaluate(`globalThis.__row = ${row.toString()}`);
    const scan: number[] = [];
    const walk: number[] = [];
    const batch: number[] = [];
    let people = 0;
    let nodes = 0;
    const timeWalk = () => page.evaluate(bareWalk);
    const timeScan = () => page.evaluate(fullScan, URL);
    const timeBatch = () => page.evaluate((start: number, count: number) => {
      const g = globalThis as unknown as BenchGlobals;
      const tbody = document.querySelector('tbody')!;
      const t = document.createElement('template');
      t.innerHTML = `<table><tbody>${Array.from({ length: count }, (_, k) => g.__row(start + k)).join('')}</tbody></table>`;
      const rows = [...t.content.querySelectorAll('tr')];
      tbody.append(...rows);
      const t0 = performance.now();
      const next = g.__detect.rescanParts(g.__scan, rows);
      const ms = performance.now() - t0;
      if (!next || next.detection.people.length < count) throw new Error('the appended rows were not read incrementally');
      rows.forEach((r) => r.remove()); // back to the page as it was
      return ms;
    }, ROWS, BATCH);
    for (let i = 0; i < WARMUP; i++) {
      await timeWalk();
      await timeScan();
    }
    // each side measured in a row of its own: a walk right after a scan would also pay for collecting the scan's garbage
    for (let i = 0; i < runs; i++) {
      const w = await timeWalk();
      walk.push(w.ms);
      nodes = w.n;
    }
    for (let i = 0; i < runs; i++) {
      const s = await timeScan();
      scan.push(s.ms);
      people = s.people;
      batch.push(await timeBatch());
    }
    if (people !== ROWS) throw new Error(`the detector found ${people} people on the ${ROWS}-row page`);
    return { firstScanMs: summarise(firstScan), firstWalkMs: summarise(firstWalk), scanMs: summarise(scan), walkMs: summarise(walk), batchMs: summarise(batch), people, nodes, watch };
  } finally {
    await page.close();
  }
}
