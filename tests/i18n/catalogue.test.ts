// The catalogue and the code agree: every key the code asks for is in locales/en.yml, every key
// there is used, and every message is one Chrome and Firefox load and fill in as written.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseMessagesFile, type ParsedMessage } from '@wxt-dev/i18n/build';
import { i18n } from '#i18n';
import { describe, expect, it } from 'vitest';
import { ENGLISH_FILE, englishMessages } from './catalogue';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** Where texts are asked for; lib/detect and the content script show nothing. */
const SOURCES = ['components', 'entrypoints', 'lib'];

function sourceFiles(): string[] {
  return SOURCES.flatMap((dir) =>
    readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
      .map((e) => path.join(e.parentPath, e.name)),
  ).concat(path.join(ROOT, 'wxt.config.ts'));
}

const keyOf = (m: ParsedMessage) => m.key.join('.');
/** The name the browser knows a message by (what `__MSG_…__` and getMessage use). */
const nameOf = (key: string) => key.replaceAll('.', '_');

describe('the English catalogue', async () => {
  const parsed = (await parseMessagesFile(ENGLISH_FILE)).filter((m) => !m.key[0]!.startsWith('@@'));
  const keys = parsed.map(keyOf);
  const code = sourceFiles().map((file) => ({ file: path.relative(ROOT, file), text: readFileSync(file, 'utf8') }));
  const asked = code.flatMap(({ file, text }) =>
    [...text.matchAll(/\bi18n\.t\(\s*(['"])([^'"]+)\1/g)].map((m) => ({ file, key: m[2]! })),
  );
  const manifestNames = code.flatMap(({ text }) => [...text.matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]!));

  it('names every text by a literal key, so this scan sees them all', () => {
    const calls = code.flatMap(({ file, text }) => [...text.matchAll(/\bi18n\.t\(/g)].map(() => file));
    expect(calls.length).toBe(asked.length);
    expect(asked.length).toBeGreaterThan(200);
  });

  it('has every key the code asks for', () => {
    const missing = asked.filter(({ key }) => !keys.includes(key)).map(({ file, key }) => `${file}: ${key}`);
    expect(missing).toEqual([]);
    expect(manifestNames.filter((name) => !keys.map(nameOf).includes(name))).toEqual([]);
  });

  it('has no key the code does not use', () => {
    const used = new Set([...asked.map(({ key }) => key), ...manifestNames]);
    expect(keys.filter((key) => !used.has(key) && !used.has(nameOf(key)))).toEqual([]);
  });

  it('gives each message a name the browsers accept, once (names are case-insensitive)', () => {
    const names = keys.map(nameOf);
    expect(names.filter((n) => !/^[A-Za-z0-9]\w*$/.test(n))).toEqual([]);
    const lower = names.map((n) => n.toLowerCase());
    expect(lower.filter((n, i) => lower.indexOf(n) !== i)).toEqual([]);
  });

  it('writes no text the browsers would read as a named placeholder or a plural separator', async () => {
    const texts = Object.entries(await englishMessages()).map(([name, m]) => ({ name, message: m.message }));
    expect(texts.filter(({ message }) => /\$[\w@]+\$/.test(message)).map(({ name }) => name)).toEqual([]);
    const plurals = parsed.filter((m) => m.type === 'plural');
    const forms = plurals.flatMap((m) => (m.type === 'plural' ? Object.values(m.plurals) : []));
    expect(forms.filter((f) => f.includes(' | '))).toEqual([]);
    const simple = parsed.flatMap((m) => (m.type === 'simple' ? [m.message] : []));
    expect(simple.filter((f) => f.includes(' | '))).toEqual([]);
  });

  it('gives every count a form for one and for more (English)', () => {
    const plurals = parsed.flatMap((m) => (m.type === 'plural' ? [{ key: keyOf(m), forms: Object.keys(m.plurals) }] : []));
    expect(plurals.length).toBeGreaterThan(5);
    expect(plurals.filter(({ forms }) => !forms.includes('1') || !forms.includes('n'))).toEqual([]);
  });

  it('keeps the manifest texts within the stores’ limits', () => {
    expect(i18n.t('extName')).toBe('GHL Sidebar');
    expect(i18n.t('extName').length).toBeLessThanOrEqual(75);
    expect(i18n.t('extDescription').length).toBeLessThanOrEqual(132);
  });

  it('fills in substitutions and picks the plural form by the count', () => {
    expect(i18n.t('search.found', 1)).toBe('1 found');
    expect(i18n.t('search.found', 12)).toBe('12 found');
    expect(i18n.t('activity.needYou', 1)).toBe('Activity (1 needs you)');
    expect(i18n.t('activity.needYou', 3)).toBe('Activity (3 need you)');
    expect(i18n.t('activity.tryingAgain', 2, [2, 'HighLevel is busy.'])).toBe('Trying again (2 tries so far): HighLevel is busy.');
    expect(i18n.t('tags.couldNotAdd', ['vip', 'Reconnect.'])).toBe('Could not add the tag “vip”. Reconnect.');
  });
});

describe('other languages', async () => {
  const english = new Map((await parseMessagesFile(ENGLISH_FILE)).map((m) => [keyOf(m), m.substitutions]));
  const dir = path.dirname(ENGLISH_FILE);
  const others = readdirSync(dir).filter((f) => f !== path.basename(ENGLISH_FILE));
  /** a translation's keys that English lacks, or whose substitutions differ from English */
  const mismatches = async (file: string) =>
    (await parseMessagesFile(file)).filter((m) => english.get(keyOf(m)) !== m.substitutions).map(keyOf);

  it('a translation may use only English keys, with the same substitutions (a sample, then every file in locales/)', async () => {
    const sample = mkdtempSync(path.join(tmpdir(), 'locale-'));
    writeFileSync(path.join(sample, 'de.yml'), 'tags:\n  couldNotAdd: Das Tag „$1“ wurde nicht hinzugefügt. $2\n');
    writeFileSync(path.join(sample, 'fr.yml'), 'tags:\n  couldNotAdd: Impossible d’ajouter « $1 ».\n  nonexistent: x\n');
    expect(await mismatches(path.join(sample, 'de.yml'))).toEqual([]);
    expect(await mismatches(path.join(sample, 'fr.yml'))).toEqual(['tags.couldNotAdd', 'tags.nonexistent']);
    for (const file of others) expect(await mismatches(path.join(dir, file)), file).toEqual([]);
  });
});
