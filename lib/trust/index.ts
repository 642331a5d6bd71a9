// Trust between the extension's parts: content scripts and pages are untrusted, and so is the
// storage they can reach (storage.local). The background closes storage to content scripts where
// the browser allows it (access.ts), acts only on stored records the ledger vouches for (ledger.ts,
// in IndexedDB), reports what it refused in the activity log (refusals.ts), and sends tokens and
// secrets only to HighLevel or to addresses the user typed (destinations.ts).
import { i18n } from '#i18n';
import { storage } from 'wxt/utils/storage';
import { restrictStorageToExtension } from './access';
import { createDestinations, isOriginList, type Destinations } from './destinations';
import { hasIndexedDb } from './idb';
import { createLedger, idbLedgerStore, memoryLedgerStore, vaultKeyExists, type Ledger, type LedgerStore } from './ledger';
import { createRefusals, isRefusalList, type Refusal, type Refusals } from './refusals';
import { createTrustedItem, type ItemStorage, type TrustedItem, type TrustedItemOptions } from './trusted-item';

export { restrictStorageToExtension } from './access';
export { canonicalJson, digestOf } from './digest';
export { HIGHLEVEL_SECRET_ORIGINS, type Destinations } from './destinations';
export { VAULT_DB, hasIndexedDb, vaultStore } from './idb';
export { createLedger, idbLedgerStore, memoryLedgerStore, type Ledger, type LedgerStore, type Verdict } from './ledger';
export { MAX_REFUSALS, type Refusal, type Refusals } from './refusals';
export type { ItemStorage, TrustedItem, TrustedItemOptions } from './trusted-item';

export interface TrustOptions {
  /** Default: IndexedDB in the extension, memory under Node. */
  store?: LedgerStore;
  /** Default: WXT's storage. */
  storage?: ItemStorage & { snapshot: typeof storage.snapshot };
  /** Default: the vault's key is in IndexedDB. */
  previousVersionLeftData?: () => Promise<boolean>;
  /** Closes storage to content scripts before anything is read. Default: restrictStorageToExtension. */
  restrict?: () => Promise<unknown>;
  log?: (line: string) => void;
}

export interface Trust {
  /** Storage closed where the browser allows it, and the ledger loaded: await before reading. */
  ready(): Promise<void>;
  ledger: Ledger;
  refusals: Refusals;
  destinations: Destinations;
  /** An item read only when the ledger vouches for it (`onRefused` says why in the activity log). */
  item<T>(key: `local:${string}`, opts: TrustedItemOptions<T> & { refused?: () => { what: string; why: string } }): TrustedItem<T>;
  /** "Forget everything": a fresh ledger that vouches for nothing and adopts nothing. */
  reset(): Promise<void>;
}

export function createTrust(opts: TrustOptions = {}): Trust {
  const store = opts.store ?? (hasIndexedDb() ? idbLedgerStore() : memoryLedgerStore());
  const area = opts.storage ?? storage;
  let restricted: Promise<unknown> | undefined;
  const ledger = createLedger({
    store,
    snapshot: () => area.snapshot('local'),
    previousVersionLeftData: opts.previousVersionLeftData ?? vaultKeyExists,
    // storage is closed to content scripts before the ledger (and so anything it vouches for) is read
    beforeLoad: () => (restricted ??= (opts.restrict ?? restrictStorageToExtension)().catch(() => undefined)),
    log: opts.log,
  });
  const ready = () => ledger.ready();
  // every read and write of a trusted item waits for `ready` (the ledger's own calls load it too)
  const gated = <T>(item: TrustedItem<T>): TrustedItem<T> => ({
    getValue: async () => (await ready(), item.getValue()),
    setValue: async (value) => (await ready(), item.setValue(value)),
    removeValue: async () => (await ready(), item.removeValue()),
    watch: item.watch,
  });
  const item = <T>(key: `local:${string}`, o: TrustedItemOptions<T> & { refused?: () => { what: string; why: string } }) => {
    const { refused, ...rest } = o;
    return gated(
      createTrustedItem({ storage: area, ledger }, key, {
        ...rest,
        onRefused: refused ? () => refusals.add(refused()) : rest.onRefused,
      }),
    );
  };
  const refusals = createRefusals(item<Refusal[]>('local:trust.refusals', { fallback: [], accept: isRefusalList }), { log: opts.log });
  const destinations = createDestinations(
    item<string[]>('local:trust.destinations', {
      fallback: [],
      accept: isOriginList,
      refused: () => ({ what: i18n.t('trust.destinations'), why: i18n.t('trust.destinationsWhy') }),
    }),
    refusals,
  );
  return {
    ready,
    ledger,
    refusals,
    destinations,
    item,
    reset: () => ledger.reset(),
  };
}

let shared: Trust | undefined;
/** The extension's one trust (its ledger and lists), made when first asked for. */
export const trust = (): Trust => (shared ??= createTrust());

/**
 * A trusted item of the extension's one trust, made when first used (so that importing the module
 * that defines it touches nothing: WXT imports the entrypoints under Node while building).
 */
export function trustedItem<T>(key: `local:${string}`, opts: TrustedItemOptions<T> & { refused?: () => { what: string; why: string } }): TrustedItem<T> {
  let made: TrustedItem<T> | undefined;
  const item = () => (made ??= trust().item(key, opts));
  return {
    getValue: () => item().getValue(),
    setValue: (value) => item().setValue(value),
    removeValue: () => item().removeValue(),
    watch: (callback) => item().watch(callback),
  };
}
