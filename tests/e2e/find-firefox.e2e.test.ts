// When detection finds nobody, in Firefox ESR: search by name → the record → a tag added; someone
// not in GHL created from the pre-filled, corrected form; the search with no web page to follow.
import { describe, it } from 'vitest';
import { launchFirefox } from '../../scripts/lib/browsers';
import { contextMenuAsks, correctBeforeCreating, createFromSearch, pickOnPage, searchByNameAndTag, searchWithNoTab, sidebarOnNobody, teachThisSite } from './find-steps';
import { sandboxAndBrowser } from './setup';

const world = sandboxAndBrowser(launchFirefox);

describe('Firefox: when the sidebar finds nobody', () => {
  it('searches by name, opens the record and adds a tag; creates someone not in GHL from the corrected form', { timeout: 120_000 }, async () => {
    const sidebar = await sidebarOnNobody(world.eb, world.sandbox);
    await searchByNameAndTag(world.sandbox, sidebar, 'Firefox');
    await createFromSearch(world.sandbox, sidebar, 'Firefox');
  });

  it('corrects detected people before creating them: created as corrected, or matched by the corrected values', { timeout: 120_000 }, async () => {
    await correctBeforeCreating(world.eb, world.sandbox, 'Firefox');
  });

  it('picks a person on the page: Esc cancels; a card read, corrected and created', { timeout: 120_000 }, async () => {
    await pickOnPage(world.eb, world.sandbox, 'Firefox');
  });

  it('teaches a site from a pick: its other cards listed, after a reload too; a page without them says so; forgotten in the options', { timeout: 120_000 }, async () => {
    await teachThisSite(world.eb, world.sandbox, 'Firefox');
  });

  it('acts on what a right-click hands it: a selected email looked up, a tel: link in the form, a refused selection explained', { timeout: 60_000 }, async () => {
    await contextMenuAsks(world.eb);
  });

  it('searches with no web page to follow', { timeout: 60_000 }, async () => {
    await searchWithNoTab(world.eb);
  });
});
