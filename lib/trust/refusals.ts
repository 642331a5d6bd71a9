// What the background refused to act on, in words, for the activity log: records in storage it
// did not write (the ledger vouches for none of them), and requests that would have carried a
// token or a secret to an address the user never entered. Kept in storage.local (itself vouched
// for by the ledger), newest first, at most MAX_REFUSALS; the same refusal again within
// SAME_WITHIN_MS only moves its time.
import type { TrustedItem } from './trusted-item';

export interface Refusal {
  id: string;
  /** when it was refused (the last time, for one seen again) */
  at: number;
  /** what was refused, in words */
  what: string;
  /** why, and what happened to it, in words */
  why: string;
}

export const MAX_REFUSALS = 50;
const SAME_WITHIN_MS = 10 * 60_000;

export const isRefusalList = (value: unknown): value is Refusal[] =>
  Array.isArray(value) && value.every((r) => r && typeof r === 'object' && typeof r.id === 'string' && typeof r.at === 'number' && typeof r.what === 'string' && typeof r.why === 'string');

export function createRefusals(item: TrustedItem<Refusal[]>, opts: { now?: () => number; log?: (line: string) => void } = {}) {
  const now = opts.now ?? Date.now;
  const log = opts.log ?? ((line: string) => console.warn(line));
  let queue: Promise<unknown> = Promise.resolve();
  return {
    /** Adds a refusal to the activity log (and the background's log). */
    add(refusal: { what: string; why: string }): Promise<void> {
      log(`Refused: ${refusal.what} (${refusal.why})`);
      const next = queue.then(async () => {
        const list = await item.getValue();
        const at = now();
        const same = list.findIndex((r) => r.what === refusal.what && r.why === refusal.why && at - r.at < SAME_WITHIN_MS);
        const kept = same >= 0 ? list.filter((_, i) => i !== same) : list;
        const entry = same >= 0 ? { ...list[same]!, at } : { id: `refused-${crypto.randomUUID()}`, at, ...refusal };
        await item.setValue([entry, ...kept].slice(0, MAX_REFUSALS));
      });
      queue = next.catch((e: unknown) => log(`Could not keep a refusal: ${String(e)}`));
      return queue as Promise<void>;
    },
    /** Newest first. */
    list: (): Promise<Refusal[]> => item.getValue(),
  };
}

export type Refusals = ReturnType<typeof createRefusals>;
