// Tables and grids whose header names the columns, however they are built: <table> (also a header
// table apart from its body table), ARIA grids (role=grid|table|treegrid, columnheader, row, cell;
// columns by aria-colindex, a row split over pinned containers joined by aria-rowindex), header
// rows of divs or spans above rows shaped like them, and flat CSS grids whose cells are all
// siblings. Header texts come from the walk; here they become tables whose rows are read by
// column (rows.ts).
import type { HeaderWord } from './vocabulary';
import { headerWord } from './vocabulary';
import { visibleText } from './dom';

/** a cell whose text is a known column word */
export interface HeaderCell {
  el: Element;
  word: HeaderWord;
}

export interface Table {
  /** the header rows (one, or a grid's several) */
  headerRows: Element[];
  /** the field of each header child, by index */
  columns: (HeaderWord | undefined)[];
  /** the field of each aria-colindex, for grids that number their columns */
  byColIndex?: Map<string, HeaderWord>;
  /** the data rows: for a flat grid, the first cell of each row */
  rows: Element[];
  /** the element holding the rows (a tbody) */
  body: Element | null;
  /** the path from a row to the element whose children are its cells */
  cellPath: number[];
  /** a flat grid: each row is this many sibling cells, from the row's first */
  span?: number;
  /** an ARIA grid, for rows it renders later */
  grid?: Element;
  /** parts of a row shown apart (pinned columns; a flat grid's other cells) → the row they belong to */
  partOf: Map<Element, Element>;
}

const CELL_TAGS = new Set(['TH', 'TD', 'MAT-HEADER-CELL', 'CDK-HEADER-CELL']);
const CELL_ROLES = new Set(['columnheader', 'gridcell', 'cell', 'rowheader']);
const GRID = '[role=grid], [role=treegrid], [role=table]';
/** a grid's row of column headers */
const isHeaderRow = (row: Element) => !!row.querySelector('[role=columnheader]');
const isCell = (el: Element) => CELL_TAGS.has(el.tagName) || CELL_ROLES.has(el.getAttribute('role') ?? '');
const KEYS = new Set<HeaderWord>(['name', 'firstName', 'email', 'phone', 'linkedin']);
/** a header names a person's columns: two kinds of column at least, one of them a key (a name, an email…) */
const namesPeople = (words: Set<HeaderWord>) => words.size >= 2 && [...words].some((w) => KEYS.has(w));

/** the tables described by the header texts found in a walk (`known`: the tables found before, not made twice) */
export function findTables(headerCells: HeaderCell[], known: Table[]): Table[] {
  const byRow = new Map<Element, Map<Element, HeaderWord>>();
  const tables: Table[] = [];
  for (const { el, word } of headerCells) {
    const cell = cellOf(el);
    const grid = cell.hasAttribute('aria-colindex') ? cell.closest(GRID) : null;
    if (grid) {
      if (![...known, ...tables].some((t) => t.grid === grid)) {
        const t = gridTable(grid);
        if (t) tables.push(t);
      }
      continue;
    }
    const row = cell.parentElement;
    if (!row) continue;
    let cells = byRow.get(row);
    if (!cells) byRow.set(row, (cells = new Map()));
    if (!cells.has(cell)) cells.set(cell, word);
  }
  for (const [headerRow, cells] of byRow) {
    const words = new Set(cells.values());
    if (!namesPeople(words)) continue;
    const columns = Array.from(headerRow.children, (c) => cells.get(c));
    const boxed = boxedRows(headerRow, columns);
    if (boxed) {
      tables.push(boxed);
      continue;
    }
    // a header row is mostly header words; label/value lists (dt/dd, label + value) are not
    const texts = [...headerRow.children].filter((c) => c.textContent!.trim()).length;
    if (cells.size < texts * 0.6) {
      const flat = flatGrid(headerRow, columns);
      if (flat) tables.push(flat);
      continue;
    }
    const found = rowsOf(headerRow);
    if (found && found.rows.length) tables.push({ headerRows: [headerRow], columns, body: found.rows[0]!.parentElement, partOf: new Map(), ...found });
  }
  return tables;
}

