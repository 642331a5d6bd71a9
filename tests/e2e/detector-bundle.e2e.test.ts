// The content script as shipped: both builds' detector.js (as the build minifies it) must report,
// page for page, exactly what the detector's source reports (its last report, once the page is
// read). Each page is served at its real address in Chromium; the built file runs with a stand-in
// `chrome.runtime` that keeps what it sends, and the source (bundled here) scans the same document.
// The pages: the fixtures, a kitchen sink, and the generalisation corpus
// (tests/fixtures/corpus, pages drawn by real UI libraries), all in one browser.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromeBuild, findChromium, firefoxBuild } from '../../scripts/lib/browsers';
import { detectorSource } from '../../scripts/lib/detector-source';
import { DETECTOR_SCRIPT } from '../../lib/hosts';
import { loadFixtures, repo } from '../detect/helpers';
import { loadPages } from '../../scripts/lib/scoring';

/** a page using every kind of signal: labels, a table, cards, structured data, chrome, a dialog */
const KITCHEN_SINK = {
  name: 'kitchen sink',
  url: 'https://crm.example.org/people',
  html: `<!doctype html><html lang="en-GB"><head><script type="application/ld+json">
{"@context":"https://schema.org","@type":"Person","name":"Ida Lund","email":"ida@lund.se","jobTitle":"CTO","sameAs":["https://www.linkedin.com/in/ida-lund"]}
</script></head><body>
<header><div class="account-menu">Sam Admin sam@ourcrm.io</div></header>
<main>
<dl><dt>Name</dt><dd>Ada Park</dd><dt>E-mail:</dt><dd>ada@park.dev</dd><dt>Mobile</dt><dd>020 7946 0123</dd></dl>
<table><thead><tr><th></th><th>Full name</th><th>Email</th><th>Company</th><th>Notes</th></tr></thead><tbody>
<tr><td><input type="checkbox"></td><td><a href="https://www.linkedin.com/in/ben-ode/">Ben Ode</a></td><td>ben@ode.io</td><td>Ode Inc</td><td>call +1 415 555 0134</td></tr>
<tr hidden><td></td><td>Cy Dee</td><td>cy@dee.io</td><td></td><td></td></tr>
<tr><td><input type="checkbox"></td><td>Dana Roe</td><td><a href="mailto:dana@roe.org">dana@roe.org</a></td><td>Roe &amp; Co</td><td>-</td></tr>
</tbody></table>
<div class="vcard"><span class="fn">Eve Stone</span> <a class="email" href="mailto:eve@stone.dev">write</a> <span class="org">Stone Ltd</span></div>
<div itemscope itemtype="https://schema.org/Person"><span itemprop="name">Finn Moss</span><span itemprop="telephone">+49 151 1234 5678</span></div>
<article><h3>Gus Hale</h3><p>Email: gus@hale.io</p><p>Job title: Buyer</p></article>
<div role="dialog"><h2>Hana Ito</h2><label for="e">Email</label><input id="e" value="hana@ito.jp"></div>
<p>sam@ourcrm.io wrote the notes</p>
</main></body></html>`,
};

/** the corpus pages count no people below: the detector does not find all of them yet */
const corpus = loadPages(path.join(repo, 'tests/fixtures/corpus')).map((p) => ({ name: `corpus/${p.name}`, url: p.url, html: p.html, people: 0 }));
const pages = [...loadFixtures().map((f) => ({ name: f.name, url: f.url, html: f.html, people: f.people.length })), { ...KITCHEN_SINK, people: 8 }, ...corpus];
/** the people the fixtures and the kitchen sink hold (the fixtures' expected people, and the kitchen sink's eight) */
const PEOPLE = pages.reduce((n, p) => n + p.people, 0);
const builds = { chrome: chromeBuild, firefox: firefoxBuild };

let browser: Browser;
let source: string;

beforeAll(async () => {
  browser = await puppeteer.launch({ executablePath: findChromium(), headless: true, args: ['--no-sandbox'] });
  source = await detectorSource('__source');
});

afterAll(async () => {
  await browser?.close();
});

