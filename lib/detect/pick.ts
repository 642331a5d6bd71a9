// Reading the one person the user points at ("Pick on page"): the element under the pointer is
// read with the detector's own per-record reading (scanPage on that part of the page), climbing
// until a part reads as several people; the record (a row, a card) holding the element is then the
// person's, else the largest part read as one person. On the click, that record's person is read
// again with the widest context around it (a table's header names its columns). A new entry of
// lib/detect, used only by the pick script the sidebar injects on the user's click; the content
// script does not include it. The picked person's phone is normalised as the background does (normalisePerson).
// Where the detector reads nobody, a card repeated on the page (teach-rule.ts) is read by its name.
import { scanPage } from './engine';
import { cardOf, cardPerson } from './teach-rule';
import { normalisePerson } from './normalise';
import type { ScannedPerson } from './group';
import type { ReportedPerson } from './types';

/** How far above the pointed element a record is looked for. */
const MAX_CLIMB = 12;

export interface Picked {
  /** the element read as one person (highlighted) */
  record: Element;
  person: ReportedPerson;
}

const readPart = (el: Element, url: string): ScannedPerson[] =>
  scanPage(el, { url, maxNodes: 20_000, maxChars: 400_000 }).people;

const ancestors = function* (target: Element) {
  const body = target.ownerDocument.body;
  let el: Element | null = target;
  for (let i = 0; el && el !== body && i < MAX_CLIMB; i++, el = el.parentElement) yield el;
  if (body) yield body;
};

/** The element under the pointer that would be read as one person, with what it reads as there. */
export function recordAt(target: Element, url: string): Picked | undefined {
  let best: Picked | undefined;
  for (const el of ancestors(target)) {
    const people = readPart(el, url);
    if (people.length > 1) {
      const mine = people.find((p) => p.records.some((r) => r.contains(target)));
      const record = mine?.records.find((r) => r.contains(target));
      if (mine && record) return { record, person: mine.person };
      break;
    }
    if (people.length === 1) best = { record: el, person: people[0]!.person };
  }
  if (best) return best;
  const card = cardOf(target);
  const person = card && cardPerson(card);
  return card && person ? { record: card, person } : undefined;
}

const filled = (p: ReportedPerson) => Object.values(p).filter((v) => v !== undefined && v !== '').length;

/** The person `target` belongs to, read with the widest context that still tells their record apart. */
export function pickAt(target: Element, url: string): Picked | undefined {
  const found = recordAt(target, url);
  if (!found) return undefined;
  let best = found;
  for (const el of ancestors(found.record)) {
    if (el === found.record) continue;
    const mine = readPart(el, url).find((p) => p.records.includes(found.record));
    if (mine && filled(mine.person) > filled(best.person)) best = { record: found.record, person: mine.person };
  }
  // the phone in E.164 as the background keeps it (an invalid one left out)
  const lang = best.record.ownerDocument.documentElement?.getAttribute('lang') ?? undefined;
  return { record: best.record, person: normalisePerson(best.person, lang) ?? best.person };
}
