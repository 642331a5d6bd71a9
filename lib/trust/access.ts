// Storage only for the extension itself: Chrome lets the background close storage.local and
// storage.sync to content scripts (storage.session is closed to them already), with
// `setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' })`; a content script asking for them then
// gets "Access to storage is not allowed from this context.". Seen in Chromium 156: local, sync
// and session all accept it, and the level set stays across browser restarts; it is set again at
// every start anyway (cheap, and a new install has it only from its first start on). Firefox (153
// ESR) has no setAccessLevel: its content scripts read and write storage.local (and have no
// storage.session); the ledger (ledger.ts) is what protects the background there, and on both.
import { browser } from 'wxt/browser';

type Area = { setAccessLevel?: (options: { accessLevel: 'TRUSTED_CONTEXTS' }) => Promise<void> };
type StorageApi = Partial<Record<'local' | 'session' | 'sync', Area>>;

/** Closes the areas that have the switch; returns the names of those it closed. */
export async function restrictStorageToExtension(
  api: StorageApi | undefined = (globalThis as { chrome?: { storage?: StorageApi } }).chrome?.storage ?? (browser?.storage as StorageApi | undefined),
  log: (line: string) => void = (line) => console.warn(line),
): Promise<string[]> {
  const closed: string[] = [];
  for (const name of ['local', 'session', 'sync'] as const) {
    const area = api?.[name];
    if (typeof area?.setAccessLevel !== 'function') continue;
    try {
      await area.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
      closed.push(name);
    } catch (error) {
      log(`Trust: could not close storage.${name} to content scripts: ${String(error)}`);
    }
  }
  return closed;
}
