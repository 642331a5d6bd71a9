// Cards and list entries show a person as lines: the name, then the position ("Growth Lead",
// or "Growth Lead · Copperfield Health" on one line), then the company. Here: what a job title
// looks like (text.ts), the position read from the lines after a name, and names that a repeated card
// shows without any label (a deal card's contact, followed by their company).
import { linesAfter } from './dom';
import { initialsOf } from './avatars';
import { BADGES, CAPITALISED, INITIALS, SEPARATOR, WHEN, looksLikeFullName, looksLikeTitle } from './text';
import { headerWord } from './vocabulary';

/** a line of contact details: an address, a number, a link, or a label of one ("T:", "Email:"); where a position ends */
export const CONTACT_LINE = /\S@|\+\s?\d|\d{3}|https?:|www\.|^(t|m|p|tel|phone|mobile|cell|email|e|w|web)\b\.?\s*[:.]/i;

/** a line that is only words (no digits, addresses, labels or separators) */
const PLAIN = /^[\p{L}&'’.\- ]{2,60}$/u;
/** "Growth Lead · Copperfield Health", "Head of Sales at Acme", "CTO @ Acme": a position and a company on one line */
const TITLE_DOT_COMPANY = /^(.{2,60}?)\s+(?:[·•|@]|at)\s+(.{2,60})$/;
/** a headline ("Head of Growth at BrightPath | Scaling B2B SaaS"): never read as a position */
const HEADLINE = /\s(at|@)\s|\||\s[·•]\s.*\s[·•]\s/i;

/** a line that is a job title ("Partner, Property" too) */
const titleLine = (text: string) => looksLikeTitle(text) && PLAIN.test(text.replace(/, /g, ' '));

/** the small words a company's name may hold uncapitalised */
const JOINERS = /^(&|and|of|the|de|du|des|la|le|et|und|y|e|di|van|von)$/;

/** a quoted reply's header ("On Mon, Mar 3, 2026 at 10:02 AM Ben Ode <ben@ode.io> wrote:") */
const REPLY_HEADER = /\b(wrote|a écrit|schrieb|escribió|ha scritto)\s*:\s*$/i;

/** a message's greeting ("Hi Sam", "Dear Ada"): the start of a message, never a company */
const GREETING = /^(hi|hello|hey|dear|good (morning|afternoon|evening))\b/i;
/** a lead's last activity or next step under their name ("Opened Email", "Viewed Pricing Page", "Call Back"): never a company */
const ACTIVITY = /^(viewed|opened|clicked|replied|visited|watched|downloaded|registered|joined|signed|submitted|booked|called|sent|started|completed|follow|call|email|send|book|meet|reply)\b/i;

/** a company's legal form ending its name ("Acme Inc.", "Globex Corp."): its period ends no sentence */
const LEGAL_FORM = /\s(inc|corp|ltd|co|llc|plc|gmbh|ag|sa|bv)\.$/i;

/**
 * a line that can be a company's name: a few capitalised words, no title, no digits or punctuation
 * beyond & . - ' (a final period only after a legal form); no time, greeting, activity or badge
 */
export function companyLine(text: string): boolean {
  const words = text.split(' ');
  return PLAIN.test(text) && words.length <= 5 && (!text.endsWith('.') || LEGAL_FORM.test(text)) && CAPITALISED.test(text) &&
    words.every((w) => CAPITALISED.test(w) || JOINERS.test(w)) && !looksLikeTitle(text) && !headerWord(text) &&
    !WHEN.test(text) && !GREETING.test(text) && !ACTIVITY.test(text) && !BADGES.has(text.toLowerCase());
}

function isAction(el: Element, card: Element): boolean {
  const action = el.closest('a, button');
  return !!action && action !== card && card.contains(action);
}

/**
 * the visible texts after the name shown in el, within `top`, at most `max`: what comes before the
 * name in el (an avatar's initials) and the name's own parts are passed over
 */
function linesAfterName(el: Element, top: Element, max: number, name: string): string[] {
  const words = new Set(name.split(' '));
  const partOfName = (t: string) => t.split(' ').every((w) => words.has(w));
  const lines: string[] = [];
  let named = false;
  for (const line of linesAfter(top, el)) {
    // an address or a number between the name and the position ("ada@park.io", then "Head of Growth at Park Labs");
    // one with a comma after it is in a list of addresses ("Ben Ode <ben@ode.io>, Cy Lu <cy@lu.io>"): no position follows
    if (CONTACT_LINE.test(line.text)) {
      if (/[,;]$/.test(line.text)) break;
      continue;
    }
    if (!lines.length && partOfName(line.text)) named = true;
    // a link's or button's text in the card is an action ("Email", "Write"), never a position (a
    // card that is a link as a whole, a conversation's entry, is read as any card)
    else if (named || !el.contains(line.node)) lines.push(isAction(line.el, top) ? '' : line.text);
    if (lines.length >= max) break;
  }
  return lines;
}

/**
 * the position shown under a name in a card: its title and company, if the lines say so (on a
 * profile page, a line under a name is a headline, which says nothing)
 */
export function positionAfter(nameEl: Element, card: Element, name: string, profile?: boolean): { title?: string; company?: string } {
  // a quoted reply's header: what follows it is the quoted message
  if (REPLY_HEADER.test(nameEl.textContent!)) return {};
  const found = positionBelow(nameEl, card, name, profile);
  if (found.title || found.company || profile) return found;
  // a signature with no sign-off: the writer's name again, on a line of its own, then the position;
  // or with the position on its line ("Ada Park | Head of Growth | Park Labs")
  let again: Element | undefined;
  let parts: string[] | undefined;
  for (const line of linesAfter(card, nameEl)) {
    if (!line.text.startsWith(name)) continue;
    if (line.text === name) again = nameEl.contains(line.node) ? again : line.el;
    else if ((parts = line.text.split(SEPARATOR))[0] === name) again = undefined;
    else parts = undefined;
  }
  return again ? positionBelow(again, card, name) : parts ? positionOfLines(parts[1], parts[2]) : found;
}

/** the position stacked under a name in a table's cell ("Ada Park" over "Park Labs"); a role or state badge is none */
export function positionInCell(cell: Element, name: string): { title?: string; company?: string } {
  // most name cells hold the name alone: no walk over their lines
  if (cell.textContent!.trim().length <= name.length) return {};
  const found = positionBelow(cell, cell, name);
  return BADGES.has((found.title ?? found.company ?? '').toLowerCase()) ? {} : found;
}

function positionBelow(nameEl: Element, card: Element, name: string, profile?: boolean): { title?: string; company?: string } {
  const [first, second] = linesAfterName(nameEl, card, 2, name);
  return positionOfLines(first, second, profile);
}

const LEADING_MARK = /^[—–|·•:,-]\s*/;

/** the position the two lines under a name say, if they say one */
export function positionOfLines(first: string | undefined, second: string | undefined, profile?: boolean): { title?: string; company?: string } {
  // "Ada Park — Head of Growth at Park Labs": the dash after the name is no part of the title
  first = first?.replace(LEADING_MARK, '');
  if (!first || (profile && HEADLINE.test(first))) return {};
  const both = TITLE_DOT_COMPANY.exec(first);
  if (both) return looksLikeTitle(both[1]!) && companyLine(both[2]!) ? { title: both[1], company: both[2] } : {};
  if (titleLine(first)) return second && companyLine(second) ? { title: first, company: second } : { title: first };
  if (!companyLine(first)) return {};
  return second && titleLine(second) ? { company: first, title: second } : { company: first };
}

/** whether s is drawn as e is: the same tag and classes, give or take a state's ("active", "Mui-selected") */
function isTwin(e: Element, cls: string, s: Element | null): boolean {
  if (!s || s.tagName !== e.tagName) return false;
  const other = s.getAttribute('class') ?? '';
  if (other === cls) return true;
  const [fewer, more] = other.length < cls.length ? [other, cls] : [cls, other];
  const has = new Set(more.split(' '));
  return !!fewer && fewer.split(' ').every((c) => has.has(c));
}

/** the card el sits in: one of several alike (same tag and classes, side by side), or a list entry */
function cardOf(el: Element): Element | undefined {
  // a card holds more than the name's own element
  let e: Element | null = el.parentElement;
  for (let level = 0; e && level < 5; level++, e = e.parentElement) {
    const parent = e.parentElement;
    if (!parent || parent.childElementCount < 2) continue;
    if (e.tagName === 'LI' || e.getAttribute('role') === 'listitem') return e;
    const cls = e.getAttribute('class');
    if (cls && (isTwin(e, cls, e.previousElementSibling) || isTwin(e, cls, e.nextElementSibling))) return e;
  }
  return undefined;
}

/** whether a name-like text comes before el in its card (the card's name is its first) */
function nameBefore(el: Element, card: Element): boolean {
  for (const { text, node } of linesAfter(card)) {
    if (el.contains(node)) break;
    if (looksLikeFullName(text)) return true;
  }
  return false;
}

/**
 * a full name a card shows first, on a line of its own, with no label: the card (one of several
 * alike, or a list entry), and whether the card itself says it is a person's: a position or a
 * company line follows the name (a deal card's contact). A name that is only first in its card
 * (a conversation's entry: the name, the last message) is a person's when its list is one of
 * people (see listedPeople in group.ts).
 */
export function cardName(text: string, el: Element): { card: Element; shown: boolean } | undefined {
  if (!looksLikeFullName(text) || el.childElementCount) return undefined;
  const card = cardOf(el);
  if (!card || nameBefore(el, card)) return undefined;
  const [next] = linesAfterName(el, card, 1, text);
  const shown = !!next && (companyLine(next) || looksLikeTitle(next));
  // an entry whose avatar shows other initials is not this name's (a newsletter, a group)
  return shown || !otherInitials(el, card, text) ? { card, shown } : undefined;
}

/** whether an avatar's initials before el in its card are not those of the name ("QX" before "Weekly Digest") */
function otherInitials(el: Element, card: Element, name: string): boolean {
  for (const { text, node } of linesAfter(card)) {
    if (el.contains(node)) break;
    if (INITIALS.test(text)) return !initialsOf(name, text);
  }
  return false;
}
