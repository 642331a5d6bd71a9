// The CLI prints only JSON for a saved page and fails clearly (exit 2) on bad input.
import { spawnSync } from 'node:child_process';
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
    const r = run('--url', 'https://app.heygen.com/settings/members', 'sandbox/partners/heygen/members.html');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ contacts: [] });
  });
  it('exits 2 with a message on a missing file or bad arguments', () => {
    for (const args of [['--url', 'https://x.org/', 'no-such-file.html'], ['sandbox/partners/heygen/members.html'], ['--url', 'not a url', 'x.html'], ['--url', 'https://x.org/']]) {
      const r = run(...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^detect: /);
    }
  });
});
