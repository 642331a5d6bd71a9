// Wiring: "Find in HighLevel" and "Add to HighLevel" in the browser's context menu, on a selected
// text and on a mailto:, tel: or LinkedIn profile link. The browser hands the selection or the
// link to the extension (`contextMenus` in Chrome, `menus` in Firefox: no host permission, nothing
// injected). The click opens the sidebar first, inside the click's user gesture as both browsers
// require, then tells it what to look up or pre-fill (`findAskItem`); nothing is sent to HighLevel
// until the user acts in the sidebar. lib/find reads the selection as detection reads a value.
import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import { readSelection } from '../find';
import { findAskItem, type FindAsk } from '../protocol';
import { openSidebar } from './shortcut';

/** The items: find or add, on a selection or on a link (each its own item: a link pattern would also filter selections). */
export const MENU_ITEMS = {
  'find-selection': { kind: 'find', context: 'selection' },
  'add-selection': { kind: 'add', context: 'selection' },
  'find-link': { kind: 'find', context: 'link' },
  'add-link': { kind: 'add', context: 'link' },
} as const;
type MenuId = keyof typeof MENU_ITEMS;
const isMenuId = (id: string | number): id is MenuId => typeof id === 'string' && id in MENU_ITEMS;
/** The links offered: emails, phone numbers and LinkedIn profiles. */
const LINKS = ['mailto:*', 'tel:*', 'https://*.linkedin.com/in/*', 'https://linkedin.com/in/*'];

interface MenuClick {
  menuItemId: string | number;
  selectionText?: string;
  linkUrl?: string;
  pageUrl?: string;
}
type CreateProperties = { id: string; title: string; contexts: string[]; targetUrlPatterns?: string[] };
interface MenusApi {
  create(props: CreateProperties, done?: () => void): unknown;
  removeAll(): Promise<void>;
  onClicked: { addListener(listener: (info: MenuClick, tab?: { windowId?: number }) => void): void };
}

/** Firefox names the API `menus` (its least permission), Chrome `contextMenus`. */
const menusApi = (): MenusApi | undefined => {
  const api = browser as unknown as { menus?: MenusApi; contextMenus?: MenusApi };
  return api.menus ?? api.contextMenus;
};

/** What the sidebar is asked for a click on one of the items. */
export function askFor(info: MenuClick & { menuItemId: MenuId }, at = Date.now()): FindAsk {
  const { kind, context } = MENU_ITEMS[info.menuItemId];
  const fromLink = context === 'link';
  const read = readSelection(fromLink ? info.linkUrl : info.selectionText, fromLink ? 'link' : 'selection');
  let site: string | undefined;
  try {
    site = info.pageUrl ? new URL(info.pageUrl).hostname || undefined : undefined;
  } catch {
    site = undefined;
  }
  if (!read.ok) return { at, kind: 'focus', notice: read.notice };
  return { at, kind, query: read.read.query, person: read.read.person, ...(site ? { site } : {}), ...(read.read.notice ? { notice: read.read.notice } : {}) };
}

/** Answers a click: the sidebar opens (first, in the gesture), then is told what to do. */
export async function onMenuClick(info: MenuClick, tab?: { windowId?: number }): Promise<void> {
  const id = info.menuItemId;
  if (!isMenuId(id)) return;
  const opened = openSidebar(tab?.windowId).catch(() => undefined); // before any await
  await findAskItem().setValue(askFor({ ...info, menuItemId: id }));
  await opened;
}

function create(menus: MenusApi, props: CreateProperties): Promise<void> {
  return new Promise((resolve, reject) => {
    menus.create(props, () => {
      const error = (browser.runtime as { lastError?: { message?: string } }).lastError;
      if (error) reject(new Error(error.message));
      else resolve();
    });
  });
}

/** Makes the two items (again: each start of the background) and listens for their clicks. */
export function listenForContextMenu(): void {
  const menus = menusApi();
  if (!menus) return;
  menus.onClicked.addListener((info, tab) => void onMenuClick(info, tab));
  void (async () => {
    await menus.removeAll();
    for (const [id, { kind, context }] of Object.entries(MENU_ITEMS)) {
      const title = kind === 'find' ? i18n.t('find.menu.find') : i18n.t('find.menu.add');
      if (context === 'selection') await create(menus, { id, title, contexts: [context] });
      else {
        await create(menus, { id, title, contexts: [context], targetUrlPatterns: LINKS }).catch(async () => {
          // a browser that takes no mailto:/tel: pattern: offered on every link, and a link that is
          // not an email, a phone or a LinkedIn profile is answered with why in the sidebar
          await create(menus, { id, title, contexts: [context] });
        });
      }
    }
  })().catch((e: unknown) => console.warn('Could not add the context menu items:', e));
}
