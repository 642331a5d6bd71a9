// The reduced-scope walk (#15), shared by the Chromium and the Firefox test: a private-integration
// token with contacts.readonly only connects, the sidebar shows the matched person's record and
// says in words what each missing scope costs, section by section; then the same location
// connected again with contacts.readonly and .write and every scope but the custom fields': a tag
// can be added, and only the custom fields say what they lack.
import { expect } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { ExtensionBrowser } from '../../scripts/lib/browsers';
import { connectWithToken, textOf, waitForContact } from '../../scripts/lib/flow';
import type { Sandbox } from '../../sandbox/server';
import { sidebarOn } from './outbox-steps';
import { chord } from './loop-steps';
import { partnerUrl } from './setup';
import { selectPerson, waitForSandbox, waitForText } from './sidebar-steps';

export const MAYA = 'Maya Okafor';
const url = () => partnerUrl('heyreach', 'list');

/** The scopes each section names as missing, from the card. */
const missingScopes = (page: Page) => page.$$eval('[data-testid=missing-scope]', (els) => [...new Set(els.map((e) => e.getAttribute('data-scope')))].sort());

export const READ_ONLY_ACCESS = [
  'This connection lacks contacts.write — tags, tasks, notes, do-not-disturb, custom fields, owner, followers and workflows are read-only.',
  'This connection lacks locations.readonly — the location\'s name is not shown.',
  'This connection lacks locations/tags.readonly — the location\'s tags are not suggested.',
  'This connection lacks locations/customFields.readonly — custom fields are not shown.',
  'This connection lacks users.readonly — owners and assignees are not named, and cannot be chosen.',
  'This connection lacks opportunities.readonly — opportunities are not shown.',
  'This connection lacks opportunities.write — opportunities cannot be changed.',
  'This connection lacks workflows.readonly — no workflow can be picked.',
];

/** contacts.readonly only: connected, Maya's record shown, every missing scope said. Returns the options page and the sidebar. */
export async function readOnlyWalk(eb: ExtensionBrowser, sandbox: Sandbox): Promise<{ options: Page; sidebar: Page }> {
  const options = await connectWithToken(eb, { locationId: sandbox.locationId, token: sandbox.mintToken(['contacts.readonly']) });
  expect(await options.$eval('body', (b) => b.textContent)).toContain(`Connected to ${sandbox.locationId}`);
  const sidebar = await sidebarOn(eb, options, url());
  await selectPerson(sidebar, MAYA);
  await waitForContact(sidebar, MAYA);
  expect(await textOf(sidebar, '[data-testid=person-state]')).toEqual(['In GHL']);
  expect(await sidebar.$$eval('[data-testid=tasks] > li', (l) => l.length)).toBeGreaterThan(0);
  await waitForText(sidebar, '[data-testid=access] li', (t) => t.length === READ_ONLY_ACCESS.length, 'eight missing scopes');
  expect(await textOf(sidebar, '[data-testid=access] li')).toEqual(READ_ONLY_ACCESS);
  expect(await missingScopes(sidebar)).toEqual(['contacts.write', 'locations/customFields.readonly', 'opportunities.readonly', 'users.readonly', 'workflows.readonly']);
  expect(await sidebar.$('xpath/.//button[normalize-space()="Add to workflow…"]')).toBeNull();
  expect(await sidebar.$$eval('[data-testid=dnd] input', (l) => l.length > 0 && l.every((i) => (i as HTMLInputElement).disabled))).toBe(true);
  return { options, sidebar };
}

export const WITHOUT_CUSTOM_FIELDS = ['contacts.readonly', 'contacts.write', 'locations.readonly', 'locations/tags.readonly', 'users.readonly', 'opportunities.readonly', 'opportunities.write', 'workflows.readonly'];

/** contacts.readonly and .write without custom fields: the record and its opportunity shown, a tag added, only custom fields said missing. */
export async function withoutCustomFieldsWalk(eb: ExtensionBrowser, sandbox: Sandbox): Promise<{ options: Page; sidebar: Page }> {
  const options = await connectWithToken(eb, { locationId: sandbox.locationId, token: sandbox.mintToken(WITHOUT_CUSTOM_FIELDS) });
  expect(await options.$eval('body', (b) => b.textContent)).toContain('Connected to Northstar Growth Agency');
  const sidebar = await sidebarOn(eb, options, url());
  await selectPerson(sidebar, MAYA);
  await waitForContact(sidebar, MAYA);
  await sidebar.waitForSelector('[data-testid=opportunity]');
  await waitForText(sidebar, '[data-testid=access] li', (t) => t.length === 1, 'one missing scope');
  expect(await textOf(sidebar, '[data-testid=access] li')).toEqual(['This connection lacks locations/customFields.readonly — custom fields are not shown.']);
  expect(await missingScopes(sidebar)).toEqual(['locations/customFields.readonly']);
  await sidebar.focus('#tag-input');
  await sidebar.keyboard.type('reduced-scope');
  await chord(sidebar, ['Shift'], 'Enter'); // a new tag: Shift+Enter (Enter takes a suggestion)
  const maya = sandbox.seed.partnerContactIds[MAYA]!;
  await waitForSandbox(sandbox, maya, (r) => r.contact.tags.includes('reduced-scope'), 'the tag added with the narrower token');
  return { options, sidebar };
}
