// Wiring: how the sidebar opens. The shortcuts (`commands` in wxt.config.ts) open it in the window
// the user is in and ask it to focus its tag box (quick tag) or its search box (find); the sidebar
// reacts to `quickTagItem` / `findAskItem` (also when it opens). The browser's own shortcuts, not
// keys read by the sidebar, because they work from the page the user is on, with the sidebar closed.
// The toolbar button opens it too, and (as a click on it, it lets the extension read the address of
// that tab: `activeTab`) tells the sidebar, which can then offer "Allow on this site" for a site
// that is not a partner app. The open call comes first, inside the user's gesture, as both browsers
// require. A new install opens the options, where the user connects HighLevel.
import { browser } from 'wxt/browser';
import { FIND_COMMAND, findAskItem, quickTagItem, toolbarClickItem } from '../protocol';

export const QUICK_TAG_COMMAND = 'quick-tag';

type SidePanelApi = { open(o: { windowId: number }): Promise<void>; setPanelBehavior(o: { openPanelOnActionClick: boolean }): Promise<void> };
type SidebarActionApi = { open(): Promise<void> };
type Tab = { id?: number; windowId?: number };

const sidePanel = () => (browser as unknown as { sidePanel?: SidePanelApi }).sidePanel;
const sidebarAction = () => (browser as unknown as { sidebarAction?: SidebarActionApi }).sidebarAction;

export function openSidebar(windowId: number | undefined): Promise<void> {
  const panel = sidePanel();
  if (panel && windowId != null) return panel.open({ windowId }); // Chrome
  const sidebar = sidebarAction();
  if (sidebar) return sidebar.open(); // Firefox
  return Promise.resolve();
}

/** Answers a shortcut; resolves once the sidebar has been told to focus its tag box. */
export async function onCommand(command: string, tab?: Tab): Promise<void> {
  if (command !== QUICK_TAG_COMMAND && command !== FIND_COMMAND) return;
  await openSidebar(tab?.windowId).catch(() => undefined); // called before any other await
  if (command === FIND_COMMAND) await findAskItem().setValue({ at: Date.now(), kind: 'focus' });
  else await quickTagItem().setValue({ at: Date.now() });
}

/**
 * Answers a click on the toolbar button: opens the sidebar (an open one stays open) and tells it
 * which tab was clicked on. Chrome's own "open the side panel on a click" grants no `activeTab`,
 * so the click is handled here instead.
 */
export async function onToolbarClick(tab: Tab | undefined): Promise<void> {
  const opening = openSidebar(tab?.windowId).catch(() => undefined); // first, inside the gesture
  if (tab?.id != null) await toolbarClickItem().setValue({ tabId: tab.id, at: Date.now() });
  await opening;
}

export function listenForShortcuts(): void {
  browser.commands.onCommand.addListener((command, tab) => void onCommand(command, tab));
}

export function listenForToolbarButton(): void {
  sidePanel()?.setPanelBehavior({ openPanelOnActionClick: false }).catch(() => undefined);
  (browser.action ?? browser.browserAction)?.onClicked.addListener((tab) => void onToolbarClick(tab));
}

export function openOptionsOnInstall(): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.runtime.openOptionsPage().catch(() => undefined);
  });
}
