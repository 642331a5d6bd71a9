// From signals to people. Each signal belongs to a record: the nearest row or structured-data
// element when there is one; otherwise the highest ancestor that holds no second, different
// value of any field (so one card = one person, a list of cards = many), never climbing past a
// dialog or side panel. Signals of one record make one person (one per "Name <address>" pair when
// it holds pairs of several addresses: a mail header's lines); people sharing an email,
// LinkedIn URL, phone (however written: see sameNumber), or name + company are merged.
import { visibleText } from './dom';
import { phoneDigits, sameNumber, type CountryCode } from './phone';
import { isSelf, selfKey, type Self } from './self';
import type { ReportedPerson } from './types';
import type { Signal } from './values';
import type { Field } from './vocabulary';

export interface ScannedPerson {
  person: ReportedPerson;
  /** the elements this person was read from (a row, a card, a panel) */
  records: Element[];
}

export interface GroupRules {
  root: Element;
  /** the country a national phone number is dialled in (the page's), if known */
  country?: CountryCode;
  /** elements that are one person each (table rows, structured data) */
  isRecord: (el: Element) => boolean;
  /** the row a record is a part of (a pinned part of a grid row, a flat grid's cell) */
  ownerOf?: (el: Element) => Element | undefined;
  /** elements a record never climbs past (dialogs, side panels, articles) */
  isCeiling: (el: Element) => boolean;
  /** the signed-in user's own email/phone/LinkedIn/name (a record holding one is left out); learns what a record marked as theirs shows */
  self?: Self;
  /** a name for a record that has none (its heading), as a signal of the element showing it */
  nameOf: (record: Element) => Signal | undefined;
  /** whether a record is marked as the signed-in user's own ("(You)") */
  isMarkedSelf?: (record: Element) => boolean;
  /** the title and company a card shows under a name (see cards.ts); none for table rows */
  positionOf?: (name: Signal, record: Element) => { title?: string; company?: string };
}

const MULTI = '\u0000';
/** the entry of a name written in full (a name's own entry keeps its first word: "Ada" and "Ada Park" are one) */
const FULL_NAME = 'fullName';
/** several numbers or addresses, each on a line of its own in one block (see note) */
const SEVERAL = '\u0001';
/** the fields a person takes as read */
const COPIED = ['email', 'linkedin', 'company', 'title'] as const;
const keyOf = (s: Signal) => (s.field === 'name' ? s.value.split(' ')[0]! : s.field === 'phone' ? phoneDigits(s.value) : s.value).toLowerCase();

/** group signals into people, one per record, in the order their records were first seen (merged later: see dedupe) */
export function groupPeople(signals: Signal[], rules: GroupRules): ScannedPerson[] {
  return runSteps(groupInSteps(signals, rules));
}

/** how many signals, records or people a step handles before it yields */
export const STEP = 512;

