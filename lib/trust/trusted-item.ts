// One item of storage.local the background acts on (the settings, the hand links, the addresses
// the user typed), read only when the ledger vouches for it: an item written by anything but the
// background (a content script, on Firefox or before Chrome's access level is set) is dropped
// from storage, reported in the activity log (refusals.ts), and read as its fallback.
// Writes of one item go one at a time (the ledger's two steps around each).
import type { WxtStorage } from 'wxt/utils/storage';
import type { Ledger } from './ledger';

/** The part of WXT's storage trusted items use. */
export type ItemStorage = Pick<WxtStorage, 'getItem' | 'setItem' | 'removeItem' | 'watch'>;

export interface TrustedItem<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  removeValue(): Promise<void>;
  /** Called when the stored item changes (from any context): read it again with getValue. */
  watch(callback: () => void): () => void;
}

export interface TrustedItemOptions<T> {
  fallback: T;
  /** A value read back (and vouched for) that does not fit is read as the fallback too. */
  accept?: (value: unknown) => value is T;
  /** Tells of an item the ledger does not vouch for, in words; it was removed. */
  onRefused?: (value: unknown) => Promise<void> | void;
}

export function createTrustedItem<T>(deps: { storage: ItemStorage; ledger: Ledger }, key: `local:${string}`, opts: TrustedItemOptions<T>): TrustedItem<T> {
  const { storage, ledger } = deps;
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <R>(work: () => Promise<R>): Promise<R> => {
    const next = queue.then(work);
    queue = next.catch(() => undefined);
    return next;
  };
  const fallback = () => structuredClone(opts.fallback);

  return {
    async getValue() {
      const accepted = (raw: unknown) => (opts.accept && !opts.accept(raw) ? fallback() : (raw as T));
      const raw = await storage.getItem<unknown>(key);
      if (raw == null) return fallback();
      if ((await ledger.verdict(key, raw)) !== 'unknown') return accepted(raw);
      // read while a write replaced it, or not stored by the background: look again, between writes
      return serial(async () => {
        const again = await storage.getItem<unknown>(key);
        if (again == null) return fallback();
        if ((await ledger.verdict(key, again)) !== 'unknown') return accepted(again);
        // not stored by the background: never acted on; dropped, so it is reported once
        await storage.removeItem(key);
        await opts.onRefused?.(again);
        return fallback();
      });
    },
    setValue: (value) =>
      serial(async () => {
        const [digest] = await ledger.willStore([[key, value]]);
        await storage.setItem(key, value);
        await ledger.stored([[key, digest!]]);
      }),
    removeValue: () =>
      serial(async () => {
        await storage.removeItem(key);
        await ledger.removed([key]);
      }),
    watch: (callback) => storage.watch(key, () => callback()),
  };
}
