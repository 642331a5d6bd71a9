// The activity log in the sidebar: a write HighLevel refuses (a 422) shows with its reason in
// plain words and is retried (after the cause was fixed in HighLevel) or discarded; a contact edit
// that meets a change made meanwhile in HighLevel shows both values and is settled by the user's
// choice, which the sandbox ends with.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchChromium, waitFor, type ExtensionBrowser } from '../../scripts/lib/browsers';
import { connectWithToken, textOf, waitForContact } from '../../scripts/lib/flow';
import type { Sandbox } from '../../sandbox/server';
import { changeInHighLevel, clickButton, message, sidebarOn } from './outbox-steps';
import { freshSandbox, partnerUrl, proxyOf } from './setup';
import { readmeShot, sandboxRecord, selectPerson, waitForSandbox, waitForText } from './sidebar-steps';

let sandbox: Sandbox;
let eb: ExtensionBrowser;
let sidebar: Page;
let mayaId: string;
const ENTRIES = '[data-testid=activity-entry]';
const LATER_USER = 'user-added-later';

beforeAll(async () => {
  sandbox = await freshSandbox();
  mayaId = sandbox.seed.partnerContactIds['Maya Okafor']!;
  eb = await launchChromium(proxyOf(sandbox));
  const options = await connectWithToken(eb, sandbox);
  sidebar = await sidebarOn(eb, options, partnerUrl('heyreach', 'list'));
  await selectPerson(sidebar, 'Maya Okafor');
  await waitForContact(sidebar, 'Maya Okafor');
});
afterAll(async () => {
  await eb?.close();
  await sandbox?.close();
});

const entryState = (page: Page) => page.$$eval(ENTRIES, (l) => l.map((e) => `${e.getAttribute('data-state')}: ${e.querySelector('.activity-what')?.textContent}`));

const waitForNotice = (start: string) =>
  waitForText(sidebar, '[data-testid=stopped-writes] .notice-text', (t) => t[0]?.startsWith(start) ?? false, `the notice “${start}”`);

/** Asks for a task assigned to a user HighLevel does not know yet: it answers 422. */
async function refusedTask(title: string) {
  const dueDate = new Date(Date.now() + 86_400_000).toISOString();
  await expect(message(sidebar, 'createTask', { contactId: mayaId, task: { title, dueDate, assignedTo: LATER_USER } })).rejects.toThrow(
    /HighLevel refused the change: assignedTo must be a valid user id/,
  );
}

describe('Chromium: the activity log', () => {
  it('shows a refused write with its reason and the red notice; Retry sends it once the cause is fixed', async () => {
    await message(sidebar, 'addTags', { contactId: mayaId, tags: ['webinar-2026'] });
    await message(sidebar, 'createNote', { contactId: mayaId, body: 'Asked for the enterprise pricing.' });
    await refusedTask('Call about renewal');
    await waitForNotice('1 change could not be saved');
    expect(await textOf(sidebar, '[data-testid=tasks] .task-title')).not.toContain('Call about renewal'); // rolled back
    await clickButton(sidebar, 'Open activity');
    await waitForText(sidebar, ENTRIES, (t) => t[0]?.includes('Create task “\u2068Call about renewal\u2069”') ?? false, 'the failed task');
    expect((await entryState(sidebar))[0]).toBe('failed: Create task “\u2068Call about renewal\u2069”');
    expect((await textOf(sidebar, `${ENTRIES} .reason`))[0]).toBe('HighLevel refused the change: assignedTo must be a valid user id');
    await readmeShot(sidebar, 'outbox-activity');

    // someone adds the user in HighLevel; the write can go now
    const someone = [...sandbox.state.users.values()][0]!;
    sandbox.state.users.set(LATER_USER, { ...someone, id: LATER_USER, name: 'Added Later' });
    await clickButton(sidebar, 'Retry', ENTRIES);
    await waitFor(async () => (await entryState(sidebar))[0] === 'done: Create task “\u2068Call about renewal\u2069”', 15_000, 'the retried write saved');
    await waitForSandbox(sandbox, mayaId, (r) => r.tasks.filter((t) => t.title === 'Call about renewal').length === 1, 'the task once');
    await clickButton(sidebar, 'Back to contacts');
    await waitForText(sidebar, '[data-testid=tasks] .task-title', (t) => t.includes('Call about renewal'), 'the task in the card');
  });

  it('discards a refused write: it is never sent and the card does not show it', async () => {
    sandbox.state.users.delete(LATER_USER);
    await refusedTask('Never sent');
    await waitForNotice('1 change could not be saved');
    await clickButton(sidebar, 'Open activity');
    await waitForText(sidebar, ENTRIES, (t) => t[0]?.includes('Create task “\u2068Never sent\u2069”') ?? false, 'the failed task');
    await clickButton(sidebar, 'Discard', ENTRIES);
    await waitFor(async () => (await entryState(sidebar))[0] === 'discarded: Create task “\u2068Never sent\u2069”', 15_000, 'the write discarded');
    expect(await sidebar.$('[data-testid=stopped-writes]')).toBeNull();
    expect((await sandboxRecord(sandbox, mayaId)).tasks.some((t) => t.title === 'Never sent')).toBe(false);
    await clickButton(sidebar, 'Back to contacts');
    expect(await textOf(sidebar, '[data-testid=tasks] .task-title')).not.toContain('Never sent');
  });

  it('shows a conflict with both values and keeps the value the user chooses', async () => {
    await clickButton(sidebar, 'Edit', '[data-testid=contact-card] .card-head');
    const first = await sidebar.waitForSelector('form[aria-label="Edit contact"] input[name=firstName]');
    await changeInHighLevel(sandbox, mayaId, { firstName: 'Maya-HL' }); // a colleague renames her meanwhile
    await first!.click({ count: 3 });
    await first!.type('Maya-Sidebar');
    await clickButton(sidebar, 'Save contact');
    await waitForNotice('1 changed in HighLevel meanwhile');
    await clickButton(sidebar, 'Open activity');
    await sidebar.waitForSelector('[data-testid=conflict]');
    expect(await textOf(sidebar, '[data-testid=conflict] tbody tr')).toEqual([expect.stringMatching(/^First name\s*Maya-HL\s*Maya-Sidebar$/)]);
    expect(await textOf(sidebar, '[data-testid=conflict] [data-side=theirs]')).toEqual(['Maya-HL']);
    expect(await textOf(sidebar, '[data-testid=conflict] [data-side=mine]')).toEqual(['Maya-Sidebar']);
    expect((await sandboxRecord(sandbox, mayaId)).contact.firstName).toBe('Maya-HL'); // nothing overwritten yet
    await readmeShot(sidebar, 'outbox-conflict');

    await clickButton(sidebar, 'Keep mine', '[data-testid=conflict]');
    await waitForSandbox(sandbox, mayaId, (r) => r.contact.firstName === 'Maya-Sidebar', 'my value kept');
    await waitFor(async () => (await entryState(sidebar))[0] === 'done: Change first name', 15_000, 'the edit saved');
    await clickButton(sidebar, 'Back to contacts');
    await waitForContact(sidebar, 'Maya-Sidebar Okafor');
  });
});
