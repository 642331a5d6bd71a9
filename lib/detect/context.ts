// What a scan needs to know about the page before reading it: how phones are read (with the
// default country for national numbers), the regions never read (app header, navigation, account
// menu) and the signed-in user's own identity found there, to be left out everywhere.
import { countryFromLang, type CountryCode } from './phone';
import { selfKey, type Self } from './self';
import { walk, type Budget } from './signals';
import { findEmails, looksLikeName, clean } from './text';

export interface PageContext {
  /** the country national phone numbers are dialled in: the page's <html lang> region */
  country?: CountryCode;
  /** regions never read: page chrome (menus, and what the walk finds) */
  excluded: Set<Element>;
  self: Self;
}

/** the page's menus learnt from, and the default country for national phone numbers */
export function pageContext(scope: Element): PageContext {
  const doc = scope.ownerDocument;
  const excluded = new Set<Element>();
  const ctx: PageContext = { country: countryFromLang(doc.documentElement?.getAttribute('lang')), excluded, self: new Set() };
  // menus (an account menu is often kept on the page, hidden, until opened) show the user too
  learnSelf(ctx, safeQuery(scope, '[role=menu]'));
  return ctx;
}

/**
 * remember the identity shown in chrome regions (the signed-in user) and skip those regions; a
 * region that shows more full names than an account does (the user, a workspace's owner, a label
 * naming them again) lists people, and none of its names is taken for the user's
 */
export function learnSelf(ctx: PageContext, chrome: Element[]): void {
  const budget: Budget = { nodes: 5000, chars: 50_000 };
  for (const el of chrome) {
    ctx.excluded.add(el);
    const found = walk(el, { excluded: new Set(), budget, inChrome: true });
    const own: Self = new Set(found.signals.map((s) => selfKey(s.field, s.value)));
    collectNames(el, own, budget);
    const people = [...own].filter((k) => k.startsWith('name:') && k.includes(' ')).length;
    for (const k of own) if (people <= 3 || !k.startsWith('name:')) ctx.self.add(k);
  }
}

/** the names and emails a chrome region shows or labels, hidden parts included (a closed account menu is the user's too) */
function collectNames(el: Element, self: Self, budget: Budget): void {
  const walker = el.ownerDocument.createTreeWalker(el, 5); // elements and texts
  for (let n: Node | null = el; n && budget.nodes-- > 0; n = walker.nextNode()) {
    if (n.nodeType !== 3) for (const attr of ['aria-label', 'title', 'alt']) collectFrom((n as Element).getAttribute(attr) ?? '', self);
    // a navigation's current item (a breadcrumb's last) names the page's subject, not the user
    else if (!n.parentElement!.closest('[aria-current]')) collectFrom(n.nodeValue!, self);
  }
}

/** "Account of Sam Carter", "Sam Carter (sam@growthlane.co)": the emails, and each part's name (the words it ends with) */
function collectFrom(text: string, self: Self): void {
  if (!text.trim()) return;
  for (const email of findEmails(text)) self.add(selfKey('email', email));
  for (const part of text.split(/[:()<>,|·\n]/)) {
    const words = clean(part, 80).split(' ');
    for (let i = 0; i < words.length - 1; i++) {
      const name = words.slice(i).join(' ');
      if (looksLikeName(name)) {
        self.add(selfKey('name', name));
        break;
      }
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
