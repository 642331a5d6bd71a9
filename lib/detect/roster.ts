// The people of a scan in page order, with what an update needs to stay proportional to the
// change: each record's person (which person a changed element belongs to) and each merge key's
// person (who a newly read person merges into). People are never changed in place: a merge or a
// re-read makes a new object, so a report already sent stays as it was.
import { dedupeInSteps, merged, mergeKeys, runSteps, sameAsAny, type ScannedPerson } from './group';
import type { ReportedPerson } from './types';

export interface Roster {
  people: ScannedPerson[];
  byRecord: Map<Element, ScannedPerson>;
  byKey: Map<string, ScannedPerson>;
}

/** a roster of people already in page order, merged as a full scan merges them, then `refine`d (an adapter's last look) */
export function rosterOf(people: ScannedPerson[], refine?: (p: ReportedPerson) => ReportedPerson | undefined): Roster {
  return runSteps(rosterInSteps(people, refine));
}

/** rosterOf in steps (a long page's thousands of people are merged over several slices) */
export function* rosterInSteps(people: ScannedPerson[], refine?: (p: ReportedPerson) => ReportedPerson | undefined): Generator<void, Roster> {
  let byKey = new Map<string, ScannedPerson>();
  let list = yield* dedupeInSteps(people, byKey);
  if (refine) {
    list = list.flatMap((p) => { const r = refine(p.person); return r ? [{ ...p, person: r }] : []; });
    byKey = new Map();
    for (const p of list) for (const k of mergeKeys(p.person)) if (!byKey.has(k)) byKey.set(k, p);
  }
  yield;
  const byRecord = new Map<Element, ScannedPerson>();
  // forEach, not for…of: cheaper on a page's first scan, run before the engine has optimised this
  list.forEach((p) => p.records.forEach((r) => byRecord.set(r, p)));
  return { people: list, byRecord, byKey };
}

/** the nearest record at or above el (up to and including `top`), if any */
export function recordAt(roster: Roster, el: Element, top: Element): Element | undefined {
  for (let e: Element | null = el; e; e = e.parentElement) {
    if (roster.byRecord.has(e)) return e;
    if (e === top) break;
  }
  return undefined;
}

/** the people with a record at or inside el (a removed subtree, a re-read part) */
export function peopleIn(roster: Roster, el: Element, into: Set<ScannedPerson>): void {
  const own = roster.byRecord.get(el);
  if (own) into.add(own);
  if (!el.firstElementChild) return;
  for (const e of el.getElementsByTagName('*')) {
    const p = roster.byRecord.get(e);
    if (p) into.add(p);
  }
}

/** take `gone` off the roster */
export function drop(roster: Roster, gone: Set<ScannedPerson>): void {
  if (!gone.size) return;
  roster.people = roster.people.filter((p) => !gone.has(p));
  for (const p of gone) unfile(roster, p);
}

/** add a newly read person where its first record sits on the page, or merge it into the person it shares a key with */
export function enrol(roster: Roster, fresh: ScannedPerson): void {
  const { people } = roster;
  let at = placeOf(roster, fresh.records[0]!);
  const keys = mergeKeys(fresh.person);
  const into = sameAsAny(roster.byKey, keys, fresh.person);
  let person = fresh;
  if (into) {
    const i = people.indexOf(into);
    unfile(roster, into);
    if (i < at) {
      person = merged(into, fresh);
      people[i] = person;
      at = -1;
    } else {
      person = merged(fresh, into);
      people.splice(i, 1);
    }
  }
  if (at >= 0) people.splice(at, 0, person);
  for (const r of person.records) roster.byRecord.set(r, person);
  for (const k of mergeKeys(person.person)) if (!roster.byKey.has(k)) roster.byKey.set(k, person);
}

function unfile(roster: Roster, p: ScannedPerson): void {
  for (const r of p.records) if (roster.byRecord.get(r) === p) roster.byRecord.delete(r);
  for (const k of mergeKeys(p.person)) if (roster.byKey.get(k) === p) roster.byKey.delete(k);
}

/**
 * the index a person whose first record is `el` takes in page order: right after the person of
 * the element before it (an appended row: no comparison with the rest), else by binary search
 */
function placeOf(roster: Roster, el: Element): number {
  const { people } = roster;
  const prev = el.previousElementSibling;
  const owner = prev && roster.byRecord.get(prev);
  if (owner && owner.records[0] === prev) {
    const i = people.lastIndexOf(owner);
    const next = people[i + 1];
    if (i >= 0 && (!next || next.records[0] === el.nextElementSibling)) return i + 1;
  }
  let lo = 0;
  let hi = people.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (isBefore(people[mid]!.records[0]!, el)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** whether a comes before b in the page (a container comes before what it contains) */
function isBefore(a: Element, b: Element): boolean {
  return a === b || !!(a.compareDocumentPosition(b) & 4); // 4: b follows a (or is inside it)
}
