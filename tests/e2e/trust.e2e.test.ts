// A content script cannot steer the background (issue #19), in the built extension, Chromium and
// Firefox ESR. Chromium closes storage to content scripts (setAccessLevel): a real content
// script's writes are refused by the browser. Then, in both browsers, the attacks a content script
// could make where storage is open to it — Firefox's case, where no such switch exists — are made
// from an extension page, which reaches the same storage.local with the same calls: outbox records
// and a bulk job planted, a hand link added, the settings rewritten, each field of the connection
// rewritten; the background restarted. Nothing they ask for reaches HighLevel or any other host
// (a second local server stands for "elsewhere" and is watched), and each refusal is in the
// activity log in words. So the authentication of stored records alone holds.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, launchFirefox, waitFor, type ExtensionBrowser } from '../../scripts/lib/browsers';
import { connectWithToken, openPartnerPage } from '../../scripts/lib/flow';
import type { Sandbox } from '../../sandbox/server';
import { startWatchServer } from '../trust/watch-server';
import { message } from './outbox-steps';
import { contentScriptWorld } from './session-steps';
import { freshSandbox, partnerUrl, proxyOf } from './setup';
import { sandboxRecord } from './sidebar-steps';
import { localStorageOf, refusalsIn, restartBackground, sandboxRequestsSince } from './trust-steps';

const CONNECTIONS = 'ghlSidebar.connections';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function attacks(launch: (opts: ReturnType<typeof proxyOf>) => Promise<ExtensionBrowser>, name: string) {
  let sandbox: Sandbox;
  let eb: ExtensionBrowser;
  let page: Page;
  let watch: Awaited<ReturnType<typeof startWatchServer>>;
  beforeAll(async () => {
    sandbox = await freshSandbox();
    watch = await startWatchServer();
    eb = await launch(proxyOf(sandbox));
    page = await connectWithToken(eb, sandbox);
  });
  afterAll(async () => {
    await eb?.close();
    await watch?.close();
    await sandbox?.close();
  });

  const contacts = () => sandbox.state.contactsOf(sandbox.locationId).slice(0, 3).map((c) => c.id) as [string, string, string];
  const snapshot = () => Promise.all(contacts().map((id) => sandboxRecord(sandbox, id)));

  describe(`${name}: storage a content script could write`, () => {
    it('planted outbox records and a bulk job are never sent, a planted link is not used; each refusal is in the activity log', async () => {
      const [a, b, c] = contacts();
      const storage = localStorageOf(page);
      const { connections } = (await storage.get(CONNECTIONS)) as { connections: Array<{ id: string }> };
      const connectionId = connections[0]!.id;
      const before = await snapshot();
      const at = Date.now();
      const record = (id: string, write: Record<string, unknown>) => ({ v: 1, id, seq: 1, write: { connectionId, ...write }, state: 'pending', attempts: 0, createdAt: at, updatedAt: at });
      // the person the page shows as the first contact, linked by "hand" to the third one
      const first = sandbox.state.contacts.get(a)!;
      const since = new Date().toISOString();
      await storage.set({
        'outbox:w:planted-1': record('planted-1', { kind: 'tag.add', contactId: a, tags: ['planted'] }),
        'outbox:w:planted-2': record('planted-2', { kind: 'note.create', contactId: a, tempId: 'tmp-planted', fields: { body: 'planted note' } }),
        'outbox:w:planted-3': record('planted-3', { kind: 'contact.update', contactId: b, fields: { email: 'attacker@collector.example' }, base: { dateUpdated: null, values: {} } }),
        'outbox:w:planted-4': record('planted-4', { kind: 'contact.delete', contactId: c }),
        'outbox:bulk:planted-job': { v: 3, id: 'planted-job', connectionId, op: 'add', tags: ['planted-bulk'], succeeded: 0, fallbackIds: [], state: 'running', createdAt: at, updatedAt: at, chunkSize: 50, doneChunks: [], retries: [] },
        'outbox:bulk-contacts:planted-job': [a, b, c],
        relinks: { [`email:${first.email!.toLowerCase()}`]: c },
      });
      page = await restartBackground(eb, page);

      const refused = await refusalsIn(page); // the new background loaded its outbox
      const match = (await message(page, 'matchPeople', [{ name: `${first.firstName} ${first.lastName}`, email: first.email! }]))[0]!;
      expect(match).toMatchObject({ state: 'matched', contact: { id: a } }); // by its email, not by the planted link
      expect(match.reason).not.toBe('linked-by-you');
      await sleep(2_000); // anything queued would be sent by now
      expect((await sandboxRequestsSince(sandbox, since)).writes).toEqual([]);
      expect(await snapshot()).toEqual(before);
      expect(watch.seen).toEqual([]);

      const words = (await refusalsIn(page)).map((e) => `${e.what} | ${e.reason}`);
      const planted = 'It was found in the extension’s storage but was not written by GHL Sidebar (a web page may have put it there). It was deleted and never sent.';
      for (const what of ['Add tag “\u2068planted\u2069”', 'Add note “\u2068planted note\u2069”', 'Change email', 'Delete the contact']) {
        expect(words, words.join('\n')).toContain(`A change GHL Sidebar did not make: ${what} | ${planted}`);
      }
      expect(words).toContain(`A bulk tag change GHL Sidebar did not make: “planted-bulk” | ${planted}`);
      expect(words.some((w) => w.startsWith('Your hand-made links between people and contacts | They were changed outside GHL Sidebar'))).toBe(true);
      expect(refused.length).toBeGreaterThanOrEqual(5);
      expect(await message(page, 'getOutboxStatus', undefined)).toMatchObject({ pending: 0, failed: 0, jobs: [] });
    });

    it('rewritten settings are not used: defaults apply, no site is read, nothing reaches the other host', async () => {
      const storage = localStorageOf(page);
      const since = new Date().toISOString();
      await storage.set({
        settings: {
          apiBaseUrl: watch.url,
          oauthConsentUrl: `${watch.url}/consent`,
          disabledPartners: ['heyreach'],
          genericSites: ['https://collector.example'],
          defaultTagsForNewContacts: ['planted'],
          createMapping: { titleField: 'planted-field', linkedinTo: 'website', companyTo: 'companyName' },
        },
      });
      page = await restartBackground(eb, page);
      const state = await message(page, 'getState', undefined);
      expect(state.settings).toMatchObject({ apiBaseUrl: 'https://services.leadconnectorhq.com', genericSites: [], disabledPartners: [], defaultTagsForNewContacts: [] });
      const scripts = await page.evaluate(async () => {
        type Scripting = { scripting: { getRegisteredContentScripts(): Promise<{ id: string }[]> } };
        const g = globalThis as unknown as { browser?: Scripting; chrome: Scripting };
        return (await (g.browser ?? g.chrome).scripting.getRegisteredContentScripts()).map((s) => s.id);
      });
      expect(scripts).toEqual([]);
      // the connection still works, on HighLevel's address
      const [a] = contacts();
      expect((await message(page, 'getContactDetails', { contactId: a, fresh: true })).details.contact.id).toBe(a);
      expect(watch.seen).toEqual([]);
      expect((await sandboxRequestsSince(sandbox, since)).writes).toEqual([]);
      expect((await refusalsIn(page)).map((e) => `${e.what} | ${e.reason}`)).toContain(
        'Your settings | They were changed outside GHL Sidebar (a web page may have done it), so they were not used and the defaults apply. Set them again in the options.',
      );
    });

    it('each field of the connection rewritten: nothing is sent, here or elsewhere, and the refusal is in the log each time', async () => {
      const storage = () => localStorageOf(page); // the page of the background now (Firefox reloads the add-on)
      const genuine = (await storage().get(CONNECTIONS)) as { activeId: string; connections: Array<Record<string, unknown>> };
      const other = sandbox.locations[1]!;
      const rewrites: Record<string, (c: Record<string, unknown>) => Record<string, unknown>> = {
        'API address': (c) => ({ ...c, baseUrl: watch.url }),
        location: (c) => ({ ...c, locationId: other.id }),
        'token endpoint': (c) => ({ ...c, kind: 'oauth-app', tokenUrl: `${watch.url}/oauth/token` }),
        'token broker': (c) => ({ ...c, kind: 'oauth-broker', brokerUrl: watch.url }),
        'agency that mints its tokens': (c) => ({ ...c, kind: 'agency-location', agencyConnectionId: c.id, companyId: sandbox.companyId, baseUrl: watch.url }),
      };
      const [a] = contacts();
      for (const [field, rewrite] of Object.entries(rewrites)) {
        await storage().set({ [CONNECTIONS]: genuine }); // the genuine list back: vouched for again
        const since = new Date().toISOString();
        const refusedBefore = (await refusalsIn(page)).find((e) => e.what === 'The list of connected locations')?.updatedAt ?? 0;
        await storage().set({ [CONNECTIONS]: { ...genuine, connections: genuine.connections.map(rewrite) } });
        page = await restartBackground(eb, page);
        await expect(message(page, 'getContactDetails', { contactId: a, fresh: true }), field).rejects.toThrow(/Connect a HighLevel location/);
        await sleep(500);
        expect(watch.seen, field).toEqual([]);
        expect((await sandboxRequestsSince(sandbox, since)).all, field).toEqual([]);
        const entry = (await refusalsIn(page)).find((e) => e.what === 'The list of connected locations');
        expect(entry?.reason, field).toBe('It was changed outside GHL Sidebar (a web page may have done it), so it was not used. Connect your locations again in the options.');
        expect(entry!.updatedAt, field).toBeGreaterThan(refusedBefore);
      }
      // the genuine list put back is the extension's own: it works again
      await storage().set({ [CONNECTIONS]: genuine });
      await waitFor(async () => (await message(page, 'getContactDetails', { contactId: a, fresh: true })).details.contact.id === a, 10_000, 'the genuine connection did not work again');
    });
  });
}

