// When detection finds nobody, in Chromium: search by name → the record → a tag added; someone not
// in GHL created from the pre-filled, corrected form; the search with no web page to follow; the
// context menu's items made (Find in / Add to HighLevel, on a selection and on a link).
import { describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/browsers';
import { contextMenuAsks, correctBeforeCreating, createFromSearch, pickOnPage, searchByNameAndTag, searchWithNoTab, sidebarOnNobody, teachThisSite } from './find-steps';
import { sandboxAndBrowser } from './setup';

const world = sandboxAndBrowser(launchChromium);

describe('Chromium: when the sidebar finds nobody', () => {
  it('searches by name, opens the record and adds a tag; creates someone not in GHL from the corrected form', { timeout: 120_000 }, async () => {
    const sidebar = await sidebarOnNobody(world.eb, world.sandbox);
    await searchByNameAndTag(world.sandbox, sidebar, 'Chromium');
    await createFromSearch(world.sandbox, sidebar, 'Chromium');
  });

  it('corrects detected people before creating them: created as corrected, or matched by the corrected values', { timeout: 120_000 }, async () => {
    await correctBeforeCreating(world.eb, world.sandbox, 'Chromium');
  });

  it('picks a person on the page: Esc cancels; a card read, corrected and created', { timeout: 120_000 }, async () => {
    await pickOnPage(world.eb, world.sandbox, 'Chromium');
  });

  it('teaches a site from a pick: its other cards listed, after a reload too; a page without them says so; forgotten in the options', { timeout: 120_000 }, async () => {
    await teachThisSite(world.eb, world.sandbox, 'Chromium');
  });

  it('acts on what a right-click hands it: a selected email looked up, a tel: link in the form, a refused selection explained', { timeout: 60_000 }, async () => {
    await contextMenuAsks(world.eb);
  });

  it('searches with no web page to follow', { timeout: 60_000 }, async () => {
    await searchWithNoTab(world.eb);
  });

  it('has made its four context menu items', { timeout: 30_000 }, async () => {
    const page = await world.eb.openExtensionPage('sidepanel.html');
    const made = await page.evaluate(async () => {
      const menus = (globalThis as unknown as { chrome: { contextMenus: { update(id: string, p: object): Promise<void> } } }).chrome.contextMenus;
      const ids = ['find-selection', 'add-selection', 'find-link', 'add-link', 'not-an-item'];
      return Promise.all(ids.map((id) => menus.update(id, {}).then(() => true, () => false)));
    });
    expect(made).toEqual([true, true, true, true, false]);
  });
});
