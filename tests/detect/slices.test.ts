// @vitest-environment happy-dom
// A full scan read in slices (what the content script does, so a long page never stutters) finds
// exactly what one scan to the end finds, however small the slices; the watcher reports the rows
// read first at once and the whole page when done, starts again when the page moves under it, and
// never sends more people than the background accepts. Correctness only: times are in the bench.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { adapterFor, watchPage } from '../../lib/detect';
import { scanPage, startScan } from '../../lib/detect/engine';
import type { PageReport } from '../../lib/detect/types';
import { loadFixtures, parseHtml, repo } from './helpers';

const tuning = join(repo, 'tests/fixtures/corpus/tuning');
const pages = [
  ...loadFixtures().map((f) => ({ name: f.name, url: f.url, html: f.html })),
  ...readdirSync(tuning).filter((f) => f.endsWith('.html')).map((f) => ({
    name: `corpus/tuning/${f}`,
    url: (JSON.parse(readFileSync(join(tuning, f.replace(/\.html$/, '.expected.json')), 'utf8')) as { url: string }).url,
    html: readFileSync(join(tuning, f), 'utf8'),
  })),
];

const row = (i: number) => `<tr><td><input type="checkbox"></td><td>Ada${String.fromCharCode(97 + (i % 26))} Park</td><td>user${i}@bigco.io</td><td>+1 415 555 ${String(i % 10000).padStart(4, '0')}</td></tr>`;
const list = (n: number) => `<table><thead><tr><th></th><th>Name</th><th>Email</th><th>Phone</th></tr></thead><tbody>${Array.from({ length: n }, (_, i) => row(i)).join('')}</tbody></table>`;

/** a scan run in slices that end at once (each reads 64 nodes), and how many slices it took */
function inSlices(doc: Document, url: string) {
  const job = startScan(doc, { url, adapter: adapterFor(url) });
  let slices = 0;
  for (;;) {
    slices++;
    const done = job.run(performance.now() - 1);
    if (done) return { done, slices };
  }
}

describe('a scan in slices', () => {
  for (const page of pages) {
    it(`${page.name}: finds what one scan finds`, () => {
      const whole = scanPage(parseHtml(page.html), { url: page.url, adapter: adapterFor(page.url) }).detection;
      expect(inSlices(parseHtml(page.html), page.url).done.detection).toEqual(whole);
    });
  }
  it('reads a long list in many slices, and what it read first in page order', () => {
    const doc = parseHtml(`<html><body>${list(1500)}</body></html>`);
    const job = startScan(doc, { url: 'https://crm.example.org/all' });
    expect(job.run(performance.now() - 1)).toBeUndefined();
    const first = job.sofar().detection.people;
    expect(first.length).toBeGreaterThan(0);
    expect(first.length).toBeLessThan(1500);
    expect(first.map((p) => p.email)).toEqual(Array.from({ length: first.length }, (_, i) => `user${i}@bigco.io`));
    const { done, slices } = inSlices(doc, 'https://crm.example.org/all');
    expect(slices).toBeGreaterThan(4);
    expect(done.detection.people).toHaveLength(1500);
  });
});

