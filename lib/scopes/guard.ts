// Reads that need a scope the connection may lack: skipped when it is known missing, and learning
// from HighLevel's answer (a scope refusal marks it missing, an answer clears it).
import { isGhlError, isScopeRefusal } from '../ghl';
import type { Scope } from './catalogue';
import { learnMissing, learnPresent, scopeRecord, skips } from './knowledge';

export type Scoped<T> = { ok: true; value: T } | { ok: false; missingScope: Scope };

/** Refused because the token lacks a scope (HighLevel answers 401 "…not authorized for this scope"). */
export const isScopeError = (e: unknown) => isGhlError(e) && e.kind === 'forbidden' && isScopeRefusal(e.messages);

export async function withScope<T>(connectionId: string, scope: Scope, read: () => Promise<T>): Promise<Scoped<T>> {
  if (skips(await scopeRecord(connectionId), scope)) return { ok: false, missingScope: scope };
  try {
    const value = await read();
    void learnPresent(connectionId, scope);
    return { ok: true, value };
  } catch (e) {
    if (!isScopeError(e)) throw e;
    await learnMissing(connectionId, scope);
    return { ok: false, missingScope: scope };
  }
}
