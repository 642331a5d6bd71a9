// The generalisation corpus: made-up people drawn by real component libraries in headless
// Chromium, each page saved as a static HTML file with its ground truth beside it.
//   npm run corpus                     every page, seed 13, into tests/fixtures/corpus/{tuning,check}
//   npm run corpus -- --only <name>    one page (by file name)
//   npm run corpus -- --seed <n>       another draw of people
// The same seed gives the same files. See scripts/corpus/README.md for the split and the rules.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import puppeteer, { type Browser } from 'puppeteer-core';
import { findChromium, repoRoot } from '../lib/browsers';
import { pages } from './pages';
import { prng, seedOf } from './people';
import type { CorpusPage, Truth } from './types';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const seed = Number(opt('--seed') ?? 13);
const only = opt('--only');
const outRoot = path.resolve(opt('--out') ?? path.join(repoRoot, 'tests/fixtures/corpus'));

const bundles = new Map<string, string>();
async function bundle(client: string): Promise<string> {
  const cached = bundles.get(client);
  if (cached) return cached;
  const out = await build({
    entryPoints: [path.join(import.meta.dirname, 'client', client)],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    jsx: 'automatic',
    legalComments: 'none',
    logLevel: 'error',
    define: { 'process.env.NODE_ENV': '"production"' },
    loader: { '.css': 'text' },
  });
  const code = out.outputFiles[0]!.text;
  bundles.set(client, code);
  return code;
}

/** snapshot.ts as a script to evaluate in the page (tsx's own helpers do not exist there) */
async function snapshotScript(): Promise<string> {
  const out = await build({ entryPoints: [path.join(import.meta.dirname, 'snapshot.ts')], bundle: true, write: false, format: 'iife', globalName: '__corpusSnapshot', target: 'es2022', logLevel: 'error' });
  return `${out.outputFiles[0]!.text}; __corpusSnapshot.snapshot()`;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function shell(page: CorpusPage, data: unknown, code: string): string {
  const css = (page.css ?? []).map((f) => `<style>${readFileSync(path.join(repoRoot, 'node_modules', f), 'utf8')}</style>`).join('');
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return `<!doctype html><html lang="${page.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(page.title)}</title>${css}</head><body><div id="root"></div>` +
    `<script>window.__CORPUS__=${json}</script><script>${code.replace(/<\/script/gi, '<\\/script')}</script></body></html>`;
}

/** every expected value can be found in the saved page (a truth the page does not show is a bug here) */
function check(name: string, html: string, truth: Truth): void {
  const text = html.replace(/<style>[\s\S]*?<\/style>/g, '').replace(/&amp;/g, '&').replace(/&#39;|&apos;/g, "'");
  const digits = text.replace(/\D/g, '');
  const problems: string[] = [];
  for (const p of truth.people) {
    for (const [f, v] of Object.entries(p)) {
      const ok = f === 'phone' ? digits.includes(v.replace(/\D/g, '').slice(-7))
        : f === 'linkedin' ? text.includes(`/in/${v.split('/in/')[1]}`)
          : f === 'name' ? v.split(' ').every((part: string) => text.includes(part))
            : text.toLowerCase().includes(v.toLowerCase());
      if (!ok) problems.push(`${p.name ?? p.email}: ${f} ${v}`);
    }
  }
  if (problems.length) throw new Error(`${name}: expected values missing from the page:\n  ${problems.join('\n  ')}`);
}

async function render(browser: Browser, page: CorpusPage): Promise<void> {
  const rng = prng(seedOf(page.name, seed));
  const built = page.build(rng);
  const code = await bundle(page.client);
  const tab = await browser.newPage();
  const errors: string[] = [];
  tab.on('pageerror', (e) => errors.push(String(e)));
  try {
    await tab.setViewport({ width: 1280, height: 860 });
    await tab.setRequestInterception(true);
    const html = shell(page, built.props, code);
    tab.on('request', (req) => {
      if (req.url() === page.url) void req.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
      else void req.respond({ status: 404, body: '' });
    });
    await tab.goto(page.url, { waitUntil: 'load' });
    await tab.waitForFunction(() => window.__corpusDone === true, { timeout: 30_000 }).catch((e) => {
      throw new Error(`${page.name}: the page did not finish rendering${errors.length ? `: ${errors.join('; ')}` : ''} (${String(e)})`);
    });
    const rendered = await tab.evaluate(() => window.__corpusRendered);
    const saved = (await tab.evaluate(await snapshotScript())) as string;
    let people = built.truth.people;
    if (built.rows && rendered) {
      const shownRows = new Set(rendered);
      people = people.filter((_, i) => shownRows.has(built.rows![i]!));
    }
    const truth: Truth & { library: string; layout: string } = {
      url: page.url,
      ...built.truth,
      people,
      library: page.library,
      layout: page.layout,
    };
    check(page.name, saved, truth);
    const dir = path.join(outRoot, page.half);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `${page.name}.html`), saved);
    writeFileSync(path.join(dir, `${page.name}.expected.json`), JSON.stringify(truth, null, 2) + '\n');
    process.stdout.write(`${page.half}/${page.name}: ${people.length} people, ${(saved.length / 1024).toFixed(0)} KB\n`);
  } finally {
    await tab.close();
  }
}

const chosen = only ? pages.filter((p) => p.name === only) : pages;
if (!chosen.length) {
  process.stderr.write(`corpus: no page named ${only}\n`);
  process.exit(2);
}
const browser = await puppeteer.launch({
  executablePath: findChromium(),
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--font-render-hinting=none'],
});
try {
  for (const page of chosen) await render(browser, page);
} finally {
  await browser.close();
}
