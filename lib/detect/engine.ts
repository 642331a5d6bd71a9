// scanPage: the whole page, or part of it, to the people on it. Pure, DOM-only (no browser APIs,
// no network), bounded (node and text budgets) and never throwing; startScan does the same in
// slices, each ending at a deadline, so a long page is read without holding the page up. The same
// engine serves every site: an adapter only adds routes, and where the app's ids and details are.
import { learnSelf, pageContext, safeQuery, type PageContext } from './context';
import { isSkippedAbove } from './dom';
import { groupInSteps, groupPeople, listedPeople, runSteps, type GroupRules, type ScannedPerson } from './group';
import { newWalk, startWalk, walkOn, type Budget, type Walk, type WalkJob } from './signals';
import { routeOf, type SiteAdapter, type SiteRoute } from './sites/types';
import { drop, enrol, peopleIn, recordAt, rosterInSteps, rosterOf, type Roster } from './roster';
import { readStructured } from './structured';
import { idInUrl, withPartnerData } from './partner';
import { readRow } from './rows';
import { isRowOf, type Table } from './tables';
import { positionAfter, positionInCell } from './cards';
import { nameText } from './names';
import { subjectOf, subjectSignals, type Subject } from './profile';
import type { PageReport, ReportedPerson } from './types';
import { signal, type Signal } from './values';
import { isNameField } from './vocabulary';

export interface DetectOptions {
  url: string;
  adapter?: SiteAdapter;
  /** most DOM nodes visited (default 100,000) */
  maxNodes?: number;
  /** most characters of text read (default 2,000,000) */
  maxChars?: number;
}

/** a scan with what the watcher needs to update it: each person's elements and the page context */
export interface PageScan {
  detection: PageReport;
  /** the people in page order (the roster's list) */
  people: ScannedPerson[];
  /** the people with their record and merge-key indexes, for updates */
  roster: Roster;
  scope: Element;
  tables: Table[];
  context: PageContext;
  /** open dialogs met while reading */
  dialogs: Element[];
  /** the person a profile page is about */
  subject?: Subject;
  /** "(You)" badges met while reading */
  youMarks: Element[];
  /** side panels met while reading */
  panels: Element[];
  route?: SiteRoute;
  opts: DetectOptions;
}

const CEILING_TAGS = new Set(['DIALOG', 'ASIDE', 'ARTICLE']);
const CEILING_ROLES = new Set(['dialog', 'complementary', 'article', 'alertdialog']);
const NAME_PLACES = 'h1, h2, h3, h4, h5, [role=heading]';

/** a scan of a whole page done in slices: the page stays responsive while a long list is read */
export interface ScanJob {
  /** reads on until `deadline` (a performance.now() time); the finished scan once it is done */
  run(deadline: number): PageScan | undefined;
  /** the people read so far (a long page's first rows, to report before the rest is read) */
  sofar(): PageScan;
  /** whether the place the walk goes on from has left the page (the scan must start again) */
  stale(): boolean;
}

/**
 * the people on a page (or under an element), with the view and the focused person, phones as
 * candidates; keeps the elements behind each person for the watcher
 */
export function scanPage(root: Document | Element, opts: DetectOptions): PageScan {
  return startScan(root, opts).run(Infinity)!;
}

