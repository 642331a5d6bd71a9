// One bounded walk over a subtree collecting every signal: mailto:/tel:/LinkedIn links, filled
// inputs, emails/phones/LinkedIn URLs in text, label/value pairs, and the texts that may be
// column headers (aligned afterwards by tables.ts). Skips code, hidden and excluded elements.
import { nameBesideInitials, nameBesidePicture } from './avatars';
import { DIAL_CODE, dialCodeOf, findPhones, phoneCandidate } from './phone';
import { controlValue, isChrome, isHidden, isSkippedTag } from './dom';
import { valueOfLabel, splitInlineLabel } from './labels';
import { findLinkedins } from './linkedin';
import { cardName } from './cards';
import { readChip, readSignature } from './mail';
import { HEADINGS, nameText } from './names';
import { decoded, emailOf, findEmails, findNamedEmails, INITIALS, looksLikeFullName, clean, urlOf } from './text';
import { selfKey } from './self';
import { readRow } from './rows';
import { cellOf, findTables, type HeaderCell, type Table } from './tables';
import { addSignal, DIGIT, shownName, signal, type Signal } from './values';
import { headerWord, labelField, type Field } from './vocabulary';

export interface Budget {
  nodes: number;
  chars: number;
}

export interface WalkOptions {
  /** subtrees not read (page chrome, regions an adapter excludes) */
  excluded: Set<Element>;
  budget: Budget;
  /** reading a chrome region itself (for the user's identity): do not stop at chrome inside it */
  inChrome?: boolean;
  /** the page's address, against which relative profile links (/in/<slug>) are read */
  base?: string;
  /** the user's own identity, learnt as the walk meets it ("me" chips) */
  self?: Set<string>;
}

export interface Walk {
  signals: Signal[];
  headerCells: HeaderCell[];
  /** the tables whose header rows the walk met (their rows met later are read by column) */
  tables: Table[];
  /** rows to read by column when met, and their table */
  rowTables: Map<Element, Table>;
  /** the rows read by column */
  rowsRead: Set<Element>;
  /** page chrome met on the way (not read: header, nav, account menu) */
  chrome: Element[];
  /** structured-data persons met on the way (microdata, hCard) */
  structured: Element[];
  /** dialogs met on the way (the person in one is focused) */
  dialogs: Element[];
  /** a calling code just read on its own ("+44"), waiting for the number shown after it */
  dial?: { code: string; texts: number };
  /** reading the parts of a row read by column: a dash there is an empty cell, never a signature's sign-off */
  inRow?: boolean;
  /** "(You)" badges: the record holding one is the signed-in user's */
  youMarks: Element[];
  /** side panels met on the way (on a detail page, the person in one is the one looked at) */
  panels: Element[];
  /** names first in a list's entry, with nothing else saying they are people's (see cardName) */
  entries: Signal[];
}

export const newWalk = (): Walk => ({ signals: [], headerCells: [], tables: [], rowTables: new Map(), rowsRead: new Set(), chrome: [], structured: [], dialogs: [], youMarks: [], panels: [], entries: [] });

const MAX_TEXT = 2000;

const COLON = /[:：]/;
/** the badge a members list puts on the signed-in user's own row: "You", "(You)", "Sam Carter (you)" */
const YOU = /(^|\s)\(you\)$|^you$/i;
/** the user named as a sender or recipient with their address: "me <sam@growthlane.co>", "You (sam@…)" */
const ME_SENDER = /^(me|you)\s*[<(]\s*(\S+@[^\s>)]+)\s*[>)]$/i;
const meSender = (el: Element | null) => el && ME_SENDER.exec(clean(el.textContent!, 120));
/** a number as written after a calling code: digits, spaces, dashes, brackets, dots */
const NATIONAL = /^[\d\s().-]{6,20}$/;
/** what an email (@), an international phone (+, 00) or a LinkedIn URL needs in a text */
const MAY_HOLD_VALUES = /[@+]|00|linkedin\.com/i;
/** an address alone in angle brackets, as a mail header writes it after the name (and before the next one's comma) */
const BRACKETED = /^<([^<>\s]+@[^<>\s]+)>[,;]?$/;
/** a line that starts with a dash, as a signature signed on one line does */
const DASH_SIGNED = /^(?:--|—|–)/;

