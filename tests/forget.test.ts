// "Forget everything" leaves nothing behind: no connection, no token or secret, no key, no
// settings or caches, no site access or registered scripts.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createSession, memoryKeyStore } from '../lib/auth';
import { forgetEverything } from '../lib/forget';
import { updateSettings } from '../lib/storage';
import { startSandbox, type Sandbox } from '../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, partnerProxy: false });
});
afterAll(async () => {
  await sandbox.close();
});

// the browser's permission and scripting registries, which fakeBrowser does not implement
const granted = new Set<string>();
let scripts: { id: string }[] = [];
beforeEach(() => {
  fakeBrowser.reset();
  granted.clear();
  scripts = [{ id: 'site:https://crm.example.com' }]; // as lib/sites registers them
  const b = fakeBrowser as unknown as Record<string, Record<string, unknown>>;
  b.permissions = {
    ...b.permissions,
    contains: vi.fn(async ({ origins }: { origins: string[] }) => origins.every((o) => granted.has(o))),
    remove: vi.fn(async ({ origins }: { origins: string[] }) => origins.map((o) => granted.delete(o)).every(Boolean)),
  };
  b.scripting = {
    getRegisteredContentScripts: vi.fn(async () => scripts),
    unregisterContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => void (scripts = scripts.filter((s) => !ids.includes(s.id)))),
    registerContentScripts: vi.fn(async (list: { id: string }[]) => void scripts.push(...list)),
  };
});

describe('forgetEverything', () => {
  it('signs every connection out and clears tokens, key, settings, caches and site access', async () => {
    const keyStore = memoryKeyStore();
    const session = createSession({ keyStore });
    for (const loc of sandbox.locations) {
      await session.connectWithToken({ baseUrl: sandbox.baseUrl, locationId: loc.id, token: loc.token });
    }
    await updateSettings({ genericSites: ['https://crm.example.com'], defaultTagsForNewContacts: ['new'] });
    await fakeBrowser.storage.session.set({ 'tabPeople:3': { people: [{ name: 'Ana' }] } });
    granted.add('https://crm.example.com/*');
    expect((await session.list()).length).toBe(2);
    expect(await keyStore.load()).toBeDefined();

    await forgetEverything({ session, enabledOrigins: ['https://crm.example.com'] });

    expect(await session.list()).toEqual([]);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    expect(await keyStore.load()).toBeUndefined();
    expect(granted.size).toBe(0);
    expect(scripts).toEqual([]);
    // a fresh start over the same storage finds nothing either
    expect(await createSession({ keyStore }).list()).toEqual([]);
  });
});

describe('the “Forget everything” message', () => {
  it('leaves no connection or stored data, refuses content scripts, and restarts the extension', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      const { connectedBackground, CONTENT_SCRIPT } = await import('./background/harness');
      const bg = await connectedBackground(sandbox);
      const reload = vi.fn();
      (fakeBrowser.runtime as unknown as { reload: () => void }).reload = reload;
      const identity = fakeBrowser.identity as unknown as { getRedirectURL: () => string };
      identity.getRedirectURL = () => 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';
      const contactId = sandbox.seed.partnerContactIds['Diego Santos']!;
      await bg.ask('getContactDetails', { contactId });

      expect(await bg.send('forgetEverything', undefined, CONTENT_SCRIPT)).toMatchObject({ ok: false, error: { kind: 'refused' } });
      expect((await bg.ask('getState', undefined)).connections.length).toBe(1);

      expect(await bg.ask('forgetEverything', undefined)).toBe(true);
      expect(await fakeBrowser.storage.local.get(null)).toEqual({});
      expect(await fakeBrowser.storage.session.get(null)).toEqual({});
      expect(reload).not.toHaveBeenCalled(); // not before the answer is out
      vi.runAllTimers();
      expect(reload).toHaveBeenCalledOnce();
      expect((await bg.restart().ask('getState', undefined)).connections).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });
});
