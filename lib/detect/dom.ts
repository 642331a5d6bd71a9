// Cheap DOM rules shared by every signal: which elements are never read (scripts, code samples,
// hidden elements) and bounded text readers. No getComputedStyle: only attributes are checked.
import { signsOff } from './sign-off';
import { clean, INITIALS, looksLikeName } from './text';
import { labelField } from './vocabulary';

/** elements whose content is never a contact on the page */
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'PRE', 'CODE', 'KBD', 'SAMP', 'SVG', 'svg',
  'IFRAME', 'OBJECT', 'CANVAS', 'HEAD', 'TITLE', 'TEXTAREA', 'SELECT', 'OPTION']);

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;

/**
 * hidden by the `hidden` attribute, an inline display:none / visibility:hidden, or aria-hidden
 * (except the page behind an open modal dialog, which the dialog hides from screen readers only);
 * a closed <dialog>
 */
export function isHidden(el: Element): boolean {
  if (el.tagName === 'DIALOG') return !el.hasAttribute('open');
  if (!el.hasAttributes()) return false;
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  if (style !== null && HIDDEN_STYLE.test(style)) return true;
  return el.getAttribute('aria-hidden') === 'true' && !behindModal(el);
}

/** whether el is the page an open modal dialog covers (it marks everything but itself aria-hidden) */
function behindModal(el: Element): boolean {
  if (!el.firstElementChild) return false;
  const modal = el.ownerDocument.querySelector('[aria-modal="true"]');
  return !!modal && !el.contains(modal) && !modal.closest('[hidden], [style*="none"]');
}

const MONOSPACE = 'code, kbd, samp';
/**
 * a code element in a table cell or a value whose other words are none but a label and its buttons
 * ("Tel <code>+44 …</code> Copy", "<code>+44</code> <code>20 7946 0123</code>", "<code>+44</code> 20
 * 7946 0123"): a value set in monospace, not a sample
 */
const valueInCode = (el: Element) => {
  const cell = el.matches(MONOSPACE) && el.parentElement?.closest('td, dd, [role=cell], [role=gridcell]');
  if (!cell) return false;
  let rest = cell.textContent!;
  for (const part of cell.querySelectorAll(`${MONOSPACE}, button, [role=button]`)) rest = rest.replace(part.textContent!, '');
  return !/\p{L}/u.test(rest) || !!labelField(rest.trim());
};

/** a plain-text message shown as written (a mail in <pre>, with a closing line and no code in it): read, unlike a code sample */
const messageIn = (el: Element) => el.tagName === 'PRE' && !el.querySelector('code') && signsOff(el.textContent!);

/** an element whose content is never read: a script, a code sample, a form's options (`tag`: el's) */
export const isSkippedTag = (el: Element, tag: string) => SKIP_TAGS.has(tag) && !valueInCode(el) && !messageIn(el);

/** never read: scripts, code samples, hidden elements */
export function isSkipped(el: Element): boolean {
  return isSkippedTag(el, el.tagName) || isHidden(el);
}

/** whether el or an ancestor below `stop` is never read; with `chrome`, or is page chrome */
export function isSkippedAbove(el: Element, stop: Element, chrome?: boolean): boolean {
  for (let e: Element | null = el; e && e !== stop; e = e.parentElement) {
    if (isSkipped(e) || (chrome && isChrome(e, e.tagName, e.getAttribute('role'), e.getAttribute('class')))) return true;
  }
  return false;
}

/**
 * visits el's visible texts and elements in document order (hidden and code subtrees left out) until
 * `visit` returns true or `limit.nodes` nodes were seen (the limit is shared by the calls given it)
 */