/** work done in steps (a generator that yields between them), done at once */
export function runSteps<T>(steps: Generator<void, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** groupPeople in steps: it yields after every STEP signals or records, so a long page's grouping can be spread over slices */
export function* groupInSteps(signals: Signal[], rules: GroupRules): Generator<void, ScannedPerson[]> {
  const recordMemo = new Map<Element, Element | null>();
  const recordAbove = (el: Element): Element | null => {
    const known = recordMemo.get(el);
    if (known !== undefined) return known;
    const found = rules.isRecord(el) ? rules.ownerOf?.(el) ?? el : el === rules.root || !el.parentElement ? null : recordAbove(el.parentElement);
    recordMemo.set(el, found);
    return found;
  };
  // each signal's record, and which ancestors hold two different values of a field (only what
  // lies above records is ever asked): one pass
  const records: (Element | null)[] = [];
  const seen = new Map<Element, Record<string, string>>();
  /** notes a value of `field` in every ancestor from `from` up, until one already knows it or holds two */
  const note = (s: Signal, field: string, from: Element | null, below: Element, keyed: (s: Signal) => string) => {
    let key: string | undefined;
    /** the child of `a` the value is in */
    let branch = below;
    for (let a = from; a; branch = a, a = a.parentElement) {
      let entry = seen.get(a);
      if (!entry) seen.set(a, (entry = {}));
      const had = entry[field];
      if (had === MULTI) break; // everything above already knows (most rows of a list: no key needed)
      key ??= keyed(s);
      if (had === key || (field === 'phone' && had !== undefined && sameNumber(had, key))) break;
      // a second number or address on a line of its own (no one's name there) in the block of the first
      const line = (field === 'phone' || field === 'email') && !seen.get(branch)?.[FULL_NAME] && onItsLine(s, branch);
      entry[field] = had === undefined ? key : line ? SEVERAL : MULTI;
      if (a === rules.root) break;
    }
  };
  for (const s of signals) {
    let record: Element | null = null;
    try {
      record = s.row ?? recordAbove(s.el);
      const from = record === rules.root ? null : record ? record.parentElement : s.el;
      const below = record ?? s.el;
      note(s, s.field, from, below, keyOf);
      // the whole name too: where one person is shown, their second number or address is theirs (see isMulti)
      if (s.field === 'name') note(s, FULL_NAME, from, below, (n) => n.value.toLowerCase());
    } catch { /* an odd ancestor only weakens grouping */ }
    if (records.push(record) % STEP === 0) yield;
  }
  // numbers or addresses on lines of one block where one person is shown (by full name or profile; a
  // number also by address) are that person's (work and mobile, work and personal); elsewhere they
  // tell people apart
  const single = (v: string | undefined) => v !== undefined && v !== MULTI && v !== SEVERAL;
  const isMulti = (el: Element) => {
    const entry = seen.get(el);
    if (!entry) return false;
    for (const field in entry) {
      const v = entry[field];
      if (v === MULTI || (v === SEVERAL && !(single(entry[FULL_NAME]) || single(entry.linkedin) || (field === 'phone' && single(entry.email))))) return true;
    }
    return false;
  };
  const groups = new Map<Element, Signal[]>();
  // the records holding "Name <address>" pairs of several addresses (a mail header's lines): a person each (see byPair)
  const firstPair = new Map<Element, string>();
  const severalPairs = new Set<Element>();
  const notePair = (record: Element, pair: string) => {
    const first = firstPair.get(record);
    if (first === undefined) firstPair.set(record, pair);
    else if (first !== pair) severalPairs.add(record);
  };
  for (let i = 0; i < signals.length; i++) {
    const s = signals[i]!;
    let record: Element | null = s.el;
    try {
      record = records[i]!;
      if (!record) {
        let cur = s.el;
        while (cur !== rules.root && !rules.isCeiling(cur) && cur.parentElement && !isMulti(cur.parentElement)) cur = cur.parentElement;
        record = cur;
      }
    } catch {
      record = s.el;
    }
    const list = groups.get(record);
    if (list) list.push(s);
    else groups.set(record, [s]);
    if (s.pair !== undefined) notePair(record, s.pair);
    if (i % STEP === STEP - 1) yield;
  }
  // the user's own record ("(You)"): what it shows is theirs, here and in every other record
  if (rules.isMarkedSelf) groups.forEach((list, record) => { if (rules.isMarkedSelf!(record)) for (const s of list) rules.self?.add(selfKey(s.field, s.value)); });
  const people: ScannedPerson[] = [];
  let done = 0;
  // by key, not by [record, list] entries: a page's first scan runs this before the engine has optimised
  // it, and there taking each entry apart costs more than the lookup (so do the forEach loops below)
  const add = (record: Element, signals: Signal[]) => {
    const person = assemble(signals, record, rules);
    if (person) people.push({ person, records: [record] });
  };
  for (const record of groups.keys()) {
    try {
      const signals = groups.get(record)!;
      if (severalPairs.has(record)) byPair(signals, firstPair.get(record)!).forEach((part) => add(record, part));
      else add(record, signals);
    } catch { /* skip this record, keep the others */ }
    if (++done % STEP === 0) yield;
  }
  return people;
}

/**
 * a record's signals, one list per person, when it holds "Name <address>" pairs of several addresses
 * (a mail header's "From:" and "To:" lines, "To: Ada Park <ada@…>; Ben Ode <ben@…>"): each pair is a
 * person, the record's other values the first pair's
 */
function byPair(signals: Signal[], first: string): Signal[][] {
  const parts = new Map<string, Signal[]>([[first, []]]);
  for (const s of signals) {
    const own = s.pair ?? (s.field === 'email' && parts.has(s.value) ? s.value : first);
    const part = parts.get(own);
    if (part) part.push(s);
    else parts.set(own, [s]);
  }
  return [...parts.values()];
}

/** whether el shows the value and little else (a label): a second number or address on a line of its own ("M: +44 …" under "T: +44 …") */
function onItsLine(s: Signal, el: Element): boolean {
  if (el.childElementCount > 3) return false; // a row of cells, a list: no line
  const most = s.value.length + 24;
  const text = visibleText(el, most + 1).trim(); // read no further than a line
  return text.length <= most && text.toLowerCase().includes(s.value.toLowerCase());
}

function assemble(signals: Signal[], record: Element, rules: GroupRules): ReportedPerson | undefined {
  const { self } = rules;
  // the user's own values, when any are known (on most pages none: nothing to look up for each record)
  if (self?.size) {
    if (signals.some((s) => s.field !== 'name' && isSelf(self, s))) return undefined;
    // a record whose only name is the user's (their account block) is theirs: its email and phone too
    const names = signals.filter((s) => s.field.endsWith('ame'));
    if (names.length && names.every((s) => isSelf(self, s))) return undefined;
  }
  const best: Partial<Record<Field, Signal>> = {};
  signals.forEach((s) => {
    if (self && s.field === 'name' && isSelf(self, s)) return;
    const had = best[s.field];
    if (!had || s.rank < had.rank || (s.field === 'linkedin' && !had.value.includes('/in/') && s.value.includes('/in/'))) best[s.field] = s;
  });
  const p: ReportedPerson = {};
  const name = best.name?.value ?? [best.firstName?.value, best.lastName?.value].filter(Boolean).join(' ');
  if (name) p.name = name;
  COPIED.forEach((f) => {
    if (best[f]) p[f] = best[f]!.value;
  });
  // a phone as its record shows it: an international number as written; a national one with the
  // calling code shown beside it ("+44" in its own cell), else as written, sent with the page's
  // country (the record's own country, a country or location column or a "Country:" label, travels
  // beside it as written, and the background prefers it when it names one); with none, national
  // (never guessed)
  if (best.phone) {
    const phone = best.phone.value;
    if (phone.startsWith('+')) p.phone = phone;
    else if (best.dialCode) p.phone = `${best.dialCode.value} ${phone}`; // a calling code is always "+…" (dialCodeOf)
    else {
      p.phone = phone;
      if (rules.country) p.phoneCountry = rules.country;
      if (best.country) p.countryText = best.country.value;
    }
  }
  if (!p.email && !p.linkedin) {
    // a name alone is a person only when a label or column says so, inside a row, beside a
    // company/title or a phone a label or column says is one
    const said = (best.name?.rank ?? 3) <= 2 || !!best.firstName || !!best.lastName;
    const alone = said && (rules.isRecord(record) || p.company || p.title || (best.phone?.rank ?? 3) <= 2 || best.name?.shown);
    if (!p.name || !alone) {
      if (!p.phone) return undefined;
      p.phoneOnly = true; // the background drops this person if the phone is not a valid number
    }
  }
  let named = best.name;
  if (!p.name) {
    const heading = rules.nameOf(record);
    if (heading) p.name = (named = heading).value;
  }
  // the position under the name, whether a signal or the record's heading gave it
  if (named && (!p.title || !p.company) && named.rank >= 2 && !named.fromLabel && rules.positionOf) {
    const { title, company } = rules.positionOf(named, record);
    if (title && !p.title) p.title = title;
    if (company && !p.company) p.company = company;
  }
  // a number with no one's name, email or profile beside it is a company's line, not a person
  if (!p.name && !p.email && !p.linkedin) return undefined;
  return p;
}

/** the people of a scan, by merge key and by record (see roster.ts) */
export interface KnownPeople {
  byKey: Map<string, ScannedPerson>;
  byRecord: Map<Element, ScannedPerson>;
}

/**
 * the people a list's entries show by name alone (see cardName), when the list is one of people:
 * one of its entries is a person already (it holds one, or its name is that of a person found
 * with an email, phone or profile: a conversation's entry and its open lead panel). A list of
 * video or document titles never has one, so its titles stay titles. `known`: the people found
 * before, when only part of the page is read again (a new entry in a list of people already read).
 */
export function listedPeople(entries: Signal[], signals: Signal[], found: ScannedPerson[], self?: Self, known?: KnownPeople): ScannedPerson[] {
  if (!entries.length) return [];
  const records = new Set<Element>();
  const reached = new Set<string>();
  const reachable = (p: ReportedPerson) => !!(p.name && (p.email || p.phone || p.linkedin));
  for (const p of found) {
    for (const r of p.records) records.add(r);
    if (reachable(p.person)) reached.add(p.person.name!.toLowerCase());
  }
  const isPerson = (name: string) => reached.has(name) || !!(known && reachable(known.byKey.get(`${name}|`)?.person ?? {}));
  const knownList = (list: Element | null) => !!(known && list && [...list.children].some((e) => known.byRecord.has(e)));
  // whether the entry already yielded a person (a record between its name and the entry)
  const covered = (s: Signal) => {
    for (let e: Element | null = s.el; e; e = e.parentElement) {
      if (records.has(e)) return true;
      if (e === s.entry) return false;
    }
    return false;
  };
  const lists = new Set<Element | null>();
  for (const s of entries) if (covered(s) || isPerson(s.value.toLowerCase()) || knownList(s.entry!.parentElement)) lists.add(s.entry!.parentElement);
  // an entry holding values that made no person (the user's own address, a role mailbox) is not one either
  let values: Set<Element> | undefined;
  const holdsValues = (entry: Element) => {
    values ??= new Set(signals.filter((s) => s.field !== 'name').map((s) => s.el));
    return values.has(entry) || [...entry.getElementsByTagName('*')].some((e) => values!.has(e));
  };
  // nor is a name read as someone's company (a signature's lines, each an entry of a stack: "Park Labs")
  let companies: Set<string> | undefined;
  const readAsCompany = (name: string) => (companies ??= new Set(signals.filter((s) => s.field === 'company').map((s) => s.value))).has(name);
  return entries
    .filter((s) => lists.has(s.entry!.parentElement) && !covered(s) && !(self && isSelf(self, s)) && !holdsValues(s.entry!) && !readAsCompany(s.value))
    .map((s) => ({ person: { name: s.value }, records: [s.entry!] }));
}

/**
 * the keys two records of one person share: email, LinkedIn URL, phone ending (digits only), name
 * + company (with a "|") and the name alone (ending in "|": a conversation's entry and its lead
 * panel). The kinds never collide, so each value is its own key: no prefix to build and hash for
 * every person of a long list.
 */
export function mergeKeys(p: ReportedPerson): string[] {
  const keys: string[] = [];
  if (p.email) keys.push(p.email);
  if (p.linkedin) keys.push(p.linkedin);
  if (p.phone) keys.push(phoneDigits(p.phone).slice(-7));
  if (p.name) {
    const name = `${p.name.toLowerCase()}|`;
    if (p.company) keys.push(name + p.company.toLowerCase());
    keys.push(name);
  }
  return keys;
}

const PHONE_KEY = /^\d*$/;
const differ = (a: string | undefined, b: string | undefined) => !!a && !!b && a !== b;
const otherNumber = (a: string | undefined, b: string | undefined) => !!a && !!b && !sameNumber(phoneDigits(a), phoneDigits(b));

/**
 * the person `key` of `fresh` is filed under, if they are one person: an email or a LinkedIn URL
 * says so; a phone or a name only when nothing says otherwise (two John Smiths with their own
 * emails or companies, colleagues sharing the office's number, two numbers with one ending)
 */
export function sameAs(index: Map<string, ScannedPerson>, key: string, fresh: ReportedPerson): ScannedPerson | undefined {
  const p = index.get(key);
  if (!p) return undefined;
  const had = p.person;
  const weak = PHONE_KEY.test(key) || key.includes('|');
  return !weak || !(differ(had.email, fresh.email) || differ(had.linkedin, fresh.linkedin) || otherNumber(had.phone, fresh.phone) ||
    differ(had.company?.toLowerCase(), fresh.company?.toLowerCase())) ? p : undefined;
}

/** the person the first of `keys` that says so files `fresh` under (see sameAs) */
export function sameAsAny(index: Map<string, ScannedPerson>, keys: string[], fresh: ReportedPerson): ScannedPerson | undefined {
  for (let i = 0; i < keys.length; i++) {
    const p = sameAs(index, keys[i]!, fresh);
    if (p) return p;
  }
  return undefined;
}

/** one person from two: `first`'s fields win, `second` fills the gaps (a new object: reported ones never change) */
export function merged(first: ScannedPerson, second: ScannedPerson): ScannedPerson {
  const person: ReportedPerson = { ...first.person };
  for (const [f, v] of Object.entries(second.person) as [keyof ReportedPerson, never][]) person[f] ??= v;
  if (!(first.person.phoneOnly && second.person.phoneOnly)) delete person.phoneOnly;
  return { person, records: [...first.records, ...second.records] };
}

/** merge people sharing an email, then LinkedIn, then phone, then name + company; fills `index` with each key's person */
export function dedupe(people: ScannedPerson[], index = new Map<string, ScannedPerson>()): ScannedPerson[] {
  return runSteps(dedupeInSteps(people, index));
}

/** dedupe in steps of STEP people */
export function* dedupeInSteps(people: ScannedPerson[], index: Map<string, ScannedPerson>): Generator<void, ScannedPerson[]> {
  const out: ScannedPerson[] = [];
  let done = 0;
  for (const item of people) {
    if (++done % STEP === 0) yield;
    let target = item;
    const keys = mergeKeys(item.person);
    const into = sameAsAny(index, keys, item.person);
    if (into) {
      target = merged(into, item);
      out[out.indexOf(into)] = target;
      for (const key of mergeKeys(into.person)) if (index.get(key) === into) index.set(key, target);
    } else out.push(item);
    for (const k of target === item ? keys : mergeKeys(target.person)) if (!index.has(k)) index.set(k, target);
  }
  return out;
}
