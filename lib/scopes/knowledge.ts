// What the extension knows of a connection's scopes, kept per connection in storage.local (no
// secret: scope names only).
// - OAuth: HighLevel's token answer names the granted scopes (`scope`); that list is the truth.
// - Private-integration tokens: HighLevel has no call that says a token's scopes. The connect check
//   probes each scope the extension uses once (probe.ts); afterwards, a read or write HighLevel
//   refuses for a scope ("The token is not authorized for this scope.") marks it missing, and a
//   read that works again (an admin added the scope) clears it. A scope marked missing is tried
//   again after RECHECK_MS, so a token given the scope later is noticed without reconnecting.
import { storage } from 'wxt/utils/storage';
import type { Scope } from './catalogue';

export interface ScopeRecord {
  /** the scopes HighLevel granted (OAuth); absent for a private-integration token */
  granted?: string[];
  /** scopes known missing, with when that was learned (ms) */
  missing: Record<string, number>;
}

export const RECHECK_MS = 10 * 60_000;

const item = storage.defineItem<Record<string, ScopeRecord>>('local:connectionScopes', { fallback: {}, version: 1 });

/** Serialised read-modify-writes (several reads may learn at once). */
let queue: Promise<unknown> = Promise.resolve();
function change(connectionId: string, edit: (r: ScopeRecord) => ScopeRecord): Promise<void> {
  const next = queue.then(async () => {
    const all = await item.getValue();
    const before = all[connectionId] ?? { missing: {} };
    const after = edit(before);
    if (JSON.stringify(after) !== JSON.stringify(before)) await item.setValue({ ...all, [connectionId]: after });
  });
  queue = next.catch(() => undefined);
  return next;
}

export async function scopeRecord(connectionId: string): Promise<ScopeRecord> {
  return (await item.getValue())[connectionId] ?? { missing: {} };
}

/** After connecting: what the token answer granted (OAuth), or what the probe found missing. */
export function rememberScopes(connectionId: string, found: { granted?: string[]; missing: string[] }, now = Date.now()): Promise<void> {
  return change(connectionId, () => ({
    ...(found.granted ? { granted: [...found.granted] } : {}),
    missing: Object.fromEntries(found.missing.map((s) => [s, now])),
  }));
}

export const learnMissing = (connectionId: string, scope: Scope, now = Date.now()) =>
  change(connectionId, (r) => ({ ...r, missing: { ...r.missing, [scope]: now } }));

export const learnPresent = (connectionId: string, scope: Scope) =>
  change(connectionId, (r) => {
    if (!(scope in r.missing)) return r;
    const { [scope]: _gone, ...missing } = r.missing;
    return { ...r, missing };
  });

export async function forgetScopes(connectionId: string): Promise<void> {
  await queue;
  const { [connectionId]: _gone, ...rest } = await item.getValue();
  await item.setValue(rest);
}

/** The scopes the connection lacks, as far as known. */
export function missingScopes(r: ScopeRecord, used: readonly string[]): string[] {
  return used.filter((s) => s in r.missing || (r.granted !== undefined && !r.granted.includes(s)));
}

/** Whether asking HighLevel for `scope` is pointless now: not granted (OAuth), or refused lately. */
export function skips(r: ScopeRecord, scope: string, now = Date.now()): boolean {
  if (r.granted !== undefined && !r.granted.includes(scope)) return true;
  const at = r.missing[scope];
  return at !== undefined && now - at < RECHECK_MS;
}
