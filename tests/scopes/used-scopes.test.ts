// "Request and document exactly the scopes used" (#15): the scopes the extension asks for at OAuth
// consent and the README tells token makers to pick are the scopes its HighLevel calls declare in
// the OpenAPI specs (`security: [{bearer: [scope]}]`), no more, no fewer. The calls are read from
// lib/ghl (every `path: '…'` / path`…` it sends), each matched to its spec paths.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OAUTH_SCOPES } from '../../lib/auth/connections';
import { USED_SCOPES } from '../../lib/scopes';
import { repoRoot, specDir } from '../sandbox/helpers';

const SERVICES = ['contacts', 'locations', 'users', 'calendars', 'opportunities', 'workflows', 'custom-fields'];
/** Defined in the client for completeness but called by nothing in the extension (it needs calendars/events.readonly). */
const UNCALLED = ['calendars/events/appointments/{}'];

const shape = (p: string) => p.replace(/^\//, '').replace(/\$\{[^}]*\}|\{\w+\}/g, '{}');

/** Every path lib/ghl's endpoint modules send a request to, as `a/{}/b` (http.ts is the sender itself). */
function clientPaths(): string[] {
  const dir = path.join(repoRoot, 'lib/ghl');
  const out = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'http.ts')) {
    const text = readFileSync(path.join(dir, file), 'utf8');
    for (const m of text.matchAll(/path: '([^']+)'|\bpath`([^`]+)`/g)) out.add(shape(m[1] ?? m[2]!));
  }
  return [...out].sort();
}

/** The scopes the specs declare for each path (every method). */
function specScopes(): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const service of SERVICES) {
    const doc = JSON.parse(readFileSync(path.join(specDir, `apps/${service}.json`), 'utf8')) as { paths: Record<string, Record<string, { security?: Record<string, string[]>[] }>> };
    for (const [specPath, ops] of Object.entries(doc.paths)) {
      const scopes = out.get(shape(specPath)) ?? new Set<string>();
      for (const op of Object.values(ops)) for (const s of op.security ?? []) for (const scope of s.bearer ?? s['Location-Access'] ?? []) scopes.add(scope);
      out.set(shape(specPath), scopes);
    }
  }
  return out;
}

/** The scope list of the README's private-integration token paragraph, in its order. */
function readmeScopes(): string[] {
  const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  const paragraph = /create a token for the sub-account with the scopes([\s\S]*?)\n\s*Paste it/.exec(readme)?.[1] ?? '';
  return [...paragraph.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
}

describe('the scopes the extension uses', () => {
  it('are the scopes its HighLevel calls declare, each needed by at least one call', () => {
    const specs = specScopes();
    const called = clientPaths().filter((p) => !UNCALLED.includes(p));
    const needed = new Set<string>();
    for (const p of called) {
      const scopes = specs.get(p);
      expect(scopes, `lib/ghl calls ${p}, which no spec names`).toBeDefined();
      // a path serves reads and writes: the extension uses each of its scopes only if it calls that method
      for (const s of scopes!) if (USED_SCOPES.includes(s as never)) needed.add(s);
      // (the bulk tag update declares no scope in its spec)
      if (scopes!.size > 0) expect([...scopes!].some((s) => USED_SCOPES.includes(s as never)), `${p} needs one of ${[...scopes!].join(', ')}`).toBe(true);
    }
    expect([...needed].sort()).toEqual([...USED_SCOPES].sort());
    // the uncalled client method stays uncalled (else its scope must be asked for)
    for (const source of ['lib', 'components', 'entrypoints']) {
      const grep = (dir: string): string[] =>
        readdirSync(path.join(repoRoot, dir), { withFileTypes: true }).flatMap((e) =>
          e.isDirectory() ? grep(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) && !dir.startsWith('lib/ghl') ? [readFileSync(path.join(repoRoot, dir, e.name), 'utf8')] : []);
      expect(grep(source).filter((t) => /appointments\.get\(/.test(t))).toEqual([]);
    }
  });

  it('are what OAuth asks for and what the README lists, nothing else (no calendars/events.readonly)', () => {
    expect([...OAUTH_SCOPES]).toEqual([...USED_SCOPES]);
    expect(readmeScopes()).toEqual([...USED_SCOPES]);
    expect(readmeScopes()).not.toContain('calendars/events.readonly');
  });
});
