// "Find people like this on this site": a picked person's element turned into a rule for the site
// (taught.ts). The card the person sits in is the element repeated beside it with the same shape
// (tag and class names; at least two lines of text), found by climbing from the picked element;
// the rule names it by a selector as plain as still tells it apart (its class names, then its
// parents' up to an id), and each value the pick read by its path inside the card (class names,
// a position among same-tag siblings only where they do not tell it apart). Class names that look
// generated (with digits) or stateful are left out, so a rule survives a re-render. Part of the
// pick script (entrypoints/pick.ts), not of the content script. Also reads a card the detector
// cannot (a name with no email, phone or link) as a person by its name, so it can be picked.
import { looksLikeName } from './text';
import { TAUGHT_FIELDS, type TaughtRule } from './taught';
import type { DetectedPerson } from './types';

/** How far above the picked element its card is looked for. */
const MAX_CLIMB = 8;
/** How many parents a card's selector names at most. */
const MAX_PARENTS = 4;
const STATE_CLASSES = /^(active|selected|hover|focus(ed)?|open|closed|expanded|collapsed|checked|disabled|hidden|visible|is-.*|has-.*)$/;
const PLAIN = /^[A-Za-z][A-Za-z_-]{0,39}$/;

const stableClasses = (el: Element) => [...el.classList].filter((c) => PLAIN.test(c) && !STATE_CLASSES.test(c)).slice(0, 2);
const step = (el: Element) => el.tagName.toLowerCase() + stableClasses(el).map((c) => `.${c}`).join('');
const lines = (el: Element) => [...el.querySelectorAll('*')].filter((e) => [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim())).length;
const sameShape = (a: Element, b: Element) => step(a) === step(b) && a.childElementCount === b.childElementCount;
const norm = (t: string | null | undefined) => (t ?? '').replace(/\s+/g, ' ').trim();

/** The card around `target`: the nearest element repeated (same shape) beside itself, with at least two lines. */
export function cardOf(target: Element): Element | undefined {
  const body = target.ownerDocument.body;
  let el: Element | null = target;
  for (let i = 0; el && el !== body && i < MAX_CLIMB; i++, el = el.parentElement) {
    const card: Element = el;
    const parent = card.parentElement;
    if (!parent || lines(card) < 2) continue;
    if ([...parent.children].filter((c) => c !== card && sameShape(c, card)).length) return card;
  }
  return undefined;
}

/** A card the detector read nobody in, read by its first line that looks like a name. */
export function cardPerson(card: Element): DetectedPerson | undefined {
  for (const el of card.querySelectorAll('*')) {
    const own = norm([...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join(' '));
    if (own && looksLikeName(own)) return { name: own };
  }
  return undefined;
}

/** The selector of the card and its like on the page: its own step, then its parents' until it names no other elements. */
function containerOf(card: Element): string {
  const doc = card.ownerDocument;
  const likes = [...card.parentElement!.children].filter((c) => sameShape(c, card));
  let selector = step(card);
  let at = card.parentElement;
  for (let i = 0; at && at !== doc.body && i < MAX_PARENTS; i++, at = at.parentElement) {
    if (doc.querySelectorAll(selector).length <= likes.length) break;
    if (at.id && PLAIN.test(at.id)) return `#${at.id} > ${selector}`;
    selector = `${step(at)} > ${selector}`;
  }
  return selector;
}

/** The path from the card to `el`: each step its tag and classes, with its place among its siblings where that is needed. */
function pathIn(card: Element, el: Element): string | undefined {
  if (el === card) return ':scope';
  const steps: string[] = [];
  for (let e: Element = el; e !== card; e = e.parentElement!) {
    const parent = e.parentElement;
    if (!parent) return undefined;
    let s = step(e);
    const like = [...parent.children].filter((c) => c.matches(s));
    if (like.length > 1) {
      const sameTag = [...parent.children].filter((c) => c.tagName === e.tagName);
      s = `${e.tagName.toLowerCase()}:nth-of-type(${sameTag.indexOf(e) + 1})`;
    }
    steps.unshift(s);
  }
  const path = `:scope > ${steps.join(' > ')}`;
  return card.querySelector(path) === el ? path : undefined;
}

/** The smallest element of the card whose text holds `value` (a phone by its digits). */
function holderOf(card: Element, field: string, value: string): Element | undefined {
  const want = field === 'phone' ? value.replace(/\D/g, '').slice(-7) : norm(value).toLowerCase();
  if (!want) return undefined;
  let best: Element | undefined;
  for (const el of [card, ...card.querySelectorAll('*')]) {
    const text = norm(el.textContent);
    const has = field === 'phone' ? text.replace(/\D/g, '').includes(want) : text.toLowerCase().includes(want);
    if (has && (!best || text.length <= norm(best.textContent).length)) best = el;
  }
  return best;
}

/** The rule that finds people like the one read from `record`, or undefined when nothing repeats there. */
export function ruleFor(record: Element, person: DetectedPerson): TaughtRule | undefined {
  const card = cardOf(record);
  if (!card) return undefined;
  const fields: TaughtRule['fields'] = {};
  for (const field of TAUGHT_FIELDS) {
    const value = person[field];
    const holder = value ? holderOf(card, field, value) : undefined;
    const path = holder && pathIn(card, holder);
    if (path) fields[field] = path;
  }
  if (!fields.name && !fields.email && !fields.phone) return undefined;
  return { container: containerOf(card), fields };
}