/** a scan of a page to run in slices (scanPage runs one to the end at once) */
export function startScan(root: Document | Element, opts: DetectOptions): ScanJob {
  const adapter = opts.adapter;
  const doc = 'documentElement' in root ? (root as Document) : (root as Element).ownerDocument;
  const scope = root === doc ? doc.body ?? doc.documentElement : (root as Element);
  const route = adapter ? routeOf(adapter, opts.url) : undefined;
  const empty: PageScan = { detection: { people: [], view: 'other', site: adapter?.id ?? 'generic' }, people: [], roster: rosterOf([]), scope,
    tables: [], context: { excluded: new Set(), self: new Set() }, dialogs: [], youMarks: [], panels: [], route, opts };
  const done: ScanJob = { run: () => empty, sofar: () => empty, stale: () => false };
  if (!scope || route?.view === 'ignore') return done;
  let scan: PageScan;
  let reading: Reading;
  try {
    const context = pageContext(scope);
    scan = { ...empty, context, subject: subjectOf(scope, opts.url) };
    reading = startReading([scope], scan, root === doc);
  } catch {
    return done;
  }
  // the walk in slices, then the people put together in slices of their own
  let walked = false;
  let grouping: Generator<void, PageScan> | undefined;
  const late = (deadline: number) => deadline !== Infinity && performance.now() > deadline;
  return {
    run(deadline) {
      try {
        if (!walked) {
          walked = readOn(reading, deadline);
          if (!walked || late(deadline)) return undefined;
        }
        grouping ??= peopleInSteps(scan, endReading(reading, scan, true));
        for (let step = grouping.next(); ; step = grouping.next()) {
          if (step.done) return step.value;
          if (late(deadline)) return undefined;
        }
      } catch {
        return empty;
      }
    },
    sofar() {
      try {
        return runSteps(peopleInSteps({ ...scan }, endReading(reading, scan, false)));
      } catch {
        return empty;
      }
    },
    stale: () => reading.jobs.some((j) => !!j.next && !j.next.isConnected),
  };
}

/** a scan's people from its signals, in steps: grouped into people, put in page order and merged, with its view and focus */
function* peopleInSteps(scan: PageScan, { signals, tables, rows, entries }: ReturnType<typeof endReading>): Generator<void, PageScan> {
  const { scope, opts } = scan;
  if (scan.subject) subjectSignals(scan.subject, scope, opts.url, signals);
  scan.tables = tables;
  const found = yield* groupInSteps(signals, rules(scan, scope, rows));
  found.push(...listedPeople(entries, signals, found, scan.context.self));
  yield;
  // records come in the order of their first signal; a later signal can name an earlier record
  const after = (a: ScannedPerson, b: ScannedPerson) => follows(a.records[0]!, b.records[0]!, scope);
  if (found.some((p, i) => i > 0 && after(found[i - 1]!, p))) found.sort((a, b) => (after(a, b) ? 1 : after(b, a) ? -1 : 0));
  scan.roster = yield* rosterInSteps(found, opts.adapter?.refine);
  scan.people = scan.roster.people;
  scan.detection = summarise(scan);
  return scan;
}

/**
 * Update a scan after parts of the page changed: re-read only `changed` (new rows, a re-rendered
 * panel) and drop the people of `removed` subtrees, merged with what is still on the page; the
 * work is proportional to the change, not to the people already found. `prev` is consumed (its
 * roster moves to the result). Returns undefined when a full scan is needed (a new table header,
 * or a change to a part that belongs to the whole page).
 */
export function rescanParts(prev: PageScan, changed: Element[], removed?: Node[]): PageScan | undefined {
  try {
    const { roster, scope } = prev;
    const scopes = new Set<Element>();
    for (const el of changed) {
      if (el === scope) return undefined;
      if (!scope.contains(el)) continue;
      const record = recordAt(roster, el, scope);
      if (record === scope) return undefined;
      // rows added to or removed from a table body arrive as their own parts and removals
      if (!record && removed && prev.tables.some((t) => t.body === el)) continue;
      scopes.add(record ?? el);
    }
    const parts = [...scopes].filter((s) => !above(s.parentElement, scopes));
    const gone = new Set<ScannedPerson>();
    for (const n of removed ?? []) if (n.nodeType === 1 && !n.isConnected) peopleIn(roster, n as Element, gone);
    for (const part of parts) peopleIn(roster, part, gone);
    // a person also read from a record outside the changed parts stays
    for (const p of gone) if (p.records.some((r) => r.isConnected && !above(r, scopes))) gone.delete(p);
    const scan: PageScan = { ...prev };
    const { signals, tables, rows, entries } = read(parts, scan);
    if (tables.length) return undefined;
    const byPart = new Map<Element, Signal[]>(parts.map((p) => [p, []]));
    for (const s of signals) byPart.get(above(s.el, scopes)!)?.push(s);
    drop(roster, gone);
    for (const [part, list] of byPart) {
      const found = groupPeople(list, rules(scan, part, rows));
      found.push(...listedPeople(entries.filter((s) => part.contains(s.el)), list, found, scan.context.self, roster));
      for (const p of rosterOf(found, prev.opts.adapter?.refine).people) enrol(roster, p);
    }
    scan.people = roster.people;
    scan.detection = summarise(scan);
    return scan;
  } catch {
    return undefined;
  }
}

