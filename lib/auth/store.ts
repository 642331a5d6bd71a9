// The list of connections (locations) and which one is active, in browser.storage.local (through WXT's storage).
// Only what is safe to show lives here: ids, names, kinds, URLs. Tokens and client secrets are
// in the vault (see vault.ts), one encrypted slot per connection. The list says where requests
// go (base URL, token endpoint, broker, location), so it is read only when the ledger vouches
// for it (lib/trust): a list changed by anything but the background is dropped, reported in the
// activity log, and read as empty.
import { i18n } from '#i18n';
import * as v from 'valibot';
import type { Ledger, Refusals } from '../trust';
import type { AuthStorage } from './vault';

export const CONNECTIONS_KEY = 'ghlSidebar.connections';
const ITEM = `local:${CONNECTIONS_KEY}` as const;

export const ConnectionKindSchema = v.picklist(['private-token', 'oauth-app', 'oauth-broker', 'agency-location']);
export type ConnectionKind = v.InferOutput<typeof ConnectionKindSchema>;

export const ConnectionSchema = v.object({
  id: v.string(),
  kind: ConnectionKindSchema,
  baseUrl: v.string(),
  userType: v.picklist(['Location', 'Company']),
  locationId: v.optional(v.string()),
  locationName: v.optional(v.string()),
  companyId: v.optional(v.string()),
  /** Token endpoint (own marketplace app) or broker base URL. */
  tokenUrl: v.optional(v.string()),
  brokerUrl: v.optional(v.string()),
  /** For `agency-location`: the agency connection that mints this location's tokens. */
  agencyConnectionId: v.optional(v.string()),
  createdAt: v.number(),
  needsReconnect: v.optional(v.boolean()),
  /** Why, in words (what HighLevel or the token endpoint answered). */
  reconnectReason: v.optional(v.string()),
});
export type Connection = v.InferOutput<typeof ConnectionSchema>;

const ConnectionListSchema = v.object({
  version: v.literal(1),
  activeId: v.nullable(v.string()),
  connections: v.array(ConnectionSchema),
});
type ConnectionList = v.InferOutput<typeof ConnectionListSchema>;

const EMPTY: ConnectionList = { version: 1, activeId: null, connections: [] };

export interface ConnectionStore {
  read(): Promise<ConnectionList>;
  /** Read-modify-write, serialized within this context. */
  change(edit: (list: ConnectionList) => ConnectionList): Promise<ConnectionList>;
}

/**
 * Reads are served from memory once read (every message asks for the active connection), as long
 * as `storage` reports its changes: any change of the list in storage, from this context or
 * another, drops the copy, and a read that started before such a change does not keep what it
 * read. Without `watch` every read goes to storage. Changes always read storage itself.
 */
export function connectionStore(storage: AuthStorage, trust: { ledger: Ledger; refusals: Pick<Refusals, 'add'> }): ConnectionStore {
  const { ledger, refusals } = trust;
  let queue: Promise<unknown> = Promise.resolve();
  /** Changes (and dropping a list nobody vouches for) go one at a time. */
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work);
    queue = next.catch(() => undefined);
    return next;
  };
  const keeps = storage.watch !== undefined;
  let kept: ConnectionList | undefined;
  /** Counts the changes seen in storage. */
  let changes = 0;
  storage.watch?.(ITEM, () => {
    changes += 1;
    kept = undefined;
  });

  /** The stored list, if the ledger vouches for it; a list nobody vouches for is dropped (once) and reported. Inside `serial` only. */
  const readVouched = async (): Promise<ConnectionList> => {
    const raw = await storage.getItem(ITEM);
    if (raw == null) return EMPTY;
    if ((await ledger.verdict(ITEM, raw)) === 'unknown') {
      await storage.removeItem(ITEM);
      await refusals.add({ what: i18n.t('trust.connections'), why: i18n.t('trust.connectionsWhy') });
      return EMPTY;
    }
    const parsed = v.safeParse(ConnectionListSchema, raw);
    // A damaged list is treated as empty rather than crashing the worker; the vault slots of the
    // lost entries stay encrypted and unused.
    return parsed.success ? parsed.output : EMPTY;
  };
  /** Reads without waiting for changes; only a list nobody vouches for goes through `serial`. */
  const readStored = async (): Promise<ConnectionList> => {
    await ledger.ready(); // storage closed to content scripts first (lib/trust)
    const raw = await storage.getItem(ITEM);
    if (raw != null && (await ledger.verdict(ITEM, raw)) === 'unknown') return serial(readVouched);
    if (raw == null) return EMPTY;
    const parsed = v.safeParse(ConnectionListSchema, raw);
    return parsed.success ? parsed.output : EMPTY;
  };
  return {
    async read() {
      if (kept) return kept;
      const seen = changes;
      const list = await readStored();
      if (keeps && seen === changes) kept = list;
      return list;
    },
    change(edit) {
      return serial(async () => {
        const updated = edit(await readVouched());
        // reads during the write do not keep what they find; after it, the written list is kept
        changes += 1;
        kept = undefined;
        const [digest] = await ledger.willStore([[ITEM, updated]]);
        await storage.setItem(ITEM, updated);
        await ledger.stored([[ITEM, digest!]]);
        changes += 1;
        if (keeps) kept = updated;
        return updated;
      });
    },
  };
}