/**
 * walk `scope` in document order and collect its signals. A header row is turned into a table as
 * soon as the walk leaves it, so the table's rows, met later, are read once and in one pass: each
 * mapped cell by its column, every other part of the row on its own (readPart).
 */
export function walk(scope: Element, opts: WalkOptions): Walk {
  const job = startWalk(scope, opts, newWalk());
  walkOn(job, Infinity);
  return job.out;
}

/** a walk that can stop at a deadline and go on later from where it stopped */
export interface WalkJob {
  scope: Element;
  opts: WalkOptions;
  out: Walk;
  state: WalkState;
  /** the node to read next; null once the walk is done */
  next: Node | null;
}

export function startWalk(scope: Element, opts: WalkOptions, out: Walk): WalkJob {
  // the browser's own walker moves through the tree; subtrees not read are stepped over
  const state: WalkState = { pending: out.headerCells.length, headerRow: null, tw: scope.ownerDocument.createTreeWalker(scope) };
  return { scope, opts, out, state, next: scope };
}

/** walks on until the walk is done (true) or `deadline` (a performance.now() time) has passed (false) */
export function walkOn(job: WalkJob, deadline: number): boolean {
  const { scope, opts, out, state } = job;
  if (job.next) job.next = walkIn(scope, opts, out, state, job.next, deadline);
  if (job.next) return false;
  if (state.pending < out.headerCells.length) tablesFrom(out, state.pending);
  state.pending = out.headerCells.length;
  return true;
}

interface WalkState {
  /** where the header texts not yet turned into tables start */
  pending: number;
  /** the row of the last header text, turned into a table when the walk leaves it */
  headerRow: Element | null;
  /** one walker for the whole walk (a walker per row would cost more than the row) */
  tw: TreeWalker;
}

/** the walk from `start` (scope, or where a walk stopped); returns where it stopped at the deadline, or null when done */
function walkIn(scope: Element, opts: WalkOptions, out: Walk, state: WalkState, start: Node = scope, deadline = Infinity): Node | null {
  const { budget } = opts;
  const { tw } = state;
  tw.currentNode = start;
  let node: Node | null = start;
  let count = 0;
  while (node) {
    if (--budget.nodes < 0) break;
    // the clock is read every 64 nodes (a node can be a whole row): a slice ends soon after its deadline
    if ((++count & 63) === 0 && deadline !== Infinity && performance.now() > deadline) {
      budget.nodes++;
      return node;
    }
    let enter = false;
    const type = node.nodeType;
    if (type === 3) {
      try {
        if (budget.chars > 0 && readText(node as Text, opts, out) && !state.headerRow) state.headerRow = cellOf(node.parentElement!).parentElement;
      } catch { /* as above */ }
    } else if (type === 1) {
      try {
        const el = node as Element;
        if (el === scope || classify(el, opts, out)) {
          if (state.headerRow && !state.headerRow.contains(el)) {
            tablesFrom(out, state.pending);
            state.pending = out.headerCells.length;
            state.headerRow = null;
          }
          const table = out.rowTables.size ? out.rowTables.get(el) : undefined;
          if (table?.span && table.partOf.has(el)) {
            tw.currentNode = el; // a flat grid's cell, read with the first cell of its row
          } else if (table) {
            // a row read by column is finished here, without entering it: its other parts are read one by one
            out.rowsRead.add(el);
            out.inRow = true;
            try {
              readRow(table, el, out.signals, (part) => readPart(el, part, opts, out, state));
            } finally {
              out.inRow = false;
            }
            tw.currentNode = el;
          } else {
            readElement(el, opts, out.signals);
            enter = true;
          }
        }
      } catch { /* one odd element must not stop the scan */ }
    }
    node = (enter && tw.firstChild()) || stepOver(tw, scope);
  }
  return null;
}

