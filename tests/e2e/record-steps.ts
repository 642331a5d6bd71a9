// The walk through the whole record in the sidebar, as a user does it, shared by the Chromium test
// (plain and with the sandbox failing 20 % of requests) and the Firefox test: on a HeyReach page,
// Maya Okafor's opportunity moved to the next stage and marked won, Maya added to a workflow, SMS
// do-not-disturb on, a date and a dropdown custom field edited, an owner assigned, and the page's
// newer job title accepted with "Update GHL". Each step checks the sandbox; `expectWalkApplied`
// checks everything once more at the end, and that each change was applied once.
import type { Page } from 'puppeteer-core';
import { waitFor } from '../../scripts/lib/browsers';
import { textOf } from '../../scripts/lib/flow';
import type { Sandbox } from '../../sandbox/server';
import { clickButton, clickOn } from './outbox-steps';

export const MAYA = 'Maya Okafor';
/** The title HighLevel has before the walk; the HeyReach page shows the newer "Head of Growth". */
export const OLD_TITLE = 'Growth Lead';
export const NEW_TITLE = 'Head of Growth';
export const RENEWAL = '2027-04-30';
export const PLAN = 'Scale';

export interface WalkPlan {
  contactId: string;
  opportunityId: string;
  nextStageId: string;
  workflowId: string;
  workflowName: string;
  ownerId: string;
  fields: { title: string; renewal: string; plan: string };
}

/** Prepares Maya's record on the sandbox (an older title) and names what the walk will change. */
export function planWalk(sandbox: Sandbox): WalkPlan {
  const contactId = sandbox.seed.partnerContactIds[MAYA]!;
  const contact = sandbox.state.contacts.get(contactId)!;
  const field = (key: string) => sandbox.state.customFields.get(sandbox.locationId)!.find((f) => f.fieldKey === `contact.${key}`)!.id;
  const fields = { title: field('job_title'), renewal: field('renewal_date'), plan: field('plan') };
  contact.customFields = contact.customFields.map((f) => (f.id === fields.title ? { ...f, value: OLD_TITLE } : f));
  const opp = sandbox.state.opportunitiesOf(contactId)[0]!;
  const stages = sandbox.state.pipelines.get(sandbox.locationId)!.find((p) => p.id === opp.pipelineId)!.stages;
  const workflow = sandbox.state.workflows.get(sandbox.locationId)!.find((w) => w.name === 'New lead nurture')!;
  const owner = sandbox.state.usersOf(sandbox.locationId).find((u) => u.id !== contact.assignedTo)!;
  return {
    contactId, opportunityId: opp.id, nextStageId: stages[stages.findIndex((s) => s.id === opp.pipelineStageId) + 1]!.id,
    workflowId: workflow.id, workflowName: workflow.name, ownerId: owner.id, fields,
  };
}

const record = (sandbox: Sandbox, plan: WalkPlan) => sandbox.state.contacts.get(plan.contactId)!;
const opportunity = (sandbox: Sandbox, plan: WalkPlan) => sandbox.state.opportunities.get(plan.opportunityId)!;
const valueOf = (sandbox: Sandbox, plan: WalkPlan, id: string) => record(sandbox, plan).customFields.find((f) => f.id === id)?.value;

async function onSandbox(check: () => boolean, what: string, timeoutMs: number) {
  await waitFor(check, timeoutMs, `the sandbox never showed ${what}`);
}

/** Picks `value` in the <select> matched by `selector` (the change event React listens for). */
export async function pick(page: Page, selector: string, value: string) {
  await page.waitForSelector(selector);
  await page.select(selector, value);
}

export interface WalkOptions {
  /** how long each change may take to reach the sandbox (longer when it fails requests) */
  timeoutMs: number;
  /** called after each step, e.g. for a screenshot */
  shot?: (name: string, scrollTo?: string) => Promise<void>;
  /** only the opportunity and workflow steps (the Firefox test) */
  only?: 'opportunity-and-workflow';
}

