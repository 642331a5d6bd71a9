// Mail threads: participants shown as chips whose attributes carry the address and the name
// (<span email="ada@park.dev" name="Ada Park">Ada</span>, or a name whose tooltip is the address;
// the user's own chip is "me"), and signature blocks: after a sign-off ("--", "Best regards,", "Mit
// freundlichen Grüßen", "Cordialement,"), a name (a first name alone is the participant's of that
// first name), then a title and a company ("Head of Procurement, Kestrel Robotics", "Head of Growth
// @ Park Labs", "Head of Growth - Park Labs", or one per line) before the contact lines.
import { companyLine, CONTACT_LINE, positionOfLines } from './cards';
import { isSkipped } from './dom';
import { findPhones } from './phone';
import { selfKey } from './self';
import { SIGN_OFF } from './sign-off';
import { clean, emailOf, looksLikeName, looksLikeTitle, SEPARATOR } from './text';
import { addSignal, signal, type Signal } from './values';
import { labelField } from './vocabulary';

const ME = /^(me|you|myself)$/i;
const TITLE_AT_COMPANY = /^(.{2,60}?)\s*(?:,|\||·|•| at | @ | [-–—] )\s*(.{2,60})$/;
/** degrees and credentials after a signed name ("Ada Park, PhD", "Ben Ode, MBA, CPA | VP Sales"): no part of the name or the title */
const CREDENTIALS = /(?:,\s*(?:ph\.?d|mba|md|cpa|cfa|pmp|esq|jd|msc|bsc|rn|dds|cissp)\.?)+(?=\s*[,|]|$)/i;
/** between a signature's parts on one line: "Ada Park | Head of Growth", "Ada Park — Head of Growth — Park Labs" */
const SIGNED_PARTS = / [·•|—–] /;
/** where a signed name ends on its line: "Ada Park, Head of Growth", "Ada Park | Head of Growth" */
const NAME_ENDS = /,| [·•|—–] /;
/** "Ada Park, Head of Growth": a name, a comma, a title */
const NAME_COMMA_TITLE = /^([^,]{3,60}), (.{2,60})$/;

/** a chip's participant: its email= and name= attributes; true when the element is one */
export function readChip(el: Element, self: Set<string> | undefined, out: Signal[]): boolean {
  const attribute = el.getAttribute('email');
  // or a name whose tooltip is the address (<span title="ada@park.dev">Ada Park</span>; a cut address's whole)
  const email = emailOf(attribute ?? el.getAttribute('title') ?? '');
  if (!email) return false;
  const name = clean((attribute === null ? el.textContent : el.getAttribute('name')) ?? '', 80);
  if (ME.test(name) || ME.test(el.textContent!.trim())) {
    self?.add(selfKey('email', email)); // the user's own chip
    return true;
  }
  out.push(signal('email', email, el, 1));
  if (looksLikeName(name)) out.push(signal('name', name, el, 2));
  return true;
}

/** what ends a line of a signature: a line break, or a block's edge */
const LINE_BREAK = 'br, p, div, li, tr, td, th, dd, dt, h1, h2, h3, h4, h5, h6, blockquote, section, article, header, footer';

/**
 * the lines after `from` within `scope` as they show, each with the element of its first text: the
 * texts of a line joined ("<i>Head of Growth</i>, Park Labs", "<b>Ben Ode</b> | VP Marketing")
 */
function* shownLines(scope: Element, from: Node): Generator<{ text: string; el: Element }> {
  const walker = scope.ownerDocument.createTreeWalker(scope, 5); // elements and texts
  walker.currentNode = from;
  let line: { text: string; el: Element; block: Element | null } | undefined;
  for (let n = walker.nextNode(); ; n = walker.nextNode()) {
    const el = n && (n.nodeType === 3 ? n.parentElement! : (n as Element));
    const ends = !n || n.nodeName === 'BR' || (n.nodeType === 3 && line?.block !== el!.closest(LINE_BREAK));
    if (ends && line && (line.text = clean(line.text.replace(/\s+([,.;:])/g, '$1'), 120))) yield line;
    if (!n) return;
    if (ends) line = undefined;
    if (n.nodeType !== 3 || isSkipped(el!)) continue;
    if (line) line.text += ` ${n.nodeValue}`;
    else if (n.nodeValue!.trim()) line = { text: n.nodeValue!, el: el!, block: el!.closest(LINE_BREAK) };
  }
}

/** the lines after a sign-off, within the sign-off's block or the two around it */
function signatureLines(signOff: Text): { text: string; el: Element }[] {
  const lines: { text: string; el: Element }[] = [];
  let scope: Element | null = signOff.parentElement;
  for (let level = 0; scope && level < 3; level++, scope = scope.parentElement) {
    lines.length = 0;
    for (const line of shownLines(scope, signOff)) if (lines.push(line) >= 8) break;
    if (lines.length >= 2) break;
  }
  return lines;
}

/**
 * a signature after a sign-off: its name, title and company. The sign-off is a text of its own,
 * the signature in the texts after it; or a line of a text kept with its line breaks (a mail body
 * shown as written, white-space: pre-line), the signature in the lines after it. True when the
 * text is a sign-off alone (nothing else in it to read).
 */
