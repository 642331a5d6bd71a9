// The bench measures the built extension: it builds it first when .output/chrome-mv3 is missing
// or older than any source it is built from.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { chromeBuild, repoRoot } from '../lib/browsers';

const SOURCES = ['entrypoints', 'components', 'lib', 'public', 'wxt.config.ts', 'package.json'];

function newest(p: string): number {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(p).map((e) => newest(path.join(p, e))));
}

/** builds the Chrome extension when needed; returns whether it did */
export function ensureBuilt(log: (line: string) => void): boolean {
  const manifest = path.join(chromeBuild, 'manifest.json');
  const built = existsSync(manifest) ? statSync(manifest).mtimeMs : 0;
  const sources = Math.max(...SOURCES.map((s) => newest(path.join(repoRoot, s))));
  if (built && built >= sources) return false;
  log(built ? 'sources changed since the last build: building the extension' : 'no build found: building the extension');
  const r = spawnSync(path.join(repoRoot, 'node_modules/.bin/wxt'), ['build'], { cwd: repoRoot, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`wxt build failed:\n${r.stdout}\n${r.stderr}`);
  return true;
}