/** a part of a row read by column: a text, or an element (a cell) read directly when it holds one text or one empty element, else walked */
function readPart(row: Element, part: Node, opts: WalkOptions, out: Walk, state: WalkState): void {
  if (--opts.budget.nodes < 0) return;
  if (part.nodeType === 3) {
    if (opts.budget.chars > 0 && readText(part as Text, opts, out) && !state.headerRow) state.headerRow = row;
    return;
  }
  const cell = part as Element;
  if (part.nodeType !== 1 || !classify(cell, opts, out)) return;
  const only = cell.firstChild;
  if (!only || only !== cell.lastChild || only.firstChild) {
    walkIn(cell, opts, out, state);
    return;
  }
  readElement(cell, opts, out.signals);
  readPart(row, only, opts, out, state);
}

/** the node after the walker's current one and its subtree (null past the scope) */
function stepOver(tw: TreeWalker, scope: Element): Node | null {
  while (tw.currentNode !== scope) {
    const next = tw.nextSibling();
    if (next) return next;
    if (!tw.parentNode()) return null;
  }
  return null;
}

/** the tables of the header texts from `from` on; their rows are read by column when the walk meets them */
function tablesFrom(out: Walk, from: number): void {
  for (const table of findTables(out.headerCells.slice(from), out.tables)) {
    out.tables.push(table);
    table.rows.forEach((row) => out.rowTables.set(row, table)); // thousands of rows: forEach is cheaper than for…of on a first scan
    for (const part of table.partOf.keys()) out.rowTables.set(part, table);
  }
}

/** false when the element is not read (hidden, code, chrome, excluded); notes structured data and dialogs */
function classify(el: Element, opts: WalkOptions, out: Walk): boolean {
  const tag = el.tagName;
  if (isSkippedTag(el, tag) || opts.excluded.has(el)) return false;
  // most elements of a long list have no attributes: a tag look-up is all they cost
  const attributed = el.hasAttributes();
  // a checkbox or button holds nothing to read (list rows often start with one)
  if (tag === 'INPUT' && attributed && SKIP_INPUT.test((el.getAttribute('type') ?? '').toLowerCase())) return false;
  if (!attributed && !LANDMARKS.has(tag)) return true;
  const role = attributed ? el.getAttribute('role') : null;
  const cls = attributed ? el.getAttribute('class') : null;
  if (!opts.inChrome && isChrome(el, tag, role, cls)) {
    out.chrome.push(el);
    return false;
  }
  if (tag === 'DIALOG' && !attributed) return false; // a <dialog> is open only with its `open` attribute
  if (attributed && isHidden(el)) return false;
  if (attributed && (el.hasAttribute('itemscope') || (cls && /\b(vcard|h-card)\b/.test(cls)))) out.structured.push(el);
  if (tag === 'DIALOG' || role === 'dialog' || role === 'alertdialog') out.dialogs.push(el);
  else if (tag === 'ASIDE' || role === 'complementary') out.panels.push(el);
  return true;
}

function readElement(el: Element, opts: WalkOptions, out: Signal[]): void {
  const tag = el.tagName;
  if (tag === 'A') return readLink(el, opts, out);
  if (tag === 'IMG') {
    const found = nameBesidePicture(el);
    if (found) out.push(shownName(found.name, found.el));
    return;
  }
  if (tag === 'INPUT' || tag === 'TEXTAREA') return readControl(el, out);
  if (HEADINGS.has(tag)) {
    // a card's heading names it with a full name (its parts too: "Ada" and "Park" in two spans; "Qualified"
    // names a column); weak, so a Name label or column wins
    const name = nameText(el);
    if (name.includes(' ')) out.push(signal('name', name, el, 3));
  }
  if (!el.hasAttributes() || readChip(el, opts.self, out)) return;
  const aria = el.getAttribute('aria-label');
  const text = el.textContent!;
  if (aria && el.childElementCount === 0 && text.trim() !== aria.trim()) addSignal(out, labelField(aria), text, el, 2);
}

