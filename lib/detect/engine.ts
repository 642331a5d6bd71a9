// scanPage: the whole page, or part of it, to the people on it. Pure, synchronous, DOM-only
// (no browser APIs, no network), bounded (node and text budgets) and never throwing. The same
// engine serves every site: an adapter only adds routes and selectors.
import { learnSelf, pageContext, isSelf, safeQuery, type PageContext } from './context';
import { isSkipped, firstText } from './dom';
import { groupPeople, dedupe, type GroupRules, type ScannedPerson } from './group';
import type { CountryCode, PhoneCheck } from './phone';
import { newWalk, walk, type Budget } from './signals';
import { routeOf, type SiteAdapter, type SiteRoute } from './sites/types';
import { readStructured } from './structured';
import { findTables, readRows, isRowOf, type Table } from './tables';
import { looksLikeName, clean } from './text';
import type { PageReport, ReportedPerson } from './types';
import type { Signal } from './values';

export interface DetectOptions {
  url: string;
  adapter?: SiteAdapter;
  /** default country for national phone numbers (else the page's <html lang> region) */
  country?: CountryCode;
  /**
   * validate and normalise each phone while reading (the reference mode). By default phones are
   * reported as candidates with their country, and normalised by the background (./normalise.ts).
   */
  checkPhone?: PhoneCheck;
  /** most DOM nodes visited (default 100,000) */
  maxNodes?: number;
  /** most characters of text read (default 2,000,000) */
  maxChars?: number;
}

/** a scan with what the watcher needs to update it: each person's elements and the page context */
export interface PageScan {
  detection: PageReport;
  people: ScannedPerson[];
  scope: Element;
  tables: Table[];
  context: PageContext;
  /** open dialogs met while reading */
  dialogs: Element[];
  route?: SiteRoute;
  opts: DetectOptions;
}

const CEILING_TAGS = new Set(['DIALOG', 'ASIDE', 'ARTICLE']);
const CEILING_ROLES = new Set(['dialog', 'complementary', 'article', 'alertdialog']);
const NAME_PLACES = 'h1, h2, h3, h4, h5, [role=heading], [class*="name" i]';

/**
 * the people on a page (or under an element), with the view and the focused person, phones as
 * candidates; keeps the elements behind each person for the watcher
 */
export function scanPage(root: Document | Element, opts: DetectOptions): PageScan {
  const adapter = opts.adapter;
  const doc = 'documentElement' in root ? (root as Document) : (root as Element).ownerDocument;
  const scope = root === doc ? doc.body ?? doc.documentElement : (root as Element);
  const route = adapter ? routeOf(adapter, opts.url) : undefined;
  const empty: PageScan = { detection: { people: [], view: 'other', site: adapter?.id ?? 'generic' }, people: [], scope,
    tables: [], context: { phone: () => undefined, excluded: new Set(), self: { values: new Set() } }, dialogs: [], route, opts };
  if (!scope || route?.view === 'ignore') return empty;
  try {
    const context = pageContext(scope, adapter, opts.country, opts.checkPhone);
    const scan: PageScan = { ...empty, context };
    const { signals, tables, rows, order } = read([scope], scan, root === doc);
    scan.tables = tables;
    const at = (p: ScannedPerson) => order.get(p.records[0]!) ?? Infinity;
    scan.people = group(signals, scan, scope, rows).sort((a, b) => at(a) - at(b));
    scan.detection = summarise(scan);
    return scan;
  } catch {
    return empty;
  }
}

/**
 * Update a scan after parts of the page changed: re-read only `changed` (new rows, a re-rendered
 * panel), merged with what is still on the page. Returns undefined when a full scan is needed
 * (a new table header, or a change to a part that belongs to the whole page).
 */
export function rescanParts(prev: PageScan, changed: Element[]): PageScan | undefined {
  try {
    const scopes = new Set<Element>();
    for (const el of changed) {
      if (!prev.scope.contains(el)) continue;
      const owner = prev.people.flatMap((p) => p.records).find((r) => r.contains(el) && r !== el);
      if (owner === prev.scope || el === prev.scope) return undefined;
      scopes.add(owner ?? el);
    }
    const parts = [...scopes].filter((s) => ![...scopes].some((o) => o !== s && o.contains(s)));
    const kept = prev.people.filter((p) => p.records.some((r) => r.isConnected && !parts.some((s) => s.contains(r))));
    const scan: PageScan = { ...prev };
    const { signals, tables, rows } = read(parts, scan);
    if (tables.length) return undefined;
    const fresh = parts.flatMap((part) => group(signals.filter((s) => part.contains(s.el)), scan, part, rows));
    scan.people = dedupe(mergeByPage(kept, fresh));
    scan.detection = summarise(scan);
    return scan;
  } catch {
    return undefined;
  }
}

