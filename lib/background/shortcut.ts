// Wiring: the quick-tag shortcut (`commands` in wxt.config.ts) opens the sidebar in the window the
// user is in and asks it to focus its tag box. The open call comes first, inside the shortcut's user
// gesture, as both browsers require; the sidebar reacts to `quickTagItem` (also when it opens).
import { browser } from 'wxt/browser';
import { quickTagItem } from '../protocol';

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
  if (command !== QUICK_TAG_COMMAND) return;
  await openSidebar(tab?.windowId).catch(() => undefined); // called before any other await
  await quickTagItem().setValue({ at: Date.now() });
}

export function listenForQuickTag(): void {
  browser.commands.onCommand.addListener((command, tab) => void onCommand(command, tab));
}
