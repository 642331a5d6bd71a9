// CLI: the contacts detected on a saved page, as JSON on stdout; or the score table of a folder of
// pages with ground truth.
//   npm run -s detect -- --url <url> <file.html>
//   npm run -s detect -- --score <dir> [--min-precision <p>] [--min-recall <r>] [--min-fields <f>]
// Pages are parsed with happy-dom (no scripts run, nothing loaded); the partner adapter is
// picked from the URL. --score reads every <page>.expected.json under <dir> (see
// scripts/lib/scoring.ts for the measures) and exits 0, or 1 when a given minimum is not met.
// Errors go to stderr with exit code 2.
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { adapterFor, detectPeople } from '../lib/detect/index';
import type { DetectedPerson } from '../lib/detect/types';
import { add, countPage, loadPages, metrics, table } from './lib/scoring';

const USAGE = 'usage: npm run -s detect -- --url <page url> <file.html>\n       npm run -s detect -- --score <dir> [--min-precision <p>] [--min-recall <r>] [--min-fields <f>]';

function fail(message: string): never {
  process.stderr.write(`detect: ${message}\n${USAGE}\n`);
  process.exit(2);
}

interface Args { url?: string; score?: string; files: string[]; min: { precision?: number; recall?: number; fields?: number } }

function parseArgs(argv: string[]): Args {
  const args: Args = { files: [], min: {} };
  const value = (i: number, name: string) => {
    const v = argv[i];
    if (v === undefined) fail(`missing the value of ${name}`);
    return v;
  };
  const minimum = (name: string, v: string) => {
    const n = Number(v);
    if (!(n >= 0 && n <= 1)) fail(`${name} must be a number from 0 to 1, not ${v}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const next = () => inline ?? value(++i, flag);
    if (flag === '--url') args.url = next();
    else if (flag === '--score') args.score = next();
    else if (flag === '--min-precision') args.min.precision = minimum(flag, next());
    else if (flag === '--min-recall') args.min.recall = minimum(flag, next());
    else if (flag === '--min-fields') args.min.fields = minimum(flag, next());
    else if (a === '--') continue;
    else if (a.startsWith('-')) fail(`unknown option ${a}`);
    else args.files.push(a);
  }
  return args;
}

const settings = {
  disableJavaScriptEvaluation: true,
  disableJavaScriptFileLoading: true,
  disableCSSFileLoading: true,
  disableIframePageLoading: true,
  handleDisabledFileLoadingAsSuccess: true,
};

async function detect(html: string, url: string): Promise<DetectedPerson[]> {
  const window = new Window({ url, settings });
  try {
    const doc = new window.DOMParser().parseFromString(html, 'text/html');
    return detectPeople(doc as unknown as Document, { url, adapter: adapterFor(url) }).people;
  } finally {
    await window.happyDOM.close();
  }
}

const args = parseArgs(process.argv.slice(2));

if (args.score !== undefined) {
  if (args.url || args.files.length) fail('--score takes a folder and no --url or file');
  let pages;
  try {
    pages = loadPages(args.score);
  } catch (e) {
    fail(`cannot read ${args.score}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (!pages.length) fail(`no *.expected.json under ${args.score}`);
  const rows = [];
  for (const p of pages) rows.push({ name: p.name, counts: countPage(await detect(p.html, p.url), p.expected) });
  process.stdout.write(table(rows) + '\n');
  const m = metrics(add(rows.map((r) => r.counts)));
  const short = (['precision', 'recall', 'fields'] as const).filter((k) => args.min[k] !== undefined && m[k] < args.min[k]!);
  if (short.length) {
    process.stderr.write(`detect: below the minimum: ${short.map((k) => `${k} ${m[k].toFixed(3)} < ${args.min[k]}`).join(', ')}\n`);
    process.exit(1);
  }
} else {
  const { url } = args;
  if (!url) fail('missing --url');
  try { new URL(url); } catch { fail(`--url is not a URL: ${url}`); }
  if (args.files.length !== 1) fail(args.files.length ? 'give exactly one HTML file' : 'missing the HTML file');
  const file = args.files[0]!;
  let html: string;
  try {
    html = readFileSync(file, 'utf8');
  } catch (e) {
    fail(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  const contacts = (await detect(html, url)).map(({ name, email, phone, linkedin, company, title }) =>
    Object.fromEntries(Object.entries({ name, email, phone, linkedin, company, title }).filter(([, v]) => v !== undefined)));
  process.stdout.write(JSON.stringify({ contacts }) + '\n');
}