export async function walkTheRecord(sidebar: Page, sandbox: Sandbox, plan: WalkPlan, o: WalkOptions) {
  const opp = `[data-testid=opportunity]`;
  // the opportunity: to the next stage, then won
  await sidebar.waitForSelector(`${opp} select`);
  await pick(sidebar, `${opp} select`, plan.nextStageId);
  await onSandbox(() => opportunity(sandbox, plan).pipelineStageId === plan.nextStageId, 'the opportunity in its next stage', o.timeoutMs);
  await clickButton(sidebar, 'Won', opp);
  await onSandbox(() => opportunity(sandbox, plan).status === 'won', 'the opportunity won', o.timeoutMs);
  await waitFor(async () => (await sidebar.$eval(opp, (e) => e.getAttribute('data-status'))) === 'won', o.timeoutMs, 'the card never showed the opportunity won');
  await o.shot?.('record-opportunity', '[data-testid=opportunities]');

  // a workflow, after the confirmation
  await clickButton(sidebar, 'Add to workflow…', '[data-testid=workflows]');
  await pick(sidebar, '[data-testid=workflow-picker] select', plan.workflowId);
  await clickButton(sidebar, 'Continue', '[data-testid=workflow-picker]');
  await o.shot?.('record-workflow-confirm', '[data-testid=workflows]');
  await clickButton(sidebar, 'Add to workflow', '[data-testid=workflow-picker]');
  await onSandbox(() => sandbox.state.enrolmentsOf(plan.contactId).some((r) => r.workflowId === plan.workflowId && r.active), 'Maya in the workflow', o.timeoutMs);
  await waitFor(async () => (await textOf(sidebar, '[data-testid=workflow]')).some((t) => t.includes(plan.workflowName)), o.timeoutMs, 'the card never showed the workflow');
  await o.shot?.('record-workflow', '[data-testid=workflows]');
  if (o.only) return;

  // SMS do-not-disturb on
  const sms = await sidebar.waitForSelector('xpath/.//section[@data-testid="dnd"]//label[.//span[normalize-space()="SMS"]]//input');
  await sms!.evaluate((e) => e.scrollIntoView({ block: 'center' }));
  await sms!.click();
  await onSandbox(() => record(sandbox, plan).dndSettings?.SMS?.status === 'active', 'SMS do-not-disturb on', o.timeoutMs);
  await o.shot?.('record-dnd', '[data-testid=dnd]');

  // a date and a dropdown custom field
  await clickOn(sidebar, '[aria-label="Edit custom fields of Maya Okafor"]');
  const form = 'form[aria-label="Edit custom fields"]';
  await sidebar.waitForSelector(form);
  // a date control's typing order follows the browser's locale: the day is set as the control's value
  await sidebar.$eval(`${form} [data-field="${plan.fields.renewal}"] input`, (el, day) => {
    const input = el as HTMLInputElement;
    input.focus();
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, day);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, RENEWAL);
  await pick(sidebar, `${form} [data-field="${plan.fields.plan}"] select`, PLAN);
  await o.shot?.('record-custom-fields-edit', '[data-testid=custom-fields]');
  await clickOn(sidebar, `${form} button[type=submit]`);
  await onSandbox(() => valueOf(sandbox, plan, plan.fields.renewal) === RENEWAL && valueOf(sandbox, plan, plan.fields.plan) === PLAN, 'the date and the plan', o.timeoutMs);

  // an owner
  await pick(sidebar, '[data-testid=owner] select', plan.ownerId);
  await onSandbox(() => record(sandbox, plan).assignedTo === plan.ownerId, 'the owner', o.timeoutMs);
  await o.shot?.('record-owner', '[data-testid=owner]');

  // the page's newer title
  const title = '[data-testid=page-differences] li[data-field=title]';
  await waitFor(async () => ((await textOf(sidebar, title))[0] ?? '').includes(`Page: ${NEW_TITLE} · GHL: ${OLD_TITLE}`), o.timeoutMs, 'the card never offered the page’s title');
  await o.shot?.('record-page-differences', '[data-testid=page-differences]');
  await clickOn(sidebar, `${title} button`);
  await onSandbox(() => valueOf(sandbox, plan, plan.fields.title) === NEW_TITLE, 'the page’s title in GHL', o.timeoutMs);
}

/** The activity log's entries (newest first) as “what: state”, read from the sidebar's log. */
export async function activityLines(sidebar: Page): Promise<string[]> {
  return sidebar.$$eval('[data-testid=activity-entry]', (items) =>
    items.map((li) => `${li.querySelector('.activity-what')?.textContent ?? ''}: ${li.getAttribute('data-state')}`));
}

/** The walk's writes as the activity log names them, oldest first. */
export const WALK_ACTIVITY = (plan: WalkPlan) => [
  'Move an opportunity to another stage',
  'Mark an opportunity won',
  `Add to workflow “\u2068${plan.workflowName}\u2069”`,
  'Change SMS do-not-disturb',
  'Change Renewal Date, Plan',
  'Change owner',
  'Change Job Title',
];

/** Every change of the walk is on the sandbox, each once. */
export function expectWalkApplied(sandbox: Sandbox, plan: WalkPlan, only?: 'opportunity-and-workflow'): string[] {
  const problems: string[] = [];
  const opp = opportunity(sandbox, plan);
  if (opp.pipelineStageId !== plan.nextStageId || opp.status !== 'won') problems.push(`opportunity ${opp.pipelineStageId}/${opp.status}`);
  if (sandbox.state.opportunitiesOf(plan.contactId).length !== 1) problems.push('an opportunity too many');
  const runs = sandbox.state.enrolmentsOf(plan.contactId).filter((r) => r.workflowId === plan.workflowId);
  if (runs.length !== 1 || !runs[0]!.active) problems.push(`workflow runs ${JSON.stringify(runs)}`);
  if (only) return problems;
  const c = record(sandbox, plan);
  if (c.dndSettings?.SMS?.status !== 'active') problems.push('SMS do-not-disturb');
  if (valueOf(sandbox, plan, plan.fields.renewal) !== RENEWAL) problems.push('renewal date');
  if (valueOf(sandbox, plan, plan.fields.plan) !== PLAN) problems.push('plan');
  if (c.assignedTo !== plan.ownerId) problems.push('owner');
  if (valueOf(sandbox, plan, plan.fields.title) !== NEW_TITLE) problems.push('title');
  return problems;
}
