// Tables and grids whose header names the columns: <th>, role=columnheader, mat-header-cell, or
// a header row of spans/divs (HeyReach's <linkedin-reusable-user-list>). Header texts come from
// the walk; here they are grouped into header rows, the data rows are found (table rows, ARIA
// rows, or siblings shaped like the header) and each cell is read as its column's field.
import { firstText, isSkipped, visibleText } from './dom';
import type { PhoneReader } from './phone';
import type { HeaderCell } from './signals';
import { signalFor, type Signal } from './values';
import { nameText } from './names';
import type { Field, HeaderWord } from './vocabulary';

export interface Table {
  headerRow: Element;
  /** the field of each header child, by index */
  columns: (HeaderWord | undefined)[];
  rows: Element[];
  /** the element holding the rows (a tbody) */
  body: Element | null;
  /** the path from a row to the element whose children are its cells */
  cellPath: number[];
}

const CELL_TAGS = new Set(['TH', 'TD', 'MAT-HEADER-CELL']);
const isCell = (el: Element) => CELL_TAGS.has(el.tagName) || el.getAttribute('role') === 'columnheader';
const KEYS = new Set<HeaderWord>(['name', 'firstName', 'email', 'phone', 'linkedin']);

/** the tables described by the header texts found in a walk */
export function findTables(headerCells: HeaderCell[]): Table[] {
  const byRow = new Map<Element, Map<Element, HeaderWord>>();
  for (const { el, word } of headerCells) {
    const cell = cellOf(el);
    const row = cell.parentElement;
    if (!row) continue;
    let cells = byRow.get(row);
    if (!cells) byRow.set(row, (cells = new Map()));
    if (!cells.has(cell)) cells.set(cell, word);
  }
  const tables: Table[] = [];
  for (const [headerRow, cells] of byRow) {
    const words = new Set(cells.values());
    if (cells.size < 2 || words.size < 2 || ![...words].some((w) => KEYS.has(w))) continue;
    // a header row is mostly header words; label/value lists (dt/dd, label + value) are not
    const texts = [...headerRow.children].filter((c) => (c.textContent ?? '').trim()).length;
    if (cells.size < texts * 0.6) continue;
    const columns = Array.from(headerRow.children, (c) => cells.get(c));
    const found = rowsOf(headerRow);
    if (found && found.rows.length) tables.push({ headerRow, columns, body: found.rows[0]!.parentElement, ...found });
  }
  return tables;
}

/** climb from the text's element to the header cell (through sort buttons and wrapper spans) */
export function cellOf(el: Element): Element {
  let cell = el;
  for (let i = 0; i < 3 && !isCell(cell); i++) {
    const parent = cell.parentElement;
    if (!parent || !(isCell(parent) || parent.childElementCount === 1)) break;
    cell = parent;
  }
  return cell;
}

function rowsOf(header: Element): { rows: Element[]; cellPath: number[] } | undefined {
  if (header.tagName === 'TR') {
    const table = header.closest('table');
    if (!table) return undefined;
    const rows: Element[] = [];
    const add = (r: Element) => r.tagName === 'TR' && r !== header && hasCell(r) && rows.push(r);
    for (const part of table.children) {
      // one by one: a spread of thousands of rows into push() can overflow the call stack
      if (part.tagName === 'TBODY' || part.tagName === 'TFOOT') for (const r of part.children) add(r);
      else add(part);
    }
    return { rows, cellPath: [] };
  }
  if (header.getAttribute('role') === 'row') {
    const grid = header.closest('[role=grid], [role=table], [role=treegrid]') ?? header.parentElement?.parentElement;
    const rows = grid ? [...grid.querySelectorAll('[role=row]')].filter((r) => r !== header && !r.querySelector('[role=columnheader]')) : [];
    return { rows, cellPath: [] };
  }
  // rows shaped like the header: siblings of the header or of one of its first three ancestors
  let anchor: Element = header;
  const path: number[] = [];
  for (let level = 0; level <= 3; level++) {
    const rows: Element[] = [];
    const rowTag = anchor.tagName.replace('HEADER-', ''); // mat-header-row -> mat-row
    for (let s = anchor.nextElementSibling; s; s = s.nextElementSibling) {
      if ((s.tagName === anchor.tagName || s.tagName === rowTag) && cellsAt(s, path).length >= 2) rows.push(s);
    }
    if (rows.length) return { rows, cellPath: path };
    const parent = anchor.parentElement;
    if (!parent || parent.tagName === 'BODY') break;
    path.unshift(Array.prototype.indexOf.call(parent.children, anchor));
    anchor = parent;
  }
  return undefined;
}

