// "Forget everything": every connection signed out (tokens and secrets gone), the vault's key
// deleted, pending writes, caches and settings cleared, site access and scripts given back.
// Afterwards the extension is as it was when first installed. It reaches into every part that
// keeps something (the session, the enabled sites, each storage area), so it lives beside them.
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { Session } from './auth';
import { patternOf, registerSiteScripts } from './sites';
import { trust } from './trust';

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
  await Promise.all([storage.clear('local'), storage.clear('session'), storage.clear('sync')]);
  // a fresh ledger that vouches for nothing and adopts nothing, as after a new install
  await trust().reset();
  await browser.alarms.clearAll();
}