/** climb from a header text's element to its header cell (through sort buttons, icons and wrapper spans) */
export function cellOf(el: Element): Element {
  let e: Element | null = el;
  for (let i = 0; e && i < 6; i++, e = e.parentElement) if (isCell(e)) return e;
  let cell = el;
  for (let i = 0; i < 3; i++) {
    const parent = cell.parentElement;
    if (!parent || parent.childElementCount !== 1) break;
    cell = parent;
  }
  return cell;
}

/** an ARIA grid whose header cells carry aria-colindex: every header cell of the grid (pinned ones too), by index */
function gridTable(grid: Element): Table | undefined {
  const byColIndex = new Map<string, HeaderWord>();
  const headerRows = new Set<Element>();
  for (const h of grid.querySelectorAll('[role=columnheader][aria-colindex]')) {
    const word = headerWord(visibleText(h, 40).trim());
    if (word) byColIndex.set(h.getAttribute('aria-colindex')!, word);
    const row = h.closest('[role=row]');
    if (row) headerRows.add(row);
  }
  if (!namesPeople(new Set(byColIndex.values()))) return undefined;
  const partOf = new Map<Element, Element>();
  const rows = gridRows(grid, headerRows, partOf);
  return rows.length ? { headerRows: [...headerRows], columns: [], byColIndex, rows, body: rows[0]!.parentElement, cellPath: [], grid, partOf } : undefined;
}

/** a grid's data rows; a row shown in parts (pinned columns apart) is its first part, the others filed in `partOf` */
function gridRows(grid: Element, headerRows: Set<Element>, partOf: Map<Element, Element>): Element[] {
  const rows: Element[] = [];
  const byIndex = new Map<string, Element>();
  for (const r of grid.querySelectorAll('[role=row]')) {
    if (headerRows.has(r) || isHeaderRow(r) || r.closest(GRID) !== grid) continue;
    const index = r.getAttribute('aria-rowindex');
    const first = index ? byIndex.get(index) : undefined;
    if (first) {
      partOf.set(r, first);
      continue;
    }
    if (index) byIndex.set(index, r);
    rows.push(r);
  }
  return rows;
}

/**
 * a flat grid: the header's cells are the container's first children and every row's cells follow
 * as more children of the same container (CSS grid), so each run of as many cells is one row
 */
function flatGrid(container: Element, columns: (HeaderWord | undefined)[]): Table | undefined {
  let span = 0;
  while (span < columns.length && (columns[span] || !container.children[span]!.textContent!.trim())) span++;
  const kids = container.children;
  if (span < 2 || kids.length < span * 2 || columns.slice(span).some(Boolean)) return undefined;
  const rows: Element[] = [];
  const partOf = new Map<Element, Element>();
  for (let i = span; i + span <= kids.length; i += span) {
    rows.push(kids[i]!);
    for (let j = 1; j < span; j++) partOf.set(kids[i + j]!, kids[i]!);
  }
  return { headerRows: Array.from({ length: span }, (_, i) => kids[i]!), columns: columns.slice(0, span), rows, body: container, cellPath: [], span, partOf };
}

/**
 * a grid whose header cells are the container's first children and whose rows follow them, each
 * in a box of one cell per header cell (a CSS grid's `display: contents` rows, a list's row divs)
 */
function boxedRows(container: Element, columns: (HeaderWord | undefined)[]): Table | undefined {
  const kids = container.children;
  let head = 2;
  while (head < kids.length && kids[head]!.childElementCount !== head) head++;
  const rows = Array.prototype.slice.call(kids, head) as Element[];
  if (rows.length < 2 || columns.slice(head).some(Boolean) || rows.some((r) => r.childElementCount !== head)) return undefined;
  return { headerRows: [container], columns: columns.slice(0, head), rows, body: container, cellPath: [], partOf: new Map() };
}

function rowsOf(header: Element): { rows: Element[]; cellPath: number[] } | undefined {
  if (header.tagName === 'TR') {
    const table = header.closest('table');
    if (!table) return undefined;
    let rows = tableRows(table, header);
    // a header table apart from its body's table (fixed headers): the next table beside it, or rows of divs (virtualised bodies)
    if (!rows.length) rows = tableRows(nextTable(table), header);
    return { rows: rows.length ? rows : rowsBeside(table, header.childElementCount), cellPath: [] };
  }
  if (header.getAttribute('role') === 'row') {
    const grid = header.closest(GRID) ?? header.parentElement?.parentElement;
    const rows = grid ? [...grid.querySelectorAll('[role=row]')].filter((r) => r !== header && !isHeaderRow(r)) : [];
    return { rows, cellPath: [] };
  }
  return rowsShapedLike(header) ?? { rows: rowsBeside(header, header.childElementCount), cellPath: [] };
}

