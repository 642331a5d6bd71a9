// The CLI prints only JSON for a saved page, the score table of a folder of pages with --score,
// and fails clearly (exit 2) on bad input.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repo } from './helpers';

const run = (...args: string[]) =>
  spawnSync(join(repo, 'node_modules/.bin/tsx'), [join(repo, 'scripts/detect.ts'), ...args], { cwd: repo, encoding: 'utf8', timeout: 30_000 });

describe('detect CLI', () => {
  it('prints the contacts of a partner page as JSON, normalised', () => {
    const r = run('--url', 'https://app.heyreach.io/app/campaigns/4821', 'sandbox/partners/heyreach/campaign.html');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { contacts: Record<string, string>[] };
    expect(out.contacts).toHaveLength(6);
    expect(out.contacts[0]).toEqual({ name: 'Maya Okafor', email: 'maya.okafor@brightpath.io', linkedin: 'https://www.linkedin.com/in/maya-okafor', company: 'BrightPath', title: 'Head of Growth' });
    expect(out.contacts[1]).toEqual({ name: 'Lukas Brenner', linkedin: 'https://www.linkedin.com/in/lukasbrenner', company: 'Nordwerk GmbH', title: 'CTO' });
  });
  it('uses the adapter picked from --url (an ignored route prints no contacts)', () => {
    const r = run('--url', 'https://app.heygen.com/settings?nav=API', 'sandbox/partners/heygen/members.html');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ contacts: [] });
  });
  it('--score prints precision, recall, field accuracy and excluded values per page and in total', () => {
    const dir = mkdtempSync(join(tmpdir(), 'score-'));
    writeFileSync(join(dir, 'a.html'), '<table><tr><th>Name</th><th>Email</th><th>Company</th></tr><tr><td>Ada Park</td><td>ada@park.dev</td><td>Park Ltd</td></tr>' +
      '<tr><td>Ben Ode</td><td>ben@ode.io</td><td>Ode Inc</td></tr></table>');
    // expected: Ada with a company the page does not show (one field wrong of three), Ben excluded, Cy never shown
    writeFileSync(join(dir, 'a.expected.json'), JSON.stringify({ url: 'https://crm.example.org/people', people: [
      { name: 'Ada Park', email: 'ada@park.dev', company: 'Park Limited' }, { name: 'Cy Dee', email: 'cy@dee.io' },
    ], excluded: ['ben@ode.io'] }));
    const r = run('--score', dir);
    expect(r.status, r.stderr).toBe(0);
    const line = r.stdout.split('\n').find((l) => l.startsWith('a '))!.trim().split(/\s+/);
    // page, people, found, right, P, R, fields, wrong, excluded
    expect(line).toEqual(['a', '2', '2', '1', '0.50', '0.50', '0.67', '1', '1']);
    expect(r.stdout).toContain('a: ben@ode.io');
    expect(run('--score', dir, '--min-precision', '0.9').status).toBe(1);
    expect(run('--score', dir, '--min-recall', '0.5').status).toBe(0);
  }, 60_000);
  it('exits 2 with a message on a missing file or bad arguments', () => {
    for (const args of [['--score', 'no-such-dir'], ['--score', 'tests/fixtures', '--min-recall', '2'], ['--url', 'https://x.org/', 'no-such-file.html'], ['sandbox/partners/heygen/members.html'], ['--url', 'not a url', 'x.html'], ['--url', 'https://x.org/']]) {
      const r = run(...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^detect: /);
    }
  }, 60_000);
});
