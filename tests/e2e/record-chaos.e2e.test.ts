// The same walk through the record (record.e2e.test.ts) while the sandbox fails 20 % of the API
// requests with a 5xx: 15 % before acting, 5 % after carrying the request out (the change is
// applied, its answer lost). At the end every change of the walk is on the sandbox exactly once
// (one opportunity, one run through the workflow, each field as chosen) and every write of the
// activity log is saved: none failed, none lost, none applied twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchChromium, waitFor, type ExtensionBrowser } from '../../scripts/lib/browsers';
import { connectWithToken, waitForContact } from '../../scripts/lib/flow';
import type { Sandbox } from '../../sandbox/server';
import { faultCounts, message, requestCounts, sidebarOn } from './outbox-steps';
import { expectWalkApplied, planWalk, walkTheRecord, WALK_ACTIVITY, MAYA, type WalkPlan } from './record-steps';
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
  await sidebar.waitForSelector('[data-testid=opportunity]');
});
afterAll(async () => {
  await eb?.close();
  await sandbox?.close();
});

describe('Chromium: the walk through the record while HighLevel fails 20 % of requests', () => {
  it('ends with every change applied once and every write saved', { timeout: 600_000 }, async () => {
    sandbox.setFaults({ errorRate: 0.15, errorAfterRate: 0.05 });
    await walkTheRecord(sidebar, sandbox, plan, { timeoutMs: 240_000 });
    // the writes still waiting for a retry are sent; then nothing is left
    await waitFor(async () => (await message(sidebar, 'getOutboxStatus', undefined)).pending === 0, 240_000, 'the outbox never emptied');
    const faults = await faultCounts(sandbox);
    const requests = await requestCounts(sandbox);
    sandbox.setFaults({ errorRate: 0, errorAfterRate: 0 });
    const faulted = sandbox.ctx.log.recent(2000).filter((r) => r.fault).map((r) => `${r.method} ${r.path} ${r.fault}`);
    console.warn(`record chaos: ${requests.total} requests, ${faults.errors} × 5xx before, ${faults.errorsAfter} × 5xx after the change was applied:\n  ${faulted.join('\n  ')}`);
    // the walk met both kinds, and lost the answer of at least one write it had applied
    expect(faults.errors).toBeGreaterThan(0);
    expect(faulted.some((f) => !f.startsWith('GET') && f.endsWith('-after'))).toBe(true);
    expect(expectWalkApplied(sandbox, plan)).toEqual([]);
    const entries = (await message(sidebar, 'getActivity', undefined)).filter((e) => e.contactId === plan.contactId);
    expect(entries.map((e) => `${e.what}: ${e.state}`).reverse()).toEqual(WALK_ACTIVITY(plan).map((what) => `${what}: done`));
  });
});