describe('the watcher reads a long page in slices', () => {
  let stop: (() => void) | undefined;
  let win: Window | undefined;
  afterEach(async () => {
    stop?.();
    await win?.happyDOM.close();
    vi.restoreAllMocks();
  });
  const watch = (rows: number, onReport?: (d: PageReport, doc: Document) => void) => {
    win = new Window({ url: 'https://crm.example.org/all' });
    win.document.body.innerHTML = list(rows);
    const reports: PageReport[] = [];
    const doc = win.document as unknown as Document;
    // slices that end at once: each reads 64 nodes (this DOM is far slower than a browser's)
    stop = watchPage(win as unknown as globalThis.Window, (d) => { reports.push(d); onReport?.(d, doc); }, { debounceMs: 20, pollMs: 20, sliceMs: -1 });
    return { reports, doc: win.document };
  };
  const until = async (ok: () => boolean) => {
    for (let i = 0; i < 500 && !ok(); i++) await new Promise((r) => setTimeout(r, 10));
    expect(ok()).toBe(true);
  };

  it('reports the rows read first, then the whole page', async () => {
    const { reports } = watch(450);
    await until(() => reports[reports.length - 1]?.people.length === 450);
    expect(reports[0]!.people.length).toBeGreaterThan(0);
    expect(reports[0]!.people.length).toBeLessThan(450);
    expect(reports[0]!.people[0]!.email).toBe('user0@bigco.io');
  });
  it('never sends more people than the background accepts', async () => {
    const { reports } = watch(700);
    await new Promise((r) => setTimeout(r, 1500));
    const last = reports[reports.length - 1]!;
    expect(last.people).toHaveLength(500);
    expect(last.people[499]!.email).toBe('user499@bigco.io');
  });

  it('starts again from the top when the row it was to read next leaves the page', async () => {
    let removed = '';
    const { reports } = watch(450, (d, doc) => {
      if (removed) return;
      // right after the first slice: the app removes the row the scan goes on from
      const next = doc.querySelector('tbody')!.children[d.people.length]!;
      removed = next.textContent!.match(/user\d+@bigco.io/)![0];
      next.remove();
    });
    await until(() => reports[reports.length - 1]?.people.length === 449);
    // no report after the first carries the row that left (a walk going on from it would read it)
    for (const r of reports.slice(1)) expect(r.people.map((p) => p.email)).not.toContain(removed);
  });

  describe('with idle callbacks, on a clock that moves 1 ms each time it is read', () => {
    // a slice of 2 ms: it reads the clock every 64 rows, so it reads 192 rows (its first look past
    // the budget ends it) and looks at the clock 6 times in all, with the watcher's own looks
    const SLICE = 2;
    const LOOKS = 6;
    /** the watcher's idle callbacks, run when the test says, and the time (ms) each was asked for at */
    const idle: { run: IdleRequestCallback; at: number }[] = [];
    let now = 0;
    const start = (rows: number) => {
      idle.length = 0;
      now = 0;
      vi.spyOn(performance, 'now').mockImplementation(() => now++);
      win = new Window({ url: 'https://crm.example.org/all' });
      win.document.body.innerHTML = list(rows);
      const w = win as unknown as globalThis.Window;
      w.requestIdleCallback = (run) => idle.push({ run, at: now });
      const reports: PageReport[] = [];
      stop = watchPage(w, (d) => reports.push(d), { debounceMs: 20, pollMs: 20, sliceMs: SLICE });
      return reports;
    };
    /** runs the next idle callback with `remaining` ms of idle time, until the watcher asks for the next; the time it ran for */
    const runIdle = async (remaining: number) => {
      await until(() => idle.length > 0);
      const { run } = idle.shift()!;
      const at = now;
      run({ didTimeout: false, timeRemaining: () => Math.max(0, at + remaining - now) });
      await until(() => idle.length > 0);
      return idle[0]!.at - at;
    };

    it('a slice stops at its budget, then waits for the next idle period when the page has no idle time left', async () => {
      start(1000);
      expect(await runIdle(0)).toBeLessThanOrEqual(LOOKS);
    });

    it('while the idle period lasts, the next slice follows at once, in a task of its own', async () => {
      start(1000);
      // three slices in the 15 ms, the last of them ending past it
      const ran = await runIdle(15);
      expect(ran).toBeGreaterThanOrEqual(15);
      expect(ran).toBeLessThanOrEqual(15 + LOOKS);
    });

    it('reads the whole page that way', async () => {
      const reports = start(480);
      const all = () => reports[reports.length - 1]?.people.length === 480;
      for (let i = 0; i < 100 && !all(); i++) {
        await until(() => idle.length > 0 || all());
        const end = now + 15;
        idle.shift()?.run({ didTimeout: false, timeRemaining: () => Math.max(0, end - now) });
      }
      expect(reports[reports.length - 1]!.people.map((p) => p.email)).toEqual(Array.from({ length: 480 }, (_, i) => `user${i}@bigco.io`));
    });
  });
});
