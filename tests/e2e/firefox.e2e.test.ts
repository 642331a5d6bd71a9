// The built add-on in real Firefox ESR: it loads, its content script runs on a partner page
// (real hostname through the sandbox's proxy), and the sidebar page renders the matched record.
import { describe, expect, it } from 'vitest';
import { launchFirefox, waitFor } from '../../scripts/lib/browsers';
import { connectWithToken, listedPeople, openPartnerPage, openSidebarFor, showPerson, tabIdOf, textOf, waitForContact } from '../../scripts/lib/flow';
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
    const emily = partnerPeople.find((p) => p.lastName === 'Nguyen')!;
    let people: string[] = [];
    await waitFor(async () => (people = await listedPeople(sidebar)).some((p) => p.includes('Emily Nguyen') && p.includes('In GHL')), 15_000, 'Emily in GHL');
    await showPerson(sidebar, people.findIndex((p) => p.includes('Emily Nguyen')));
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
    await sidebar.keyboard.down('Shift'); // a new tag: created on purpose
    await sidebar.keyboard.press('Enter');
    await sidebar.keyboard.up('Shift');
    await waitFor(async () => (await chips(sidebar)).includes('Firefox-Lead'), 2_000, 'the chip'); // BiDi hands the key over asynchronously
    await waitForSandbox(world.sandbox, contactId, (r) => r.contact.tags.includes('firefox-lead'), 'the tag added in Firefox');

    await sidebar.click('[data-testid=contact-card] details.adder summary');
    await sidebar.type('form[aria-label="Add a task"] input[name=title]', 'Follow up on the course');
    await sidebar.focus('form[aria-label="Add a task"] input[name=title]');
    await sidebar.keyboard.press('Enter');
    await waitForSandbox(world.sandbox, contactId, (r) => r.tasks.some((t) => t.title === 'Follow up on the course'), 'the task added in Firefox');
    await waitForText(sidebar, '[data-testid=tasks] > li', (t) => t.some((x) => x.includes('Follow up on the course')), 'the new task');
  });

  it('says what to click on a site it may not read yet (no `tabs` permission: the address stays hidden until the toolbar button is clicked there)', async () => {
    const site = await openPartnerPage(world.eb, `${world.sandbox.baseUrl}/partners/`);
    await site.bringToFront();
    const helper = await world.eb.openExtensionPage('options.html');
    const tab = await helper.evaluate(async () => {
      type TabsApi = { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };
      const all = await (globalThis as unknown as { browser: TabsApi }).browser.tabs.query({});
      return all.map((t) => ({ id: t.id, url: t.url ?? null }));
    });
    // measured: Firefox hands the extension no address of a tab it was given no access to
    const hidden = tab.filter((t) => t.url === null);
    expect(hidden.length).toBeGreaterThan(0);
    const sidebar = await openSidebarFor(world.eb, hidden.at(-1)!.id!);
    await waitForText(sidebar, '[data-testid=site-access] p', (t) => t.length > 0, 'what the sidebar can do there');
    expect((await textOf(sidebar, '[data-testid=site-access] p'))[0]).toMatch(/^To look for people on this site, click the GHL Sidebar button/);
    await helper.close();
  });
});

