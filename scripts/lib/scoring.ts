// Scoring detected people against a page's ground truth (`<page>.expected.json` beside
// `<page>.html`), for the corpus tests and `npm run -s detect -- --score <dir>`.
//
// Matching: a detected person matches an expected one when they share an email, a LinkedIn URL
// or a phone; an expected person with none of those matches by name (case-insensitive). Each
// expected person is matched at most once, in the order people were detected.
// - precision = matched / detected; recall = matched / expected.
// - field accuracy = of the expected people that were found, the share of their expected fields
//   (name, email, phone, linkedin, company, title) reported with exactly the expected value.
// - wrong fields = fields reported for matched people that are not the expected value (a
//   different value, or a field the page does not give that person, such as a headline as title).
// - excluded = the page's `excluded` values (role mailboxes, the signed-in user, must-not values)
//   that any detected person carries.
// Totals add the counts of all pages before dividing (a page with many people weighs more).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { DetectedPerson, PageDetection } from '../../lib/detect/types';

export interface Expected {
  url: string;
  view?: PageDetection['view'];
  /** a key (email / LinkedIn / phone) of the person the page focuses on */
  focused?: string;
  people: DetectedPerson[];
  excluded: string[];
}

export interface ScoredPage {
  name: string;
  url: string;
  html: string;
  expected: Expected;
}

export interface Counts {
  detected: number;
  expected: number;
  matched: number;
  /** expected fields of the matched expected people */
  fields: number;
  /** of those, reported with the expected value */
  right: number;
  wrong: number;
  /** excluded values that were reported */
  excluded: string[];
}

export interface Metrics {
  precision: number;
  recall: number;
  fields: number;
}

const KEYS = ['email', 'linkedin', 'phone'] as const;

function same(d: DetectedPerson, e: DetectedPerson): boolean {
  if (KEYS.some((k) => e[k] && d[k] === e[k])) return true;
  return !KEYS.some((k) => e[k]) && !!d.name && d.name.toLowerCase() === e.name?.toLowerCase();
}

/** whether a detected person carries an excluded value ("j***@acme.com" also rules out j…@acme.com) */
export function carries(p: DetectedPerson, excluded: string): boolean {
  const values = Object.values(p).map((v) => String(v).toLowerCase());
  const x = excluded.toLowerCase();
  if (x.includes('*') || x.includes('•')) {
    const [local = '', domain = ''] = x.split('@');
    const re = new RegExp(`^${local.replace(/[*•]+/g, '.*').replace(/[.+]/g, (c) => (c === '.' ? '\\.' : '\\+')).replace(/\\\.\*/g, '.*')}@${domain.replace(/\./g, '\\.')}$`);
    return values.some((v) => re.test(v));
  }
  return values.includes(x);
}

export function countPage(detected: DetectedPerson[], expected: Expected): Counts {
  const used = new Set<number>();
  const c: Counts = { detected: detected.length, expected: expected.people.length, matched: 0, fields: 0, right: 0, wrong: 0, excluded: [] };
  for (const d of detected) {
    const i = expected.people.findIndex((e, j) => !used.has(j) && same(d, e));
    if (i < 0) continue;
    used.add(i);
    c.matched++;
    const e = expected.people[i]!;
    for (const [f, v] of Object.entries(e)) {
      c.fields++;
      if (d[f as keyof DetectedPerson] === v) c.right++;
    }
    for (const [f, v] of Object.entries(d)) if (v !== undefined && e[f as keyof DetectedPerson] !== v) c.wrong++;
  }
  c.excluded = expected.excluded.filter((x) => detected.some((p) => carries(p, x)));
  return c;
}

export function add(all: Counts[]): Counts {
  return all.reduce((t, c) => ({
    detected: t.detected + c.detected, expected: t.expected + c.expected, matched: t.matched + c.matched,
    fields: t.fields + c.fields, right: t.right + c.right, wrong: t.wrong + c.wrong, excluded: [...t.excluded, ...c.excluded],
  }), { detected: 0, expected: 0, matched: 0, fields: 0, right: 0, wrong: 0, excluded: [] });
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

export function metrics(c: Counts): Metrics {
  return { precision: ratio(c.matched, c.detected), recall: ratio(c.matched, c.expected), fields: ratio(c.right, c.fields) };
}

/** every `*.expected.json` under `dir` (folders included) with its HTML, sorted by name */
export function loadPages(dir: string): ScoredPage[] {
  const out: ScoredPage[] = [];
  const visit = (d: string) => {
    for (const entry of readdirSync(d).sort()) {
      const p = path.join(d, entry);
      if (statSync(p).isDirectory()) visit(p);
      else if (entry.endsWith('.expected.json')) {
        const expected = JSON.parse(readFileSync(p, 'utf8')) as Expected;
        const htmlPath = p.replace(/\.expected\.json$/, '.html');
        if (!existsSync(htmlPath)) throw new Error(`the page of ${p} is missing: ${htmlPath}`);
        if (typeof expected.url !== 'string' || !Array.isArray(expected.people) || !Array.isArray(expected.excluded)) {
          throw new Error(`${p}: an expected file needs "url", "people" and "excluded"`);
        }
        out.push({ name: path.relative(dir, htmlPath).replace(/\.html$/, ''), url: expected.url, html: readFileSync(htmlPath, 'utf8'), expected });
      }
    }
  };
  visit(dir);
  return out;
}

/** the folder a page is in ("tuning", "check"), or "" */
export const groupOf = (name: string) => (name.includes('/') ? name.slice(0, name.lastIndexOf('/')) : '');

const f2 = (n: number) => n.toFixed(2);

/** the score table: one line per page, a total per folder, and a total of all */
export function table(rows: { name: string; counts: Counts }[]): string {
  const width = Math.max(24, ...rows.map((r) => r.name.length)) + 2;
  const head = `${'page'.padEnd(width)}${['people', 'found', 'right', 'P', 'R', 'fields', 'wrong', 'excluded'].map((h) => h.padStart(9)).join('')}`;
  const line = (name: string, c: Counts) => {
    const m = metrics(c);
    return `${name.padEnd(width)}${[c.expected, c.detected, c.matched, f2(m.precision), f2(m.recall), f2(m.fields), c.wrong, c.excluded.length].map((v) => String(v).padStart(9)).join('')}`;
  };
  const out = [head, '-'.repeat(head.length)];
  const groups = [...new Set(rows.map((r) => groupOf(r.name)))];
  for (const g of groups) {
    const inGroup = rows.filter((r) => groupOf(r.name) === g);
    out.push(...inGroup.map((r) => line(r.name, r.counts)));
    if (groups.length > 1) out.push(line(`total ${g || '.'} (${inGroup.length} pages)`, add(inGroup.map((r) => r.counts))), '');
  }
  out.push(line(`total (${rows.length} pages)`, add(rows.map((r) => r.counts))));
  const reported = rows.flatMap((r) => r.counts.excluded.map((x) => `${r.name}: ${x}`));
  if (reported.length) out.push('', 'excluded values reported:', ...reported.map((x) => `  ${x}`));
  out.push('', 'P precision, R recall, fields: share of the found people\'s expected fields reported right;',
    'wrong: fields reported for found people with another value than expected (or none expected); excluded: must-not values reported.');
  return out.join('\n');
}
