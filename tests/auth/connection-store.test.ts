// The list of connections is read from storage once and then served from memory (the active
// connection is asked for on every message), dropped whenever the list changes in storage, from
// this context or another, so no read ever returns a list older than what storage reported.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { CONNECTIONS_KEY, connectionStore, type Connection } from '../../lib/auth/store';
import type { AuthStorage } from '../../lib/auth/vault';

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

beforeEach(() => fakeBrowser.reset());

describe('connection list in memory', () => {
  it('is read from storage once while it does not change', async () => {
    await fakeBrowser.storage.local.set({ [CONNECTIONS_KEY]: list('a', 'a', 'b') });
    const { area, reads } = countedArea();
    const store = connectionStore(area);
    for (let i = 0; i < 5; i++) expect((await store.read()).activeId).toBe('a');
    expect(reads.count).toBe(1);
  });

  it('a change written by another context is seen at the next read', async () => {
    await fakeBrowser.storage.local.set({ [CONNECTIONS_KEY]: list('a', 'a', 'b') });
    const { area, reads } = countedArea();
    const store = connectionStore(area);
    expect((await store.read()).activeId).toBe('a');
    await fakeBrowser.storage.local.set({ [CONNECTIONS_KEY]: list('b', 'a', 'b') }); // not through this store
    expect((await store.read()).activeId).toBe('b');
    expect(reads.count).toBe(2);
    await fakeBrowser.storage.local.remove(CONNECTIONS_KEY); // signed out elsewhere
    expect((await store.read()).connections).toEqual([]);
  });

  it('other keys changing do not drop it', async () => {
    await fakeBrowser.storage.local.set({ [CONNECTIONS_KEY]: list('a', 'a') });
    const { area, reads } = countedArea();
    const store = connectionStore(area);
    await store.read();
    await fakeBrowser.storage.local.set({ 'outbox:bulk:x': { v: 3 } });
    await store.read();
    expect(reads.count).toBe(1);
  });

  it('a change made through it is what the next read returns', async () => {
    await fakeBrowser.storage.local.set({ [CONNECTIONS_KEY]: list('a', 'a', 'b') });
    const store = connectionStore(countedArea().area);
    await store.read();
    await store.change((l) => ({ ...l, activeId: 'b' }));
    expect((await store.read()).activeId).toBe('b');
  });

  it('a read that started before a change in storage does not keep the older list', async () => {
    await fakeBrowser.storage.local.set({ [CONNECTIONS_KEY]: list('a', 'a', 'b') });
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
    const store = connectionStore(area);
    const early = store.read();
    await fakeBrowser.storage.local.set({ [CONNECTIONS_KEY]: list('b', 'a', 'b') });
    release();
    expect((await early).activeId).toBe('a'); // what storage held when it was asked
    expect((await store.read()).activeId).toBe('b');
  });

  it('a storage that does not report changes is read every time', async () => {
    await fakeBrowser.storage.local.set({ [CONNECTIONS_KEY]: list('a', 'a') });
    const { area, reads } = countedArea();
    const { watch: _, ...silent } = area;
    const store = connectionStore(silent);
    await store.read();
    await store.read();
    expect(reads.count).toBe(2);
  });
});