function tableRows(table: Element | undefined, header: Element): Element[] {
  const rows: Element[] = [];
  if (!table) return rows;
  const add = (r: Element) => r.tagName === 'TR' && r !== header && hasCell(r) && rows.push(r);
  for (const part of table.children) {
    // one by one: a spread of thousands of rows into push() can overflow the call stack
    if (part.tagName === 'TBODY' || part.tagName === 'TFOOT') for (const r of part.children) add(r);
    else add(part);
  }
  return rows;
}

/**
 * rows beside a header apart from them (a virtualised table's body of divs, in a scrolling box of
 * its own): after `head` or one of its first three ancestors, the first box, or a box down its first
 * children, holding at least two rows of as many cells as the header
 */
function rowsBeside(head: Element, cells: number): Element[] {
  return findAfter(head, 4, (s) => {
    for (let box: Element | null = s, depth = 0; box && depth < 4; depth++, box = box.firstElementChild) {
      const rows = [...box.children].filter((r) => r.childElementCount === cells);
      if (rows[1]) return rows;
    }
    return undefined;
  }) ?? [];
}

/** the first table after `table` within three of its ancestors' next siblings */
const nextTable = (table: Element) => findAfter(table, 3, (s) => (s.tagName === 'TABLE' ? s : s.querySelector('table')));

/** the first thing `find` makes of a next sibling of el or of its ancestors, `levels` levels up at most (nearest first) */
function findAfter<T>(el: Element, levels: number, find: (sibling: Element) => T | null | undefined): T | undefined {
  for (let anchor: Element | null = el, level = 0; anchor && level < levels; level++, anchor = anchor.parentElement) {
    for (let s = anchor.nextElementSibling; s; s = s.nextElementSibling) {
      const found = find(s);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * rows shaped like a header of divs or spans: siblings of the header (or of one of its first three
 * ancestors) whose cells sit where the header's do, or the children of such a sibling (a body
 * beside a head)
 */
function rowsShapedLike(header: Element): { rows: Element[]; cellPath: number[] } | undefined {
  let anchor: Element = header;
  const path: number[] = [];
  // a row has about as many cells as the header (one more or less: a checkbox, an actions column;
  // a header of two still takes rows of two to four, as any row of two cells was taken before), never a box of rows
  const alike = (r: Element, p: number[]) => Math.abs(cellsAt(r, p).length - Math.max(header.childElementCount, 3)) <= 1;
  for (let level = 0; level <= 3; level++) {
    const rows: Element[] = [];
    let cellPath = path;
    const rowTag = anchor.tagName.replace('HEADER-', ''); // mat-header-row -> mat-row
    const inner = path.slice(1);
    for (let s = anchor.nextElementSibling; s; s = s.nextElementSibling) {
      // a body beside the head: its children are the rows, their cells where the header's are
      const body = level > 0 && !rows.length ? [...s.children].filter((r) => alike(r, inner)) : [];
      if (body.length >= 2) {
        for (const r of body) rows.push(r);
        cellPath = inner;
        break;
      }
      if ((s.tagName === anchor.tagName || s.tagName === rowTag) && alike(s, path)) rows.push(s);
    }
    if (rows.length) return { rows, cellPath };
    const parent = anchor.parentElement;
    if (!parent || parent.tagName === 'BODY') break;
    path.unshift(Array.prototype.indexOf.call(parent.children, anchor));
    anchor = parent;
  }
  return undefined;
}

export function cellsAt(row: Element, path: number[]): ArrayLike<Element> {
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
  if (table.grid) return el.getAttribute('role') === 'row' && el.closest(GRID) === table.grid && !isHeaderRow(el);
  const first = table.rows[0];
  return !!first && !table.span && el.parentElement === table.body && el.tagName === first.tagName && !table.headerRows.includes(el);
}
