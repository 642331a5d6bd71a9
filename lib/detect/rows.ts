// A table's row read by its columns, in one pass: each mapped cell as its column's field; every
// other part of the row (unmapped cells, a cell holding more than its text, what sits around the
// cells) handed back for the walk to read. A row's cells are its children (or further down, as
// the header's are), a flat grid's run of sibling cells, or, in a grid that numbers its columns,
// the cells by their aria-colindex.
import { firstText, isSkipped, visibleText } from './dom';
import { nameText } from './names';
import type { Table } from './tables';
import { addSignal, type Signal } from './values';
import { isNameField, type Field, type HeaderWord } from './vocabulary';

/** text that the walk would read for nothing else than the column does (no email, phone, LinkedIn or label in it) */
const NOTHING_ELSE = /^[^@<:+]*$/;
const PHONE_OR_LINKEDIN = /00|linkedin\.com/i;

/**
 * one row's signals, one per mapped column. Every other part of the row goes to `rest`, in page
 * order, for the walk to read. (`el`, `depth`: where it is on the way to the cells.)
 */
export function readRow(table: Table, row: Element, out: Signal[], rest?: (node: Node) => void, el = row, depth = 0): void {
  const { columns, cellPath, byColIndex, span } = table;
  const owner = table.partOf.get(row) ?? row;
  if (span) {
    // a flat grid's row: this cell and the ones after it
    let cell: Element | null = row;
    for (let i = 0; cell && i < span; i++, cell = cell.nextElementSibling) readCell(cell, columns[i], owner, out, rest);
    return;
  }
  if (byColIndex) return readNumberedCells(row, byColIndex, owner, out, rest);
  if (depth < cellPath.length) {
    // on the way to the cells
    const next = el.children[cellPath[depth]!];
    for (let n = rest ? el.firstChild : next; n; n = rest ? n.nextSibling : null) {
      if (n === next) readRow(table, row, out, rest, next, depth + 1);
      else rest!(n);
    }
    return;
  }
  // cells before the header's first (a row's own checkbox) are left of the columns
  let i = Math.min(0, columns.length - el.childElementCount);
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType !== 1) {
      rest?.(n);
      continue;
    }
    const cell = n as Element;
    readCell(cell, columns[i++], owner, out, rest);
  }
}

/** a row of a grid that numbers its columns: each cell by its aria-colindex, however deep in wrappers (pinned and scrolling parts) */
function readNumberedCells(el: Element, byColIndex: Map<string, HeaderWord>, row: Element, out: Signal[], rest?: (node: Node) => void): void {
  for (let n = el.firstChild; n; n = n.nextSibling) {
    const part = n as Element;
    const index = n.nodeType === 1 ? part.getAttribute('aria-colindex') : null;
    if (index !== null) readCell(part, byColIndex.get(index), row, out, rest);
    else if (n.nodeType === 1 && part.querySelector('[aria-colindex]')) readNumberedCells(part, byColIndex, row, out, rest);
    else rest?.(n);
  }
}

function readCell(cell: Element, word: HeaderWord | undefined, row: Element, out: Signal[], rest?: (node: Node) => void): void {
  if (!word || word === 'other' || isSkipped(cell)) {
    rest?.(cell);
    return;
  }
  // a cell of text only (most cells of long lists): read once, here
  let plain = cell.firstElementChild ? undefined : cell.textContent!;
  if (plain !== undefined && plain.trim().length < 2) plain = undefined;
  const s = addSignal(out, word, plain ?? cellText(word, cell), cell, 2);
  if (s) s.row = row;
  if (plain === undefined || !((word === 'email' || word === 'phone') ? !plain.includes('<') : NOTHING_ELSE.test(plain) && !PHONE_OR_LINKEDIN.test(plain))) rest?.(cell);
}

function cellText(field: Field, cell: Element): string {
  if (field === 'linkedin') {
    const text = visibleText(cell);
    if (/linkedin\.com\/in\//i.test(text)) return text;
    const link = cell.querySelector('a[href*="linkedin.com/in/"]') ?? cell.querySelector('a[href*="linkedin.com"]');
    return link?.getAttribute('href') ?? text;
  }
  if (field === 'email' || field === 'phone' || field === 'dialCode' || field === 'country') return visibleText(cell);
  if (isNameField(field)) return nameText(cell) || firstText(cell);
  return firstText(cell);
}
