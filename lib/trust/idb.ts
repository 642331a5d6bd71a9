// The extension's own IndexedDB: reachable by the background and the extension's pages, never by
// a content script or a web page (it belongs to the extension's origin). What must not be
// forged or read from storage.local lives here: the vault's key (lib/auth/vault.ts) and the ledger.
import { createStore, type UseStore } from 'idb-keyval';

/** The vault's non-extractable AES-GCM key: database, store, and its one key. */
export const VAULT_DB = { name: 'ghl-sidebar-vault', store: 'keys', key: 'vault-key-v1' } as const;
/** The ledger (ledger.ts): one entry per stored item it vouches for, and its own state. */
export const LEDGER_DB = { name: 'ghl-sidebar-trust', store: 'ledger' } as const;

export const vaultStore = (): UseStore => createStore(VAULT_DB.name, VAULT_DB.store);
export const ledgerStore = (): UseStore => createStore(LEDGER_DB.name, LEDGER_DB.store);

/** IndexedDB is there (the extension); absent under Node, where tests hold everything in memory. */
export const hasIndexedDb = (): boolean => typeof indexedDB !== 'undefined';
