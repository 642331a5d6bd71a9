// Shared setup of the browser tests: a fresh sandbox per file, whose search index lags writes as
// HighLevel's does, reached by the browser at HighLevel's own hosts through the sandbox's proxy
// (the store build's host permission and default API base URL, as for users); the demo page of a
// partner site; screenshots saved under test-output/ for a person to look at.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { partnerSites } from '../../sandbox/partners/sites';
import { afterAll, beforeAll } from 'vitest';
import { repoRoot, type ExtensionBrowser, type LaunchOptions } from '../../scripts/lib/browsers';
import { SEARCH_LAG_MS } from '../ghl/sandbox-helpers';

export async function freshSandbox(): Promise<Sandbox> {
  return startSandbox({ port: 0, indexDelayMs: SEARCH_LAG_MS });
}

/** Launch options that route HighLevel's and the partner apps' hosts to the sandbox's proxy. */
export function proxyOf(sandbox: Sandbox): LaunchOptions {
  return { proxy: `${sandbox.proxy.host}:${sandbox.proxy.port}`, proxySpki: sandbox.proxy.spki };
}

/** https URL of a demo page, as the partner app's real host would serve it. */
export function partnerUrl(site: keyof typeof partnerSites, view: 'list' | 'detail'): string {
  const info = partnerSites[site];
  const page = info.pages.find((p) => p.view === view);
  if (!page) throw new Error(`sandbox/partners/sites.ts has no ${view} page for ${site}`);
  return `https://${info.host}${page.path}`;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = path.join(repoRoot, 'test-output');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.bringToFront(); // a background tab renders no frames in headless Chromium
  await page.screenshot({ path: file as `${string}.png`, fullPage: true });
  return file;
}

/** The tags the sandbox holds for the contact with this email, asked over its HighLevel API. */
export async function contactTagsOnSandbox(sandbox: Sandbox, email: string): Promise<string[]> {
  const res = await fetch(`${sandbox.baseUrl}/contacts/search`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${sandbox.token}`, Version: '2021-07-28', 'Content-Type': 'application/json' },
    body: JSON.stringify({
      locationId: sandbox.locationId,
      pageLimit: 2,
      filters: [{ field: 'email', operator: 'eq', value: email }],
    }),
  });
  const body = (await res.json()) as { contacts: { tags?: string[] }[] };
  if (body.contacts.length !== 1) throw new Error(`expected one contact with ${email}, got ${body.contacts.length}`);
  return body.contacts[0]!.tags ?? [];
}

/**
 * A fresh sandbox and the extension in a browser for one test file: started before its tests,
 * closed after them. Read `world.sandbox` and `world.eb` inside the tests.
 */
export function sandboxAndBrowser(launch: (opts: LaunchOptions) => Promise<ExtensionBrowser>) {
  const world = {} as { sandbox: Sandbox; eb: ExtensionBrowser };
  beforeAll(async () => {
    world.sandbox = await freshSandbox();
    world.eb = await launch(proxyOf(world.sandbox));
  });
  afterAll(async () => {
    await world.eb?.close();
    await world.sandbox?.close();
  });
  return world;
}
