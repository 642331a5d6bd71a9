// Persons the page describes in structured data: JSON-LD (@type Person, also as author or
// employee), schema.org microdata (itemtype …/Person) and hCard/h-card. Each is its own record.
import { visibleText } from './dom';
import { linkedinOf } from './linkedin';
import { addSignal, type Signal } from './values';
import type { Field } from './vocabulary';

const MAX_JSON = 100_000;

/** where each field sits in a schema.org microdata Person, and in an hCard */
const SCOPED: [Field, string, string][] = [
  ['name', '[itemprop=name]', '.fn, .p-name'],
  ['email', '[itemprop=email]', '.email, .u-email'],
  ['phone', '[itemprop=telephone]', '.tel, .p-tel'],
  ['company', '[itemprop=worksFor] [itemprop=name], [itemprop=worksFor]', '.org, .p-org'],
  ['title', '[itemprop=jobTitle]', '.title, .p-job-title'],
  ['linkedin', '[itemprop=sameAs][href*="linkedin.com"], [itemprop=url][href*="linkedin.com"]', 'a[href*="linkedin.com"]'],
];

/**
 * structured-data signals: JSON-LD scripts under root, and the microdata/hCard scopes the walk met;
 * `records` receives each person's element; phones are read as written internationally (rank 0: see addSignal)
 */
export function readStructured(root: Element | Document, scopes: Element[], out: Signal[], records: Set<Element>): void {
  for (const script of root.getElementsByTagName('script')) {
    if (script.getAttribute('type') !== 'application/ld+json') continue;
    const text = script.textContent!;
    if (text.length > MAX_JSON) continue;
    try {
      const found: Record<string, unknown>[] = [];
      persons(JSON.parse(text), found, 0);
      found.slice(0, 50).forEach((p, i) => {
        // each person needs its own record element; a script holding several gets stand-ins
        const el = i === 0 ? script : script.ownerDocument.createElement('span');
        if (jsonPerson(p, el, out)) records.add(el);
      });
    } catch { /* bad JSON is the page's problem */ }
  }
  for (const scope of scopes) {
    const micro = scope.hasAttribute('itemscope');
    if (micro && !/schema\.org\/Person/i.test(scope.getAttribute('itemtype') ?? '')) continue;
    for (const [field, inMicrodata, inHcard] of SCOPED) {
      const el = scope.querySelector(micro ? inMicrodata : inHcard);
      if (!el) continue;
      const raw = el.getAttribute('content') ?? el.getAttribute('href') ?? visibleText(el);
      // a mailto: or tel: link's address is read as the value (addSignal reads past the scheme)
      addSignal(out, field, raw, el, 0);
    }
    records.add(scope);
  }
}

function persons(node: unknown, out: Record<string, unknown>[], depth: number): void {
  if (depth > 6 || !node || typeof node !== 'object') return;
  if (Array.isArray(node)) return node.forEach((n) => persons(n, out, depth + 1));
  const obj = node as Record<string, unknown>;
  const type = obj['@type'];
  if (type === 'Person' || (Array.isArray(type) && type.includes('Person'))) out.push(obj);
  for (const v of Object.values(obj)) if (v && typeof v === 'object') persons(v, out, depth + 1);
}

/** a JSON-LD Person's signals; true when it has any */
function jsonPerson(p: Record<string, unknown>, el: Element, out: Signal[]): boolean {
  const works = p.worksFor as Record<string, unknown> | string | undefined;
  const links = ([] as unknown[]).concat(p.sameAs ?? [], p.url ?? []);
  const fields: [Field, unknown][] = [['name', p.name], ['email', p.email], ['phone', p.telephone],
    ['company', typeof works === 'string' ? works : works?.name], ['title', p.jobTitle], ['linkedin', links.find((u) => typeof u === 'string' && linkedinOf(u))]];
  const before = out.length;
  for (const [field, raw] of fields) {
    if (typeof raw === 'string') addSignal(out, field, raw, el, 0);
  }
  return out.length > before;
}
