// The record's sections by keyboard only, in Chromium against the sandbox at HighLevel's hosts:
// from Maya Okafor's card on a HeyReach page, Tab reaches a control in each new section
// (opportunities, workflows, do-not-disturb, custom fields, owner and followers) and the arrow keys,
// Enter and Space operate it; no mouse after the person is chosen. Each change reaches the sandbox,
// and a select that acts on a choice acts once: the arrow keys' steps on the way are not choices.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyInput, Page } from 'puppeteer-core';
import { launchChromium, waitFor, type ExtensionBrowser } from '../../scripts/lib/browsers';
import { connectWithToken, waitForContact } from '../../scripts/lib/flow';
import type { Sandbox } from '../../sandbox/server';
import { sidebarOn } from './outbox-steps';
import { MAYA, PLAN, planWalk, type WalkPlan } from './record-steps';
import { freshSandbox, partnerUrl, proxyOf } from './setup';
import { selectPerson } from './sidebar-steps';

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
  await selectPerson(sidebar, MAYA);
  await waitForContact(sidebar, MAYA);
  await sidebar.waitForSelector('[data-testid=opportunity] select');
});
afterAll(async () => {
  await eb?.close();
  await sandbox?.close();
});

/** Presses Tab until the focused element matches `selector` (and, if given, its text or its label's is `text`); how many presses it took. */
async function tabTo(selector: string, text?: string, max = 300): Promise<number> {
  for (let i = 0; i < max; i++) {
    const there = await sidebar.evaluate((sel, t) => {
      const el = document.activeElement;
      if (!el || !el.matches(sel)) return false;
      if (t === undefined) return true;
      const own = (el.textContent ?? '').trim();
      return own === t || (el.closest('label')?.textContent ?? '').includes(t);
    }, selector, text);
    if (there) return i;
    await sidebar.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}${text ? ` “${text}”` : ''} in ${max} presses`);
}

/** Presses `key` with `modifier` held. */
async function chord(modifier: KeyInput, key: KeyInput) {
  await sidebar.keyboard.down(modifier);
  await sidebar.keyboard.press(key);
  await sidebar.keyboard.up(modifier);
}

const focusedValue = () => sidebar.evaluate(() => (document.activeElement as HTMLSelectElement).value);

/** Moves the focused <select> with the arrow keys (up or down, as the option lies) until it shows `value`. */
async function arrowTo(value: string) {
  const steps = await sidebar.evaluate((v) => {
    const select = document.activeElement as HTMLSelectElement;
    return [...select.options].findIndex((o) => o.value === v) - select.selectedIndex;
  }, value);
  for (let i = 0; i < Math.abs(steps); i++) await sidebar.keyboard.press(steps > 0 ? 'ArrowDown' : 'ArrowUp');
  expect(await focusedValue()).toBe(value);
}

/** The value of the option `steps` below the focused <select>'s chosen one (or above, near the end). */
const optionAway = (steps: number) => sidebar.evaluate((n) => {
  const select = document.activeElement as HTMLSelectElement;
  const at = select.selectedIndex + n < select.options.length ? select.selectedIndex + n : select.selectedIndex - n;
  return select.options[at]!.value;
}, steps);

const resetRequests = () => fetch(`${sandbox.baseUrl}/__admin/reset-counters`, { method: 'POST' });
/** The contact's updates (PUT /contacts/:id) since the counters were reset. */
const contactWrites = async () => {
  const { requests } = (await (await fetch(`${sandbox.baseUrl}/__admin/requests?limit=2000`)).json()) as { requests: { method: string; path: string }[] };
  return requests.filter((r) => r.method === 'PUT' && r.path === `/contacts/${plan.contactId}`).length;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const onSandbox = (check: () => boolean, what: string) => waitFor(check, 15_000, `the sandbox never showed ${what}`);
const contact = () => sandbox.state.contacts.get(plan.contactId)!;

describe('Chromium: the record’s sections by keyboard only', () => {
  it('opportunities: Tab to the stage, an arrow key to the next stage, Enter moves it', { timeout: 60_000 }, async () => {
    await tabTo('[data-testid=opportunity] select');
    await sidebar.keyboard.press('ArrowDown');
    await sidebar.keyboard.press('Enter');
    await onSandbox(() => sandbox.state.opportunities.get(plan.opportunityId)!.pipelineStageId === plan.nextStageId, 'the opportunity in its next stage');
  });

  it('workflows: Tab to “Add to workflow…”, Enter, arrows to the workflow, Enter to continue and to confirm', { timeout: 60_000 }, async () => {
    await tabTo('[data-testid=workflows] button', 'Add to workflow…');
    await sidebar.keyboard.press('Enter');
    await sidebar.waitForSelector('[data-testid=workflow-picker] select');
    await tabTo('[data-testid=workflow-picker] select');
    await arrowTo(plan.workflowId);
    await tabTo('[data-testid=workflow-picker] button', 'Continue');
    await sidebar.keyboard.press('Enter');
    await tabTo('[data-testid=workflow-picker] button', 'Add to workflow');
    await sidebar.keyboard.press('Enter');
    await onSandbox(() => sandbox.state.enrolmentsOf(plan.contactId).some((r) => r.workflowId === plan.workflowId && r.active), 'Maya in the workflow');
  });

  it('do-not-disturb: Tab to the SMS switch, Space turns it on', { timeout: 60_000 }, async () => {
    await tabTo('[data-testid=dnd] input[type=checkbox]', 'SMS');
    await sidebar.keyboard.press('Space');
    await onSandbox(() => contact().dndSettings?.SMS?.status === 'active', 'SMS do-not-disturb on');
  });

  it('custom fields: Tab to “Edit”, Enter, arrows in the dropdown field, Enter on Save', { timeout: 60_000 }, async () => {
    await tabTo('[data-testid=custom-fields] button[aria-label="Edit custom fields of Maya Okafor"]');
    await sidebar.keyboard.press('Enter');
    const form = 'form[aria-label="Edit custom fields"]';
    await sidebar.waitForSelector(form);
    await tabTo(`${form} [data-field="${plan.fields.plan}"] select`);
    await arrowTo(PLAN);
    await tabTo(`${form} button[type=submit]`);
    await sidebar.keyboard.press('Enter');
    await onSandbox(() => contact().customFields.find((f) => f.id === plan.fields.plan)?.value === PLAN, 'the plan');
  });

  it('owner: Tab to the owner, arrows past other users to one, Enter: one owner write, not one per step', { timeout: 60_000 }, async () => {
    await tabTo('[data-testid=owner] select:not([aria-describedby])');
    const target = await optionAway(2);
    await resetRequests();
    await arrowTo(target);
    // the steps are held until the choice is made
    expect(await contactWrites()).toBe(0);
    await sidebar.keyboard.press('Enter');
    await onSandbox(() => contact().assignedTo === target, 'the owner');
    await sleep(500);
    expect(await contactWrites()).toBe(1);
  });

  it('followers: Tab to “Add follower”, arrows past a user to another, Enter: only that one follows', { timeout: 60_000 }, async () => {
    const before = [...(contact().followers ?? [])];
    await tabTo('[data-testid=owner] select[aria-describedby]');
    const target = await optionAway(2);
    await arrowTo(target);
    await sidebar.keyboard.press('Enter');
    await onSandbox(() => (contact().followers ?? []).includes(target), 'the new follower');
    await sleep(500);
    expect([...(contact().followers ?? [])].sort()).toEqual([...before, target].sort());
  });

  it('notes: Alt+N opens “Add a note” in its text, Ctrl+Enter adds it and the bar says so; its Edit puts the caret after the text', { timeout: 60_000 }, async () => {
    const text = 'Asked for the order form';
    await chord('Alt', 'KeyN');
    expect(await sidebar.evaluate(() => document.activeElement?.matches('textarea[name=body]'))).toBe(true);
    // the box shows whole, above the bottom bar, when it opens and once the bar says the note was added:
    // with the panel cut just below the box's top edge (focus scrolls only a field wholly out of view)
    const boxTop = await sidebar.evaluate(() => document.activeElement!.getBoundingClientRect().top + window.scrollY);
    await sidebar.keyboard.press('Escape');
    const size = sidebar.viewport();
    await sidebar.setViewport({ width: size?.width ?? 800, height: Math.round(boxTop) + 30 });
    await sidebar.evaluate(() => window.scrollTo(0, 0));
    await chord('Alt', 'KeyN');
    const aboveTheBar = () => sidebar.evaluate(() => {
      const box = document.activeElement!.getBoundingClientRect();
      const bar = document.querySelector('[data-testid=undo]')!.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= (bar.height ? bar.top : window.innerHeight) + 0.5;
    });
    expect(await aboveTheBar()).toBe(true);
    await sidebar.keyboard.type(text);
    await chord('Control', 'Enter');
    await waitFor(() => sidebar.evaluate(() => document.querySelector('[data-testid=undo]')?.textContent === 'Note added.'), 15_000, 'the bar never said “Note added.”');
    await waitFor(aboveTheBar, 2_000, 'the note box stayed under the bottom bar');
    await onSandbox(() => sandbox.state.notesOf(plan.contactId).some((n) => n.body === text), 'the note');
    await tabTo('[data-testid=notes] button', 'Edit');
    await sidebar.keyboard.press('Enter');
    const caret = await sidebar.evaluate(() => {
      const field = document.activeElement as HTMLTextAreaElement;
      return [field.tagName, field.selectionStart, field.value.length];
    });
    expect(caret).toEqual(['TEXTAREA', text.length, text.length]);
    // a stray Escape keeps what was typed and says so; a second one discards it, the note unchanged
    await sidebar.keyboard.type(' and the price list');
    await sidebar.keyboard.press('Escape');
    const kept = await sidebar.evaluate(() => {
      const field = document.activeElement as HTMLTextAreaElement;
      return [field.tagName, field.value, field.form?.querySelector('[data-testid=escape-notice]')?.textContent];
    });
    expect(kept).toEqual(['TEXTAREA', `${text} and the price list`, 'Your changes are not saved. Press Escape again to discard them.']);
    await sidebar.keyboard.press('Escape');
    expect(await sidebar.evaluate(() => document.activeElement?.textContent)).toBe('Edit');
    expect(sandbox.state.notesOf(plan.contactId).some((n) => n.body === text)).toBe(true);
    if (size) await sidebar.setViewport(size);
  });

  it('tasks: Alt+K opens “Add a task” in its title, Enter adds it and the bar says so', { timeout: 60_000 }, async () => {
    const title = 'Send the order form';
    await chord('Alt', 'KeyK');
    expect(await sidebar.evaluate(() => document.activeElement?.matches('input[name=title]'))).toBe(true);
    await sidebar.keyboard.type(title);
    await sidebar.keyboard.press('Enter');
    await waitFor(() => sidebar.evaluate((t) => document.querySelector('[data-testid=undo]')?.textContent === `Task added: “${t}”.`, title), 15_000, 'the bar never said “Task added”');
    await onSandbox(() => sandbox.state.tasksOf(plan.contactId).some((t) => t.title === title), 'the task');
    await sidebar.keyboard.press('Escape'); // the Add form, kept open for the next task, closed
  });
});
