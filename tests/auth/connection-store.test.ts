// The list of connections is read from storage once and then served from memory (the active
// connection is asked for on every message), dropped whenever the list changes in storage, from
// this context or another, so no read ever returns a list older than what storage reported.
// It is read only when the ledger vouches for it: a list written by anything but the background
// (a content script on Firefox) is dropped, reported, and read as empty.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { CONNECTIONS_KEY, connectionStore, type Connection } from '../../lib/auth/store';
import type { AuthStorage } from '../../lib/auth/vault';
import { createTrust, memoryLedgerStore, type Trust } from '../../lib/trust';

const conn = (id: string): Connection => ({ id, kind: 'private-token', baseUrl: 'https://api.test', userType: 'Location', locationId: `loc-${id}`, createdAt: 1 });
const list = (activeId: string, ...ids: string[]) => ({ version: 1 as const, activeId, connections: ids.map(conn) });

/** WXT's storage over browser.storage.local (fake), counting the reads of the list. */
function countedArea() {
  const reads = { count: 0 };
  const area: AuthStorage = {
    getItem: ((key: `local:${string}`) => {
      if (key === `local:${CONNECTIONS_KEY}`) reads.count += 1;
      return storage.getItem(key);
    }) as AuthStorage['getItem'],
    setItem: storage.setItem,
    removeItem: storage.removeItem,
    watch: storage.watch,
  };
  return { area, reads };
}

let trust: Trust;
beforeEach(() => {
  fakeBrowser.reset();
  trust = createTrust({ store: memoryLedgerStore(), restrict: async () => undefined });
});

/** The list as the background stores it (another worker of the extension, or an earlier one): vouched for by the ledger. */
async function storedByTheBackground(value: unknown) {
  const key = `local:${CONNECTIONS_KEY}`;
  const [digest] = await trust.ledger.willStore([[key, value]]);
  await fakeBrowser.storage.local.set({ [CONNECTIONS_KEY]: value });
  await trust.ledger.stored([[key, digest!]]);
}

describe('connection list in memory', () => {
  it('is read from storage once while it does not change', async () => {
    await storedByTheBackground(list('a', 'a', 'b'));
    const { area, reads } = countedArea();
    const store = connectionStore(area, trust);
    for (let i = 0; i < 5; i++) expect((await store.read()).activeId).toBe('a');
    expect(reads.count).toBe(1);
  });

  it('a change written by another context is seen at the next read', async () => {
    await storedByTheBackground(list('a', 'a', 'b'));
    const { area, reads } = countedArea();
    const store = connectionStore(area, trust);
    expect((await store.read()).activeId).toBe('a');
    await storedByTheBackground(list('b', 'a', 'b')); // not through this store
    expect((await store.read()).activeId).toBe('b');
    expect(reads.count).toBe(2);
    await fakeBrowser.storage.local.remove(CONNECTIONS_KEY); // signed out elsewhere
    expect((await store.read()).connections).toEqual([]);
  });

  it('other keys changing do not drop it', async () => {
    await storedByTheBackground(list('a', 'a'));
    const { area, reads } = countedArea();
    const store = connectionStore(area, trust);
    await store.read();
    await fakeBrowser.storage.local.set({ 'outbox:bulk:x': { v: 3 } });
    await store.read();
    expect(reads.count).toBe(1);
  });

  it('a change made through it is what the next read returns', async () => {
    await storedByTheBackground(list('a', 'a', 'b'));
    const store = connectionStore(countedArea().area, trust);
    await store.read();
    await store.change((l) => ({ ...l, activeId: 'b' }));
    expect((await store.read()).activeId).toBe('b');
  });

  it('a read that started before a change in storage does not keep the older list', async () => {
    await storedByTheBackground(list('a', 'a', 'b'));
    const { area: counted } = countedArea();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // the first read gets its answer (the old list) only after the list changed in storage
    const area: AuthStorage = {
      ...counted,
      getItem: (async (key: `local:${string}`) => {
        const answer = await counted.getItem(key);
        await held;
        return answer;
      }) as AuthStorage['getItem'],
    };
    const store = connectionStore(area, trust);
    const early = store.read();
    await storedByTheBackground(list('b', 'a', 'b'));
    release();
    // what storage held when it was asked, or (the ledger no longer vouching for that older copy) the newer list
    expect(['a', 'b']).toContain((await early).activeId);
    expect((await store.read()).activeId).toBe('b');
  });

  it('a storage that does not report changes is read every time', async () => {
    await storedByTheBackground(list('a', 'a'));
    const { area, reads } = countedArea();
    const { watch: _, ...silent } = area;
    const store = connectionStore(silent, trust);
    await store.read();
    await store.read();
    expect(reads.count).toBe(2);
  });

  it('a list the background did not store is not used: dropped, reported, read as empty', async () => {
    await storedByTheBackground(list('a', 'a'));
    const store = connectionStore(countedArea().area, trust);
    expect((await store.read()).connections.map((c) => c.id)).toEqual(['a']);
    // rewritten from outside the background: its token endpoint now points elsewhere
    const rewritten = list('a', 'a');
    rewritten.connections[0] = { ...rewritten.connections[0]!, kind: 'oauth-app', tokenUrl: 'https://collector.example/token' };
    await fakeBrowser.storage.local.set({ [CONNECTIONS_KEY]: rewritten });
    expect(await store.read()).toEqual({ version: 1, activeId: null, connections: [] });
    expect(await fakeBrowser.storage.local.get(CONNECTIONS_KEY)).toEqual({}); // dropped
    expect(await trust.refusals.list()).toMatchObject([{ what: 'The list of connected locations', why: expect.stringMatching(/changed outside GHL Sidebar/) }]);
    // an older copy put back is not vouched for either, once a newer one was stored
    await store.change((l) => ({ ...l, connections: [conn('b')], activeId: 'b' }));
    await fakeBrowser.storage.local.set({ [CONNECTIONS_KEY]: list('a', 'a') });
    expect((await store.read()).connections).toEqual([]);
    expect(await trust.refusals.list()).toHaveLength(1); // the same refusal again, within minutes: one entry
  });
});
