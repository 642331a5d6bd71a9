// Reduced-scope accounts (#15), in Chromium against the sandbox at HighLevel's hosts: the walk of
// reduced-scope-steps.ts (contacts.readonly only; then readonly + write without custom fields),
// with axe on the card that names the missing scopes and its README screenshot.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchChromium, type ExtensionBrowser } from '../../scripts/lib/browsers';
import type { Sandbox } from '../../sandbox/server';
import { freshSandbox, proxyOf } from './setup';
import { readOnlyWalk, withoutCustomFieldsWalk } from './reduced-scope-steps';
import { axeViolations, readmeShot } from './sidebar-steps';

let sandbox: Sandbox;
let eb: ExtensionBrowser;
let options: Page;

beforeAll(async () => {
  sandbox = await freshSandbox();
  eb = await launchChromium(proxyOf(sandbox));
});
afterAll(async () => {
  await eb?.close();
  await sandbox?.close();
});

describe('Chromium: a token with fewer scopes', () => {
  it('contacts.readonly only: connects, shows the record, and explains each missing scope in words', async () => {
    const walked = await readOnlyWalk(eb, sandbox);
    options = walked.options;
    await walked.sidebar.$eval('[data-testid=access]', (d) => d.setAttribute('open', ''));
    expect(await axeViolations(walked.sidebar)).toEqual([]);
    await readmeShot(walked.sidebar, 'record-reduced-scope');
    await walked.sidebar.close();
  });

  it('then contacts.readonly and .write without custom fields: writes work, only the custom fields say what they lack', async () => {
    await options.close();
    await withoutCustomFieldsWalk(eb, sandbox);
  });
});
