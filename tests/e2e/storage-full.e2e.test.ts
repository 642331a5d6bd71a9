// A full storage.local in Chromium (10 MB for an extension without unlimitedStorage): storage is
// filled to its quota from an extension page, then notes are queued. A note the outbox cannot store
// is refused at once, in words (the catalogue's text), and never sent; an accepted one waits for
// room. When room comes back, every accepted note lands in HighLevel exactly once, and the refused
// ones never do. Finished writes stored before are pruned to make room before anything is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchChromium, type ExtensionBrowser } from '../../scripts/lib/browsers';
import { connectWithToken } from '../../scripts/lib/flow';
import type { Sandbox } from '../../sandbox/server';
import { message, waitForOutbox } from './outbox-steps';
import { freshSandbox, proxyOf } from './setup';
import { sandboxRecord } from './sidebar-steps';
import { englishMessages, getMessageFrom } from '../i18n/catalogue';

const NOTES = 12;
/** Each note's body: large enough that the room pruning makes cannot hold them all. */
const BODY = 'x'.repeat(1_000);

let sandbox: Sandbox;
let eb: ExtensionBrowser;
let page: Page;

type StorageApi = { storage: { local: { set(items: Record<string, unknown>): Promise<void>; remove(keys: string[]): Promise<void>; getBytesInUse(keys: null): Promise<number> } } };

beforeAll(async () => {
  sandbox = await freshSandbox();
  eb = await launchChromium(proxyOf(sandbox));
  await connectWithToken(eb, sandbox);
  page = await eb.openExtensionPage('sidepanel.html');
});
afterAll(async () => {
  await eb?.close();
  await sandbox?.close();
});

/** Fills storage.local from the extension page until not even 100 more bytes fit; returns the keys written. */
function fillStorage(p: Page): Promise<string[]> {
  return p.evaluate(async () => {
    const local = (globalThis as unknown as { chrome: StorageApi }).chrome.storage.local;
    const keys: string[] = [];
    for (const size of [1_000_000, 100_000, 10_000, 1_000, 100]) {
      for (;;) {
        const key = `filler:${keys.length}`;
        try {
          await local.set({ [key]: 'f'.repeat(size) });
          keys.push(key);
        } catch {
          break;
        }
      }
    }
    return keys;
  });
}

describe('Chromium: storage.local full', () => {
  it('refuses in words the writes it cannot store, and sends every accepted one exactly once when room comes back', { timeout: 180_000 }, async () => {
    const contacts = sandbox.state.contactsOf(sandbox.locationId).slice(0, NOTES).map((c) => c.id);
    // finished writes, which the outbox removes first when storage is full
    for (const contactId of contacts.slice(0, 5)) await message(page, 'addTags', { contactId, tags: ['before-full'] });
    await waitForOutbox(page, (s) => s.pending === 0, 30_000, 'the first writes to be sent');

    // HighLevel answers notes slowly: they stay unsent (and stored) while the next ones are queued
    sandbox.setFaults({ latencyMs: 15_000, methods: ['POST'], paths: ['/contacts/*/notes'] });
    const filler = await fillStorage(page);
    const used = await page.evaluate(() => (globalThis as unknown as { chrome: StorageApi }).chrome.storage.local.getBytesInUse(null));
    const accepted: number[] = [];
    const refused: Array<{ i: number; why: string }> = [];
    for (const [i, contactId] of contacts.entries()) {
      try {
        await message(page, 'createNote', { contactId, body: `Full ${i} ${BODY}` });
        accepted.push(i);
      } catch (error) {
        refused.push({ i, why: (error as Error).message });
      }
    }
    // every accepted note is in storage (none is only in memory, which a restart would lose)
    const stored = await page.evaluate(async () => {
      const all = await (globalThis as unknown as { chrome: { storage: { local: { get(k: null): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get(null);
      return Object.entries(all)
        .filter(([key]) => key.startsWith('outbox:w:'))
        .map(([, record]) => (record as { write?: { kind?: string; fields?: { body?: string } } }).write)
        .filter((w) => w?.kind === 'note.create')
        .map((w) => w!.fields!.body!.split(' ')[1]);
    });
    expect(stored.map(Number).sort((x, y) => x - y)).toEqual(accepted);
    console.warn(`storage full: ${filler.length} filler items, ${used} bytes in use; ${accepted.length} notes accepted, ${refused.length} refused`);
    expect(accepted.length + refused.length).toBe(NOTES);
    // the room pruning made holds a few notes at most: the others are refused, each in words
    expect(refused.length).toBeGreaterThan(0);
    const inWords = getMessageFrom(await englishMessages())('outbox_storageFull');
    expect(inWords).toMatch(/no room left/);
    for (const r of refused) expect(r.why).toBe(`createNote failed: ${inWords}`);

    const freed = Date.now();
    sandbox.setFaults({ latencyMs: 0, methods: [], paths: [] });
    await page.evaluate((keys) => (globalThis as unknown as { chrome: StorageApi }).chrome.storage.local.remove(keys), filler);
    await waitForOutbox(page, (s) => s.pending === 0, 60_000, 'the accepted notes to be sent once storage has room');
    console.warn(`storage full: the accepted notes were sent ${((Date.now() - freed) / 1000).toFixed(1)} s after room came back`);
    const status = await message(page, 'getOutboxStatus', undefined);
    expect({ failed: status.failed, conflicts: status.conflicts }).toEqual({ failed: 0, conflicts: 0 });

    for (const [i, contactId] of contacts.entries()) {
      const notes = (await sandboxRecord(sandbox, contactId)).notes.filter((n) => n.body === `Full ${i} ${BODY}`);
      expect({ i, notes: notes.length }).toEqual({ i, notes: accepted.includes(i) ? 1 : 0 });
    }
    // and with room again, a new write is taken
    await expect(message(page, 'createNote', { contactId: contacts[0]!, body: 'Room again' })).resolves.toBeTruthy();
  });
});
