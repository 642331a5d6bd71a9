// The sidebar in real Chromium against the sandbox, the way a user works through it: a partner
// page's person shows with tags, tasks, notes and appointments; tags are added and removed from
// the keyboard; a task is added and completed; a note is added; a person missing from GHL is
// created; the location is switched. axe-core checks the sidebar and the options page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchChromium, waitFor, type ExtensionBrowser } from '../../scripts/lib/browsers';
import { connectWithToken, listedPeople, openPartnerPage, openSidebarFor, tabIdOf, textOf, waitForContact } from '../../scripts/lib/flow';
import { partnerPeople } from '../../sandbox/partners/people';
import type { Sandbox } from '../../sandbox/server';
import { freshSandbox, partnerUrl, proxyOf } from './setup';
import { clickOn } from './outbox-steps';
import {
  axeViolations,
  chips,
  readmeShot,
  sandboxRecord,
  sandboxSearch,
  selectPerson,
  waitForSandbox,
  waitForText,
} from './sidebar-steps';

let sandbox: Sandbox;
let eb: ExtensionBrowser;
let options: Page;
let sidebar: Page;
const maya = partnerPeople.find((p) => p.lastName === 'Okafor')!;
let mayaId: string;

beforeAll(async () => {
  sandbox = await freshSandbox();
  mayaId = sandbox.seed.partnerContactIds['Maya Okafor']!;
  eb = await launchChromium(proxyOf(sandbox));
  options = await connectWithToken(eb, sandbox); // the first location connected is the active one
  const second = sandbox.locations[1]!;
  await (await connectWithToken(eb, { locationId: second.id, token: second.token })).close();
  const url = partnerUrl('heyreach', 'list');
  await openPartnerPage(eb, url);
  sidebar = await openSidebarFor(eb, await tabIdOf(eb, options, url));
  await sidebar.setViewport({ width: 420, height: 900 });
});
afterAll(async () => {
  await eb?.close();
  await sandbox?.close();
});

