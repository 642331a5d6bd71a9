// Probes for the session browser tests: act as the content script (its isolated world, through
// CDP), record what an extension page receives, dump the extension's storage, find secrets in text.
import type { CDPSession, Page } from 'puppeteer-core';
import { waitFor, type ExtensionBrowser } from '../../scripts/lib/browsers';
import type { Sandbox } from '../../sandbox/server';
import { HIGHLEVEL_CONSENT_URL } from '../../lib/hosts';

// The extension pages' `chrome` object, as used inside page.evaluate (only what these probes touch).
interface StorageArea {
  get(keys: null): Promise<Record<string, unknown>>;
}
declare const chrome: {
  runtime: {
    sendMessage: (...args: unknown[]) => unknown;
    onMessage: { addListener(fn: (m: unknown) => void): void };
  };
  storage: {
    local: StorageArea;
    sync: StorageArea;
    session: StorageArea;
    onChanged: { addListener(fn: (changes: unknown) => void): void };
  };
};

type Context = { id: number; name: string; origin: string; auxData?: { type?: string } };

/**
 * Fills the OAuth form of the options page, then approves `sandbox.locationId` on the consent page
 * that launchWebAuthFlow opens (HighLevel's own, served by the sandbox through its proxy), and
 * waits for the options page to confirm the connection.
 */
export async function signInWithOAuth(
  eb: ExtensionBrowser,
  sandbox: Sandbox,
  options: Page,
  fill: Record<string, string>,
  mode: 'own-app' | 'broker',
) {
  await options.evaluate(() => document.querySelectorAll('details').forEach((d) => d.setAttribute('open', '')));
  if (mode === 'broker') await options.click('input[name=mode]:not(:checked)');
  for (const [selector, value] of Object.entries(fill)) {
    await options.$eval(selector, (el) => ((el as HTMLInputElement).value = ''));
    await options.type(selector, value);
  }
  await options.click('form[aria-labelledby=oauth-title] button[type=submit]');
  let consent: Page | undefined;
  await waitFor(
    async () => (consent = (await eb.browser.pages()).find((p) => p.url().startsWith(HIGHLEVEL_CONSENT_URL))) != null,
    15_000,
    'the consent page did not open',
  );
  await consent!.waitForSelector('button[name=locationId]');
  await consent!.click(`button[name=locationId][value="${sandbox.locationId}"]`);
  const status = () => options.$eval('[aria-live]', (e) => e.textContent ?? '').catch(() => '');
  await waitFor(
    async () => (await status()).includes('Connected to Northstar Growth Agency'),
    15_000,
    'the options page did not confirm the OAuth connection',
  ).catch(async (e: Error) => {
    throw new Error(`${e.message}: “${await status()}”`);
  });
}

/** The content script's isolated world on a page (Chromium), to send messages as it would. */
export async function contentScriptWorld(page: Page, eb: ExtensionBrowser) {
  const cdp: CDPSession = await page.createCDPSession();
  const contexts: Context[] = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context as Context));
  await cdp.send('Runtime.enable');
  const origin = eb.extensionBase.replace(/\/$/, '');
  let world: Context | undefined;
  await waitFor(
    () => (world = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin === origin)) != null,
    10_000,
    'the content script did not run on the page',
  );
  const run = async (expression: string) => {
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      contextId: world!.id,
      expression,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value as unknown;
  };
  return {
    /** evaluates `expression` in the content script's world (awaited, its value returned; its `chrome` is the content script's) */
    run,
    /** sends a message in the messaging library's wire format, as the content script would */
    send: (type: string, data: unknown) =>
      run(`new Promise((resolve) => chrome.runtime.sendMessage(
        { id: 1, type: ${JSON.stringify(type)}, data: ${JSON.stringify(data)}, timestamp: Date.now() },
        (answer) => resolve(answer ?? { lastError: chrome.runtime.lastError?.message ?? 'no answer' })))`),
    /** from now on, keeps every answer the content script receives */
    recordAnswers: () =>
      run(`(() => {
        globalThis.__answers = [];
        const send = chrome.runtime.sendMessage.bind(chrome.runtime);
        chrome.runtime.sendMessage = (message, ...rest) => {
          const done = typeof rest[rest.length - 1] === 'function' ? rest.pop() : undefined;
          return send(message, ...rest, (answer) => { globalThis.__answers.push(JSON.stringify(answer ?? null)); done?.(answer); });
        };
        chrome.runtime.onMessage.addListener((m) => { globalThis.__answers.push(JSON.stringify(m)); });
        return true;
      })()`),
    answers: async () => (await run('globalThis.__answers ?? []')) as string[],
  };
}

/** Before the sidebar loads: keep every answer and message it receives, and every storage change. */
export async function recordSidebarTraffic(page: Page) {
  await page.evaluateOnNewDocument(() => {
    const seen: string[] = [];
    (globalThis as unknown as { __received: string[] }).__received = seen;
    const rt = chrome.runtime;
    const send = rt.sendMessage.bind(rt) as (...a: unknown[]) => unknown;
    (rt as unknown as { sendMessage: unknown }).sendMessage = (...args: unknown[]) => {
      const done = typeof args[args.length - 1] === 'function' ? (args.pop() as (a: unknown) => void) : undefined;
      return send(...args, (answer: unknown) => {
        seen.push(JSON.stringify(answer ?? null));
        done?.(answer);
      });
    };
    rt.onMessage.addListener((m: unknown) => void seen.push(JSON.stringify(m)));
    chrome.storage.onChanged.addListener((changes: unknown) => void seen.push(JSON.stringify(changes)));
  });
}

export async function sidebarTraffic(page: Page): Promise<string[]> {
  return page.evaluate(() => (globalThis as unknown as { __received: string[] }).__received);
}

/** Everything in storage.local, .sync and .session, as one JSON text (from an extension page). */
export async function extensionStorageDump(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome; // Firefox: promise-based
    const areas = { local: api.storage.local, sync: api.storage.sync, session: api.storage.session };
    const dump: Record<string, unknown> = {};
    for (const [name, area] of Object.entries(areas)) dump[name] = await area.get(null);
    return JSON.stringify(dump);
  });
}

const JWT = /eyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]{8,}/g;
const PIT = /pit-[0-9a-f]{8}-[0-9a-f-]{27}/g;

/** Every token or secret of the sandbox found in `text`: known values and token-shaped strings. */
export function secretsIn(text: string, sandbox: Sandbox): string[] {
  const known = [
    sandbox.token,
    sandbox.clientSecret,
    sandbox.agencyToken,
    ...sandbox.locations.map((l) => l.token),
    ...sandbox.ctx.tokens.refresh.keys(),
  ];
  const found = new Set<string>([...(text.match(JWT) ?? []), ...(text.match(PIT) ?? [])]);
  for (const secret of known) if (secret && text.includes(secret)) found.add(secret);
  return [...found].map((s) => `${s.slice(0, 12)}…`);
}
