// Teaching a site: a rule made from a pick ("Find people like this on this site") checked as data
// (rule.ts), kept by the background for that site, handed to its pages, listed and forgotten in
// the options (taught-sites.ts). The rule's reading on a page lives in lib/detect/taught.ts.
export { MAX_RULES_PER_SITE, MAX_SELECTOR, MAX_TAUGHT_SITES, parseRule } from './rule';
export { afterReport, forgetTaughtSite, taughtSites, teachSite } from './taught-sites';
