// Where the extension looks for people: partner apps the user switched off are ignored, and other
// sites are enabled (content script registered for the origin the user granted) and disabled again.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { tabPeopleItem } from '../../lib/protocol';
import { registerSiteScripts } from '../../lib/sites';
import { readSettings } from '../../lib/storage';
import { openSandbox, type Sandbox } from '../ghl/sandbox-helpers';
import { CONTENT_SCRIPT, connectedBackground, type Background } from '../background/harness';

let sandbox: Sandbox;
let bg: Background;
let granted: Set<string>;
let scripts: Map<string, { id: string; js?: string[]; matches?: string[] }>;

beforeAll(async () => {
  sandbox = await openSandbox();
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  bg = await connectedBackground(sandbox);
  // the browser's permission and scripting registries, which fakeBrowser does not implement
  granted = new Set();
  scripts = new Map();
  const b = fakeBrowser as unknown as Record<string, Record<string, unknown>>;
  b.permissions = {
    contains: vi.fn(async ({ origins }: { origins: string[] }) => origins.every((o) => granted.has(o))),
    remove: vi.fn(async ({ origins }: { origins: string[] }) => origins.map((o) => granted.delete(o)).every(Boolean)),
  };
  b.scripting = {
    getRegisteredContentScripts: async () => [...scripts.values()],
    registerContentScripts: async (list: { id: string }[]) => list.forEach((s) => scripts.set(s.id, s)),
    unregisterContentScripts: async ({ ids }: { ids: string[] }) => ids.forEach((id) => scripts.delete(id)),
  };
});

const report = { people: [{ name: 'Maya Okafor', email: 'maya.okafor@brightpath.io' }], focused: 0, view: 'detail' as const, site: 'heyreach' };

describe('partner apps', () => {
  it('keeps what a partner page reports, and nobody once the user switched that partner off', async () => {
    expect(await bg.send('reportPeople', report, CONTENT_SCRIPT)).toEqual({ ok: true, value: true });
    expect((await tabPeopleItem(7).getValue())?.people).toHaveLength(1);
    expect(await bg.ask('getTabSite', 7)).toEqual({ origin: 'https://app.heyreach.io', status: 'partner' });

    await bg.ask('saveSettings', { disabledPartners: ['heyreach'] });
    await bg.send('reportPeople', report, CONTENT_SCRIPT);
    expect(await tabPeopleItem(7).getValue()).toMatchObject({ people: [], site: 'heyreach' });
    expect((await bg.ask('getTabSite', 7)).status).toBe('partner-off');
  });
});

describe('other sites', () => {
  const origin = 'https://crm.example.org';
  const sender = { ...CONTENT_SCRIPT, url: `${origin}/people/42` };

  it('offers to enable a site that is not a partner app, and refuses until the user granted access', async () => {
    await bg.send('reportPeople', { ...report, site: 'generic' }, sender);
    expect(await bg.ask('getTabSite', 7)).toEqual({ origin, status: 'available' });
    const res = await bg.send('enableSite', origin);
    expect(res).toMatchObject({ ok: false, error: { action: 'grant-access' } });
    expect(scripts.size).toBe(0);
    expect((await readSettings()).genericSites).toEqual([]);
  });

  it('registers the content script for an enabled site, again at start, and removes both on disable', async () => {
    granted.add(`${origin}/*`);
    await bg.ask('enableSite', origin);
    expect([...scripts.values()]).toEqual([expect.objectContaining({ js: ['detector.js'], matches: [`${origin}/*`] })]);
    expect((await readSettings()).genericSites).toEqual([origin]);
    await bg.send('reportPeople', { ...report, site: 'generic' }, sender);
    expect((await bg.ask('getTabSite', 7)).status).toBe('enabled');

    scripts.clear(); // a browser restart forgets scripts registered for the session
    await registerSiteScripts((await readSettings()).genericSites);
    expect(scripts.size).toBe(1);

    await bg.ask('disableSite', origin);
    expect(scripts.size).toBe(0);
    expect(granted.has(`${origin}/*`)).toBe(false);
    expect((await readSettings()).genericSites).toEqual([]);
  });

  it('says when the address of the tab is not readable', async () => {
    expect(await bg.ask('getTabSite', 999)).toEqual({ status: 'unknown' });
  });
});
