// The rules the user taught for a site ("Find people like this on this site", made from a pick by
// teach-rule.ts): the repeating element each person sits in (`container`, a selector on the page)
// and where each of their values sits inside it (selectors relative to it). Data only: plain CSS
// selectors, checked by the background (lib/teach) before it keeps them and before it hands them
// to a page.
//
// The reading is not part of the content script (kept small): the background runs installTaught,
// with the site's rules as its argument, in the content script's own world of a tab of that site
// (scripting.executeScript, after the page first reported). It leaves `ghlSidebarAdjust` there,
// which the content script calls on each report: the rules' people are added unless the detector
// found them already, and the report says how many the rules found (0: the notice "found nobody").
// Being run by the browser from its source text, installTaught is self-contained: no import, no
// name from outside its own body.
import type { PageReport, ReportedPerson } from './types';

export const TAUGHT_FIELDS = ['name', 'email', 'phone', 'company', 'title'] as const;
export type TaughtField = (typeof TAUGHT_FIELDS)[number];

export interface TaughtRule {
  /** the element repeated once per person (a card, a row) */
  container: string;
  /** where each value sits inside it (`:scope` the container itself) */
  fields: Partial<Record<TaughtField, string>>;
}

/** What installTaught leaves in the content script's world (called by lib/detect/content-script.ts). */
export interface TaughtScope {
  /** the report with the rules' people added */
  ghlSidebarAdjust?: (report: PageReport) => PageReport;
  /** sends the page's people again (the watcher's `report`) */
  ghlSidebarRefresh?: () => void;
}

/**
 * Applies `rules` to every later report of this page (none: stops), and reports again; on a page
 * of another site than `origin` (the tab moved on meanwhile) it does nothing. Self-contained.
 */
export function installTaught(rules: TaughtRule[], origin?: string): void {
  if (origin !== undefined && location.origin !== origin) return;
  const scope = globalThis as TaughtScope;
  const fields = ['name', 'email', 'phone', 'company', 'title'] as const;
  const textIn = (record: Element, selector: string) =>
    (selector === ':scope' ? record : record.querySelector(selector))?.textContent?.replace(/\s+/g, ' ').trim().slice(0, 200) || undefined;
  const keysOf = (p: ReportedPerson) => [p.email?.toLowerCase(), p.phone?.replace(/\D/g, ''), p.name?.toLowerCase()].filter((k) => !!k);
  /** the people the rules find on the page, at most the 500 a report carries */
  const read = (): ReportedPerson[] => {
    const people: ReportedPerson[] = [];
    for (const rule of rules) {
      try {
        for (const record of document.querySelectorAll(rule.container)) {
          if (people.length >= 500) break;
          const person: ReportedPerson = {};
          for (const field of fields) {
            const text = rule.fields[field] && textIn(record, rule.fields[field]);
            if (text) person[field] = text;
          }
          if (person.name || person.email || person.phone) people.push(person);
        }
      } catch { /* a selector this browser does not read: that rule finds nobody */ }
    }
    return people;
  };
  scope.ghlSidebarAdjust = !Array.isArray(rules) || !rules.length ? undefined : (report) => {
    const found = read();
    // one the detector found already (same email, phone or name) is not listed twice
    const known = new Set(report.people.flatMap(keysOf));
    const people = [...report.people];
    for (const p of found) {
      const keys = keysOf(p);
      if (keys.some((k) => known.has(k))) continue;
      for (const k of keys) known.add(k);
      people.push(p);
    }
    return { ...report, people, view: report.view === 'other' && people.length > 1 ? 'list' : report.view, taught: found.length };
  };
  scope.ghlSidebarRefresh?.();
}
