// The record's opportunity and workflow steps in Firefox ESR (the sidebar page of the built
// add-on, the sandbox at HighLevel's hosts through its proxy): on a HeyReach page, Maya Okafor's
// opportunity moved to the next stage and marked won, then Maya added to a workflow after the
// confirmation; both on the sandbox once, both saved in the activity log.
import { describe, expect, it } from 'vitest';
import { launchFirefox } from '../../scripts/lib/browsers';
import { connectWithToken, waitForContact } from '../../scripts/lib/flow';
import { message, sidebarOn } from './outbox-steps';
import { expectWalkApplied, planWalk, walkTheRecord, MAYA } from './record-steps';
import { partnerUrl, sandboxAndBrowser, screenshot } from './setup';
import { selectPerson } from './sidebar-steps';

const world = sandboxAndBrowser(launchFirefox);

describe('Firefox: opportunity and workflow from the sidebar', () => {
  it('moves the opportunity, marks it won and adds Maya to a workflow', { timeout: 180_000 }, async () => {
    const plan = planWalk(world.sandbox);
    const options = await connectWithToken(world.eb, world.sandbox);
    const sidebar = await sidebarOn(world.eb, options, partnerUrl('heyreach', 'list'));
    await selectPerson(sidebar, MAYA);
    await waitForContact(sidebar, MAYA);
    await walkTheRecord(sidebar, world.sandbox, plan, { timeoutMs: 20_000, only: 'opportunity-and-workflow' });
    expect(expectWalkApplied(world.sandbox, plan, 'opportunity-and-workflow')).toEqual([]);
    const entries = (await message(sidebar, 'getActivity', undefined)).filter((e) => e.contactId === plan.contactId);
    expect(entries.map((e) => `${e.what}: ${e.state}`).reverse()).toEqual([
      'Move an opportunity to another stage: done',
      'Mark an opportunity won: done',
      `Add to workflow “\u2068${plan.workflowName}\u2069”: done`,
    ]);
    await screenshot(sidebar, 'firefox-record-opportunity-workflow');
  });
});