function cellsAt(row: Element, path: number[]): ArrayLike<Element> {
  let el: Element | undefined = row;
  for (const i of path) el = el?.children[i];
  return el ? el.children : [];
}

function hasCell(row: Element): boolean {
  for (let c = row.firstElementChild; c; c = c.nextElementSibling) if (c.tagName === 'TD') return true;
  return false;
}

/** whether el is one of the table's data rows (for rows appended later) */
export function isRowOf(table: Table, el: Element): boolean {
  const first = table.rows[0];
  return !!first && el.parentElement === table.body && el.tagName === first.tagName && el !== table.headerRow;
}

/** text that the walk would read for nothing else than the column does (no email, phone, LinkedIn or label in it) */
const NOTHING_ELSE = /^[^@<:+]*$/;
const PHONE_OR_LINKEDIN = /00|linkedin\.com/i;

/**
 * one row's signals, one per mapped column, in one pass over the row. Every other part of the row
 * (unmapped cells, a mapped cell holding more than its text, texts and elements around the cells)
 * goes to `rest`, in page order, for the walk to read. (`el`, `depth`: where it is on the way to the cells.)
 */
export function readRow(table: Table, row: Element, phone: PhoneReader, out: Signal[], rest?: (node: Node) => void, el = row, depth = 0): void {
  const { columns, cellPath } = table;
  if (depth < cellPath.length) {
    // on the way to the cells
    const next = el.children[cellPath[depth]!];
    for (let n = rest ? el.firstChild : next; n; n = rest ? n.nextSibling : null) {
      if (n === next) readRow(table, row, phone, out, rest, next, depth + 1);
      else rest!(n);
    }
    return;
  }
  // cells before the header's first (a row's own checkbox) are left of the columns
  let i = Math.min(0, columns.length - el.childElementCount);
  for (let n = el.firstChild; n; n = n.nextSibling) {
    const cell = n as Element;
    const word = n.nodeType === 1 ? columns[i++] : undefined;
    if (!word || word === 'other' || isSkipped(cell)) {
      rest?.(n);
      continue;
    }
    // a cell of text only (most cells of long lists): read once, here
    let plain = cell.firstElementChild ? undefined : cell.textContent ?? '';
    if (plain !== undefined && plain.trim().length < 2) plain = undefined;
    const s = signalFor(word, plain ?? cellText(word, cell), cell, 2, phone);
    if (s) {
      s.row = row;
      out.push(s);
    }
    if (plain === undefined || !((word === 'email' || word === 'phone') ? !plain.includes('<') : NOTHING_ELSE.test(plain) && !PHONE_OR_LINKEDIN.test(plain))) rest?.(cell);
  }
}

function cellText(field: Field, cell: Element): string {
  if (field === 'linkedin') {
    const text = visibleText(cell);
    if (/linkedin\.com\/in\//i.test(text)) return text;
    const link = cell.querySelector('a[href*="linkedin.com/in/"]') ?? cell.querySelector('a[href*="linkedin.com"]');
    return link?.getAttribute('href') ?? text;
  }
  if (field === 'email' || field === 'phone' || field === 'dialCode' || field === 'country') return visibleText(cell);
  if (field === 'name' || field === 'firstName' || field === 'lastName') return nameText(cell) || firstText(cell);
  return firstText(cell);
}
