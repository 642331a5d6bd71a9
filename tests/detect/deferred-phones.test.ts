// @vitest-environment happy-dom
// The content script reports phones as candidates (as written, a national number with its
// country) and the background normalises them: on every saved page and demo partner page, what
// the background keeps is E.164, or a national number's digits when the page gives no country.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapterFor, normaliseReport, scanPage } from '../../lib/detect';
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

describe('phones deferred to the background', () => {
  it('covers the saved pages and every demo page', () => {
    expect(pages.length).toBeGreaterThanOrEqual(18);
  });
  for (const page of pages) {
    it(`${page.name}: the background keeps E.164 phones, or a national number's digits when no country is known`, () => {
      const report = scanPage(parseHtml(page.html), { url: page.url, adapter: adapterFor(page.url) }).detection;
      const kept = normaliseReport(report).people.flatMap((p) => (p.phone ? [p.phone] : []));
      for (const [i, p] of report.people.entries()) {
        if (!p.phone || p.phone.startsWith('+') || p.phoneCountry) continue;
        expect(kept, `national ${p.phone} of person ${i}`).toContain(p.phone.replace(/\D/g, ''));
      }
      for (const phone of kept) expect(phone).toMatch(/^(\+[1-9]\d{7,14}|\d{6,15})$/);
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
