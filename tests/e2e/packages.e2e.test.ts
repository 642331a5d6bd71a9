// The packages users install: each built manifest asks for exactly the permissions the README
// explains and finds each of its texts in the English catalogue, and `npm run zip` makes the
// Chrome, Firefox and sources zips with nothing local in them.
import { execFileSync, execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromeBuild, firefoxBuild, repoRoot } from '../../scripts/lib/browsers';
import { siteAdapters } from '../../lib/detect/sites';

const API = 'https://services.leadconnectorhq.com/*';
/** the partner apps' pages: each adapter's hosts (the one list of them) */
const PARTNERS = siteAdapters.flatMap((a) => a.hosts.map((h) => `https://${h}/*`));
const ANY_SITE = ['https://*/*', 'http://*/*'];
const manifest = (dir: string) => JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
const sorted = (list: string[] | undefined) => [...(list ?? [])].sort();
type Messages = Record<string, { message: string }>;
const englishOf = (dir: string): Messages => JSON.parse(readFileSync(path.join(dir, '_locales/en/messages.json'), 'utf8'));
/** A manifest value as the browser shows it: `__MSG_name__` read from the catalogue (names ignore case). */
function localised(value: string, messages: Messages): string {
  const byName = new Map(Object.entries(messages).map(([name, m]) => [name.toLowerCase(), m.message]));
  return value.replace(/__MSG_(\w+)__/g, (whole, name: string) => byName.get(name.toLowerCase()) ?? whole);
}

describe('built manifests', () => {
  it('the README explains every partner host the manifests ask for, and no other', () => {
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const row = readme.split('\n').find((line) => line.startsWith('|') && line.includes("the partner apps' pages"));
    expect(row, 'the permissions table row of the partner apps').toBeDefined();
    expect(sorted(row!.match(/https:\/\/[^`]+/g) ?? [])).toEqual(sorted(PARTNERS));
    expect(PARTNERS.length).toBeGreaterThanOrEqual(4);
  });

  it('Chrome asks for exactly the documented permissions', () => {
    const m = manifest(chromeBuild);
    expect(m.manifest_version).toBe(3);
    expect(sorted(m.permissions)).toEqual(sorted(['storage', 'alarms', 'identity', 'scripting', 'activeTab', 'sidePanel', 'contextMenus']));
    expect(sorted(m.host_permissions)).toEqual(sorted([API, ...PARTNERS]));
    expect(sorted(m.optional_host_permissions)).toEqual(sorted(ANY_SITE));
    expect(sorted(m.content_scripts.flatMap((c: { matches: string[] }) => c.matches))).toEqual(sorted(PARTNERS));
  });

  it('Firefox asks for exactly the documented permissions', () => {
    const m = manifest(firefoxBuild);
    expect(m.manifest_version).toBe(2);
    expect(sorted(m.permissions)).toEqual(sorted(['storage', 'alarms', 'identity', 'scripting', 'activeTab', 'menus', API, ...PARTNERS]));
    expect(sorted(m.optional_permissions)).toEqual(sorted(ANY_SITE));
    expect(m.sidebar_action.default_panel).toBe('sidepanel.html');
    expect(m.browser_specific_settings.gecko.id).toBe('ghl-sidebar@ghl-sidebar.app');
  });

  it.each([
    ['Chrome', chromeBuild],
    ['Firefox', firefoxBuild],
  ])('%s finds every manifest text in the English catalogue', (_, dir) => {
    const m = manifest(dir);
    const messages = englishOf(dir);
    expect(m.default_locale).toBe('en');
    expect(localised(m.name, messages)).toBe('GHL Sidebar');
    const texts = JSON.stringify(m).match(/__MSG_\w+__/g) ?? [];
    expect(texts.length).toBeGreaterThanOrEqual(4); // name, description, toolbar title, shortcut
    expect(texts.filter((t) => localised(t, messages) === t)).toEqual([]);
  });
});

describe('npm run zip', () => {
  it('makes the store zips, whose manifests carry no loopback permission, and the sources zip', () => {
    execSync('npm run -s zip', { cwd: repoRoot, stdio: 'ignore' });
    const version = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).version as string;
    const zip = (kind: string) => path.join(repoRoot, `.output/ghl-sidebar-${version}-${kind}.zip`);
    const read = (file: string, entry?: string) =>
      execFileSync('python3', ['-c', ZIP_READER, file, entry ?? ''], { encoding: 'utf8' });
    for (const kind of ['chrome', 'firefox']) {
      expect(existsSync(zip(kind)), kind).toBe(true);
      const zipped = read(zip(kind), 'manifest.json');
      const messages = JSON.parse(read(zip(kind), '_locales/en/messages.json')) as Messages;
      expect(localised(JSON.parse(zipped).name, messages)).toBe('GHL Sidebar');
      expect(zipped).not.toMatch(/127\.0\.0\.1|localhost/);
    }
    const sources = read(zip('sources')).split('\n');
    expect(sources).toContain('package.json');
    expect(sources).toContain('wxt.config.ts');
    expect(sources.filter((f) => /^(node_modules|\.output|test-output|demo-output)\//.test(f))).toEqual([]);
  });
});

// prints one entry of a zip, or the list of its entries (python3 is on every machine of this kind)
const ZIP_READER = `import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
print(z.read(sys.argv[2]).decode() if sys.argv[2] else "\\n".join(z.namelist()), end="")`;
