// The background: holds the session, answers the pages' messages, opens the sidebar, registers
// the content script on the sites the user enabled, and listens for the quick-tag shortcut.
import { browser } from 'wxt/browser';
import { createSession } from '@/lib/auth';
import { createHandlers, forgetClosedTabs } from '@/lib/background/handlers';
import { listenForQuickTag } from '@/lib/background/quick-tag';
import { registerHandlers } from '@/lib/background/router';
import { registerSiteScripts } from '@/lib/background/sites';
import { readSettings } from '@/lib/storage';

export default defineBackground(() => {
  const session = createSession();
  registerHandlers(createHandlers(session), { id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') });
  forgetClosedTabs();
  listenForQuickTag();
  void readSettings()
    .then((s) => registerSiteScripts(s.genericSites))
    .catch((e: unknown) => console.warn('Could not register the content script on enabled sites:', e));
  if (import.meta.env.BROWSER !== 'firefox') {
    // Chrome: the toolbar button opens the side panel
    const sidePanel = (browser as unknown as { sidePanel?: { setPanelBehavior(o: object): Promise<void> } }).sidePanel;
    sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);
  } else {
    // Firefox: the toolbar button toggles the sidebar (a user action, as toggle() requires)
    const firefox = browser as unknown as { sidebarAction?: { toggle(): Promise<void> } };
    browser.browserAction?.onClicked.addListener(() => void firefox.sidebarAction?.toggle());
  }
});
