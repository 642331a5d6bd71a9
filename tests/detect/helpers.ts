// Shared test helpers: parse HTML in happy-dom, load fixtures and their expected people, and score
// detected people against expected ones.
//
// Matching: a detected person matches an expected one when they share an email, a LinkedIn URL
// or a phone; when either has none of those, they match by name (case-insensitive). Each
// expected person is matched at most once. Person precision = matched / detected, recall =
// matched / expected. Field scores compare every field of matched pairs: a field is right when
// equal; field precision = right / fields detected, field recall = right / fields expected.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { DetectedPerson, PageDetection } from '../../lib/detect/types';

export const repo = resolve(__dirname, '../..');

export function parseHtml(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

export interface Expected {
  url: string;
  view?: PageDetection['view'];
  /** a key (email / LinkedIn / phone) of the person the page focuses on */
  focused?: string;
  people: DetectedPerson[];
  excluded: string[];
}

export interface Fixture extends Expected {
  name: string;
  html: string;
}

/** every tests/fixtures/**\/*.expected.json with its HTML beside it, except the corpus (tests/detect/corpus.test.ts scores it) */
export function loadFixtures(): Fixture[] {
  const root = join(repo, 'tests/fixtures');
  const out: Fixture[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (path !== join(root, 'corpus')) visit(path);
      }
      else if (entry.name.endsWith('.expected.json')) {
        const expected = JSON.parse(readFileSync(path, 'utf8')) as Expected & { file?: string };
        const htmlPath = expected.file ? resolve(dirname(path), expected.file) : path.replace(/\.expected\.json$/, '.html');
        if (!existsSync(htmlPath)) throw new Error(`fixture HTML missing: ${htmlPath}`);
        out.push({ ...expected, name: path.slice(root.length + 1).replace(/\.expected\.json$/, ''), html: readFileSync(htmlPath, 'utf8') });
      }
    }
  };
  visit(root);
  return out;
}

const KEYS = ['email', 'linkedin', 'phone'] as const;

function same(a: DetectedPerson, e: DetectedPerson): boolean {
  if (KEYS.some((k) => e[k] && a[k] === e[k])) return true;
  return (!KEYS.some((k) => e[k]) || !KEYS.some((k) => a[k])) && !!a.name && a.name.toLowerCase() === e.name?.toLowerCase();
}

export interface Score {
  precision: number;
  recall: number;
  fieldPrecision: number;
  fieldRecall: number;
  /** expected index for each detected person, or -1 */
  matches: number[];
}

export function score(detected: DetectedPerson[], expected: DetectedPerson[]): Score {
  const used = new Set<number>();
  const matches = detected.map((d) => {
    const i = expected.findIndex((e, j) => !used.has(j) && same(d, e));
    if (i >= 0) used.add(i);
    return i;
  });
  let right = 0;
  let detectedFields = 0;
  matches.forEach((i, k) => {
    const d = detected[k]!;
    // the contact fields only: the partner's own id and details are checked by tests/detect/partner-data.test.ts
    detectedFields += Object.keys(d).filter((f) => f !== 'partnerId' && f !== 'details').length;
    if (i >= 0) for (const [f, v] of Object.entries(expected[i]!)) if (d[f as keyof DetectedPerson] === v) right++;
  });
  const expectedFields = expected.reduce((n, e) => n + Object.keys(e).length, 0);
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  return {
    precision: ratio(used.size, detected.length),
    recall: ratio(used.size, expected.length),
    fieldPrecision: ratio(right, detectedFields),
    fieldRecall: ratio(right, expectedFields),
    matches,
  };
}

export { carries } from '../../scripts/lib/scoring';
