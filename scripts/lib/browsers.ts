// Launches the built extension in the system's Chromium or Firefox ESR with puppeteer-core,
// routing the partner apps' real hostnames to the sandbox through its partner proxy.
// Shared by the demo (`npm run demo`) and the browser tests (tests/e2e).
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
/** the built extensions to load; CHROME_EXTENSION_DIR / FIREFOX_EXTENSION_DIR point elsewhere */
export const chromeBuild = process.env.CHROME_EXTENSION_DIR ?? path.join(repoRoot, '.output/chrome-mv3');
export const firefoxBuild = process.env.FIREFOX_EXTENSION_DIR ?? path.join(repoRoot, '.output/firefox-mv2');
export const GECKO_ID = 'ghl-sidebar@ghl-sidebar.app';
/** fixed so tests can address moz-extension:// pages */
export const FIREFOX_UUID = '6f2c1f9e-3d4b-4c59-9a55-0c1e2b7d8a41';

const chromiumPaths = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const firefoxPaths = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];

export class MissingBrowserError extends Error {}

function find(kind: 'chromium' | 'firefox'): string {
  const envPath = kind === 'chromium' ? process.env.CHROMIUM_PATH : process.env.FIREFOX_PATH;
  const candidates = envPath ? [envPath] : kind === 'chromium' ? chromiumPaths : firefoxPaths;
  const found = candidates.find((p) => existsSync(p));
  if (found) return found;
  const pkg = kind === 'chromium' ? 'chromium' : 'firefox-esr';
  throw new MissingBrowserError(
    `${kind === 'chromium' ? 'Chromium' : 'Firefox'} was not found (looked in ${candidates.join(', ')}).\n` +
      `Install it with: sudo apt-get install -y ${pkg}\n` +
      `or point ${kind === 'chromium' ? 'CHROMIUM_PATH' : 'FIREFOX_PATH'} at its executable.`,
  );
}

export const findChromium = () => find('chromium');
export const findFirefox = () => find('firefox');

export interface LaunchOptions {
  /** host:port of the sandbox's partner proxy */
  proxy?: string;
  /** base64 SPKI hash of the proxy's certificate, trusted by Chromium for the partner hosts */
  proxySpki?: string;
  headless?: boolean;
}

export interface ExtensionBrowser {
  browser: Browser;
  kind: 'chromium' | 'firefox';
  /** chrome-extension://<id>/ or moz-extension://<uuid>/ */
  extensionBase: string;
  /** opens an extension page (e.g. 'sidepanel.html?tab=3') in a new tab and waits until it renders */
  openExtensionPage(pathAndQuery: string): Promise<Page>;
  close(): Promise<void>;
}

function assertBuilt(dir: string, command: string) {
  if (!existsSync(path.join(dir, 'manifest.json'))) {
    throw new Error(`The extension is not built at ${dir}. Run: ${command}`);
  }
}

export async function launchChromium(opts: LaunchOptions = {}): Promise<ExtensionBrowser> {
  assertBuilt(chromeBuild, 'npm run build');
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'ghl-sidebar-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: findChromium(),
    headless: opts.headless ?? true,
    pipe: true,
    enableExtensions: true,
    // Not attaching to service workers: an attached worker that the browser restarts waits for
    // the debugger forever, so a stopped background would never wake up as it does for users.
    targetFilter: (target) => target.type() !== 'service_worker',
    userDataDir,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(opts.proxy ? [`--proxy-server=${opts.proxy}`] : []),
      ...(opts.proxySpki ? [`--ignore-certificate-errors-spki-list=${opts.proxySpki}`] : []),
    ],
  });
  const id = await browser.installExtension(chromeBuild);
  const extensionBase = `chrome-extension://${id}/`;
  return {
    browser,
    kind: 'chromium',
    extensionBase,
    async openExtensionPage(pathAndQuery) {
      const page = await browser.newPage();
      await page.goto(extensionBase + pathAndQuery, { waitUntil: 'load' });
      return page;
    },
    close: () => browser.close(),
  };
}

export async function launchFirefox(opts: LaunchOptions = {}): Promise<ExtensionBrowser> {
  assertBuilt(firefoxBuild, 'npm run build:firefox');
  const [proxyHost, proxyPort] = (opts.proxy ?? '').split(':');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: opts.headless ?? true,
    acceptInsecureCerts: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      ...(opts.proxy
        ? {
            'network.proxy.type': 1,
            'network.proxy.ssl': proxyHost,
            'network.proxy.ssl_port': Number(proxyPort),
            'network.proxy.http': proxyHost,
            'network.proxy.http_port': Number(proxyPort),
            'network.proxy.no_proxies_on': 'localhost, 127.0.0.1',
            'network.proxy.allow_hijacking_localhost': false,
          }
        : {}),
    },
  });
  await browser.installExtension(firefoxBuild);
  const extensionBase = `moz-extension://${FIREFOX_UUID}/`;
  return {
    browser,
    kind: 'firefox',
    extensionBase,
    async openExtensionPage(pathAndQuery) {
      const page = await browser.newPage();
      // Firefox refuses a plain goto of moz-extension:// and fires no load event for it: start the
      // navigation without awaiting it and poll the document instead.
      void page.goto(extensionBase + pathAndQuery).catch(() => undefined);
      await waitFor(async () => {
        const href = await page.evaluate(() => location.href).catch(() => '');
        const ready = await page.evaluate(() => document.readyState).catch(() => '');
        return href.startsWith(extensionBase) && ready === 'complete';
      }, 15_000, `extension page ${pathAndQuery} did not load in Firefox`);
      return page;
    },
    close: () => browser.close(),
  };
}

/**
 * Stops the extension's background service worker, as Chrome does to an idle MV3 worker; the next
 * message or event starts it again. Chromium only (Firefox keeps an MV2 background page).
 */
export async function stopServiceWorker(eb: ExtensionBrowser, from: Page): Promise<void> {
  if (eb.kind !== 'chromium') throw new Error('stopServiceWorker is for Chromium');
  const cdp = await from.createCDPSession();
  const running = new Map<string, string>();
  // a stop is latched when it is reported: a worker woken again at once (a message, an alarm) is
  // 'starting' or 'running' by the next poll
  const stopped = new Set<string>();
  cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
    for (const v of e.versions) {
      if (!v.scriptURL.startsWith(eb.extensionBase)) continue;
      running.set(v.versionId, v.runningStatus);
      if (v.runningStatus === 'stopped') stopped.add(v.versionId);
    }
  });
  await cdp.send('ServiceWorker.enable');
  await waitFor(() => [...running.values()].includes('running'), 10_000, 'the background worker is not running');
  const versionId = [...running].find(([, status]) => status === 'running')![0];
  stopped.clear();
  await cdp.send('ServiceWorker.stopWorker', { versionId });
  await waitFor(() => stopped.has(versionId), 10_000, 'the background worker did not stop');
  await cdp.send('ServiceWorker.disable');
  await cdp.detach();
}

/** Polls `check` until it returns true; throws `message` after `timeoutMs`. */
export async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs: number, message: string) {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      if (await check()) return;
    } catch (e) {
      lastError = e;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${message} (waited ${timeoutMs} ms)${lastError ? `: ${String(lastError)}` : ''}`);
}