describe('Chromium: working with a contact in the sidebar', () => {
  it('shows the matched contact with why it matched, its tags, tasks, notes and appointments', async () => {
    await selectPerson(sidebar, 'Maya Okafor');
    await waitForContact(sidebar, 'Maya Okafor');
    expect((await chips(sidebar)).sort()).toEqual([...maya.tags].sort());
    expect(await textOf(sidebar, '[data-testid=match-reason]')).toEqual([expect.stringMatching(/^matched by email · 98% sure/)]);
    const stored = await sandboxRecord(sandbox, mayaId);
    expect(await sidebar.$$eval('[data-testid=tasks] > li', (l) => l.length)).toBe(stored.tasks.length);
    expect(await sidebar.$$eval('[data-testid=notes] > li', (l) => l.length)).toBe(stored.notes.length);
    expect((await textOf(sidebar, '[data-testid=appointments] > li'))[0]).not.toBe('No appointments');
    expect(await textOf(sidebar, '[data-testid=facts] dt')).toEqual(['Email', 'Company']);
    expect(await textOf(sidebar, '[data-testid=custom-field-values] dt')).toEqual(['Job Title', 'Plan', 'Contract']);
    await readmeShot(sidebar, '1-contact');
    await listedPeople(sidebar); // the list of the page's people, opened over the record
    await readmeShot(sidebar, '10-people');
    await sidebar.keyboard.press('Escape'); // the list closes (the focus is in it)
  });

  it('adds a tag from the keyboard: the chip shows before HighLevel answers, then the sandbox has it', async () => {
    await sidebar.focus('#tag-input');
    await sidebar.keyboard.type('vi'); // suggestions as you type, the first one highlighted
    await readmeShot(sidebar, '11-suggestions');
    await sidebar.keyboard.press('Backspace');
    await sidebar.keyboard.press('Backspace');
    sandbox.setFaults({ latencyMs: 1500, paths: ['/contacts/*/tags'] });
    // narrower, as a side panel often is: the header stays one line while the write is counted in it
    await sidebar.setViewport({ width: 360, height: 900 });
    const headerHeight = () => sidebar.$eval('header.top', (h) => h.getBoundingClientRect().height);
    const oneLine = await headerHeight();
    await sidebar.focus('#tag-input');
    await sidebar.keyboard.type('Sidebar-Demo');
    await sidebar.keyboard.down('Shift'); // a new tag: Shift+Enter creates it (Enter only takes a suggestion)
    await sidebar.keyboard.press('Enter');
    await sidebar.keyboard.up('Shift');
    expect(await chips(sidebar)).toContain('Sidebar-Demo'); // optimistic: the write is still on its way
    await waitForText(sidebar, '.activity-button', (t) => t[0] === 'Activity (1 sending)', 'the write counted in the header');
    expect(await headerHeight()).toBe(oneLine);
    await sidebar.setViewport({ width: 420, height: 900 });
    expect((await sandboxRecord(sandbox, mayaId)).contact.tags).not.toContain('sidebar-demo');
    await waitForSandbox(sandbox, mayaId, (r) => r.contact.tags.includes('sidebar-demo'), 'the new tag');
    sandbox.setFaults({ latencyMs: 0, paths: [] });
    await waitForText(sidebar, '[data-testid=tags] .chip', (t) => t.includes('sidebar-demo'), 'the tag as HighLevel spells it');
    expect(await textOf(sidebar, '[data-testid=undo]')).toEqual([expect.stringContaining('Added “Sidebar-Demo”')]);
    await readmeShot(sidebar, '2-tag-added', '#tag-input');
  });

  it('removes tags from the keyboard (Backspace in the empty box, Delete on a chip) and undoes with Ctrl+Z', async () => {
    await sidebar.focus('#tag-input');
    await sidebar.keyboard.press('Backspace');
    expect(await chips(sidebar)).not.toContain('sidebar-demo');
    await waitForSandbox(sandbox, mayaId, (r) => !r.contact.tags.includes('sidebar-demo'), 'the tag removed');
    expect((await chips(sidebar)).sort()).toEqual([...maya.tags].sort());

    const [first] = await chips(sidebar);
    await sidebar.focus('[data-testid=tags] .chip');
    await sidebar.keyboard.press('Delete');
    expect(await chips(sidebar)).not.toContain(first);
    await waitForSandbox(sandbox, mayaId, (r) => !r.contact.tags.includes(first!), `${first} removed`);
    await sidebar.keyboard.down('Control');
    await sidebar.keyboard.press('z');
    await sidebar.keyboard.up('Control');
    await waitForSandbox(sandbox, mayaId, (r) => r.contact.tags.includes(first!), `${first} back after Ctrl+Z`);
    expect((await chips(sidebar)).sort()).toEqual([...maya.tags].sort());
    expect(await textOf(sidebar, '[data-testid=undo]')).toEqual([`Undone: Removed “${first}”`]); // said, not only done
  });

  it('adds a task with an assignee, then completes it', async () => {
    await clickOn(sidebar, '[data-testid=contact-card] details.adder summary');
    const form = 'form[aria-label="Add a task"]';
    await sidebar.type(`${form} input[name=title]`, 'Send the pilot proposal');
    const assignee = await sidebar.$eval(`${form} select option:nth-child(2)`, (o) => [(o as HTMLOptionElement).value, o.textContent]);
    await sidebar.select(`${form} select`, assignee[0]!);
    await sidebar.focus(`${form} input[name=title]`);
    await sidebar.keyboard.press('Enter');
    await waitForText(sidebar, '[data-testid=tasks] > li', (t) => t.some((x) => x.includes('Send the pilot proposal') && x.includes(assignee[1]!)), 'the new task');
    await waitForSandbox(sandbox, mayaId, (r) => r.tasks.some((t) => t.title === 'Send the pilot proposal' && t.assignedTo === assignee[0]), 'the task');

    const items = await sidebar.$$('[data-testid=tasks] > li');
    const texts = await textOf(sidebar, '[data-testid=tasks] > li');
    const box = await items[texts.findIndex((t) => t.includes('Send the pilot proposal'))]!.$('input[type=checkbox]');
    await box!.focus();
    await sidebar.keyboard.press('Space');
    await waitForSandbox(sandbox, mayaId, (r) => r.tasks.some((t) => t.title === 'Send the pilot proposal' && t.completed), 'the task completed');
    await waitForText(sidebar, '[data-testid=tasks] > li.done', (t) => t.some((x) => x.includes('Send the pilot proposal')), 'the task done');
    await readmeShot(sidebar, '3-task', '[data-testid=tasks]');
  });

  it('adds a note, shown first (newest first)', async () => {
    await clickOn(sidebar, '[data-testid=notes] + details.adder summary');
    await sidebar.type('form[aria-label="New note"] textarea', 'Asked for a pilot in May.');
    await clickOn(sidebar, 'form[aria-label="New note"] button[type=submit]');
    await waitForText(sidebar, '[data-testid=notes] > li', (t) => (t[0] ?? '').startsWith('Asked for a pilot in May.'), 'the note first');
    await waitForSandbox(sandbox, mayaId, (r) => r.notes.some((n) => n.body === 'Asked for a pilot in May.'), 'the note');
    await readmeShot(sidebar, '4-note', '[data-testid=notes]');
  });

  it('has no accessibility violations in the sidebar (light and dark) or the options page', async () => {
    expect(await axeViolations(sidebar)).toEqual([]);
    await sidebar.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    expect(await axeViolations(sidebar)).toEqual([]);
    await readmeShot(sidebar, '9-dark');
    await sidebar.emulateMediaFeatures([]);
    expect(await axeViolations(options)).toEqual([]);
  });

  it('creates a person missing from GHL and shows them matched', async () => {
    await selectPerson(sidebar, 'Hannah Whitfield');
    await waitForText(sidebar, '[data-testid=match] button.primary', (t) => t.includes('Create contact in GHL'), 'the create button');
    await readmeShot(sidebar, '5-missing');
    await clickOn(sidebar, '[data-testid=match] button.primary');
    await waitForContact(sidebar, 'Hannah Whitfield');
    const entry = (await listedPeople(sidebar)).find((p) => p.startsWith('Hannah Whitfield'));
    await sidebar.keyboard.press('Escape');
    expect(entry).toContain('In GHL');
    const created = sandboxSearch(sandbox, 'hannah-whitfield');
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ firstName: 'Hannah', lastName: 'Whitfield', website: 'https://www.linkedin.com/in/hannah-whitfield' });
    expect(created[0]!.source).toBe('GHL Sidebar – heyreach');
    await readmeShot(sidebar, '6-created');
  });

  it('switches location from the header and matches the page again there', async () => {
    const second = sandbox.locations[1]!;
    const value = await sidebar.$$eval(
      '#location-switcher option',
      (opts, name) => opts.find((o) => o.textContent === name)?.getAttribute('value') ?? '',
      second.name,
    );
    await sidebar.select('#location-switcher', value);
    await waitFor(async () => (await listedPeople(sidebar)).some((p) => p.startsWith('Maya Okafor') && p.includes('Not in GHL')), 15_000, 'Maya missing in the other location');
    await sidebar.keyboard.press('Escape');
    expect(await sidebar.$eval('#location-switcher', (s) => (s as HTMLSelectElement).selectedOptions[0]?.textContent)).toBe(second.name);
    await readmeShot(sidebar, '7-switched-location');
    await options.setViewport({ width: 720, height: 900 });
    await options.bringToFront(); // a tab in the background may never finish its reload
    await options.reload({ waitUntil: 'load' });
    await options.waitForSelector('#titleField').catch(async (e: Error) => {
      throw new Error(`${e.message}: ${await options.$eval('body', (b) => b.innerText)}`);
    });
    await readmeShot(options, '8-options', '#sites-title');
  });
});
