// The session in the real browser: OAuth through the consent page via launchWebAuthFlow, a
// worker killed in the middle of a token refresh, content scripts refused any write, and no token
// in anything the pages or content scripts receive or in the extension's storage.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, stopServiceWorker, waitFor, type ExtensionBrowser } from '../../scripts/lib/browsers';
import { connectWithToken, listedPeople, openPartnerPage, openSidebarFor, showPerson, tabIdOf, waitForContact } from '../../scripts/lib/flow';
import type { Sandbox } from '../../sandbox/server';
import { allowedSenders } from '../../lib/protocol';
import { startTestBroker, type TestBroker } from '../auth/test-broker';
import { freshSandbox, partnerUrl, proxyOf } from './setup';
import {
  contentScriptWorld,
  extensionStorageDump,
  recordSidebarTraffic,
  secretsIn,
  sidebarTraffic,
  signInWithOAuth,
} from './session-steps';

let sandbox: Sandbox;
let eb: ExtensionBrowser;

beforeAll(async () => {
  sandbox = await freshSandbox();
});
afterAll(async () => {
  await sandbox?.close();
});
afterEach(async () => {
  await eb?.close();
});

async function sandboxRequestCount(): Promise<number> {
  const res = await fetch(`${sandbox.baseUrl}/__admin/requests?limit=1`);
  return ((await res.json()) as { counts: { total: number } }).counts.total;
}

async function oauthCount(key: string): Promise<number> {
  const res = await fetch(`${sandbox.baseUrl}/__admin/oauth`);
  return ((await res.json()) as Record<string, number>)[key] ?? 0;
}

describe('Chromium: session', () => {
  it('connects through OAuth: the consent page in launchWebAuthFlow, the code exchanged with the app secret', async () => {
    eb = await launchChromium(proxyOf(sandbox));
    const exchangedBefore = await oauthCount('codesExchanged');
    const options = await eb.openExtensionPage('options.html');
    await options.waitForSelector('#clientId');
    const redirect = await options.$eval('[data-testid=redirect-url]', (e) => e.textContent ?? '');
    expect(redirect).toMatch(/^https:\/\/[a-p]{32}\.chromiumapp\.org\/$/);
    await signInWithOAuth(
      eb,
      sandbox,
      options,
      {
        '#clientId': sandbox.clientId,
        '#clientSecret': sandbox.clientSecret,
      },
      'own-app',
    );
    expect(await oauthCount('codesExchanged')).toBe(exchangedBefore + 1);
    // the client secret and the tokens are nowhere in the extension's storage
    const stored = await extensionStorageDump(options);
    expect(secretsIn(stored, sandbox)).toEqual([]);
    expect(stored).not.toContain(sandbox.clientSecret);
  });

  it('keeps the session when the worker is stopped in the middle of a token refresh', async () => {
    const broker: TestBroker = await startTestBroker({
      tokenUrl: `${sandbox.baseUrl}/oauth/token`,
      clientId: sandbox.clientId,
      clientSecret: sandbox.clientSecret,
    });
    try {
      // tokens that need renewing within seconds (the session renews 5 minutes before expiry)
      sandbox.setConfig({ accessTokenTtlSec: 302 });
      eb = await launchChromium(proxyOf(sandbox));
      const options = await eb.openExtensionPage('options.html');
      await options.waitForSelector('#clientId');
      await signInWithOAuth(
        eb,
        sandbox,
        options,
        { '#clientId': sandbox.clientId, '#brokerUrl': broker.url },
        'broker',
      );
      const reusedBefore = await oauthCount('reusedRefreshTokens');
      await new Promise((r) => setTimeout(r, 2_500)); // now less than 5 minutes are left
      broker.refreshDelayMs = 1_500;
      const refreshStarted = broker.nextRefresh();

      const url = partnerUrl('heyreach', 'list');
      await openPartnerPage(eb, url);
      const tabId = await tabIdOf(eb, options, url);
      const sidebar = await openSidebarFor(eb, tabId); // asks the background to match: needs a token
      await refreshStarted;
      await stopServiceWorker(eb, options); // the worker dies while the broker is answering
      broker.refreshDelayMs = 0;

      await sidebar.reload(); // wakes a new worker, which finishes the interrupted refresh
      await waitFor(async () => (await listedPeople(sidebar)).some((p) => p.startsWith('Maya Okafor')), 20_000, 'Maya listed');
      await showPerson(sidebar, 'Maya Okafor');
      await waitForContact(sidebar, 'Maya Okafor');
      expect(broker.replays).toBeGreaterThanOrEqual(1); // the old refresh token was sent again, once
      expect(await oauthCount('reusedRefreshTokens')).toBe(reusedBefore); // and never reached HighLevel twice
    } finally {
      sandbox.setConfig({ accessTokenTtlSec: 86_399 });
      await broker.close();
    }
  });

  it('refuses a write asked by a content script, and hands no token to the sidebar or the content script', async () => {
    eb = await launchChromium(proxyOf(sandbox));
    const options = await connectWithToken(eb, sandbox);
    const url = partnerUrl('heyreach', 'list');
    const partner = await openPartnerPage(eb, url);
    const world = await contentScriptWorld(partner, eb);
    const tabId = await tabIdOf(eb, options, url);

    const sidebarPage = await eb.browser.newPage();
    await recordSidebarTraffic(sidebarPage);
    await sidebarPage.goto(`${eb.extensionBase}sidepanel.html?tab=${tabId}`);
    await waitFor(async () => (await listedPeople(sidebarPage)).some((p) => p.startsWith('Maya Okafor')), 20_000, 'Maya listed');
    await showPerson(sidebarPage, 'Maya Okafor');
    await waitForContact(sidebarPage, 'Maya Okafor');

    // the content script asks for every read and write the pages may ask for: each one refused,
    // and nothing reaches HighLevel
    const contactId = await sidebarPage.$eval('[data-testid=contact-card] a', (a) => (a as HTMLAnchorElement).href.split('/').pop()!);
    const requestsBefore = await sandboxRequestCount();
    const pageOnly = Object.entries(allowedSenders).filter(([, who]) => who === 'extension-page').map(([type]) => type);
    expect(pageOnly.length).toBeGreaterThan(5);
    const answers: unknown[] = [];
    for (const type of pageOnly) {
      const probe = { contactId, tag: 'from-the-page', tags: ['from-the-page'], connectionId: 'x', title: 'x', body: 'x' };
      const answer = await world.send(type, probe);
      expect(answer, type).toMatchObject({ res: { ok: false, error: { kind: 'refused' } } });
      answers.push(answer);
    }
    expect(await sandboxRequestCount()).toBe(requestsBefore);
    const stored = await (await fetch(`${sandbox.baseUrl}/__admin/contacts/${contactId}`)).json();
    expect(stored.contact.tags).not.toContain('from-the-page');

    // everything the content script and the sidebar received carries no token
    await world.recordAnswers();
    await world.send('reportPeople', { people: [{ name: 'Probe' }], view: 'list', site: 'heyreach' });
    const received = [JSON.stringify(answers), ...(await world.answers()), ...(await sidebarTraffic(sidebarPage))];
    expect(received.length).toBeGreaterThan(3);
    expect(secretsIn(received.join('\n'), sandbox)).toEqual([]);
    // nor does the extension's storage
    expect(secretsIn(await extensionStorageDump(options), sandbox)).toEqual([]);
  });
});