function readLink(a: Element, opts: WalkOptions, out: Signal[]): void {
  const href = a.getAttribute('href') ?? '';
  const linkedin = href.includes('linkedin.com/');
  const key = /^mailto:/i.test(href) ? addSignal(out, 'email', decoded(href), a, 1)
    : /^tel:/i.test(href) ? addSignal(out, 'phone', href, a, 1)
      : linkedin || (opts.base && RELATIVE_PROFILE.test(href)) ? addSignal(out, 'linkedin', linkedin ? href : urlOf(href, opts.base)?.href, a, 1)
        : undefined;
  if (!key) return;
  // a link's text names its person when it is a full name ("Write", "Email" are what links say)
  const text = a.firstElementChild ? nameText(a) : clean(a.textContent!, 80);
  if (looksLikeFullName(text)) out.push(signal('name', text, a, 3));
}

/** a profile link relative to the page (LinkedIn's own pages link /in/<slug>) */
const RELATIVE_PROFILE = /^(\.{0,2}\/)?(in|sales\/lead|sales\/people)\//;

/** elements looked at even without attributes: chrome, dialogs and side panels */
const LANDMARKS = new Set(['NAV', 'HEADER', 'FOOTER', 'DIALOG', 'ASIDE']);

const SKIP_INPUT = /^(hidden|password|checkbox|radio|submit|button|reset|file|image|search|date|number|range|color)$/;

function readControl(el: Element, out: Signal[]): void {
  const type = (el.getAttribute('type') ?? 'text').toLowerCase();
  // an empty control adds nothing (addSignal reads no blank value)
  if (!SKIP_INPUT.test(type)) addSignal(out, type === 'email' ? 'email' : type === 'tel' ? 'phone' : controlField(el), controlValue(el), el, 1);
}

/** a control's name/id/autocomplete to the field it holds, first match wins */
const CONTROL_HINTS: [RegExp, Field][] = [[/e-?mail/, 'email'], [/phone|mobile|\btel\b/, 'phone'], [/linkedin/, 'linkedin'],
  [/first.?name|given/, 'firstName'], [/last.?name|surname|family/, 'lastName'], [/compan|organi[sz]ation/, 'company'],
  [/designation|job.?title|position/, 'title'], [/(^|[\s_[-])(full.?)?name([\s\]_-]|$)/, 'name']];

/** what a control holds, from its aria-label, else its name/id/autocomplete */
function controlField(el: Element): Field | undefined {
  const aria = el.getAttribute('aria-label');
  const hint = `${el.getAttribute('name') ?? ''} ${el.id} ${el.getAttribute('autocomplete') ?? ''}`.toLowerCase();
  return (aria ? labelField(aria) : undefined) ?? CONTROL_HINTS.find(([re]) => re.test(hint))?.[1];
}

