// CLI: the contacts detected on a saved page, as JSON on stdout.
//   npm run -s detect -- --url <url> <file.html>
// The page is parsed with happy-dom (no scripts run, nothing loaded); the partner adapter is
// picked from --url; errors go to stderr with exit code 2.
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { adapterFor, detectPeople } from '../lib/detect/index';

const USAGE = 'usage: npm run -s detect -- --url <page url> <file.html>';

function fail(message: string): never {
  process.stderr.write(`detect: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): { url: string; file: string } {
  let url: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--url') url = argv[++i];
    else if (a.startsWith('--url=')) url = a.slice(6);
    else if (a === '--') continue;
    else if (a.startsWith('-')) fail(`unknown option ${a}`);
    else files.push(a);
  }
  if (!url) fail('missing --url');
  try { new URL(url); } catch { fail(`--url is not a URL: ${url}`); }
  if (files.length !== 1) fail(files.length ? 'give exactly one HTML file' : 'missing the HTML file');
  return { url, file: files[0]! };
}

const { url, file } = parseArgs(process.argv.slice(2));
let html: string;
try {
  html = readFileSync(file, 'utf8');
} catch (e) {
  fail(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
}
const window = new Window({
  url,
  settings: {
    disableJavaScriptEvaluation: true,
    disableJavaScriptFileLoading: true,
    disableCSSFileLoading: true,
    disableIframePageLoading: true,
    handleDisabledFileLoadingAsSuccess: true,
  },
});
const doc = new window.DOMParser().parseFromString(html, 'text/html');
const detection = detectPeople(doc as unknown as Document, { url, adapter: adapterFor(url) });
const contacts = detection.people.map(({ name, email, phone, linkedin, company, title }) =>
  Object.fromEntries(Object.entries({ name, email, phone, linkedin, company, title }).filter(([, v]) => v !== undefined)));
process.stdout.write(JSON.stringify({ contacts }) + '\n');
await window.happyDOM.close();
