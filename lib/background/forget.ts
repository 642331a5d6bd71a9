// "Forget everything": every connection signed out (tokens and secrets gone), the vault's key
// deleted, pending writes, caches and settings cleared, site access and scripts given back.
// Afterwards the extension is as it was when first installed.
import { browser } from 'wxt/browser';
import { idbKeyStore, type KeyStore, type Session } from '../auth';
import { patternOf, registerSiteScripts } from './sites';

export interface ForgetDeps {
  session: Session;
  keyStore?: KeyStore;
  /** origins the user enabled, whose optional permissions are given back */
  enabledOrigins: string[];
}

export async function forgetEverything({ session, keyStore = idbKeyStore(), enabledOrigins }: ForgetDeps): Promise<void> {
  for (const connection of await session.list()) await session.signOut(connection.id);
  await registerSiteScripts([]); // unregisters the scripts of enabled sites
  if (enabledOrigins.length) {
    await browser.permissions.remove({ origins: enabledOrigins.map(patternOf) }).catch(() => false);
  }
  await Promise.all([browser.storage.local.clear(), browser.storage.session.clear(), browser.storage.sync.clear()]);
  await browser.alarms.clearAll();
  await keyStore.clear();
}
