// Wiring: the shortcuts (`commands` in wxt.config.ts) open the sidebar in the window the user is in
// and ask it to focus its tag box (quick tag) or its search box (find). The open call comes first,
// inside the shortcut's user gesture, as both browsers require; the sidebar reacts to
// `quickTagItem` / `findAskItem` (also when it opens). The browser's own shortcuts, not keys read
// by the sidebar, because they work from the page the user is on, with the sidebar closed.
import { browser } from 'wxt/browser';
import { FIND_COMMAND, findAskItem, quickTagItem } from '../protocol';

export const QUICK_TAG_COMMAND = 'quick-tag';

type SidePanelApi = { open(o: { windowId: number }): Promise<void> };
type SidebarActionApi = { open(): Promise<void> };

export function openSidebar(windowId: number | undefined): Promise<void> {
  const api = browser as unknown as { sidePanel?: SidePanelApi; sidebarAction?: SidebarActionApi };
  if (api.sidePanel && windowId != null) return api.sidePanel.open({ windowId }); // Chrome
  if (api.sidebarAction) return api.sidebarAction.open(); // Firefox
  return Promise.resolve();
}

/** Answers a shortcut; resolves once the sidebar has been told to focus its tag box. */
export async function onCommand(command: string, tab?: { windowId?: number }): Promise<void> {
  if (command !== QUICK_TAG_COMMAND && command !== FIND_COMMAND) return;
  await openSidebar(tab?.windowId).catch(() => undefined); // called before any other await
  if (command === FIND_COMMAND) await findAskItem().setValue({ at: Date.now(), kind: 'focus' });
  else await quickTagItem().setValue({ at: Date.now() });
}

export function listenForShortcuts(): void {
  browser.commands.onCommand.addListener((command, tab) => void onCommand(command, tab));
}
