// What a partner page shows beyond the contact fields, added to the contact as a note in one
// click, in Chromium against the sandbox at HighLevel's hosts: on HelloLeads' leads page, Amelia
// Clarke's lead stage ("Hot") is offered beside her record; one click on "Add as note" queues the
// note through the outbox, and it reaches HighLevel (read back with GET /contacts/{id}/notes) and
// the activity log. axe-core finds nothing to fix in the offer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchChromium, waitFor, type ExtensionBrowser } from '../../scripts/lib/browsers';
import { connectWithToken, waitForContact } from '../../scripts/lib/flow';
import type { Sandbox } from '../../sandbox/server';
import { sidebarOn } from './outbox-steps';
import { activityLines } from './record-steps';
import { freshSandbox, partnerUrl, proxyOf } from './setup';
import { axeViolations, selectPerson } from './sidebar-steps';

const AMELIA = 'Amelia Clarke';
const NOTE = 'HelloLeads · Lead stage: Hot';

let sandbox: Sandbox;
let eb: ExtensionBrowser;
let sidebar: Page;

beforeAll(async () => {
  sandbox = await freshSandbox();
  eb = await launchChromium(proxyOf(sandbox));
  const options = await connectWithToken(eb, sandbox);
  // the app's shell routes to its leads at #/leads
  sidebar = await sidebarOn(eb, options, `${partnerUrl('helloleads', 'list')}#/leads`);
});
afterAll(async () => {
  await eb?.close();
  await sandbox?.close();
});

/** The contact's notes as HighLevel's API gives them. */
async function notesOnSandbox(contactId: string): Promise<string[]> {
  const res = await fetch(`${sandbox.baseUrl}/contacts/${contactId}/notes`, { headers: { Authorization: `Bearer ${sandbox.token}`, Version: '2021-07-28' } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { notes: { body: string }[] }).notes.map((n) => n.body);
}

describe('Chromium: a partner detail added as a note', () => {
  it('one click on "Add as note" puts the lead’s stage in a note on HighLevel and in the activity log', { timeout: 60_000 }, async () => {
    const contactId = sandbox.seed.partnerContactIds[AMELIA]!;
    expect(await notesOnSandbox(contactId)).not.toContain(NOTE);
    await selectPerson(sidebar, AMELIA);
    await waitForContact(sidebar, AMELIA);
    const stage = '[data-testid=page-differences] li[data-detail=stage]';
    await sidebar.waitForSelector(`${stage} button`);
    expect(await sidebar.$eval(stage, (e) => e.textContent)).toContain('Hot');
    expect(await axeViolations(sidebar)).toEqual([]);
    const button = await sidebar.$(`${stage} button`);
    await button!.evaluate((e) => e.scrollIntoView({ block: 'center' }));
    await button!.click();
    await waitFor(async () => (await notesOnSandbox(contactId)).includes(NOTE), 15_000, 'the note never reached the sandbox');
    expect((await notesOnSandbox(contactId)).filter((n) => n === NOTE)).toHaveLength(1);
    // the button says it is done (a second click cannot add it twice)
    await waitFor(async () => (await sidebar.$eval(`${stage} button`, (b) => b.textContent)) === 'Added as note', 10_000, 'the button never said the note was added');
    expect(await sidebar.$eval(`${stage} button`, (b) => (b as HTMLButtonElement).disabled)).toBe(true);
    await sidebar.click('.activity-button');
    await sidebar.waitForSelector('[data-testid=activity-entry]');
    await waitFor(async () => (await activityLines(sidebar))[0]?.endsWith(': done') ?? false, 10_000, 'the activity log never showed the note done');
    expect((await activityLines(sidebar))[0]).toMatch(/note.*: done$/i);
  });
});
