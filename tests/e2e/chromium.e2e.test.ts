// The built extension in real Chromium: a partner page's person shows as a GHL record in the
// sidebar, fetched by the background from the sandbox over HTTP.
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { launchChromium, chromeBuild, waitFor } from '../../scripts/lib/browsers';
import { connectWithToken, listedPeople, openPartnerPage, openSidebarFor, showPerson, tabIdOf, textOf, waitForContact } from '../../scripts/lib/flow';
import { partnerPeople } from '../../sandbox/partners/people';
import { contactTagsOnSandbox, partnerUrl, sandboxAndBrowser, screenshot } from './setup';

const world = sandboxAndBrowser(launchChromium);

describe('Chromium: partner page → sidebar', () => {
  it('shows the GHL record (name and tags) of a person found on a HeyReach list', async () => {
    const options = await connectWithToken(world.eb, world.sandbox);
    const url = partnerUrl('heyreach', 'list');
    const partner = await openPartnerPage(world.eb, url);
    const tabId = await tabIdOf(world.eb, options, url);

    const sidebar = await openSidebarFor(world.eb, tabId);
    const maya = partnerPeople.find((p) => p.lastName === 'Okafor')!;
    await waitFor(async () => (await listedPeople(sidebar)).some((p) => p.startsWith('Maya Okafor') && p.includes('In GHL')), 15_000, 'Maya in GHL');
    await showPerson(sidebar, 'Maya Okafor');
    await waitForContact(sidebar, 'Maya Okafor');
    const tags = await textOf(sidebar, '[data-testid=tags] .chip');
    const stored = await contactTagsOnSandbox(world.sandbox, maya.email!);
    expect(stored.slice().sort()).toEqual(maya.tags.slice().sort());
    expect(tags.slice().sort()).toEqual(maya.tags.slice().sort());

    await screenshot(partner, 'chromium-heyreach-list');
    await screenshot(sidebar, 'chromium-sidebar-maya');
  });

  it('the store build carries no loopback permission', async () => {
    const manifest = JSON.parse(await readFile(path.join(chromeBuild, 'manifest.json'), 'utf8'));
    const all = JSON.stringify([manifest.host_permissions, manifest.permissions, manifest.content_scripts]);
    expect(all).not.toMatch(/127\.0\.0\.1|localhost/);
  });
});
