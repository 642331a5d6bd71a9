// Helpers for outbox tests: a "worker" (session + outbox over the shared fake browser storage)
// that can be killed like an MV3 service worker (its fetch refuses to send, its outbox stops
// storing), the sandbox's view of a contact, and waiting for a condition without timing it.
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createSession, memoryKeyStore, type KeyStore, type SessionOptions } from '../../lib/auth';
import { createOutbox, type Outbox, type OutboxOptions, type WriteRecord } from '../../lib/outbox';
import { createTrust, memoryLedgerStore, type Trust } from '../../lib/trust';
import type { ContactDetails, NoteView } from '../../lib/protocol';
import { admin, openSandbox, type Sandbox } from '../ghl/sandbox-helpers';

/** Short waits so tests run fast; the logic is the same as with the defaults. */
export const FAST: Partial<OutboxOptions> = { retry: { baseMs: 20, maxMs: 400 }, settleMs: 300 };

export interface Worker {
  outbox: Outbox;
  /** Stops the worker mid-flight: nothing more leaves, nothing more is stored. */
  kill(): void;
}

export interface Browser {
  keyStore: KeyStore;
  connectionId: string;
  start(opts?: { fetch?: typeof fetch; outbox?: Partial<OutboxOptions>; session?: Partial<SessionOptions>; trust?: Trust }): Worker;
}

/** Every worker started in this test file and not yet killed. */
const running = new Set<Worker>();

/** One browser profile: a connection made once, then as many worker lives as a test wants. */
export async function openBrowser(sandbox: Sandbox, location = 0): Promise<Browser> {
  const keyStore = memoryKeyStore();
  const { id: connectionId } = await createSession({ keyStore }).connectWithToken({
    baseUrl: sandbox.baseUrl,
    token: sandbox.locations[location]!.token,
    locationId: sandbox.locations[location]!.id,
  });
  return {
    keyStore,
    connectionId,
    start(opts = {}) {
      let dead = false;
      const inner = opts.fetch ?? fetch;
      const gated = ((input: RequestInfo | URL, init?: RequestInit) =>
        dead ? Promise.reject(new TypeError('the worker was stopped')) : inner(input, init)) as typeof fetch;
      const session = createSession({ keyStore, fetch: gated, ...(opts.trust ? { trust: opts.trust } : {}), ...opts.session });
      const outbox = createOutbox({ clientFor: (id) => session.client(id), log: () => undefined, ...FAST, ...(opts.trust ? { trust: opts.trust } : {}), ...opts.outbox });
      const worker: Worker = {
        outbox,
        kill() {
          dead = true;
          outbox.close();
          running.delete(worker);
        },
      };
      running.add(worker);
      return worker;
    },
  };
}

export interface SandboxContact {
  contact: { id: string; tags: string[]; firstName?: string; lastName?: string; email?: string; city?: string; dateUpdated: string };
  tasks: Array<{ id: string; title: string; completed: boolean; dueDate: string; body?: string }>;
  notes: Array<{ id: string; body: string; title?: string; color?: string }>;
}

/** The contact as the sandbox holds it (admin API), or null once deleted. */
export async function sandboxContact(sandbox: Sandbox, contactId: string): Promise<SandboxContact | null> {
  const res = await fetch(`${sandbox.baseUrl}/__admin/contacts/${encodeURIComponent(contactId)}`);
  if (res.status === 404) return null;
  return (await res.json()) as SandboxContact;
}

export async function until(check: () => boolean | Promise<boolean>, what = 'condition', timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`gave up waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Resolves when no write is waiting or being sent. */
export const settled = (outbox: Outbox, timeoutMs?: number) =>
  until(async () => (await outbox.counts()).pending === 0, 'the outbox to settle', timeoutMs);

export const contactIdsOf = (sandbox: Sandbox, count: number, location = 0) =>
  sandbox.state.contactsOf(sandbox.locations[location]!.id).slice(0, count).map((c) => c.id);

/**
 * The trust of the first start after an update from the version before the ledger: its ledger is
 * empty, and everything in storage when it is first used is adopted (the vault's key was there).
 */
export const afterUpdate = (): Trust => createTrust({ store: memoryLedgerStore(), previousVersionLeftData: async () => true, restrict: async () => undefined });

/** Everything in extension storage as one string. */
export const storedText = async () => JSON.stringify(await fakeBrowser.storage.local.get(null));

export const DUE = '2030-01-15T10:00:00.000Z';

export interface World {
  sandbox: Sandbox;
  /** A fresh browser profile (storage, connection) for each test. */
  browser: Browser;
  /** The first contacts of the sandbox's first location. */
  contacts: string[];
  on(contactId: string): { connectionId: string; contactId: string };
}

/** One sandbox per test file, fault-free with cleared counters and a new profile per test. */
export function outboxWorld(contactCount: number): World {
  const world = { on: (contactId: string) => ({ connectionId: world.browser.connectionId, contactId }) } as World;
  beforeAll(async () => {
    world.sandbox = await openSandbox();
    world.contacts = contactIdsOf(world.sandbox, contactCount);
  });
  afterAll(() => world.sandbox.close());
  beforeEach(async () => {
    // a worker a test left running would go on writing into the next test's storage
    for (const worker of [...running]) worker.kill();
    fakeBrowser.reset();
    await admin(world.sandbox).clearFaults();
    await admin(world.sandbox).resetCounters();
    world.browser = await openBrowser(world.sandbox);
  });
  return world;
}

/** The outbox's current copy of a record. */
export const recordOf = async (outbox: Outbox, record: WriteRecord) => (await outbox.list()).find((r) => r.id === record.id)!;

/** A last-known record as the sidebar is shown it, with these tags and notes. */
export const detailsOf = (contactId: string, tags: string[], notes: NoteView[] = []): ContactDetails => ({
  contact: { id: contactId, name: 'Someone', locationId: 'L1', tags, dnd: false, customFields: [], appUrl: 'https://app.gohighlevel.com/' },
  tasks: [],
  notes,
  appointments: [],
  colleagues: [],
  fetchedAt: 0,
});

/**
 * What Chromium does when a kept-alive connection closes after the server acted, before any byte
 * of the answer: it sends the same request again on another connection and hands the extension
 * that answer (`answer`), or, if that connection fails too, an error (`then-fail`). The first
 * `times` matching requests each reach the server twice.
 */
export function browserResend(matches: (request: Request) => boolean, outcome: 'answer' | 'then-fail', times = 1) {
  let left = times;
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    if (left <= 0 || !matches(request)) return fetch(request);
    left -= 1;
    await (await fetch(request.clone())).arrayBuffer(); // carried out; its connection closed before the answer
    const again = await fetch(request); // sent again by the browser, unseen
    if (outcome === 'answer') return again;
    await again.arrayBuffer();
    throw new TypeError('fetch failed: connection reset');
  }) as typeof fetch;
}
