// Teaching a site, through the real handlers: only an extension page may teach (a content script
// is refused and nothing is kept); a rule is plain data, and a hostile or oversized one is refused
// in words; the site's permission is needed; a kept rule is handed to the site's pages when they
// report without it, listed with what it found, and forgotten; a rule planted in storage.local
// (where content scripts can write) is never used.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MAX_SELECTOR } from '../../lib/teach';
import { openSandbox, type Sandbox } from '../ghl/sandbox-helpers';
import { CONTENT_SCRIPT, connectedBackground, type Background } from '../background/harness';

let sandbox: Sandbox;
let bg: Background;
let granted: Set<string>;
let handed: { tabId: number; rules: unknown; origin: unknown }[];

const ORIGIN = 'https://app.helloleads.io';
const RULE = { container: 'div.speaker-grid > div.speaker', fields: { name: ':scope > div.who' } };
const PAGE = { ...CONTENT_SCRIPT, url: `${ORIGIN}/index.php/app/account/eventSpeakers/8f3c2a9d` };
const report = { people: [], view: 'other' as const, site: 'helloleads' };
/** lets the report's after-work (the rule handed over) finish */
const settle = () => new Promise((r) => setTimeout(r, 20));

beforeAll(async () => {
  sandbox = await openSandbox();
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  bg = await connectedBackground(sandbox);
  granted = new Set([`${ORIGIN}/*`]);
  handed = [];
  const b = fakeBrowser as unknown as Record<string, Record<string, unknown>>;
  b.permissions = { contains: vi.fn(async ({ origins }: { origins: string[] }) => origins.every((o) => granted.has(o))) };
  b.scripting = {
    executeScript: vi.fn(async ({ target, args }: { target: { tabId: number }; args: unknown[] }) => {
      handed.push({ tabId: target.tabId, rules: args[0], origin: args[1] });
      return [];
    }),
  };
});

describe('teachSite', () => {
  it('is refused from a content script, and nothing is kept', async () => {
    const res = await bg.send('teachSite', { origin: ORIGIN, rule: RULE, tabId: 7 }, CONTENT_SCRIPT);
    expect(res).toMatchObject({ ok: false, error: { kind: 'refused' } });
    expect(await bg.ask('getTaughtSites', undefined)).toEqual([]);
    expect(handed).toEqual([]);
  });

  it('refuses a hostile or oversized rule in words, and keeps nothing', async () => {
    const refused = async (rule: unknown) => {
      const res = await bg.send('teachSite', { origin: ORIGIN, rule });
      expect(res.ok).toBe(false);
      return res.ok ? '' : res.error.message;
    };
    expect(await refused({ ...RULE, container: 'x'.repeat(5 * 1024 * 1024) })).toBe(`The rule for this site was not kept: a selector is longer than ${MAX_SELECTOR} characters (container)`);
    expect(await refused({ ...RULE, container: 'div[onclick="alert(1)"]' })).toBe('The rule for this site was not kept: a selector may name only tags, classes, ids and positions (container)');
    expect(await refused({ ...RULE, fields: { name: '</style><script>alert(1)</script>' } })).toMatch(/may name only tags, classes, ids and positions \(fields\.name\)$/);
    expect(await refused({ ...RULE, fields: { name: 'div:has(img)' } })).toMatch(/may name only/);
    expect(await refused({ ...RULE, fields: { name: 'a, script' } })).toMatch(/may name only/);
    expect(await refused({ container: 'div.speaker', fields: { company: ':scope > div.org' } })).toBe('The rule for this site was not kept: it does not say where the name, email or phone is');
    expect(await refused({ ...RULE, run: 'fetch("https://evil.example")' })).toMatch(/^The rule for this site was not kept: /);
    expect(await refused('div.speaker')).toMatch(/^The rule for this site was not kept: /);
    expect(await bg.ask('getTaughtSites', undefined)).toEqual([]);
    expect(handed).toEqual([]);
  });

  it('needs the site’s permission', async () => {
    granted.clear();
    const res = await bg.send('teachSite', { origin: ORIGIN, rule: RULE });
    expect(res).toMatchObject({ ok: false, error: { kind: 'no-site-access', action: 'grant-access' } });
    expect(await bg.ask('getTaughtSites', undefined)).toEqual([]);
  });

  it('keeps the rule, hands it to the tab and to the site’s later pages, lists what it found, and forgets it', async () => {
    const kept = await bg.ask('teachSite', { origin: ORIGIN, rule: RULE, tabId: 7 });
    expect(kept).toMatchObject({ origin: ORIGIN, rules: 1 });
    expect(handed).toEqual([{ tabId: 7, rules: [RULE], origin: ORIGIN }]); // run only if the tab still shows the site

    // a reloaded page reports without the rule: it gets it; its next report says what it found
    await bg.send('reportPeople', report, PAGE);
    await settle();
    expect(handed).toHaveLength(2);
    await bg.send('reportPeople', { ...report, people: [{ name: 'Odile Brandt' }, { name: 'Matteo Ricci' }], view: 'list', taught: 2 }, PAGE);
    await settle();
    expect(handed).toHaveLength(2); // applied already: nothing handed again
    expect(await bg.ask('getTaughtSites', undefined)).toEqual([{ origin: ORIGIN, rules: 1, taughtAt: expect.any(Number), found: 2 }]);
    // another site's page gets nothing
    await bg.send('reportPeople', { ...report, site: 'heyreach' }, CONTENT_SCRIPT);
    await settle();
    expect(handed).toHaveLength(2);

    expect(await bg.ask('forgetTaughtSite', ORIGIN)).toBe(true);
    expect(await bg.ask('getTaughtSites', undefined)).toEqual([]);
    // a page still applying it is told to stop; one loaded afterwards gets nothing
    await bg.send('reportPeople', { ...report, taught: 2 }, PAGE);
    await settle();
    expect(handed.at(-1)).toEqual({ tabId: 7, rules: [], origin: ORIGIN });
    const count = handed.length;
    await bg.send('reportPeople', report, PAGE);
    await settle();
    expect(handed).toHaveLength(count);
  });

  it('never uses a rule planted in storage.local (where a content script can write)', async () => {
    await fakeBrowser.storage.local.set({ taughtSites: { [ORIGIN]: { rules: [RULE], taughtAt: Date.now() } } });
    await bg.send('reportPeople', report, PAGE);
    await settle();
    expect(handed).toEqual([]);
    expect(await bg.ask('getTaughtSites', undefined)).toEqual([]);
  });
});
