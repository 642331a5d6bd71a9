// Reduced-scope accounts (#15) in Firefox ESR (the sidebar page of the built add-on, the sandbox at
// HighLevel's hosts through its proxy): the walk of reduced-scope-steps.ts, contacts.readonly only,
// then readonly + write without custom fields.
import { describe, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefox } from '../../scripts/lib/browsers';
import { sandboxAndBrowser } from './setup';
import { readOnlyWalk, withoutCustomFieldsWalk } from './reduced-scope-steps';

const world = sandboxAndBrowser(launchFirefox);
let options: Page;

describe('Firefox: a token with fewer scopes', () => {
  it('contacts.readonly only: connects, shows the record, and explains each missing scope in words', { timeout: 120_000 }, async () => {
    const walked = await readOnlyWalk(world.eb, world.sandbox);
    options = walked.options;
    await walked.sidebar.close();
  });

  it('then contacts.readonly and .write without custom fields: writes work, only the custom fields say what they lack', { timeout: 120_000 }, async () => {
    await options.close();
    await withoutCustomFieldsWalk(world.eb, world.sandbox);
  });
});
