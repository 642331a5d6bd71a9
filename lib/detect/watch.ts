// The page watcher used by the content script: scans after load, after SPA navigation (URL
// polled cheaply, plus popstate/hashchange — a content script cannot patch the page's history)
// and after DOM changes (debounced; only the changed parts are re-read when possible). Tracks
// the person the user is looking at (detail panel, or the row last clicked or hovered). Reports
// only when the result changed. Never throws into the page. No React, no browser.* APIs.
import { rescanParts, startScan, type PageScan, type ScanJob } from './engine';
import { adapterFor } from './sites';
import type { PageReport, ReportedPerson } from './types';

export interface WatchOptions {
  /** quiet time after the last DOM change before rescanning (default 250 ms) */
  debounceMs?: number;
  /** how often the URL is checked for SPA navigation (default 500 ms) */
  pollMs?: number;
  /** checked at every URL poll: false once the extension is gone (updated, reloaded), and the watcher stops */
  alive?: () => boolean;
  /** how long one slice of a full scan reads, in milliseconds (default 16) */
  sliceMs?: number;
  /** the most people a report carries (default: the 500 the background accepts; the bench's every-row figure lifts it) */
  maxPeople?: number;
  /** changes each report before it is sent (the site's taught rules add their people) */
  adjust?: (report: PageReport) => PageReport;
}

/** stops the watcher; `report` sends the page's people again if they changed (a taught rule arrived) */
export type Watcher = (() => void) & { report(): void };

/** the longest a slice of a full scan reads for, in milliseconds (a task of over 50 ms makes a page stutter) */
const SLICE_MS = 16;
/** the first slice is shorter: its people are put together and reported in the same task */
const FIRST_SLICE_MS = 6;
/** the most people a report carries: what the background accepts (lib/background/incoming.ts) */
const MAX_REPORTED = 500;

/** more changed parts (or removed nodes) than this in one batch: rescan the whole page */
const MAX_PARTS = 200;
const MAX_REMOVED = 1000;
const WATCHED_ATTRIBUTES = ['hidden', 'aria-hidden', 'style', 'open', 'value'];

