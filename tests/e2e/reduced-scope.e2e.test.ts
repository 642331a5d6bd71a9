// Reduced-scope accounts (#15), in Chromium against the sandbox at HighLevel's hosts: a
// private-integration token with contacts.readonly only connects, the sidebar shows the matched
// person's record, and says in words what each missing scope costs, section by section; then the
// same location connected again with contacts.readonly and contacts.write and every scope but the
// custom fields': a tag can be added, and only the custom fields say what they lack.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchChromium, type ExtensionBrowser } from '../../scripts/lib/browsers';
import { connectWithToken, textOf, waitForContact } from '../../scripts/lib/flow';
import type { Sandbox } from '../../sandbox/server';
import { sidebarOn } from './outbox-steps';
import { freshSandbox, partnerUrl, proxyOf } from './setup';
import { PEOPLE, axeViolations, readmeShot, selectPerson, waitForSandbox, waitForText } from './sidebar-steps';

let sandbox: Sandbox;
let eb: ExtensionBrowser;
let options: Page;
let sidebar: Page;
let maya: string;
const url = () => partnerUrl('heyreach', 'list');

beforeAll(async () => {
  sandbox = await freshSandbox();
  maya = sandbox.seed.partnerContactIds['Maya Okafor']!;
  eb = await launchChromium(proxyOf(sandbox));
});
afterAll(async () => {
  await eb?.close();
  await sandbox?.close();
});

const missingScopes = (page: Page) => page.$$eval('[data-testid=missing-scope]', (els) => [...new Set(els.map((e) => e.getAttribute('data-scope')))].sort());

describe('Chromium: a token with fewer scopes', () => {
  it('contacts.readonly only: connects, shows the record, and explains each missing scope in words', async () => {
    options = await connectWithToken(eb, { locationId: sandbox.locationId, token: sandbox.mintToken(['contacts.readonly']) });
    expect(await options.$eval('body', (b) => b.textContent)).toContain(`Connected to ${sandbox.locationId}`);
    sidebar = await sidebarOn(eb, options, url());
    await selectPerson(sidebar, 'Maya Okafor');
    await waitForContact(sidebar, 'Maya Okafor');
    expect((await textOf(sidebar, PEOPLE)).find((p) => p.startsWith('Maya Okafor'))).toContain('In GHL');
    expect(await sidebar.$$eval('[data-testid=tasks] > li', (l) => l.length)).toBeGreaterThan(0);
    await waitForText(sidebar, '[data-testid=access] li', (t) => t.length === 8, 'eight missing scopes');
    expect(await textOf(sidebar, '[data-testid=access] li')).toEqual([
      'This connection lacks contacts.write — tags, tasks, notes, do-not-disturb, custom fields, owner, followers and workflows are read-only.',
      'This connection lacks locations.readonly — the location\'s name is not shown.',
      'This connection lacks locations/tags.readonly — the location\'s tags are not suggested.',
      'This connection lacks locations/customFields.readonly — custom fields are not shown.',
      'This connection lacks users.readonly — owners and assignees are not named, and cannot be chosen.',
      'This connection lacks opportunities.readonly — opportunities are not shown.',
      'This connection lacks opportunities.write — opportunities cannot be changed.',
      'This connection lacks workflows.readonly — no workflow can be picked.',
    ]);
    expect(await missingScopes(sidebar)).toEqual(['contacts.write', 'locations/customFields.readonly', 'opportunities.readonly', 'users.readonly', 'workflows.readonly']);
    expect(await sidebar.$('xpath/.//button[normalize-space()="Add to workflow…"]')).toBeNull();
    expect(await sidebar.$$eval('[data-testid=dnd] input', (l) => l.every((i) => (i as HTMLInputElement).disabled))).toBe(true);
    await sidebar.$eval('[data-testid=access]', (d) => d.setAttribute('open', ''));
    expect(await axeViolations(sidebar)).toEqual([]);
    await readmeShot(sidebar, 'record-reduced-scope');
    await sidebar.close();
  });

  it('then contacts.readonly and .write without custom fields: writes work, only the custom fields say what they lack', async () => {
    const scopes = ['contacts.readonly', 'contacts.write', 'locations.readonly', 'locations/tags.readonly', 'users.readonly', 'opportunities.readonly', 'opportunities.write', 'workflows.readonly'];
    await options.close();
    options = await connectWithToken(eb, { locationId: sandbox.locationId, token: sandbox.mintToken(scopes) });
    expect(await options.$eval('body', (b) => b.textContent)).toContain('Connected to Northstar Growth Agency');
    sidebar = await sidebarOn(eb, options, url());
    await selectPerson(sidebar, 'Maya Okafor');
    await waitForContact(sidebar, 'Maya Okafor');
    await sidebar.waitForSelector('[data-testid=opportunity]');
    await waitForText(sidebar, '[data-testid=access] li', (t) => t.length === 1, 'one missing scope');
    expect(await textOf(sidebar, '[data-testid=access] li')).toEqual(['This connection lacks locations/customFields.readonly — custom fields are not shown.']);
    expect(await missingScopes(sidebar)).toEqual(['locations/customFields.readonly']);
    await sidebar.focus('#tag-input');
    await sidebar.keyboard.type('reduced-scope');
    await sidebar.keyboard.press('Enter');
    await waitForSandbox(sandbox, maya, (r) => r.contact.tags.includes('reduced-scope'), 'the tag added with the narrower token');
  });
});