/** whether a comes after b in the page (a container before what it contains; records outside the scope, like JSON-LD, last) */
function follows(a: Element, b: Element, scope: Element): boolean {
  if (a === b || a.nextElementSibling === b) return false; // rows in order: most records of a list
  const aIn = scope.contains(a);
  if (aIn !== scope.contains(b)) return !aIn;
  return !!(a.compareDocumentPosition(b) & 2); // 2: b precedes a
}

/** the first of `set` at or above el */
function above(el: Element | null, set: Set<Element>): Element | undefined {
  for (let e = el; e; e = e.parentElement) if (set.has(e)) return e;
  return undefined;
}

/** the walks of a reading's scopes, one after the other */
interface Reading {
  scopes: Element[];
  jobs: WalkJob[];
  out: Walk;
  budget: Budget;
  wholeDocument?: boolean;
  /** how many of the chrome regions met were learnt from */
  chromeLearnt: number;
}

/** walk the scopes at once; `wholeDocument` also reads JSON-LD in <head> */
function read(scopes: Element[], scan: PageScan, wholeDocument?: boolean) {
  const reading = startReading(scopes, scan, wholeDocument);
  readOn(reading, Infinity);
  return endReading(reading, scan, true);
}

function startReading(scopes: Element[], scan: PageScan, wholeDocument?: boolean): Reading {
  const { context, opts } = scan;
  const budget: Budget = { nodes: opts.maxNodes ?? 100_000, chars: opts.maxChars ?? 2_000_000 };
  const out = newWalk();
  // rows appended to a known table are read by its columns
  if (wholeDocument === undefined) for (const s of scopes) for (const t of scan.tables) if (isRowOf(t, s)) out.rowTables.set(s, t);
  const walkOpts = { excluded: context.excluded, budget, base: opts.url, self: context.self };
  const jobs = scopes.filter((s) => !isSkippedAbove(s, scan.scope)).map((s) => startWalk(s, walkOpts, out));
  return { scopes, jobs, out, budget, wholeDocument, chromeLearnt: 0 };
}

/** walks on until every scope is read (true) or the deadline passed (false) */
function readOn(reading: Reading, deadline: number): boolean {
  for (const job of reading.jobs) if (!walkOn(job, deadline)) return false;
  return true;
}

/**
 * the signals read, once the page chrome met is learnt from; when `final`, also the rows met
 * before their header and structured data
 */
function endReading(reading: Reading, scan: PageScan, final: boolean) {
  const { out, budget, scopes, wholeDocument } = reading;
  const full = wholeDocument !== undefined;
  const { context } = scan;
  learnSelf(context, out.chrome.slice(reading.chromeLearnt));
  reading.chromeLearnt = out.chrome.length;
  // a part's read adds what it met to what is still on the page; a whole page's read replaces it
  for (const kind of ['dialogs', 'youMarks', 'panels'] as const) scan[kind] = [...(full ? [] : scan[kind].filter((d) => d.isConnected)), ...out[kind]];
  const rows = out.rowsRead;
  const tables = out.tables;
  if (final) {
    // rows the walk did not meet after their header (a grid's rows above it) are read now
    for (const t of tables) {
      const readNow = (r: Element) => {
        if (rows.has(r) || isSkippedAbove(r, scan.scope) || (budget.nodes -= 8) < 0) return;
        readRow(t, r, out.signals);
        rows.add(r);
      };
      t.rows.forEach(readNow); // thousands of rows: forEach is cheaper than for…of on a first scan
      if (!t.span) for (const r of t.partOf.keys()) readNow(r);
    }
    const structured = new Set<Element>();
    for (const s of scopes) readStructured(wholeDocument ? s.ownerDocument : s, out.structured.filter((x) => s.contains(x)), out.signals, structured);
    for (const r of structured) rows.add(r);
  }
  const headers = tables.flatMap((t) => t.headerRows);
  const signals = out.signals.filter((s) => !(s.rank === 2 && !s.row && headers.some((h) => h.contains(s.el))) && !(s.fromLabel && above(s.el, rows)));
  return { signals, tables, rows, entries: out.entries };
}

