// The background: holds the session, answers the pages' messages, sends the outbox's writes (also
// after the worker restarted), opens the sidebar, registers the content script on the sites the
// user enabled, and listens for the shortcuts and the context menu.
import { browser } from 'wxt/browser';
import { createSession } from '@/lib/auth';
import { createHandlers, forgetClosedTabs, listenForContextMenu, listenForShortcuts, locationServices, registerHandlers } from '@/lib/background';
import { watchOutbox } from '@/lib/outbox';
import { registerSiteScripts } from '@/lib/sites';
import { readSettings } from '@/lib/storage';

export default defineBackground(() => {
  const session = createSession();
  const services = locationServices(session);
  registerHandlers(createHandlers(session, services), { id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') });
  browser.alarms.onAlarm.addListener((alarm) => void services.outbox.handleAlarm(alarm));
  watchOutbox(services.outbox);
  void services.outbox.resume().catch((e: unknown) => console.warn('Could not resume the outbox:', e));
  forgetClosedTabs(services);
  listenForShortcuts();
  listenForContextMenu();
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
