// "Forget everything" in the built extension: from the options page's button to an extension that
// restarted as newly installed — no connection, token, key, cached contact, pending write, alarm
// or registered script left. In Firefox: a temporary add-on reloads itself as users' installs do,
// while Chromium blocks the pages of an extension loaded over DevTools once it reloads itself.
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { launchFirefox, waitFor } from '../../scripts/lib/browsers';
import { connectWithToken, openPartnerPage } from '../../scripts/lib/flow';
import { clickButton, message } from './outbox-steps';
import { partnerUrl, sandboxAndBrowser } from './setup';

const world = sandboxAndBrowser(launchFirefox);

// an extension page's `browser`, as used inside page.evaluate
declare const browser: { runtime?: { id?: string } };

interface Left {
  local: Record<string, unknown>;
  session: Record<string, unknown>;
  sync: Record<string, unknown>;
  alarms: string[];
  scripts: string[];
  databases: string[];
  vaultKeys: string[];
}

/** the parts of the background's `chrome` read here */
interface ChromeApi {
  storage: Record<'local' | 'session' | 'sync', { get(keys: null): Promise<Record<string, unknown>> }>;
  alarms: { getAll(): Promise<{ name: string }[]> };
  scripting: { getRegisteredContentScripts(): Promise<{ id: string }[]> };
}

/** everything an extension page can see of what the extension keeps */
async function whatIsLeft(page: Page): Promise<Left> {
  return page.evaluate(async () => {
    const c = (globalThis as unknown as { browser: ChromeApi }).browser;
    const databases = (await indexedDB.databases()).map((d) => d.name ?? '');
    // the vault's key (lib/auth/vault.ts: database ghl-sidebar-vault, store keys)
    const vaultKeys = databases.includes('ghl-sidebar-vault')
      ? await new Promise<string[]>((resolve) => {
          const open = indexedDB.open('ghl-sidebar-vault');
          open.onsuccess = () => {
            const db = open.result;
            if (!db.objectStoreNames.contains('keys')) return resolve([]);
            const req = db.transaction('keys').objectStore('keys').getAllKeys();
            req.onsuccess = () => resolve(req.result.map(String));
            req.onerror = () => resolve(['(unreadable)']);
          };
          open.onerror = () => resolve(['(unopenable)']);
        })
      : [];
    return {
      local: await c.storage.local.get(null),
      session: await c.storage.session.get(null),
      sync: await c.storage.sync.get(null),
      alarms: (await c.alarms.getAll()).map((a) => a.name),
      scripts: (await c.scripting.getRegisteredContentScripts()).map((s) => s.id),
      databases,
      vaultKeys,
    };
  });
}

describe('Firefox: Forget everything', () => {
  it('erases tokens, the vault key, caches, pending writes and settings, and the extension starts afresh', async () => {
    const { eb, sandbox } = world;
    const options: Page = await connectWithToken(eb, sandbox);
    const token = sandbox.token;
    // cached people and records: a partner page read and matched
    await openPartnerPage(eb, partnerUrl('heyreach', 'list'));
    // a write that cannot be sent: HighLevel answers 503 to everything, so it waits in the outbox
    sandbox.setFaults({ errorRate: 1, errorStatuses: [503] });
    const mayaId = sandbox.seed.partnerContactIds['Maya Okafor']!;
    await message(options, 'addTags', { contactId: mayaId, tags: ['never-sent'] });
    await waitFor(async () => (await message(options, 'getOutboxStatus', undefined)).pending > 0, 10_000, 'the tag did not wait in the outbox');

    const before = await whatIsLeft(options);
    expect(JSON.stringify(before.local)).toContain('ghlSidebar.connections'); // there was something to forget
    expect(before.vaultKeys.length).toBeGreaterThan(0); // the vault's key

    await options.bringToFront();
    await clickButton(options, 'Forget everything…');
    await clickButton(options, 'Yes, forget everything');

    // the background restarts: a new worker whose storage is as newly installed
    // restarting closes the extension's pages
    await waitFor(async () => options.isClosed() || !(await options.evaluate(() => !!browser.runtime?.id).catch(() => false)), 20_000, 'the extension did not restart');
    const after = await eb.openExtensionPage('options.html');
    const left = await whatIsLeft(after);
    sandbox.setFaults({ errorRate: 0 });
    expect(Object.keys(left.local).filter((k) => /connection|vault|outbox|cache|record|settings/i.test(k))).toEqual([]);
    // the restarted background writes an empty outbox status, and the open partner tab, read again
    // by its new content script, reports its page; no record or match from before is left
    expect(Object.keys(left.session).filter((k) => k !== 'outboxStatus' && !/^tabPeople:\d+$/.test(k))).toEqual([]);
    expect(left.session.outboxStatus).toMatchObject({ pending: 0, failed: 0, jobs: [] });
    expect(JSON.stringify(left.session)).not.toContain(mayaId);
    expect(left.sync).toEqual({});
    expect(left.vaultKeys).toEqual([]);
    expect(left.scripts).toEqual([]);
    expect(left.alarms.filter((a) => /outbox|refresh|token/i.test(a))).toEqual([]);
    expect(JSON.stringify(left)).not.toContain(token);
    expect(JSON.stringify(left)).not.toContain('never-sent');

    // the write that waited is gone: once HighLevel answers again, it never arrives
    await new Promise((r) => setTimeout(r, 3000));
    expect(sandbox.state.contacts.get(mayaId)?.tags ?? []).not.toContain('never-sent');
  });
});