function rules(scan: PageScan, root: Element, rows: Set<Element>): GroupRules {
  const named = scan.tables.filter((t) => t.columns.some(isNameField));
  const partOf = new Map<Element, Element>();
  for (const t of scan.tables) for (const [part, row] of t.partOf) partOf.set(part, row);
  const isRecord = (el: Element) => rows.has(el) || partOf.has(el);
  return {
    root,
    country: scan.context.country,
    isRecord,
    ownerOf: partOf.size ? (el) => partOf.get(el) : undefined,
    isCeiling: (el) => CEILING_TAGS.has(el.tagName) || CEILING_ROLES.has(el.getAttribute('role') ?? ''),
    self: scan.context.self,
    isMarkedSelf: scan.youMarks.length ? (record) => scan.youMarks.some((m) => record.contains(m)) : undefined,
    // a card's lines under its name; a row's, those under the name in its own cell (the company
    // stacked under it), other cells being columns; a profile's headline is no position
    positionOf: (s, record) => (s.el === scan.subject?.el ? {} : s.row ? positionInCell(s.el, s.value)
      : isRecord(record) ? {} : positionAfter(s.el, record, s.value, !!scan.subject)),
    // a row's name is its name column's, read already
    nameOf: (record) => (named.some((t) => isRowOf(t, record)) ? undefined
      : nameIn(record, scan.context.excluded, record !== scan.scope) ?? subjectsDialog(scan, record)),
  };
}

function nameIn(record: Element, excluded: Set<Element>, card: boolean): Signal | undefined {
  const places = safeQuery(record, NAME_PLACES).slice(0, 8);
  for (const el of places) {
    if (isSkippedAbove(el, record) || [...excluded].some((x) => x.contains(el))) continue;
    const text = nameText(el);
    if (text) return signal('name', text, el, 2);
  }
  // a card without a heading starts with the name (after its avatar)
  const first = card && nameText(record, true);
  return first ? signal('name', first, record, 2) : undefined;
}

/** a dialog of a profile page with no name of its own (contact info) is about the page's subject */
function subjectsDialog(scan: PageScan, record: Element): Signal | undefined {
  const { subject } = scan;
  return subject && scan.dialogs.some((d) => d.contains(record)) ? signal('name', subject.name, subject.el, 2) : undefined;
}

function summarise(scan: PageScan): PageReport {
  const { people, route, opts, scope, roster } = scan;
  const a = opts.adapter;
  const list: ReportedPerson[] = a ? withPartnerData(people, a, route, scope, scan.tables) : people.map((p) => p.person);
  const view = route && route.view !== 'ignore' ? route.view : list.length > 1 ? 'list' : list.length === 1 ? 'detail' : 'other';
  const detection: PageReport = { people: list, view, site: a?.id ?? 'generic' };
  // the language a row's country is written in, for the background that resolves it
  const lang = list.some((p) => p.countryText) ? scope.ownerDocument.documentElement?.getAttribute('lang') : undefined;
  if (lang) detection.lang = lang;
  // the person looked at: in an open dialog, or on a detail page in a side panel (a conversation's lead)
  const panels = [...scan.dialogs, ...(view === 'detail' ? scan.panels : [])]
    .filter((p) => p.isConnected && !isSkippedAbove(p, scope));
  // the first person read from inside an open panel, or from a record holding it
  const inPanels = new Set<ScannedPerson>();
  for (const panel of panels) {
    const holder = recordAt(roster, panel, scope);
    if (holder) inPanels.add(roster.byRecord.get(holder)!);
    peopleIn(roster, panel, inPanels);
  }
  let focused = inPanels.size ? people.findIndex((p) => inPanels.has(p)) : -1;
  if (focused < 0 && view === 'detail' && list.length >= 1) focused = 0;
  if (focused >= 0) detection.focused = focused;
  // a detail page's URL names the record it shows: the one person looked at
  const id = route?.view === 'detail' && focused >= 0 && idInUrl(route, opts.url);
  if (id) list[focused] = { ...list[focused], partnerId: id };
  return detection;
}

