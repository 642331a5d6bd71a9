// The token vault: tokens and secrets encrypted at rest with AES-GCM (256-bit key, fresh 96-bit
// IV per write, the slot name as additional data so a ciphertext cannot be moved to another slot).
// The key is a non-extractable WebCrypto key kept in the extension origin's IndexedDB (a CryptoKey
// is structured-cloneable, so IDB stores it without ever exposing its bytes); ciphertext goes to
// browser.storage.local (through WXT's storage, as every persisted item). Nothing readable ever
// lands in storage.local or storage.sync. The key itself cannot go through WXT's storage: storage.local
// holds only JSON, and a non-extractable CryptoKey is kept only by IndexedDB (structured clone).
// Honest limit: this protects against reading the profile's storage files or a storage dump, not
// against code running inside the extension itself, which can use the key as we do.
import { i18n } from '#i18n';
import { get as idbGet, update as idbUpdate, del as idbDel } from 'idb-keyval';
import * as v from 'valibot';
import { storage as wxtStorage, type WxtStorage } from 'wxt/utils/storage';
import { GhlError } from '../ghl';
import { VAULT_DB, vaultStore } from '../trust';

/** Where the single vault key lives. Tests under Node pass `memoryKeyStore()`. */
export interface KeyStore {
  load(): Promise<CryptoKey | undefined>;
  /** Stores `key` unless one is already there; returns the key that is stored (first wins). */
  saveIfAbsent(key: CryptoKey): Promise<CryptoKey>;
  clear(): Promise<void>;
}

/**
 * The part of WXT's storage the vault and the connection list use (keys `local:…`). `watch` tells
 * of changes from any context; a storage without it is never cached (see store.ts).
 */
export type AuthStorage = Pick<WxtStorage, 'getItem' | 'setItem' | 'removeItem'> & Partial<Pick<WxtStorage, 'watch'>>;

export const defaultStorage = (): AuthStorage => wxtStorage;

/** Where the key lives is lib/trust's (idb.ts): the ledger also asks whether it is there. */
const KEY_NAME = VAULT_DB.key;

export function idbKeyStore(): KeyStore {
  const store = vaultStore();
  return {
    load: () => idbGet<CryptoKey>(KEY_NAME, store),
    async saveIfAbsent(key) {
      // One readwrite transaction: two contexts creating a key at once keep the same one.
      await idbUpdate<CryptoKey>(KEY_NAME, (existing) => existing ?? key, store);
      return (await idbGet<CryptoKey>(KEY_NAME, store)) ?? key;
    },
    clear: () => idbDel(KEY_NAME, store),
  };
}

export function memoryKeyStore(): KeyStore {
  let stored: CryptoKey | undefined;
  return {
    load: async () => stored,
    saveIfAbsent: async (key) => (stored ??= key),
    clear: async () => {
      stored = undefined;
    },
  };
}

export interface Vault {
  read<S extends v.GenericSchema>(slot: string, schema: S): Promise<v.InferOutput<S> | undefined>;
  /** One storage write: whatever is in `value` lands together or not at all. */
  write(slot: string, value: unknown): Promise<void>;
  remove(slot: string): Promise<void>;
}

export const VAULT_PREFIX = 'ghlSidebar.vault.';

const SealedSchema = v.object({ v: v.literal(1), iv: v.string(), data: v.string() });

const toBase64 = (bytes: Uint8Array): string => {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
};
const fromBase64 = (text: string): Uint8Array<ArrayBuffer> => {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
};

const unreadable = () =>
  new GhlError('unauthorized', {
    userMessage: i18n.t('signIn.unreadable'),
  });

export function createVault(opts: { keyStore: KeyStore; storage?: AuthStorage }): Vault {
  const storage = opts.storage ?? defaultStorage();
  let keyPromise: Promise<CryptoKey> | undefined;

  const key = (): Promise<CryptoKey> =>
    (keyPromise ??= (async () => {
      const existing = await opts.keyStore.load();
      if (existing) return existing;
      const created = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
      return opts.keyStore.saveIfAbsent(created);
    })().catch((error: unknown) => {
      keyPromise = undefined;
      throw error;
    }));

  const additionalData = (slot: string) => new TextEncoder().encode(`ghl-sidebar:${slot}`);
  const keyOf = (slot: string) => `local:${VAULT_PREFIX}${slot}` as const;

  return {
    async read(slot, schema) {
      const stored = await storage.getItem(keyOf(slot));
      if (stored == null) return undefined;
      const sealed = v.safeParse(SealedSchema, stored);
      if (!sealed.success) throw unreadable();
      let plain: unknown;
      try {
        const bytes = await crypto.subtle.decrypt(
          { name: 'AES-GCM', iv: fromBase64(sealed.output.iv), additionalData: additionalData(slot) },
          await key(),
          fromBase64(sealed.output.data),
        );
        plain = JSON.parse(new TextDecoder().decode(bytes));
      } catch {
        throw unreadable();
      }
      const parsed = v.safeParse(schema, plain);
      if (!parsed.success) throw unreadable();
      return parsed.output;
    },

    async write(slot, value) {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const data = await crypto.subtle.encrypt(
        { name: 'AES-GCM', iv, additionalData: additionalData(slot) },
        await key(),
        new TextEncoder().encode(JSON.stringify(value)),
      );
      await storage.setItem(keyOf(slot), { v: 1, iv: toBase64(iv), data: toBase64(new Uint8Array(data)) });
    },

    async remove(slot) {
      await storage.removeItem(keyOf(slot));
    },
  };
}