export function readSignature(signOff: Text, text: string, out: Signal[]): boolean {
  const own = text.includes('\n') ? text.split('\n').map((l) => clean(l)).filter(Boolean) : [text];
  let at = 0;
  let signed: RegExpExecArray | null = null;
  for (; at < own.length && !signed; at++) signed = SIGN_OFF.exec(own[at]!);
  if (!signed) return false;
  const el = signOff.parentElement!;
  const lines = at < own.length ? own.slice(at, at + 8).map((line) => ({ text: line, el })) : signatureLines(signOff);
  // "Cheers, Ada", "— Ada Park, Head of Growth, Park Labs": the signature begins on the sign-off's line
  const onItsLine = signed[1] ?? signed[2];
  if (onItsLine) lines.unshift({ text: onItsLine, el });
  readSigned(lines, out);
  return own.length === 1 && !signed[2]; // a signature on the dash's line may hold an address or number too
}

/** the one full name read so far that starts with this first name ("Ada" → "Ada Park"), if only one does */
function writerNamed(first: string, read: Signal[]): string | undefined {
  let found: string | undefined;
  for (const s of read) {
    if (s.field !== 'name' || s.value === found || !s.value.startsWith(`${first} `)) continue;
    if (found) return undefined;
    found = s.value;
  }
  return found;
}

function readSigned(lines: { text: string; el: Element }[], out: Signal[]): void {
  const first = lines[0];
  // "Thanks." then "Regards,": the signature follows the last sign-off, read on its own; "Name" then
  // the name: labelled values, which the labels are read for
  if (!first || SIGN_OFF.test(first.text) || labelField(first.text)) return;
  // "Aurelio Halvorsen | Sales Director | Driftwood Labs": the whole signature on one line
  // "Ada Park, Head of Growth": the title after the name and a comma, the company on the next line
  const signedAs = first.text.replace(CREDENTIALS, '');
  const titled = NAME_COMMA_TITLE.exec(signedAs);
  // "Ada Park, Head of Growth, Park Labs": the title, then the company, after the name
  const position = titled && TITLE_AT_COMPANY.exec(titled[2]!);
  const parts = !titled
    ? signedAs.split(SIGNED_PARTS)
    : looksLikeTitle(titled[2]!)
      ? [titled[1]!, titled[2]!]
      : position && looksLikeTitle(position[1]!)
        ? [titled[1]!, position[1]!, position[2]!]
        : signedAs.split(SIGNED_PARTS);
  const name = parts[0]!;
  if (!looksLikeName(name)) return;
  // "Ada" or "A.", then "Ada Park": the signature starts at the full name
  const next = lines[1]?.text;
  const fullNext = !!next && next.includes(' ') && next.startsWith(name.replace(/\.$/, '')) && looksLikeName(next.split(NAME_ENDS)[0]!);
  if (!name.includes(' ') && fullNext) return readSigned(lines.slice(1), out);
  // a first name alone ("Ada") names a writer the thread shows in full (a participant's chip above): the signature is theirs
  const full = name.includes(' ') ? name : writerNamed(name, out);
  if (full) out.push(signal('name', full, first.el, 2));
  // the title and the company: after the name on its line, or on the lines after it (before the contact lines)
  let rest = parts.slice(1, 3).map((text) => ({ text, el: first.el }));
  // "Park Labs · +44 20 7946 0321": a company with the contact lines' start after it
  if (rest.length === 1 && lines[1] && companyLine(lines[1].text.split(SEPARATOR)[0]!)) rest.push(lines[1]);
  if (!rest.length) {
    for (const line of lines.slice(1, 3)) {
      if (CONTACT_LINE.test(line.text)) break;
      rest.push(line);
    }
  }
  // both on one line: "Head of Procurement, Kestrel Robotics"
  const split = rest[0] && TITLE_AT_COMPANY.exec(rest[0].text);
  if (split && looksLikeTitle(split[1]!) && companyLine(split[2]!.split(SEPARATOR)[0]!)) rest = [split[1]!, split[2]!].map((text) => ({ text, el: rest[0]!.el }));
  // a title, a company or both, read as a card's lines are: "Sent from my iPhone" is neither, a
  // company alone is no title, and "Park Labs | parklabs.io" is Park Labs
  const [t, c] = rest;
  const { title, company } = positionOfLines(t?.text, c?.text.split(SEPARATOR)[0]);
  // at the name's element: a signature's lines may each be a block of the message (<div>Ada Park</div><div>Head of Growth</div>)
  addSignal(out, 'title', title, first.el, 2);
  addSignal(out, 'company', company, first.el, 2);
  // the contact lines under the position are the signer's, however the message lays its lines out
  // (loose beside another signature in one block): the first number among them is theirs
  let contact = false;
  for (const line of lines.slice(1, 8)) {
    if (!CONTACT_LINE.test(line.text)) {
      if (contact) break;
      continue;
    }
    contact = true;
    const [phone] = findPhones(line.text);
    if (phone) return void out.push(signal('phone', phone.value, first.el, 2));
  }
}