export function eachNode(el: Element, visit: (node: Node) => boolean | void, limit = { nodes: 60 }): void {
  const stack: Node[] = [el];
  while (stack.length && limit.nodes-- > 0) {
    const node = stack.pop()!;
    const type = node.nodeType;
    if (type !== 3 && (type !== 1 || (node !== el && isSkipped(node as Element)))) continue;
    if (visit(node)) return;
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
}

/** the first visible, non-empty text inside el that passes `accept` (a name cell's name, not its avatar or subtitle) */
export function firstText(el: Element, accept: (text: string) => boolean = () => true): string {
  let found = '';
  eachNode(el, (node) => {
    const t = node.nodeType === 3 ? node.nodeValue!.trim() : '';
    return t.length > 1 && accept(t) && !!(found = t);
  });
  return found;
}

/** the visible text of el, bounded (for labelled values and cells) */
export function visibleText(el: Element, max = 300): string {
  let out = '';
  eachNode(el, (node) => {
    if (node.nodeType === 3) out += node.nodeValue!;
    else if (/^(BR|P|DIV)$/.test((node as Element).tagName)) out += ' ';
    return out.length >= max;
  }, { nodes: 1e4 });
  return out.slice(0, max);
}

/**
 * the texts after `from` within `scope`, in document order, cleaned, each with its element (the
 * lines of a card, of a signature, of a profile's entry); a text whose own element is never read is
 * passed over. The caller stops when it has the lines it needs.
 */
export function* linesAfter(scope: Element, from: Node = scope): Generator<{ text: string; el: Element; node: Node }> {
  const walker = scope.ownerDocument.createTreeWalker(scope, 4);
  walker.currentNode = from;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = clean(n.nodeValue!, 120);
    if (text && !isSkipped(n.parentElement!)) yield { text, el: n.parentElement!, node: n };
  }
}

/** the value a user typed or the app filled into a form control */
export function controlValue(el: Element): string {
  const v = (el as HTMLInputElement).value;
  return typeof v === 'string' ? v : el.getAttribute('value') ?? '';
}

/** page chrome: account menus by class, id or label, and landmark roles */
const CHROME_NAME = /account-menu|user-menu|profile-menu|profile-dropdown/i;
/** a <nav> named for what it lists (conversations, people) is content; one named as navigation, or not named, is chrome */
const NAVIGATION_LABEL = /nav|menu|main|primary|secondary|site|page|breadcrumb|footer|account|user|global|top|side|tabs/i;
const CHROME_ROLES = new Set(['banner', 'navigation', 'contentinfo', 'menu']);
/** a header/footer inside one of these belongs to a record, not to the page */
const RECORD_PARTS = 'article, [role=article], [role=dialog], dialog, aside, li, tr, [role=row], [itemscope], .vcard';

/**
 * whether an element (its tag, role and class given) is page chrome: header, nav, account menu,
 * or a menu button outside any record (an app's account or workspace switcher shows the user)
 */
export function isChrome(el: Element, tag: string, role: string | null, cls: string | null): boolean {
  if (tag === 'NAV') {
    const label = el.getAttribute('aria-label');
    return (!label || NAVIGATION_LABEL.test(label)) && !listsPeople(el);
  }
  if (tag === 'HEADER' || tag === 'FOOTER') return !el.parentElement?.closest(RECORD_PARTS);
  if (!el.hasAttributes()) return false;
  if (role && CHROME_ROLES.has(role)) return role !== 'navigation' || !listsPeople(el);
  const label = el.getAttribute('aria-label');
  if (label && /account|user menu/i.test(label)) return true;
  const popup = el.getAttribute('aria-haspopup');
  if (popup && popup !== 'false' && !el.parentElement?.closest(RECORD_PARTS)) return true;
  return CHROME_NAME.test(`${cls ?? ''} ${el.id}`);
}

/** an icon font's glyph name ("person", "account_circle"): the text of an icon, not of the entry */
const ICON_NAME = /^[a-z]+(_[a-z]+)*$/;

/**
 * a navigation landmark that lists people (conversations, contacts): most of its first entries
 * start with a full name and show more than it (an avatar, a last message); a menu's entries are
 * one or two words each, the account entry one person
 */
function listsPeople(nav: Element): boolean {
  let n = 0;
  let named = 0;
  for (const item of nav.querySelectorAll('a, li, [role=button], [role=option], [role=listitem]')) {
    const name = firstText(item, (t) => !INITIALS.test(t) && !ICON_NAME.test(t));
    if (name.includes(' ') && looksLikeName(name) && clean(item.textContent!).length > name.length) named++;
    if (++n >= 10) break;
  }
  return named >= 2 && named * 2 > n;
}
