// What every measurement shares: the sandbox (HighLevel-compatible API with a fixed injected
// latency), the built extension in Chromium connected to it, an extension page to send messages
// from, the sandbox's request log, and the requests the background worker sends (seen over CDP,
// with their bodies, to find duplicates).
import type { CDPSession, Page } from 'puppeteer-core';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { launchChromium, type ExtensionBrowser } from '../lib/browsers';
import { connectWithToken } from '../lib/flow';

/** HighLevel's API address: the partner proxy answers there with the sandbox (no CORS headers, as HighLevel's host) */
const HIGHLEVEL_API = 'https://services.leadconnectorhq.com';

export interface SentRequest {
  method: string;
  url: string;
  body: string;
}

export interface BenchEnv {
  sandbox: Sandbox;
  eb: ExtensionBrowser;
  /** an extension page (the options page) to send messages and query tabs from */
  extensionPage: Page;
  latencyMs: number;
  /** where the extension reaches the sandbox's API (HTTP/1.1, or HTTP/2 over TLS) */
  apiUrl: string;
  /** the background worker's DevTools session */
  worker: CDPSession;
  /** API requests the worker sent since the last `sent.length = 0` */
  sent: SentRequest[];
  close(): Promise<void>;
}

/**
 * `http2`: the extension talks to the sandbox over HTTPS and HTTP/2 instead of plain HTTP/1.1;
 * `rateLimit`: HighLevel's own (100 requests / 10 s) instead of none.
 */
export async function startBench(latencyMs: number, opts: { http2?: boolean; rateLimit?: 'highlevel' } = {}): Promise<BenchEnv> {
  // timings are measured without the rate limit in the way, unless asked; the bulk row sets the real one
  const rateLimit = opts.rateLimit === 'highlevel' ? { max: 100, intervalMs: 10_000 } : { max: 1_000_000 };
  const sandbox = await startSandbox({ port: 0, latencyMs, rateLimit, http2: opts.http2 });
  // HTTP/1.1 at HighLevel's own address (through the partner proxy, TLS, no CORS: the extension's
  // host permission covers it, as for users); HTTP/2 at the sandbox's own HTTPS address
  const apiUrl = sandbox.http2Url ?? (process.env.BENCH_LOOPBACK ? sandbox.baseUrl : HIGHLEVEL_API);
  let eb: ExtensionBrowser | undefined;
  try {
    // the sandbox's HTTPS server has the partner proxy's key: the same SPKI makes Chromium trust it
    eb = await launchChromium({ proxy: `${sandbox.proxy.host}:${sandbox.proxy.port}`, proxySpki: sandbox.proxy.spki });
    const extensionPage = await connectWithToken(eb, { ...sandbox, apiBaseUrl: apiUrl });
    const target = await eb.browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(eb!.extensionBase));
    const worker = await target.createCDPSession();
    const sent: SentRequest[] = [];
    worker.on('Network.requestWillBeSent', (e) => {
      if (e.request.url.startsWith(apiUrl)) sent.push({ method: e.request.method, url: e.request.url, body: e.request.postData ?? '' });
    });
    await worker.send('Network.enable');
    const browser = eb;
    return {
      sandbox, eb, extensionPage, latencyMs, apiUrl, worker, sent,
      close: async () => {
        await browser.close();
        await sandbox.close();
      },
    };
  } catch (e) {
    await eb?.close();
    await sandbox.close();
    throw e;
  }
}

/** sends one message to the background from an extension page, as the sidebar does */
export async function ask<T = unknown>(page: Page, type: string, data?: unknown): Promise<T> {
  const answer = await page.evaluate(
    (type: string, data: unknown) =>
      new Promise((resolve, reject) => {
        const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown, cb: (r: unknown) => void): void; lastError?: { message?: string } } } }).chrome.runtime;
        runtime.sendMessage({ id: Math.random(), type, data, timestamp: Date.now() }, (r) =>
          runtime.lastError ? reject(new Error(runtime.lastError.message)) : resolve(r));
      }),
    type,
    data,
  ) as { res?: { ok: boolean; value?: T; error?: { message: string } }; err?: unknown };
  if (!answer?.res) throw new Error(`${type}: no answer from the background (${JSON.stringify(answer?.err ?? answer)})`);
  if (!answer.res.ok) throw new Error(`${type}: ${answer.res.error?.message}`);
  return answer.res.value as T;
}

export interface LoggedRequest {
  time: string;
  method: string;
  path: string;
  status: number;
  durationMs: number;
}

/** the sandbox's request log, emptied */
export async function resetRequests(sandbox: Sandbox): Promise<void> {
  await fetch(`${sandbox.baseUrl}/__admin/reset-counters`, { method: 'POST' });
}

export async function loggedRequests(sandbox: Sandbox): Promise<LoggedRequest[]> {
  const res = await fetch(`${sandbox.baseUrl}/__admin/requests?limit=2000`);
  return ((await res.json()) as { requests: LoggedRequest[] }).requests;
}

/** requests sent more than once (same method, URL and body) */
export function duplicates(sent: SentRequest[]): number {
  const seen = new Set<string>();
  let dup = 0;
  for (const r of sent) {
    const key = `${r.method} ${r.url} ${r.body}`;
    if (seen.has(key)) dup++;
    else seen.add(key);
  }
  return dup;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** functions sent to a page as source may call the `__name` helper tsx adds to named functions */
export const NAME_SHIM = 'globalThis.__name = globalThis.__name || ((f) => f);';
