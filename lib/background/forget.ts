// "Forget everything": every connection signed out (tokens and secrets gone), the vault's key
// deleted, pending writes, caches and settings cleared, site access and scripts given back.
// Afterwards the extension is as it was when first installed.
import { browser } from 'wxt/browser';
import type { Session } from '../auth';
import { patternOf, registerSiteScripts } from './sites';

export interface ForgetDeps {
  session: Session;
  /** origins the user enabled, whose optional permissions are given back */
  enabledOrigins: string[];
}

export async function forgetEverything({ session, enabledOrigins }: ForgetDeps): Promise<void> {
  await session.forgetAll(); // every connection signed out, the vault's key deleted
  await registerSiteScripts([]); // unregisters the scripts of enabled sites
  if (enabledOrigins.length) {
    await browser.permissions.remove({ origins: enabledOrigins.map(patternOf) }).catch(() => false);
  }
  await Promise.all([browser.storage.local.clear(), browser.storage.session.clear(), browser.storage.sync.clear()]);
  await browser.alarms.clearAll();
}
