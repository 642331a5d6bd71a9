// The whole GHL record beside the page, in Chromium against the sandbox at HighLevel's hosts: on a
// HeyReach page, Maya Okafor's opportunity is moved to the next stage and marked won, Maya is added
// to a workflow (after the confirmation), SMS do-not-disturb is switched on, a date and a dropdown
// custom field are edited, an owner is assigned and the page's newer job title is accepted with
// "Update GHL". Each change reaches the sandbox and shows in the activity log as saved. axe-core
// checks the card with its new sections, light and dark.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchChromium, waitFor, type ExtensionBrowser } from '../../scripts/lib/browsers';
import { connectWithToken, waitForContact } from '../../scripts/lib/flow';
import type { Sandbox } from '../../sandbox/server';
import { clickButton, sidebarOn } from './outbox-steps';
import { activityLines, expectWalkApplied, planWalk, walkTheRecord, WALK_ACTIVITY, MAYA, type WalkPlan } from './record-steps';
import { freshSandbox, partnerUrl, proxyOf, screenshot } from './setup';
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

  it('creates an opportunity named after the contact in the chosen pipeline and stage (kept for the next), and marks it lost with a reason', { timeout: 60_000 }, async () => {
    const partnerships = sandbox.state.pipelines.get(sandbox.locationId)!.find((p) => p.name === 'Partnerships')!;
    const reason = sandbox.state.lostReasons.get(sandbox.locationId)!.find((r) => r.name === 'No budget')!;
    await clickButton(sidebar, 'New opportunity', '[data-testid=opportunities]');
    const form = 'form[aria-label="New opportunity"]';
    expect(await sidebar.$eval(`${form} input[name=name]`, (i) => (i as HTMLInputElement).value)).toBe(MAYA);
    await sidebar.select(`${form} select[name=pipeline]`, partnerships.id);
    await sidebar.select(`${form} select[name=stage]`, partnerships.stages[1]!.id);
    await sidebar.type(`${form} input[name=value]`, '2500');
    await sidebar.click(`${form} button[type=submit]`);
    await waitFor(() => sandbox.state.opportunitiesOf(plan.contactId).some((o) => o.pipelineId === partnerships.id), 15_000, 'the new opportunity never reached the sandbox');
    const created = sandbox.state.opportunitiesOf(plan.contactId).find((o) => o.pipelineId === partnerships.id)!;
    expect(created).toMatchObject({ name: MAYA, pipelineStageId: partnerships.stages[1]!.id, monetaryValue: 2500, status: 'open' });

    // the next new one starts in the pipeline and stage chosen last
    await clickButton(sidebar, 'New opportunity', '[data-testid=opportunities]');
    expect(await sidebar.$eval(`${form} select[name=stage]`, (s) => (s as HTMLSelectElement).value)).toBe(partnerships.stages[1]!.id);
    await clickButton(sidebar, 'Cancel', form);

    const item = `[data-testid=opportunity][data-status=open]`;
    await waitFor(async () => (await sidebar.$(item)) !== null && !(await sidebar.$eval(item, (e) => e.id)).startsWith('tmp-'), 15_000, 'the new opportunity never showed open');
    await clickButton(sidebar, 'Lost', item);
    await sidebar.select(`${item} form select`, reason.id);
    await clickButton(sidebar, 'Lost', `${item} form`);
    await waitFor(() => sandbox.state.opportunities.get(created.id)!.status === 'lost', 15_000, 'the opportunity never reached the sandbox lost');
    expect(sandbox.state.opportunities.get(created.id)!.lostReasonId).toBe(reason.id);
  });

  it('Refresh, from the keyboard, lists a workflow added in HighLevel meanwhile (the location’s lists read again with the record)', async () => {
    const name = 'Added in HighLevel meanwhile';
    const at = new Date().toISOString();
    sandbox.state.workflows.get(sandbox.locationId)!.push({ id: 'wf-added-meanwhile', name, status: 'published', version: 1, createdAt: at, updatedAt: at, locationId: sandbox.locationId });
    const offered = () => sidebar.$$eval('[data-testid=workflow-picker] select option', (options) => options.map((o) => o.textContent ?? ''));
    await clickButton(sidebar, 'Add to workflow…', '[data-testid=workflows]');
    expect(await offered()).not.toContain(name); // the lists are kept ten minutes
    await sidebar.focus('[data-testid=freshness] button');
    await sidebar.keyboard.press('Enter');
    await waitFor(async () => (await offered()).includes(name), 15_000, 'Refresh never listed the new workflow');
    await screenshot(sidebar, 'record-refresh-lists');
    await clickButton(sidebar, 'Cancel', '[data-testid=workflow-picker]');
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
