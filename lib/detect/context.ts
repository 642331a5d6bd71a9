// What a scan needs to know about the page before reading it: how phones are read (with the
// default country for national numbers), the regions never read (app header, navigation, account menu, adapter
// exclusions) and the signed-in user's own identity found there, to be left out everywhere.
import { eachNode } from './dom';
import { countryFromLang, phoneReader, type CountryCode, type PhoneCheck, type PhoneReader } from './phone';
import { selfKey, type Self } from './self';
import { walk, type Budget } from './signals';
import { findEmails, looksLikeName, clean } from './text';
import type { SiteAdapter } from './sites/types';

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

function collectNames(el: Element, self: Self, budget: Budget): void {
  eachNode(el, (n) => {
    if (n.nodeType === 1) return collectLabelled(n as Element, self);
    const t = clean(n.nodeValue ?? '', 80);
    if (t.includes(' ') && looksLikeName(t)) self.values.add(selfKey('name', t));
  }, budget);
}

/** the user an account button names in its label: "Account: Sam Carter (sam@growthlane.co)" */
function collectLabelled(el: Element, self: Self): void {
  if (!el.hasAttributes()) return;
  for (const attr of ['aria-label', 'title', 'alt']) {
    const v = el.getAttribute(attr);
    if (!v) continue;
    for (const email of findEmails(v)) self.values.add(selfKey('email', email));
    for (const part of v.split(/[:()<>,\n]/)) {
      const t = clean(part, 80);
      if (t.includes(' ') && looksLikeName(t)) self.values.add(selfKey('name', t));
    }
  }
}

/** querySelectorAll that never throws (an adapter's selector may be invalid in some engine) */
export function safeQuery(scope: Element, selector: string): Element[] {
  try {
    return [...scope.querySelectorAll(selector)];
  } catch {
    return [];
  }
}
