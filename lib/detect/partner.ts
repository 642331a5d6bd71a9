// What a partner page shows about a person beyond the contact fields, where its adapter says
// where to look: the app's own id of the person's record (an attribute on their row, the id in a
// detail page's URL), and details worth a note in HighLevel (a lead's status under its column
// header or field label; the video an analytics page is about). Values are short page texts; the
// background checks them again (lib/page-values/partner.ts).
import { safeQuery } from './context';
import type { ScannedPerson } from './group';
import { pathOf, type SiteAdapter, type SiteRoute } from './sites/types';
import { cellsAt, isRowOf, type Table } from './tables';
import { eachNode, visibleText } from './dom';
import { plainValue } from './text';
import type { DetailKind, PartnerDetails, ReportedPerson } from './types';

const ID = /^[\w.-]{1,64}$/;

/** a person with what their records show of the partner's own data (read once: people are never changed in place) */
const known = new WeakMap<ScannedPerson, ReportedPerson>();

/** the people of a scan with their partner id and details, where the adapter reads them */
export function withPartnerData(people: ScannedPerson[], a: SiteAdapter, route: SiteRoute | undefined, scope: Element, tables: Table[]): ReportedPerson[] {
  const [aboutKind, aboutAt] = route?.about ?? [];
  const about = aboutAt && plainValue(visibleText(safeQuery(scope, aboutAt)[0] ?? scope, 200));
  return people.map((p) => {
    let person = known.get(p);
    if (person) return person;
    const details: PartnerDetails = {};
    for (const [kind, label] of Object.entries(a.details ?? {}) as [DetailKind, RegExp][]) {
      const value = p.records.map((r) => labelled(r, label, tables)).find(Boolean);
      if (value) details[kind] = value;
    }
    if (about) details[aboutKind!] = about;
    const id = a.idAttr && p.records.map((r) => r.closest(`[${a.idAttr}]`)?.getAttribute(a.idAttr!)).find((x) => x && ID.test(x));
    person = { ...p.person, ...(id ? { partnerId: id } : {}), ...(Object.keys(details).length ? { details } : {}) };
    known.set(p, person);
    return person;
  });
}

/** the id of the person a detail page shows: its detail route's first group, in its URL */
export function idInUrl(route: SiteRoute, url: string): string | undefined {
  const id = route.match.exec(pathOf(url) ?? '')?.[1];
  return id && ID.test(id) ? id : undefined;
}

/** the value a record shows under a label: in the column of that header (a table row), or after a field label */
function labelled(record: Element, label: RegExp, tables: Table[]): string | undefined {
  const text = (el: Element | null | undefined) => (el ? plainValue(visibleText(el, 200)) : undefined);
  const t = tables.find((x) => !x.span && !x.grid && isRowOf(x, record));
  if (t) {
    const col = [...t.headerRows[0]!.children].findIndex((h) => label.test(visibleText(h, 40).trim()));
    const cells = cellsAt(record, t.cellPath);
    return col < 0 ? undefined : text(cells[col + Math.max(0, cells.length - t.columns.length)]);
  }
  // a field label: a visible element with only the label's text, its value the next element
  let value: string | undefined;
  eachNode(record, (n) => {
    const el = n as Element;
    return n.nodeType === 1 && !el.firstElementChild && el.tagName !== 'TH' && label.test(el.textContent!.trim()) && !!(value = text(el.nextElementSibling));
  }, { nodes: 3000 });
  return value;
}
