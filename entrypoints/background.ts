// The background: holds the session, answers the pages' messages, opens the sidebar.
import { browser } from 'wxt/browser';
import { createSession } from '@/lib/auth';
import { createHandlers, forgetClosedTabs } from '@/lib/background/handlers';
import { registerHandlers } from '@/lib/background/router';

export default defineBackground(() => {
  const session = createSession();
  registerHandlers(createHandlers(session), { id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') });
  forgetClosedTabs();
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