/** walk the scopes; `wholeDocument` also reads JSON-LD in <head> */
function read(scopes: Element[], scan: PageScan, wholeDocument?: boolean) {
  const full = wholeDocument !== undefined;
  const { context, opts } = scan;
  const budget: Budget = { nodes: opts.maxNodes ?? 100_000, chars: opts.maxChars ?? 2_000_000 };
  const out = newWalk();
  for (const s of scopes) if (!isSkippedAbove(s, scan.scope)) walk(s, { phone: context.phone, excluded: context.excluded, budget }, out);
  learnSelf(context, out.chrome);
  scan.dialogs = [...(full ? [] : scan.dialogs.filter((d) => d.isConnected)), ...out.dialogs];
  const rows = new Set<Element>();
  const tables = findTables(out.headerCells);
  for (const t of full ? tables : scan.tables) {
    const mine = full ? t.rows : scopes.filter((s) => isRowOf(t, s));
    for (const r of readRows(t, mine.slice(0, Math.max(0, budget.nodes)), context.phone, out.signals)) rows.add(r);
    budget.nodes -= mine.length * 8;
  }
  const structured = new Set<Element>();
  for (const s of scopes) readStructured(wholeDocument ? s.ownerDocument : s, out.structured.filter((x) => s.contains(x)), context.phone, out.signals, structured);
  for (const r of structured) rows.add(r);
  const headers = tables.map((t) => t.headerRow);
  const inRow = (el: Element) => { for (let e: Element | null = el; e; e = e.parentElement) if (rows.has(e)) return true; return false; };
  const signals = out.signals.filter((s) => !(s.rank === 2 && headers.some((h) => h.contains(s.el))) && !(s.fromLabel && inRow(s.el)));
  return { signals, tables, rows, order: out.order };
}

function group(signals: Signal[], scan: PageScan, root: Element, rows: Set<Element>): ScannedPerson[] {
  const adapter = scan.opts.adapter;
  const rules: GroupRules = {
    root,
    isRecord: (el) => rows.has(el) || matches(el, adapter?.records),
    isCeiling: (el) => CEILING_TAGS.has(el.tagName) || CEILING_ROLES.has(el.getAttribute('role') ?? '') || matches(el, adapter?.detail),
    isSelf: (s) => isSelf(scan.context.self, s),
    nameOf: (record) => nameIn(record, adapter?.name, scan.context.excluded),
  };
  const people = groupPeople(signals, rules);
  const refine = adapter?.refine;
  return refine ? people.flatMap((p) => { const r = refine(p.person); return r ? [{ ...p, person: r }] : []; }) : people;
}

function nameIn(record: Element, selector: string | undefined, excluded: Set<Element>): string | undefined {
  const places = [...(selector ? safeQuery(record, selector).slice(0, 3) : []), ...safeQuery(record, NAME_PLACES).slice(0, 8)];
  for (const el of places) {
    if (isSkippedAbove(el, record) || [...excluded].some((x) => x.contains(el))) continue;
    const text = clean(firstText(el, looksLikeName), 80);
    if (looksLikeName(text)) return text;
  }
  return undefined;
}

function summarise(scan: PageScan): PageReport {
  const { people, route, opts, scope } = scan;
  const list: ReportedPerson[] = people.map((p) => p.person);
  const view = route && route.view !== 'ignore' ? route.view : list.length > 1 ? 'list' : list.length === 1 ? 'detail' : 'other';
  const detection: PageReport = { people: list, view, site: opts.adapter?.id ?? 'generic' };
  const panels = [...(opts.adapter?.detail ? safeQuery(scope, opts.adapter.detail) : []), ...scan.dialogs]
    .filter((p) => p.isConnected && !isSkippedAbove(p, scope));
  let focused = people.findIndex((p) => p.records.some((r) => panels.some((panel) => panel.contains(r) || r.contains(panel))));
  if (focused < 0 && view === 'detail' && list.length >= 1) focused = 0;
  if (focused >= 0) detection.focused = focused;
  return detection;
}

function matches(el: Element, selector: string | undefined): boolean {
  if (!selector) return false;
  try {
    return el.matches(selector);
  } catch {
    return false;
  }
}

function isSkippedAbove(el: Element, stop: Element): boolean {
  for (let e: Element | null = el; e && e !== stop; e = e.parentElement) if (isSkipped(e)) return true;
  return false;
}

/** `kept` (already in page order) with `fresh` inserted where their first record sits on the page */
function mergeByPage(kept: ScannedPerson[], fresh: ScannedPerson[]): ScannedPerson[] {
  const out = [...kept];
  for (const p of fresh) {
    let lo = 0;
    let hi = out.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (isBefore(out[mid]!.records[0]!, p.records[0]!)) lo = mid + 1;
      else hi = mid;
    }
    out.splice(lo, 0, p);
  }
  return out;
}

/** whether a comes before b in the page (a container comes before what it contains) */
function isBefore(a: Element, b: Element): boolean {
  return a === b || !!(a.compareDocumentPosition(b) & 4); // 4: b follows a (or is inside it)
}
