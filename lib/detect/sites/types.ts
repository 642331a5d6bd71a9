// A partner adapter is data plus tiny hooks: where it applies, what its routes show, where the
// app's own ids and details are. The engine does all the work; the watcher follows
// every app's navigation alike (pushState, hash routes, full loads: lib/detect/watch.ts).
import { urlOf } from '../text';
import type { DetailKind, ReportedPerson } from '../types';

export type View = 'list' | 'detail' | 'other';

export interface SiteRoute {
  /**
   * tested against path + search + hash, e.g. "/index.php/app/account/layout#/leads"; a detail
   * route's first group, if it has one, is the app's own id of the person the page shows
   */
  match: RegExp;
  /** 'ignore': a page with no leads (login, settings, public forms, colleagues) */
  view: View | 'ignore';
  /** a detail the whole page is about (the video of an analytics page): its kind, and the element that shows it */
  about?: [DetailKind, string];
}

export interface SiteAdapter {
  /** short id reported as PageDetection.site */
  id: string;
  /**
   * the hosts the app's pages are served on, exactly (no subdomains): the manifest's content-script
   * matches and host permissions are made from these (lib/hosts.ts)
   */
  hosts: string[];
  /** first match wins; a page no route matches is read with the default rules */
  routes: SiteRoute[];
  /** the attribute the app puts on a person's record (its row) holding its own id of the person */
  idAttr?: string;
  /** details worth a note, by kind: the label the page shows each under (a column header, a field label) */
  details?: Partial<Record<DetailKind, RegExp>>;
  /** a last look at each person found: fix it up, or return undefined to drop it */
  refine?: (person: ReportedPerson) => ReportedPerson | undefined;
}

/** what routes are tested against: a URL's path + search + hash (undefined when it is no URL) */
export function pathOf(url: string): string | undefined {
  const u = urlOf(url);
  return u && u.pathname + u.search + u.hash;
}

/** the route of a URL on this adapter's site, if any */
export function routeOf(adapter: SiteAdapter, url: string): SiteRoute | undefined {
  const path = pathOf(url);
  return path === undefined ? undefined : adapter.routes.find((r) => r.match.test(path));
}

/** whether the URL's host is one of the adapter's (exactly: the content script runs on no other) */
export function servesHost(adapter: SiteAdapter, url: string): boolean {
  return adapter.hosts.includes(urlOf(url)?.hostname.toLowerCase() ?? '');
}
