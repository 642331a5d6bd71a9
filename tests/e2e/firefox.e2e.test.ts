// The built add-on in real Firefox ESR: it loads, its content script runs on a partner page
// (real hostname through the sandbox's proxy), and the sidebar page renders the matched record.
import { describe, expect, it } from 'vitest';
import { launchFirefox } from '../../scripts/lib/browsers';
import { connectWithToken, openPartnerPage, openSidebarFor, tabIdOf, textOf, waitForContact } from '../../scripts/lib/flow';
import { partnerPeople } from '../../sandbox/partners/people';
import { partnerUrl, sandboxAndBrowser, screenshot } from './setup';
import { extensionStorageDump, secretsIn, signInWithOAuth } from './session-steps';
import { chips, waitForSandbox, waitForText } from './sidebar-steps';

const world = sandboxAndBrowser(launchFirefox);

describe('Firefox: partner page → sidebar', () => {
  it('connects through OAuth with browser.identity and Firefox’s redirect address', async () => {
    const options = await world.eb.openExtensionPage('options.html');
    await options.waitForSelector('#clientId');
    const redirect = await options.$eval('[data-testid=redirect-url]', (e) => e.textContent ?? '');
    expect(redirect).toMatch(/^https:\/\/[0-9a-f]{40}\.extensions\.allizom\.org\/$/);
    const fill = {
      '#clientId': world.sandbox.clientId,
      '#clientSecret': world.sandbox.clientSecret,
    };
    await signInWithOAuth(world.eb, world.sandbox, options, fill, 'own-app');
    expect(secretsIn(await extensionStorageDump(options), world.sandbox)).toEqual([]);
    await options.close();
  });

  it('runs the content script on a SproutVideo page, shows the matched contact, adds a tag and a task', async () => {
    const options = await connectWithToken(world.eb, world.sandbox);
    const url = partnerUrl('sproutvideo', 'list');
    const partner = await openPartnerPage(world.eb, url);
    const tabId = await tabIdOf(world.eb, options, url);

    const sidebar = await openSidebarFor(world.eb, tabId);
    await sidebar.waitForSelector('[aria-label="People on this page"] button');
    const people = await textOf(sidebar, '[aria-label="People on this page"] button');
    const emily = partnerPeople.find((p) => p.lastName === 'Nguyen')!;
    const index = people.findIndex((p) => p.includes('Emily Nguyen') || p.includes(emily.email!));
    expect(index).toBeGreaterThanOrEqual(0);
    expect(people[index]).toContain('In GHL');

    await (await sidebar.$$('[aria-label="People on this page"] button'))[index]!.click();
    await waitForContact(sidebar, 'Emily Nguyen');
    expect((await textOf(sidebar, '[data-testid=tags] .chip')).sort()).toEqual([...emily.tags].sort());

    await screenshot(partner, 'firefox-sproutvideo-list');
    await screenshot(sidebar, 'firefox-sidebar-emily');

    // tag from the keyboard, then add a task: both reach HighLevel
    const contactId = await sidebar.$eval('[data-testid=contact-card] a[href*="/contacts/detail/"]', (a) =>
      (a as HTMLAnchorElement).href.split('/').pop()!,
    );
    await sidebar.focus('#tag-input');
    await sidebar.keyboard.type('Firefox-Lead');
    await sidebar.keyboard.press('Enter');
    expect(await chips(sidebar)).toContain('Firefox-Lead');
    await waitForSandbox(world.sandbox, contactId, (r) => r.contact.tags.includes('firefox-lead'), 'the tag added in Firefox');

    await sidebar.click('[data-testid=contact-card] details.adder summary');
    await sidebar.type('form[aria-label="Add a task"] input[name=title]', 'Follow up on the course');
    await sidebar.focus('form[aria-label="Add a task"] input[name=title]');
    await sidebar.keyboard.press('Enter');
    await waitForSandbox(world.sandbox, contactId, (r) => r.tasks.some((t) => t.title === 'Follow up on the course'), 'the task added in Firefox');
    await waitForText(sidebar, '[data-testid=tasks] > li', (t) => t.some((x) => x.includes('Follow up on the course')), 'the new task');
  });
});
