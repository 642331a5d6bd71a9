// The ledger: for every item the background stores in storage.local and later acts on (what it
// sends, and where), the fingerprint (digest.ts) of the value it stored, kept in the extension's
// IndexedDB (idb.ts), which content scripts and pages cannot reach. storage.local itself is open
// to content scripts (Firefox has no switch to close it; Chrome's setAccessLevel closes it, see
// access.ts), so a value read back counts only when the ledger vouches for it: a record planted,
// changed, moved to another key or put back after it was replaced (an older copy) is "unknown".
//
// Writing an item is two steps around the storage write, so that a worker stopped at any point
// never finds its own item unknown: first the new fingerprint is added beside the current one
// (both vouched for), then the value is stored, then the old fingerprint goes. Removing: the
// storage item first, then its entry (a leftover entry vouches for nothing that is there).
//
// The first time a version with the ledger starts, the ledger is empty. If the extension was in
// use before (the vault's key is in IndexedDB: only the extension itself can have put it there),
// everything in storage.local at that moment is adopted: vouched for, marked "adopted", so that
// the outbox holds the writes it adopts for the user to confirm rather than sending them
// (queue.ts). Otherwise (a new install, or after "Forget everything") nothing is adopted.
import { get as idbGet, promisifyRequest, type UseStore } from 'idb-keyval';
import { digestOf } from './digest';
import { VAULT_DB, hasIndexedDb, ledgerStore, vaultStore } from './idb';

interface Entry {
  /** fingerprints vouched for: the stored value's, and while a write is going on, the next one's */
  d: string[];
  /** stored by the version before the ledger, adopted at the first start */
  adopted?: boolean;
}

export interface LedgerState {
  v: 1;
  /** when this ledger was started */
  since: number;
  /** when the items of the previous version were adopted (if they were) */
  adoptedAt?: number;
}

/** Where the ledger is kept: the extension's IndexedDB, or memory (tests under Node). */
export interface LedgerStore {
  read(): Promise<{ state?: LedgerState; entries: Map<string, Entry> }>;
  /** One transaction: these entries put, those removed, the state (if given) written. */
  write(put: Array<[string, Entry]>, remove: string[], state?: LedgerState): Promise<void>;
  clear(): Promise<void>;
}

const STATE_KEY = '@ledger';

export function idbLedgerStore(store: UseStore = ledgerStore()): LedgerStore {
  return {
    read: () =>
      store('readonly', async (s) => {
        const [keys, values] = await Promise.all([promisifyRequest(s.getAllKeys()), promisifyRequest(s.getAll())]);
        const entries = new Map<string, Entry>();
        let state: LedgerState | undefined;
        keys.forEach((key, i) => {
          if (key === STATE_KEY) state = values[i] as LedgerState;
          else entries.set(String(key), values[i] as Entry);
        });
        return { state, entries };
      }),
    write: (put, remove, state) =>
      store('readwrite', (s) => {
        for (const [key, entry] of put) s.put(entry, key);
        for (const key of remove) s.delete(key);
        if (state) s.put(state, STATE_KEY);
        return promisifyRequest(s.transaction);
      }),
    clear: () => store('readwrite', (s) => (s.clear(), promisifyRequest(s.transaction))),
  };
}

export function memoryLedgerStore(): LedgerStore {
  let state: LedgerState | undefined;
  const entries = new Map<string, Entry>();
  const copy = (e: Entry): Entry => ({ ...e, d: [...e.d] });
  return {
    read: async () => ({ state, entries: new Map([...entries].map(([k, e]) => [k, copy(e)])) }),
    write: async (put, remove, next) => {
      for (const [key, entry] of put) entries.set(key, copy(entry));
      for (const key of remove) entries.delete(key);
      if (next) state = next;
    },
    clear: async () => {
      state = undefined;
      entries.clear();
    },
  };
}

/** Whether a version before the ledger was in use here: it left the vault's key in IndexedDB. */
export async function vaultKeyExists(): Promise<boolean> {
  if (!hasIndexedDb()) return false;
  return (await idbGet(VAULT_DB.key, vaultStore())) !== undefined;
}

