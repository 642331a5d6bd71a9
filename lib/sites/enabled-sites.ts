// Sites beyond the partner apps: the user enables one from the sidebar (the page asks the
// optional host permission from the click), the background registers the content script for that
// origin — again at every start of the background — and "Disable" unregisters it and drops the
// permission. `scripting.registerContentScripts` serves both builds (Chrome MV3, Firefox 102+ MV2).
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { adapterFor } from '../detect';
import { DETECTOR_SCRIPT } from '../hosts';
import { UserFacingError, invalidInput, tabPeopleItem, type TabSite } from '../protocol';
import { readSettings, updateSettings } from '../storage';

const ID_PREFIX = 'site:';

export const patternOf = (origin: string) => `${origin}/*`;

/** `https://host[:port]` of a web address, or undefined for anything else. */
export function webOrigin(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.origin : undefined;
  } catch {
    return undefined;
  }
}

/** Makes the registered content scripts exactly one per enabled origin. */
export async function registerSiteScripts(origins: string[]): Promise<void> {
  const scripting = browser.scripting;
  const ours = (await scripting.getRegisteredContentScripts()).map((s) => s.id).filter((id) => id.startsWith(ID_PREFIX));
  if (ours.length) await scripting.unregisterContentScripts({ ids: ours });
  const granted = [];
  for (const origin of origins) {
    if (await browser.permissions.contains({ origins: [patternOf(origin)] })) granted.push(origin);
  }
  if (!granted.length) return;
  await scripting.registerContentScripts(
    granted.map((origin) => ({
      id: `${ID_PREFIX}${origin}`,
      js: [DETECTOR_SCRIPT],
      matches: [patternOf(origin)],
      runAt: 'document_idle' as const,
      persistAcrossSessions: false, // registered again at every start, from settings.genericSites
    })),
  );
}

export async function enableSite(origin: string): Promise<void> {
  const clean = webOrigin(origin);
  if (!clean) throw invalidInput(i18n.t('errors.onlyWebSites'));
  if (!(await browser.permissions.contains({ origins: [patternOf(clean)] }))) {
    throw new UserFacingError({
      kind: 'no-site-access',
      message: i18n.t('errors.noSiteAccess', [new URL(clean).host]),
      action: 'grant-access',
    });
  }
  const settings = await readSettings();
  const genericSites = [...new Set([...settings.genericSites, clean])];
  await updateSettings({ genericSites });
  await registerSiteScripts(genericSites);
}

export async function disableSite(origin: string): Promise<void> {
  const settings = await readSettings();
  const genericSites = settings.genericSites.filter((o) => o !== origin);
  await updateSettings({ genericSites });
  await registerSiteScripts(genericSites);
  await browser.permissions.remove({ origins: [patternOf(origin)] }).catch(() => false);
}

async function readableUrl(tabId: number): Promise<string | undefined> {
  try {
    return (await browser.tabs.get(tabId)).url;
  } catch {
    return undefined; // the tab is gone
  }
}

/**
 * The site of a tab: from what its content script reported, else from the tab itself (readable
 * when the user opened the sidebar on it from the toolbar or the shortcut: `activeTab`).
 */
export async function tabSite(tabId: number): Promise<TabSite> {
  let url = (await tabPeopleItem(tabId).getValue())?.url;
  if (!url) url = await readableUrl(tabId);
  if (!url) return { status: 'unknown' };
  const origin = webOrigin(url);
  if (!origin) return { status: 'unsupported' };
  const settings = await readSettings();
  const partner = adapterFor(url);
  if (partner) return { origin, status: settings.disabledPartners.includes(partner.id) ? 'partner-off' : 'partner' };
  return { origin, status: settings.genericSites.includes(origin) ? 'enabled' : 'available' };
}