describe('Chromium: storage closed to content scripts', () => {
  let sandbox: Sandbox;
  let eb: ExtensionBrowser;
  beforeAll(async () => {
    sandbox = await freshSandbox();
    eb = await launchChromium(proxyOf(sandbox));
  });
  afterAll(async () => {
    await eb?.close();
    await sandbox?.close();
  });

  it('a content script can neither read nor write storage.local, storage.sync or storage.session', async () => {
    const options = await connectWithToken(eb, sandbox);
    const partner = await openPartnerPage(eb, partnerUrl('heyreach', 'list'));
    const world = await contentScriptWorld(partner, eb);
    const tries = (await world.run(`(async () => {
      const out = {};
      for (const area of ['local', 'sync', 'session']) {
        for (const [what, call] of [['write', () => chrome.storage[area].set({ 'outbox:w:from-page': { planted: true } })], ['read', () => chrome.storage[area].get(null)]]) {
          try { await call(); out[area + ' ' + what] = 'allowed'; } catch (e) { out[area + ' ' + what] = e.message; }
        }
      }
      return out;
    })()`)) as Record<string, string>;
    const refused = 'Access to storage is not allowed from this context.';
    expect(tries).toEqual({ 'local write': refused, 'local read': refused, 'sync write': refused, 'sync read': refused, 'session write': refused, 'session read': refused });
    expect(await localStorageOf(options).get('outbox:w:from-page')).toBeUndefined();
  });
});

attacks(launchChromium, 'Chromium');
attacks(launchFirefox, 'Firefox');