interface Sent {
  type: string;
  data: unknown;
}

/** the page served at its address, with a `chrome.runtime` that keeps what is sent */
async function open(url: string, html: string): Promise<Page> {
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    if (req.isInterceptResolutionHandled()) return;
    if (req.url() === url) void req.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    else void req.respond({ status: 404, body: '' });
  });
  await page.evaluateOnNewDocument(() => {
    const sent: unknown[] = [];
    Object.defineProperty(window, '__sent', { value: sent });
    const runtime = { id: 'test', sendMessage: (message: unknown, callback: () => void) => { sent.push(message); callback(); } };
    // some Chromium releases define a non-configurable `window.chrome` on web pages: replace only its runtime there
    try {
      Object.defineProperty(window, 'chrome', { value: { runtime }, configurable: true });
    } catch {
      Object.defineProperty((window as unknown as { chrome: object }).chrome, 'runtime', { value: runtime, configurable: true });
    }
  });
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

/**
 * the content script's last report once it has reported and sent nothing more for 300 ms: it reads
 * a page in slices and reports the rows of its first slice at once, the whole page when it is done
 */
async function lastReport(page: Page): Promise<Sent> {
  await page.waitForFunction(() => (window as unknown as { __sent: unknown[] }).__sent.length > 0, { timeout: 10_000 });
  for (let seen = 0, count = -1; count !== seen; ) {
    count = seen;
    await new Promise((resolve) => setTimeout(resolve, 300));
    seen = await page.evaluate(() => (window as unknown as { __sent: unknown[] }).__sent.length);
  }
  return page.evaluate(() => { const sent = (window as unknown as { __sent: Sent[] }).__sent; return sent[sent.length - 1]!; });
}

describe('the built content script reports what the source reports', () => {
  for (const [browserName, dir] of Object.entries(builds)) {
    it(`${browserName} build: ${pages.length} pages, the same people, view and focus`, async () => {
      const bundle = await readFile(path.join(dir, DETECTOR_SCRIPT), 'utf8');
      let people = 0;
      for (const { name, url, html } of pages) {
        const page = await open(url, html);
        try {
          await page.addScriptTag({ content: bundle });
          const sent = await lastReport(page);
          await page.addScriptTag({ content: source });
          const expected = await page.evaluate(() => {
            const s = (window as unknown as { __source: { scanPage: (d: Document, o: object) => { detection: unknown }; adapterFor: (u: string) => unknown } }).__source;
            return s.scanPage(document, { url: location.href, adapter: s.adapterFor(location.href) }).detection;
          });
          expect(sent.type, name).toBe('reportPeople');
          expect(sent.data, name).toEqual(expected);
          people += (expected as { people: unknown[] }).people.length;
        } finally {
          await page.close();
        }
      }
      // the pages hold people: an empty report on both sides would prove nothing
      expect(people).toBeGreaterThanOrEqual(PEOPLE);
    });
  }

  it('the kitchen-sink page yields every kind of signal (so the comparison covers them)', async () => {
    const page = await open(KITCHEN_SINK.url, KITCHEN_SINK.html);
    try {
      await page.addScriptTag({ content: source });
      const found = await page.evaluate(() => {
        const s = (window as unknown as { __source: { scanPage: (d: Document, o: object) => { detection: { people: Record<string, string>[] } } } }).__source;
        return s.scanPage(document, { url: location.href }).detection.people;
      });
      const names = found.map((p) => p.name);
      expect(names).toEqual(expect.arrayContaining(['Ada Park', 'Ben Ode', 'Dana Roe', 'Eve Stone', 'Finn Moss', 'Gus Hale', 'Hana Ito', 'Ida Lund']));
      expect(names).not.toContain('Cy Dee'); // hidden row
      expect(JSON.stringify(found)).not.toContain('sam@ourcrm.io'); // the signed-in user
      expect(found.find((p) => p.name === 'Ben Ode')).toMatchObject({ linkedin: 'https://www.linkedin.com/in/ben-ode', phone: '+1 415 555 0134' });
    } finally {
      await page.close();
    }
  });
});
