// Bulk tagging a list page of 200 people matched in GHL, at the sandbox's default rate limit
// (100 requests / 10 s): "Tag everyone on this page" shows a progress bar reaching 200/200 and the
// sandbox answers no 429 at all; a second run interrupted by stopping the worker mid-job resumes
// when the worker starts again and completes. The sandbox ends with both tags on all 200.
// The job's 4 requests go out together; the sandbox answers them after different delays (seeded
// jitter), so the bar moves chunk by chunk and the worker can be stopped between two answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchChromium, stopServiceWorker, waitFor, type ExtensionBrowser } from '../../scripts/lib/browsers';
import { connectWithToken, textOf } from '../../scripts/lib/flow';
import { LARGE_LIST, largeListContacts } from '../../sandbox/partners/large-list';
import type { Sandbox } from '../../sandbox/server';
import { inParallel, message, requestCounts, resetCounters, sidebarOn } from './outbox-steps';
import { freshSandbox, proxyOf } from './setup';
import { readmeShot, sandboxRecord } from './sidebar-steps';

let sandbox: Sandbox;
let eb: ExtensionBrowser;
let sidebar: Page;
const contactIds = largeListContacts().map((c) => c.id);

beforeAll(async () => {
  sandbox = await freshSandbox();
  eb = await launchChromium(proxyOf(sandbox));
  const options = await connectWithToken(eb, sandbox);
  await resetCounters(sandbox);
  sidebar = await sidebarOn(eb, options, `https://${LARGE_LIST.host}${LARGE_LIST.path}`);
});
afterAll(async () => {
  await eb?.close();
  await sandbox?.close();
});

/** Where the progress bar of the job tagging `tag` stands (-1: no such bar yet). */
const progress = (page: Page, tag: string) =>
  page.$$eval(
    '[data-testid=bulk-job] [role=progressbar]',
    (bars, t) => Number(bars.find((b) => b.getAttribute('aria-label')?.includes(`“\u2068${t}\u2069”`))?.getAttribute('aria-valuenow') ?? -1),
    tag,
  );

/** Tags everyone in GHL on the page with a new tag: the bulk box, Shift+Enter (a new tag), then "Tag 200 contacts". */
async function tagEveryone(tag: string) {
  await sidebar.$eval('[data-testid=bulk]', (d) => ((d as HTMLDetailsElement).open = true));
  const input = await sidebar.waitForSelector('[data-testid=bulk] input[role=combobox]');
  await input!.type(tag);
  await sidebar.keyboard.down('Shift');
  await sidebar.keyboard.press('Enter');
  await sidebar.keyboard.up('Shift');
  const [button] = await sidebar.$$(`xpath/.//button[normalize-space()="Tag ${LARGE_LIST.size} contacts"]`);
  await button!.click();
}

async function expectTagOnAll(tag: string) {
  const missing = (await inParallel(contactIds, 20, async (id) => ((await sandboxRecord(sandbox, id)).contact.tags.includes(tag) ? null : id))).filter(Boolean);
  expect(missing).toEqual([]);
}

describe('Chromium: tag everyone on a list page', () => {
  it('matches the 200 people of the page in GHL', { timeout: 180_000 }, async () => {
    expect(contactIds).toHaveLength(LARGE_LIST.size);
    // 200 look-ups at 100 requests / 10 s: about 20 s
    const summary = `Tag several people (${LARGE_LIST.size} in GHL)`;
    await waitFor(async () => (await textOf(sidebar, '[data-testid=bulk-summary]'))[0] === summary, 120_000, 'all 200 matched').catch(async (e: Error) => {
      throw new Error(`${e.message}; summary: ${JSON.stringify(await textOf(sidebar, '[data-testid=bulk-summary]'))}`);
    });
  });

  it('tags all 200 with a progress bar reaching 200/200 and no 429 from the sandbox', async () => {
    sandbox.setFaults({ latencyMs: 1_000, jitterMs: 4_000, paths: ['/contacts/bulk/*'] }); // slow enough to see the bar move
    await tagEveryone('bulk-200');
    await sidebar.waitForSelector('[data-testid=bulk-job][data-state=running] [role=progressbar]');
    await waitFor(async () => (await progress(sidebar, 'bulk-200')) >= 50, 30_000, 'the first chunk');
    await readmeShot(sidebar, 'outbox-bulk');
    await waitFor(async () => (await progress(sidebar, 'bulk-200')) === 200, 60_000, 'the bar at 200/200');
    await sidebar.waitForSelector('[data-testid=bulk-job][data-state=done]');
    expect(await sidebar.$eval('[data-testid=bulk-job] p', (p) => p.textContent)).toContain('200/200 — done');
    await expectTagOnAll('bulk-200');
    const counts = await requestCounts(sandbox);
    console.warn(`bulk: ${counts.total} requests since connecting (matching 200 people, records, 4 bulk requests), ${counts.rateLimited} answered 429`);
    expect(counts.rateLimited).toBe(0);
  });

  it('resumes a bulk job interrupted by a worker stop and completes it', { timeout: 180_000 }, async () => {
    sandbox.setFaults({ latencyMs: 2_000, jitterMs: 6_000, paths: ['/contacts/bulk/*'] });
    await tagEveryone('bulk-resume');
    await waitFor(async () => (await progress(sidebar, 'bulk-resume')) >= 50, 30_000, 'the first chunk of the second job');
    const before = await progress(sidebar, 'bulk-resume');
    expect(before).toBeLessThan(200);
    await stopServiceWorker(eb, sidebar);
    sandbox.setFaults({ latencyMs: 0, paths: [] });
    // the next message (or the outbox's alarm) starts the worker again; it resumes the job
    await waitFor(async () => (await message(sidebar, 'getOutboxStatus', undefined)).jobs.find((j) => j.tags.includes('bulk-resume'))?.state === 'done', 120_000, 'the resumed job to finish');
    await waitFor(async () => (await progress(sidebar, 'bulk-resume')) === 200, 30_000, 'the resumed bar at 200/200');
    await expectTagOnAll('bulk-resume');
    await expectTagOnAll('bulk-200');
    const counts = await requestCounts(sandbox);
    console.warn(`bulk resumed: ${counts.total} requests in all, ${counts.rateLimited} answered 429`);
    expect(counts.rateLimited).toBe(0);
  });
});
