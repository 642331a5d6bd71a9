// The whole GHL record beside the page, in Chromium against the sandbox at HighLevel's hosts: on a
// HeyReach page, Maya Okafor's opportunity is moved to the next stage and marked won, Maya is added
// to a workflow (after the confirmation), SMS do-not-disturb is switched on, a date and a dropdown
// custom field are edited, an owner is assigned and the page's newer job title is accepted with
// "Update GHL". Each change reaches the sandbox and shows in the activity log as saved. axe-core
// checks the card with its new sections, light and dark.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchChromium, type ExtensionBrowser } from '../../scripts/lib/browsers';
import { connectWithToken, waitForContact } from '../../scripts/lib/flow';
import type { Sandbox } from '../../sandbox/server';
import { sidebarOn } from './outbox-steps';
import { activityLines, expectWalkApplied, planWalk, walkTheRecord, WALK_ACTIVITY, MAYA, type WalkPlan } from './record-steps';
import { freshSandbox, partnerUrl, proxyOf } from './setup';
import { axeViolations, readmeShot, selectPerson } from './sidebar-steps';

let sandbox: Sandbox;
let eb: ExtensionBrowser;
let sidebar: Page;
let plan: WalkPlan;

beforeAll(async () => {
  sandbox = await freshSandbox();
  plan = planWalk(sandbox);
  eb = await launchChromium(proxyOf(sandbox));
  const options = await connectWithToken(eb, sandbox);
  sidebar = await sidebarOn(eb, options, partnerUrl('heyreach', 'list'));
});
afterAll(async () => {
  await eb?.close();
  await sandbox?.close();
});

describe('Chromium: the whole record beside a HeyReach page', () => {
  it('shows the opportunity, the sections and what the page knows better', async () => {
    await selectPerson(sidebar, MAYA);
    await waitForContact(sidebar, MAYA);
    await sidebar.waitForSelector('[data-testid=opportunity]');
    expect(await sidebar.$eval('[data-testid=opportunity]', (e) => e.textContent)).toContain('BrightPath – Growth retainer');
    await readmeShot(sidebar, 'record-sections', '[data-testid=opportunities]');
  });

  it('walks opportunity, workflow, do-not-disturb, custom fields, owner and the page’s title; each saved once, each in the activity log', { timeout: 180_000 }, async () => {
    await walkTheRecord(sidebar, sandbox, plan, { timeoutMs: 15_000, shot: (name, at) => readmeShot(sidebar, name, at) });
    expect(expectWalkApplied(sandbox, plan)).toEqual([]);
    await sidebar.click('.activity-button');
    await sidebar.waitForSelector('[data-testid=activity-entry]');
    const lines = await activityLines(sidebar);
    expect(lines.slice(0, WALK_ACTIVITY(plan).length).reverse()).toEqual(WALK_ACTIVITY(plan).map((what) => `${what}: done`));
    await readmeShot(sidebar, 'record-activity');
    await sidebar.click('xpath/.//button[normalize-space()="Back to contacts"]');
  });

  it('has no accessibility violations in the card with its new sections, light and dark', async () => {
    await sidebar.click('[aria-label="Edit custom fields of Maya Okafor"]');
    expect(await axeViolations(sidebar)).toEqual([]);
    await sidebar.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    expect(await axeViolations(sidebar)).toEqual([]);
    await readmeShot(sidebar, 'record-dark', '[data-testid=opportunities]');
    await sidebar.emulateMediaFeatures([]);
  });
});