export type Verdict = 'ours' | 'adopted' | 'unknown';

export interface LedgerOptions {
  store: LedgerStore;
  /** everything in storage.local (keys without `local:`), for the adoption at the first start */
  snapshot: () => Promise<Record<string, unknown>>;
  /** true when a version before the ledger was in use (its items are adopted at the first start) */
  previousVersionLeftData?: () => Promise<boolean>;
  /** Runs before the ledger is first read (storage closed to content scripts first: access.ts). */
  beforeLoad?: () => Promise<unknown>;
  now?: () => number;
  log?: (line: string) => void;
}

/** Most fingerprints kept per item: the stored one and the ones of writes not confirmed yet. */
const MAX_PENDING = 4;

export function createLedger(opts: LedgerOptions) {
  const now = opts.now ?? Date.now;
  const log = opts.log ?? ((line: string) => console.warn(line));
  let loading: Promise<Map<string, Entry>> | undefined;

  const load = () =>
    (loading ??= (async () => {
      await opts.beforeLoad?.();
      const { state, entries } = await opts.store.read();
      if (state) return entries;
      const adopt = (await opts.previousVersionLeftData?.()) ?? false;
      const put: Array<[string, Entry]> = [];
      if (adopt) {
        for (const [key, value] of Object.entries(await opts.snapshot())) put.push([`local:${key}`, { d: [await digestOf(`local:${key}`, value)], adopted: true }]);
      }
      await opts.store.write(put, [], { v: 1, since: now(), ...(adopt ? { adoptedAt: now() } : {}) });
      if (adopt) log(`Trust: adopted ${put.length} items stored by the previous version`);
      return new Map([...entries, ...put]);
    })().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));

  return {
    /** Loads the ledger (and adopts the previous version's items at the first start). */
    ready: async (): Promise<void> => void (await load()),

    /** Does the ledger vouch for `value` stored under `key` (a `local:` key)? */
    async verdict(key: string, value: unknown): Promise<Verdict> {
      const entry = (await load()).get(key);
      if (!entry) return 'unknown';
      const digest = await digestOf(key, value);
      if (!entry.d.includes(digest)) return 'unknown';
      return entry.adopted ? 'adopted' : 'ours';
    },

    /** Step 1 of a write: vouches for the new values too. Resolves once that is kept; gives their fingerprints. */
    async willStore(items: Array<[string, unknown]>): Promise<string[]> {
      const entries = await load();
      const digests = await Promise.all(items.map(([key, value]) => digestOf(key, value)));
      const put = items.map(([key], i): [string, Entry] => {
        const old = entries.get(key)?.d ?? [];
        const entry = { d: [...old.filter((d) => d !== digests[i]), digests[i]!].slice(-MAX_PENDING) };
        entries.set(key, entry);
        return [key, entry];
      });
      await opts.store.write(put, []);
      return digests;
    },

    /** Step 2, once the values are stored: only they are vouched for. */
    async stored(items: Array<[string, string]>): Promise<void> {
      const entries = await load();
      const put: Array<[string, Entry]> = [];
      for (const [key, digest] of items) {
        const entry = entries.get(key);
        if (!entry?.d.includes(digest) || entry.d.length === 1) continue;
        const only = { d: [digest] };
        entries.set(key, only);
        put.push([key, only]);
      }
      if (put.length) await opts.store.write(put, []).catch((e: unknown) => log(`Trust: could not settle the ledger: ${String(e)}`));
    },

    /** After the items were removed from storage: nothing is vouched for under their keys. */
    async removed(keys: string[]): Promise<void> {
      const entries = await load();
      const gone = keys.filter((key) => entries.delete(key));
      if (gone.length) await opts.store.write([], gone).catch((e: unknown) => log(`Trust: could not settle the ledger: ${String(e)}`));
    },

    /** "Forget everything": an empty ledger that adopts nothing, as after a new install. */
    async reset(): Promise<void> {
      await opts.store.clear();
      await opts.store.write([], [], { v: 1, since: now() });
      loading = Promise.resolve(new Map());
    },
  };
}

export type Ledger = ReturnType<typeof createLedger>;
