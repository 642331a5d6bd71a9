// Detection in real Chromium: the content script's detector (lib/detect, bundled with esbuild as
// the content script bundles it) run inside a generated 5,000-row list page, against a bare DOM
// walk of the same page (a TreeWalker visiting every node and reading its text). Measured twice:
// - first scan: on a freshly loaded page with a freshly loaded detector (what a user waits for
//   when a page opens), against the first walk of another fresh copy of the page;
// - warm: after WARMUP scans and walks, once the engine has compiled both (what every later full
//   scan costs); the walks in a row, then the scans in a row, so neither pays for the other's garbage.
// Then one mutation batch: 20 rows appended and re-read incrementally, as the page watcher does.
import type { Browser } from 'puppeteer-core';
import { detectorSource } from '../lib/detector-source';
import { NAME_SHIM } from './env';
import { summarise, type Summary } from './stats';

const ROWS = 5000;
const BATCH = 20;
/** scans and walks run before the warm ones are measured: the engine's compilers and heap settle over the first ones */
export const WARMUP = 10;
const URL = 'https://crm.example.org/all';

export interface DetectionFigures {
  /** each on a fresh page */
  firstScanMs: Summary;
  firstWalkMs: Summary;
  scanMs: Summary;
  walkMs: Summary;
  batchMs: Summary;
  people: number;
  nodes: number;
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

export async function measureDetection(browser: Browser, runs: number): Promise<DetectionFigures> {
  const source = await detectorSource('__detect');
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
    return { firstScanMs: summarise(firstScan), firstWalkMs: summarise(firstWalk), scanMs: summarise(scan), walkMs: summarise(walk), batchMs: summarise(batch), people, nodes };
  } finally {
    await page.close();
  }
}