/** watch the page and report its people; returns stop */
export function watchPage(win: Window, onReport: (d: PageReport) => void, opts: WatchOptions = {}): Watcher {
  const doc = win.document;
  const debounce = opts.debounceMs ?? 250;
  let href = win.location.href;
  let scan: PageScan | undefined;
  let last: PageReport | undefined;
  let needFull = true;
  let changed = new Set<Element>();
  let removed: Node[] = [];
  let focusTarget: Element | undefined;
  let timer: number | undefined;
  let firstChange = 0;
  let hoverTimer: number | undefined;
  let stopped = false;
  /** the full scan under way, read in slices, and the address it reads */
  let job: ScanJob | undefined;
  let jobHref = '';
  /** the browser's last idle period: while it has time left, the page has nothing else to do */
  let idle: IdleDeadline | undefined;

  const guard = <A extends unknown[]>(fn: (...a: A) => void) => (...a: A) => {
    if (stopped) return;
    try { fn(...a); } catch { /* the page must never see our errors */ }
  };

  const focusedIndex = (s: PageScan): number => {
    const t = focusTarget;
    if (!t || !t.isConnected) return -1;
    return s.people.findIndex((p) => p.records.some((r) => r.contains(t)));
  };

  const report = () => {
    if (!scan) return;
    let detection: PageReport = { ...scan.detection };
    const i = focusedIndex(scan);
    if (i >= 0) detection.focused = i;
    if (opts.adjust) detection = opts.adjust(detection);
    within(detection, opts.maxPeople ?? MAX_REPORTED);
    if (last && sameReport(last, detection)) return;
    last = detection;
    try { onReport(detection); } catch { /* a failing listener must not stop the watcher */ }
  };

  const checkUrl = () => {
    const now = win.location.href;
    if (now === href) return false;
    href = now;
    needFull = true;
    focusTarget = undefined;
    return true;
  };

  const flush = guard(() => {
    timer = undefined;
    firstChange = 0;
    checkUrl();
    // a full scan under way reads what changed before it gets there; what changed behind it is read once it is done
    if (job && !needFull) return;
    const parts = [...changed];
    const gone = removed;
    changed = new Set();
    removed = [];
    if (!needFull && scan && parts.length) scan = rescanParts(scan, parts, gone);
    if (needFull || !scan) {
      needFull = false;
      startJob();
      return;
    }
    report();
  });

  /** a full scan of the page: its first slice now, the rest in slices when the page is idle */
  const startJob = () => {
    job = startScan(doc, { url: href, adapter: adapterFor(href) });
    jobHref = href;
    runSlice(true);
  };

  /** the next slice of the full scan under way; `first`: the one that starts it */
  const runSlice = guard((first?: boolean) => {
    if (!job) return;
    // navigated, or the place the walk goes on from left the page: read the page again from the top
    if (win.location.href !== jobHref || job.stale()) return startJob();
    // the first slice reads what a page shows first (its top rows), to report them at once
    const ms = opts.sliceMs ?? SLICE_MS;
    const done = job.run(performance.now() + (first ? Math.min(ms, FIRST_SLICE_MS) : ms));
    if (done) {
      job = undefined;
      scan = done;
      report();
      if (changed.size || removed.length) schedule();
      return;
    }
    if (first) {
      // the rows read so far (what a page shows first) are reported at once
      scan = job.sofar();
      report();
    }
    // the page still idle (its idle period has time left): the next slice follows at once, in a task of its
    // own; else it waits for the next idle period (one asked for now comes after this one ends: up to 50 ms
    // away on a page that shows nothing new), within 100 ms even when the page is never idle. Where idle
    // callbacks are unknown, it follows after other tasks.
    const whenIdle = (win as Window & { requestIdleCallback?: (cb: IdleRequestCallback, o: IdleRequestOptions) => number }).requestIdleCallback;
    if (!whenIdle || idle?.timeRemaining()) win.setTimeout(runSlice, 0);
    else whenIdle.call(win, (deadline) => { idle = deadline; runSlice(); }, { timeout: 100 });
  });

  const schedule = (delay = debounce) => {
    const now = Date.now();
    if (!firstChange) firstChange = now;
    win.clearTimeout(timer);
    // keep waiting for quiet, but never longer than four debounce periods
    timer = win.setTimeout(flush, now - firstChange > debounce * 4 ? 0 : delay);
  };

  /** notes a node as changed (a text by its element) */
  const change = (n: Node) => {
    const el = asElement(n);
    if (el) changed.add(el);
  };
  const observer = new (win as Window & typeof globalThis).MutationObserver(guard((records: MutationRecord[]) => {
    for (const r of records) {
      if (r.type === 'childList') {
        r.addedNodes.forEach(change);
        if (r.removedNodes.length && r.target.nodeType === 1) {
          changed.add(r.target as Element);
          r.removedNodes.forEach((n) => removed.push(n));
        }
      } else change(r.target);
    }
    if (changed.size > MAX_PARTS || removed.length > MAX_REMOVED) needFull = true;
    schedule();
  }));

  const onNavigate = guard(() => {
    if (checkUrl()) schedule();
  });
  const poll = win.setInterval(guard(() => (!opts.alive || opts.alive() ? onNavigate() : stop())), opts.pollMs ?? 500);

  const onClick = guard((e: Event) => {
    focusTarget = asElement(e.target);
    if (!checkUrl()) report();
  });
  const onHover = guard((e: Event) => {
    win.clearTimeout(hoverTimer);
    const target = asElement(e.target);
    // a row is "hovered" once the pointer rests on it, not while it passes over
    hoverTimer = win.setTimeout(guard(() => {
      if (!target || !scan) return;
      const before = focusTarget;
      focusTarget = target;
      if (focusedIndex(scan) < 0) focusTarget = before;
      else report();
    }), debounce * 2);
  });

  const listening = new AbortController(); // stop() removes every listener at once
  const { signal } = listening;
  const listen = { capture: true, passive: true, signal };
  doc.addEventListener('click', onClick, listen);
  doc.addEventListener('mouseover', onHover, listen);
  for (const type of ['popstate', 'hashchange']) win.addEventListener(type, onNavigate, { signal });
  const start = guard(() => {
    observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: WATCHED_ATTRIBUTES });
    schedule(0);
  });
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', start, { once: true, signal });
  else start();

  function stop() {
    stopped = true;
    observer.disconnect();
    win.clearInterval(poll);
    win.clearTimeout(timer);
    win.clearTimeout(hoverTimer);
    listening.abort();
  }
  return Object.assign(stop, { report: guard(report) });
}

/** a report cut to `max` people, the one looked at kept */
function within(d: PageReport, max: number): void {
  if (d.people.length <= max) return;
  d.more = d.people.length - max;
  const people = d.people.slice(0, max);
  if (d.focused !== undefined && d.focused >= max) {
    people[max - 1] = d.people[d.focused]!;
    d.focused = max - 1;
  }
  d.people = people;
}

/** whether two reports say the same: people compared field by field (one that was not re-read is the same object) */
function sameReport(a: PageReport, b: PageReport): boolean {
  if (a.people.length !== b.people.length || a.view !== b.view || a.site !== b.site || a.focused !== b.focused || a.taught !== b.taught) return false;
  return a.people.every((p, i) => {
    const q = b.people[i]!;
    if (p === q) return true;
    const keys = Object.keys(p) as (keyof ReportedPerson)[];
    return keys.length === Object.keys(q).length && keys.every((k) => p[k] === q[k]);
  });
}

/** the element an event happened on or a change was made to (text nodes count as their parent) */
function asElement(t: EventTarget | null): Element | undefined {
  const node = t as Node | null;
  if (!node || typeof node.nodeType !== 'number') return undefined;
  return node.nodeType === 1 ? (node as Element) : node.parentElement ?? undefined;
}
