// What a content script can do to storage.local (Firefox lets it; Chrome before the access level
// is set): plant outbox records and bulk jobs, rewrite the connections, the settings and the hand
// links, or put back an older copy of a record. The next worker acts on none of it: nothing
// reaches HighLevel or any other host, each record is removed, and each refusal is in the
// activity log in words. (The browser tests run the same attacks from a real content script.)
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createSession } from '../../lib/auth';
import { CONNECTIONS_KEY } from '../../lib/auth/store';
import { activityLog } from '../../lib/outbox';
import { JOB_CONTACTS_KEY, JOB_KEY, WRITE_KEY } from '../../lib/outbox/store';
import { readSettings } from '../../lib/storage';
import { pendingCreatesItem, readLinks } from '../../lib/match/link-store';
import { trust } from '../../lib/trust';
import { admin } from '../ghl/sandbox-helpers';
import { afterUpdate, outboxWorld, recordOf, sandboxContact, settled } from '../outbox/helpers';
import { startWatchServer } from './watch-server';

const world = outboxWorld(4);
let watch: Awaited<ReturnType<typeof startWatchServer>>;
beforeAll(async () => {
  watch = await startWatchServer();
});
afterAll(() => watch.close());
beforeEach(() => {
  watch.seen.length = 0;
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Requests that change something in HighLevel (searches are reads). */
const writesSeen = async () => (await admin(world.sandbox).requests()).requests.filter((r) => r.method !== 'GET' && !r.path.includes('/search'));
const refusals = async () => (await activityLog(world.browser.start().outbox, async () => undefined)).filter((e) => e.state === 'refused');

describe('records a content script plants in storage.local', () => {
  it('are never sent: removed, and each refusal is in the activity log in words', async () => {
    const [a, b, c] = world.contacts as [string, string, string];
    const before = await Promise.all([a, b, c].map((id) => sandboxContact(world.sandbox, id)));
    const at = Date.now();
    const record = (id: string, write: Record<string, unknown>) => ({ v: 1, id, seq: 1, write: { connectionId: world.browser.connectionId, ...write }, state: 'pending', attempts: 0, createdAt: at, updatedAt: at });
    await fakeBrowser.storage.local.set({
      [`${WRITE_KEY}p1`]: record('p1', { kind: 'tag.add', contactId: a, tags: ['planted'] }),
      [`${WRITE_KEY}p2`]: record('p2', { kind: 'note.create', contactId: a, tempId: 'tmp-p2', fields: { body: 'planted note' } }),
      [`${WRITE_KEY}p3`]: record('p3', { kind: 'contact.update', contactId: b, fields: { email: 'attacker@collector.example' }, base: { dateUpdated: null, values: {} } }),
      [`${WRITE_KEY}p4`]: record('p4', { kind: 'contact.delete', contactId: c }),
      [`${JOB_KEY}j1`]: { v: 3, id: 'j1', connectionId: world.browser.connectionId, op: 'add', tags: ['planted-bulk'], succeeded: 0, fallbackIds: [], state: 'running', createdAt: at, updatedAt: at, chunkSize: 50, doneChunks: [], retries: [] },
      [`${JOB_CONTACTS_KEY}j1`]: [a, b, c],
    });
    await admin(world.sandbox).resetCounters();

    const worker = world.browser.start(); // the worker restarted
    await worker.outbox.resume();
    await settled(worker.outbox);
    await sleep(300); // FAST retries are at most 0.4 s apart: anything sent would have gone by now
    expect(await writesSeen()).toEqual([]);
    expect(await Promise.all([a, b, c].map((id) => sandboxContact(world.sandbox, id)))).toEqual(before);
    expect(await worker.outbox.list()).toEqual([]);
    const keys = Object.keys(await fakeBrowser.storage.local.get(null));
    expect(keys.filter((k) => [`${WRITE_KEY}p`, `${JOB_KEY}j1`, `${JOB_CONTACTS_KEY}j1`].some((planted) => k.startsWith(planted)))).toEqual([]);

    const log = await refusals();
    expect(log.map((e) => e.what).sort()).toEqual(
      [
        'A change GHL Sidebar did not make: Add tag “\u2068planted\u2069”',
        'A change GHL Sidebar did not make: Add note “\u2068planted note\u2069”',
        'A change GHL Sidebar did not make: Change email',
        'A change GHL Sidebar did not make: Delete the contact',
        'A bulk tag change GHL Sidebar did not make: “planted-bulk”',
      ].sort(),
    );
    for (const entry of log) expect(entry.reason).toBe('It was found in the extension’s storage but was not written by GHL Sidebar (a web page may have put it there). It was deleted and never sent.');
  });

  it('an older copy of a genuine write, put back after it was sent, is not sent again', async () => {
    const contactId = world.contacts[3]!;
    await admin(world.sandbox).faults({ errorRate: 1, errorStatuses: [503], paths: ['/contacts/*'] });
    const { outbox } = world.browser.start();
    const write = await outbox.enqueue({ kind: 'tag.add', ...world.on(contactId), tags: ['sent-once'] });
    const key = `${WRITE_KEY}${write.id}`;
    await outbox.whenStored();
    const pending = (await fakeBrowser.storage.local.get(key))[key]; // a page reads it while it waits
    await admin(world.sandbox).clearFaults();
    await settled(outbox);
    await outbox.whenStored();
    await admin(world.sandbox).resetCounters();
    await fakeBrowser.storage.local.set({ [key]: pending }); // and puts it back once it was sent

    const next = world.browser.start();
    await next.outbox.resume();
    await sleep(300);
    expect(await writesSeen()).toEqual([]);
    expect((await next.outbox.list()).find((r) => r.id === write.id)).toBeUndefined();
    expect((await refusals()).map((e) => e.what)).toContain('A change GHL Sidebar did not make: Add tag “\u2068sent-once\u2069”');
  });
});

describe('connections, settings and links rewritten in storage.local', () => {
  it('are not used: the next reads see none of them, nothing reaches the other host, each refusal is in the log', async () => {
    const stored = (await fakeBrowser.storage.local.get(CONNECTIONS_KEY))[CONNECTIONS_KEY] as { connections: Array<Record<string, unknown>> };
    const rewritten = { ...stored, connections: stored.connections.map((c) => ({ ...c, baseUrl: watch.url, kind: 'oauth-app', tokenUrl: `${watch.url}/token` })) };
    await fakeBrowser.storage.local.set({
      [CONNECTIONS_KEY]: rewritten,
      settings: { apiBaseUrl: watch.url, oauthConsentUrl: `${watch.url}/consent`, disabledPartners: [], genericSites: ['https://collector.example'], defaultTagsForNewContacts: ['planted'], createMapping: { titleField: null, linkedinTo: 'website', companyTo: 'companyName' } },
      relinks: { 'email:someone@example.com': world.contacts[0] },
      links: { [world.sandbox.locations[0]!.id]: { 'email:other@example.com': world.contacts[0] } },
      pendingCreates: { 'email:planted@example.com': `${world.sandbox.locations[0]!.id}/tmp-planted` },
    });

    const session = createSession({ keyStore: world.browser.keyStore });
    expect(await session.list()).toEqual([]);
    await expect(session.client(world.browser.connectionId)).rejects.toMatchObject({ kind: 'unauthorized' });
    const worker = world.browser.start();
    await worker.outbox.enqueue({ kind: 'tag.add', ...world.on(world.contacts[0]!), tags: ['after-rewrite'] }).catch(() => undefined);
    await sleep(300);
    expect(await readSettings()).toMatchObject({ apiBaseUrl: 'https://services.leadconnectorhq.com', genericSites: [], defaultTagsForNewContacts: [] });
    expect(await readLinks(world.sandbox.locations[0]!.id)).toEqual({ links: {}, unplaced: new Set() });
    expect(await pendingCreatesItem.getValue()).toEqual({}); // a person shown as being created, then linked: not by a page
    expect(watch.seen).toEqual([]);
    expect((await refusals()).map((e) => e.what)).toEqual(
      expect.arrayContaining(['The list of connected locations', 'Your settings', 'Your hand-made links between people and contacts']),
    );
    expect(await trust().refusals.list()).toEqual(expect.arrayContaining([expect.objectContaining({ what: 'Your settings', why: expect.stringMatching(/defaults apply/) })]));
  });
});

describe('writes stored by the version before the update', () => {
  it('are kept but not sent on their own: held for the user, sent once they say so', async () => {
    const contactId = world.contacts[1]!;
    const at = Date.now();
    const old = { v: 1, id: 'old-1', seq: 1, write: { kind: 'tag.add', connectionId: world.browser.connectionId, contactId, tags: ['from-before'] }, state: 'pending', attempts: 0, createdAt: at, updatedAt: at };
    await fakeBrowser.storage.local.set({ [`${WRITE_KEY}old-1`]: old });
    await admin(world.sandbox).resetCounters();
    const worker = world.browser.start({ trust: afterUpdate() }); // the first start after the update
    await worker.outbox.resume();
    await sleep(300);
    expect(await writesSeen()).toEqual([]);
    const held = (await worker.outbox.list()).find((r) => r.id === 'old-1')!;
    expect(held).toMatchObject({ state: 'failed', action: 'retry', reason: expect.stringMatching(/^Stored by the previous version of GHL Sidebar/) });
    expect(await worker.outbox.counts()).toMatchObject({ failed: 1 });

    await worker.outbox.retry('old-1'); // Retry in the activity log
    await settled(worker.outbox);
    expect((await recordOf(worker.outbox, held)).state).toBe('done');
    expect((await sandboxContact(world.sandbox, contactId))!.contact.tags).toContain('from-before');
  });
});
