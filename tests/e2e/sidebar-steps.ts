// Steps and checks of the sidebar browser test: what the sandbox holds (asked over its admin and
// HighLevel APIs), people in the sidebar, axe-core runs, and the README's screenshots.
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { repoRoot, waitFor } from '../../scripts/lib/browsers';
import { PEOPLE as LISTED, listedPeople, showPerson, textOf } from '../../scripts/lib/flow';
import { textMatch } from '../../sandbox/contact-ops';
import type { Sandbox } from '../../sandbox/server';

/** The page's people in the sidebar's list (open it first: `listedPeople`). */
export const PEOPLE = LISTED;

export interface SandboxRecord {
  contact: { id: string; tags: string[]; firstName?: string; lastName?: string; website?: string; source?: string };
  tasks: { id: string; title: string; completed: boolean; assignedTo?: string }[];
  notes: { id: string; body: string }[];
}

/** A contact with its tasks and notes, as the sandbox holds it now. */
export async function sandboxRecord(sandbox: Sandbox, contactId: string): Promise<SandboxRecord> {
  const res = await fetch(`${sandbox.baseUrl}/__admin/contacts/${contactId}`);
  if (!res.ok) throw new Error(`no contact ${contactId} in the sandbox (${res.status})`);
  return (await res.json()) as SandboxRecord;
}

/**
 * Contacts of the first location whose text (name, email, company, website) contains `query`, as
 * the sandbox holds them now (not through its search, which lags writes as HighLevel's does).
 */
export function sandboxSearch(sandbox: Sandbox, query: string): SandboxRecord['contact'][] {
  return sandbox.state.contactsOf(sandbox.locationId).filter((c) => textMatch(c, query));
}

/** Waits until the sandbox's record of the contact passes `check`. */
export async function waitForSandbox(sandbox: Sandbox, contactId: string, check: (r: SandboxRecord) => boolean, what: string) {
  await waitFor(async () => check(await sandboxRecord(sandbox, contactId)), 10_000, `the sandbox never showed ${what}`);
}

export async function waitForText(page: Page, selector: string, check: (texts: string[]) => boolean, what: string) {
  let last: string[] = [];
  await waitFor(async () => check((last = await textOf(page, selector))), 15_000, `the page never showed ${what}`).catch(async (e: Error) => {
    const alerts = await textOf(page, '[role=alert]');
    throw new Error(`${e.message}; it showed ${JSON.stringify(last)}${alerts.length ? `; alerts: ${JSON.stringify(alerts)}` : ''}`);
  });
}

/** Shows the person whose entry starts with `name`, chosen in the sidebar's list of the page's people. */
export async function selectPerson(sidebar: Page, name: string) {
  await waitFor(async () => (await listedPeople(sidebar)).some((p) => p.startsWith(name)), 15_000, `${name} in the people list`);
  await showPerson(sidebar, name);
}

export const chips = (sidebar: Page) => textOf(sidebar, '[data-testid=tags] .chip');

/** axe-core's violations on the page (all rules axe runs by default), as "rule: target" lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  // evaluated over the DevTools protocol: an extension page's CSP refuses an injected <script>
  await page.evaluate(await readFile(path.join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
    type Rule = { id: string; nodes: { target: unknown[] }[] };
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: Rule[]; passes: Rule[] }> } }).axe;
    const result = await axe.run();
    if (result.passes.length < 10) return [`axe checked almost nothing (${result.passes.length} rules passed)`];
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)}`));
  });
}

/**
 * A sidebar-sized screenshot for the README: test-output/readme/<name>.png, or with
 * UPDATE_SCREENSHOTS=1 the README's own docs/screenshots/<name>.png (a plain test run leaves the
 * committed images alone).
 */
export async function readmeShot(page: Page, name: string, scrollTo?: string) {
  const dir = path.join(repoRoot, process.env.UPDATE_SCREENSHOTS === '1' ? 'docs/screenshots' : 'test-output/readme');
  await mkdir(dir, { recursive: true });
  await page.bringToFront(); // a background tab renders no frames in headless Chromium
  if (scrollTo) await page.$eval(scrollTo, (el) => el.scrollIntoView({ block: 'start' }));
  else await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(dir, `${name}.png`) as `${string}.png` });
}
