// What a scan needs to know about the page before reading it: how phones are read (with the
// default country for national numbers), the regions never read (app header, navigation, account menu, adapter
// exclusions) and the signed-in user's own identity found there, to be left out everywhere.
import { eachNode } from './dom';
import { countryFromLang, phoneDigits, phoneReader, type CountryCode, type PhoneCheck, type PhoneReader } from './phone';
import { walk, type Budget } from './signals';
import { looksLikeName, clean } from './text';
import type { SiteAdapter } from './sites/types';
import type { Signal } from './values';

export interface Self {
  values: Set<string>;
}

export interface PageContext {
  /** reads phones as candidates with the page's country (or validated, when the scan checks them) */
  phone: PhoneReader;
  /** regions never read: page chrome found while walking, and the adapter's exclusions */
  excluded: Set<Element>;
  self: Self;
}

/** the adapter's excluded regions, and the phone reader with the default country for national numbers */
export function pageContext(scope: Element, adapter: SiteAdapter | undefined, country?: CountryCode, checkPhone?: PhoneCheck): PageContext {
  const doc = scope.ownerDocument;
  const excluded = new Set<Element>();
  const region = country ?? countryFromLang(doc.documentElement?.getAttribute('lang'));
  const ctx: PageContext = { phone: phoneReader(region, checkPhone), excluded, self: { values: new Set() } };
  if (adapter?.exclude) for (const el of safeQuery(scope, adapter.exclude)) excluded.add(el);
  learnSelf(ctx, [...excluded]);
  if (adapter?.ignore) for (const el of safeQuery(scope, adapter.ignore)) excluded.add(el);
  return ctx;
}

/** remember the identity shown in chrome regions (the signed-in user) and skip those regions */
export function learnSelf(ctx: PageContext, chrome: Element[]): void {
  const budget: Budget = { nodes: 5000, chars: 50_000 };
  for (const el of chrome) {
    ctx.excluded.add(el);
    const found = walk(el, { excluded: new Set(), budget, phone: ctx.phone, inChrome: true });
    for (const s of found.signals) ctx.self.values.add(selfKey(s.field, s.value));
    collectNames(el, ctx.self, budget);
  }
}

/** the key under which a value is remembered as the user's own */
export function selfKey(field: string, value: string): string {
  if (field === 'name') return `name:${value.toLowerCase()}`;
  if (field === 'phone') return `phone:${phoneDigits(value).slice(-8)}`; // however it is written
  return field === 'email' || field === 'linkedin' ? `${field}:${value}` : '';
}

/** whether a signal is the signed-in user's own name, email, phone or LinkedIn */
export function isSelf(self: Self, s: Signal): boolean {
  if (!self.values.size) return false;
  const key = selfKey(s.field, s.value);
  return key !== '' && self.values.has(key);
}

function collectNames(el: Element, self: Self, budget: Budget): void {
  eachNode(el, (n) => {
    const t = n.nodeType === 3 ? clean(n.nodeValue ?? '', 80) : '';
    if (t.includes(' ') && looksLikeName(t)) self.values.add(selfKey('name', t));
  }, budget);
}

/** querySelectorAll that never throws (an adapter's selector may be invalid in some engine) */
export function safeQuery(scope: Element, selector: string): Element[] {
  try {
    return [...scope.querySelectorAll(selector)];
  } catch {
    return [];
  }
}
