// @vitest-environment happy-dom
// Every selector a partner adapter declares earns its place: taking it out changes what some page of
// that partner (its demo pages, its saved fixtures) reports. A selector no page needs is deleted.
// Adapters select only what real apps keep stable: element names of their UI framework and ARIA
// roles, never data-* attributes or class names made up for the demo pages.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectPeople, siteAdapters } from '../../lib/detect';
import type { SiteAdapter } from '../../lib/detect/sites/types';
import { partnerSites } from '../../sandbox/partners/sites';
import { loadFixtures, parseHtml, repo } from './helpers';

const SELECTOR_KEYS = ['records', 'exclude'] as const;

/** the pages of a partner: its demo pages in the sandbox and its saved fixtures */
function pagesOf(id: string): { name: string; url: string; html: string }[] {
  const site = partnerSites[id as keyof typeof partnerSites];
  return [
    ...(site?.pages ?? []).map((p) => ({ name: p.file, url: `https://${site!.host}${p.path}`, html: readFileSync(join(repo, 'sandbox/partners', p.file), 'utf8') })),
    ...loadFixtures().filter((f) => f.name.startsWith(`sites/${id}/`)),
  ];
}

/** a selector list's parts ("a, b[x='1,2']" → ["a", "b[x='1,2']"]) */
function partsOf(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(selector.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(selector.slice(start).trim());
  return parts.filter(Boolean);
}

const report = (adapter: SiteAdapter, page: { url: string; html: string }) => JSON.stringify(detectPeople(parseHtml(page.html), { url: page.url, adapter }));

describe('partner adapters select only what real apps keep stable', () => {
  for (const adapter of siteAdapters) {
    const pages = pagesOf(adapter.id);
    it(`${adapter.id}: has pages to pin its selectors on, and no data-* attribute or class name in them`, () => {
      expect(pages.length).toBeGreaterThanOrEqual(2);
      for (const key of SELECTOR_KEYS) expect(adapter[key] ?? '', key).not.toMatch(/\[data-|\.[a-z_-]*[a-z]|\[class/i);
    });
    for (const key of SELECTOR_KEYS) {
      for (const part of partsOf(adapter[key] ?? '')) {
        it(`${adapter.id}: without ${key} "${part}", some page reports otherwise`, () => {
          const rest = partsOf(adapter[key]!).filter((p) => p !== part).join(', ');
          const without: SiteAdapter = { ...adapter, [key]: rest || undefined };
          expect(pages.some((page) => report(adapter, page) !== report(without, page))).toBe(true);
        });
      }
    }
  }
});