/** reads a text's signals; true when the text is a column header or label word */
function readText(node: Text, opts: WalkOptions, out: Walk): boolean {
  const text = node.nodeValue!.slice(0, MAX_TEXT);
  opts.budget.chars -= text.length;
  const trimmed = text.trim();
  const parent = node.parentElement;
  if (!trimmed || !parent) return false;
  const { signals } = out;
  if (out.dial && readAfterDialCode(trimmed, parent, out)) return false;
  // no header word holds a digit: most cell texts (dates, numbers, ids) skip the look-up
  if (trimmed.length <= 32 && !DIGIT.test(trimmed)) {
    const word = headerWord(trimmed);
    if (word) {
      out.headerCells.push({ el: parent, word });
      if (word !== 'other') readLabel(parent, word, signals);
      return true;
    }
  }
  // a sign-off alone ("Best,"), a mail body's lines, or a signature after a dash on one line ("— Ada Park, Head of Growth")
  if (!out.inRow && (trimmed.length <= 24 || trimmed.includes('\n') || DASH_SIGNED.test(trimmed)) && readSignature(node, trimmed, signals)) return false;
  if (trimmed.length <= 80 && YOU.test(trimmed)) {
    out.youMarks.push(parent);
    return false;
  }
  if (trimmed.length <= 3 && INITIALS.test(trimmed) && parent.childElementCount === 0) {
    const found = nameBesideInitials(parent, trimmed);
    if (found) signals.push(shownName(found.name, found.el));
    return false;
  }
  if (DIAL_CODE.test(trimmed)) {
    const code = dialCodeOf(trimmed)!;
    out.dial = { code, texts: 2 };
    signals.push(signal('dialCode', code, parent, 3));
    return false;
  }
  const card = trimmed.length <= 60 ? cardName(trimmed, parent) : undefined;
  if (card?.shown) signals.push(shownName(clean(trimmed, 80), parent));
  else if (card) {
    const s = signal('name', clean(trimmed, 80), parent, 3);
    s.entry = card.card;
    out.entries.push(s);
  }
  // most texts (dates, statuses, names) hold none of what the finders look for
  if (MAY_HOLD_VALUES.test(text)) {
    // the user's own address in a mail header ("me <sam@growthlane.co>"; the parts may be texts of their own)
    const me = opts.self && text.includes('@') ? meSender(parent) ?? (parent.childNodes.length < 2 ? meSender(parent.parentElement) : null) : null;
    if (me) {
      opts.self!.add(selfKey('email', emailOf(me[2]!) ?? ''));
      return false;
    }
    // "Ada Park" and "<ada@park.dev>" in elements of their own: the name before the address on their line
    const alone = emailOf(BRACKETED.exec(trimmed)?.[1] ?? '');
    const line = alone && parent.childNodes.length < 2 ? parent.parentElement ?? parent : parent;
    for (const { name, email } of findNamedEmails(alone ? clean(line.textContent!, 160) : text)) {
      if (alone && email !== alone) continue;
      // marked as a pair: several in one element are a person each (group.ts)
      const address = signal('email', email, parent, 3);
      const named = signal('name', name, parent, 2);
      address.pair = named.pair = email;
      signals.push(address, named);
    }
    const emails = findEmails(text);
    for (const email of emails) signals.push(signal('email', email, parent, 3));
    for (const url of findLinkedins(text)) signals.push(signal('linkedin', url, parent, 3));
    // one person's numbers side by side ("t +44 … | m +44 …"): the first is the one reported; a text
    // with several addresses is a list, each number someone's
    const phones = findPhones(text);
    for (const phone of emails.length > 1 ? phones : phones.slice(0, 1)) signals.push(signal('phone', phone.value, parent, 3));
  }
  if (trimmed.length < 180 && COLON.test(trimmed)) {
    const inline = splitInlineLabel(trimmed);
    if (inline) addSignal(signals, labelField(inline.label), inline.value, parent, 2);
  }
  return false;
}

/**
 * a text after a calling code shown on its own ("+44" in a span, then "20 7946 0123"): the two are
 * one international number; the code waits two texts at most. True when the text was that number.
 */
function readAfterDialCode(text: string, parent: Element, out: Walk): boolean {
  const dial = out.dial!;
  if (--dial.texts < 0 || text.startsWith('+')) {
    out.dial = undefined;
    return false;
  }
  const phone = NATIONAL.test(text) ? phoneCandidate(`${dial.code} ${text}`, false) : undefined;
  if (!phone) return false;
  out.dial = undefined;
  out.signals.push(signal('phone', phone.value, parent, 3));
  return true;
}

function readLabel(label: Element, field: Field, out: Signal[]): void {
  const found = valueOfLabel(label);
  if (!found) return;
  // a name shown with its avatar ("Contact" over "LA Linnea Ashworth"): the name, not the initials
  const text = field === 'name' && !found.el.contains(label) ? nameText(found.el) || found.text : found.text;
  const s = addSignal(out, field, text, found.el, 2);
  if (s) s.fromLabel = true;
}
