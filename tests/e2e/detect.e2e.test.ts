// Detection in the real browser: the content script's report follows the page as it changes —
// rows added to a list, and a single-page-app navigation to a detail view (HeyReach: pushState).
import { describe, expect, it } from 'vitest';
import { launchChromium, waitFor } from '../../scripts/lib/browsers';
import { connectWithToken, listedPeople, openPartnerPage, openSidebarFor, tabIdOf, textOf, waitForContact } from '../../scripts/lib/flow';
import { partnerUrl, sandboxAndBrowser } from './setup';

const world = sandboxAndBrowser(launchChromium);


describe('Chromium: detection follows the page', () => {
  it('adds the rows a list loads later, and focuses the lead opened by an in-app navigation', async () => {
    const options = await connectWithToken(world.eb, world.sandbox);
    const url = partnerUrl('heyreach', 'list');
    const partner = await openPartnerPage(world.eb, url);
    const sidebar = await openSidebarFor(world.eb, await tabIdOf(world.eb, options, url));
    await waitFor(async () => (await listedPeople(sidebar)).length > 0, 15_000, 'the people listed');
    const before = await listedPeople(sidebar);
    expect(before.some((p) => p.startsWith('Arjun Patel'))).toBe(false);

    // “Load more” appends rows to the list: the sidebar lists them without a reload
    await partner.bringToFront();
    await partner.click('.load-more');
    await waitFor(
      async () => (await listedPeople(sidebar)).some((p) => p.startsWith('Arjun Patel')),
      10_000,
      'the sidebar did not list the rows added by “Load more”',
    );
    const after = await listedPeople(sidebar);
    expect(after.length).toBeGreaterThan(before.length);

    // clicking a lead navigates (pushState) to the inbox with that lead open: the sidebar shows it
    await partner.bringToFront();
    const rows = await partner.$$('.user-row');
    const diego = await (async () => {
      for (const row of rows) if ((await row.evaluate((r) => r.textContent ?? '')).includes('Diego Santos')) return row;
      throw new Error('no row for Diego Santos on the list');
    })();
    await diego.click({ offset: { x: 24, y: 12 } }); // on the avatar, not on a link in the row
    await waitFor(() => partner.url().endsWith('/app/inbox'), 5_000, 'the page did not navigate to the inbox');
    await waitFor(
      async () => (await textOf(sidebar, '[data-testid=person-name]'))[0] === 'Diego Santos',
      10_000,
      'the sidebar did not show the opened lead',
    );
    await waitForContact(sidebar, 'Diego Santos');
  });
});
