// @vitest-environment happy-dom
// The content script reports phones as candidates and the background normalises them: for every
// saved page and demo partner page, that gives exactly what the reference detector gives when it
// validates each phone with libphonenumber-js while reading the page.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapterFor, normaliseReport, scanPage } from '../../lib/detect';
import { e164Of } from '../../lib/detect/normalise';
import type { PageReport } from '../../lib/detect/types';
import { partnerSites } from '../../sandbox/partners/sites';
import { loadFixtures, parseHtml, repo } from './helpers';

const pages = [
  ...loadFixtures().map((f) => ({ name: f.name, url: f.url, html: f.html })),
  ...Object.values(partnerSites).flatMap((site) => site.pages.map((p) => ({
    name: `${site.host}${p.path}`,
    url: `https://${site.host}${p.path}`,
    html: readFileSync(join(repo, 'sandbox/partners', p.file), 'utf8'),
  }))),
];

/** the reference's report without the hints only the background reads */
const bare = (report: PageReport) => ({
  ...report,
  people: report.people.map(({ phoneCountry, phoneOnly, ...person }) => (void phoneCountry, void phoneOnly, person)),
});

describe('phones deferred to the background', () => {
  it('covers the saved pages and every demo page', () => {
    expect(pages.length).toBeGreaterThanOrEqual(18);
  });
  for (const page of pages) {
    it(`${page.name}: the report normalised by the background equals the reference detector`, () => {
      const opts = { url: page.url, adapter: adapterFor(page.url) };
      const reference = bare(scanPage(parseHtml(page.html), { ...opts, checkPhone: e164Of }).detection);
      const report = scanPage(parseHtml(page.html), opts).detection;
      expect(normaliseReport(report)).toEqual(reference);
    });
  }
  it('the content script reports phones as written (a tel: link first), with the country of national numbers', () => {
    const page = pages.find((p) => p.name === 'pages/phone-forms')!;
    const report = scanPage(parseHtml(page.html), { url: page.url }).detection;
    const phones = report.people.map(({ phone, phoneCountry, phoneOnly }) => ({ phone, phoneCountry, phoneOnly }));
    expect(phones).toEqual([
      { phone: '+442079460958', phoneCountry: undefined, phoneOnly: undefined },
      { phone: '+498912345678', phoneCountry: undefined, phoneOnly: true },
      { phone: '+999 1234 5678', phoneCountry: undefined, phoneOnly: undefined },
      { phone: '07700 900123', phoneCountry: 'GB', phoneOnly: true },
    ]);
  });
});
