// Memory: the background worker's JS heap with 1,000 contact records kept (fetched through the
// same message the sidebar sends, `getContactDetails`), after a garbage collection; and the
// sidebar page's heap while it shows a contact.
import type { CDPSession, Page } from 'puppeteer-core';
import { ask, type BenchEnv } from './env';

export const CONTACTS = 1000;
const AT_ONCE = 20;

export interface MemoryFigures {
  workerBeforeMB: number;
  workerAfterMB: number;
  sidebarMB: number;
  contacts: number;
}

async function heapMB(session: CDPSession): Promise<number> {
  await session.send('HeapProfiler.collectGarbage');
  const { usedSize } = await session.send('Runtime.getHeapUsage');
  return usedSize / 2 ** 20;
}

export async function measureMemory(env: BenchEnv, sidebar: Page): Promise<MemoryFigures> {
  const ids = [...env.sandbox.state.contacts.values()].filter((c) => c.locationId === env.sandbox.locationId).map((c) => c.id).slice(0, CONTACTS);
  if (ids.length < CONTACTS) throw new Error(`the sandbox has only ${ids.length} contacts in its first location`);
  const before = await heapMB(env.worker);
  env.sandbox.setFaults({ latencyMs: 0 }); // the figure is about memory, not waiting
  try {
    for (let i = 0; i < ids.length; i += AT_ONCE) {
      await Promise.all(ids.slice(i, i + AT_ONCE).map((contactId) => ask(env.extensionPage, 'getContactDetails', { contactId })));
    }
  } finally {
    env.sandbox.setFaults({ latencyMs: env.latencyMs });
  }
  const after = await heapMB(env.worker);
  const page = await sidebar.createCDPSession();
  const sidebarMB = await heapMB(page);
  await page.detach();
  return { workerBeforeMB: before, workerAfterMB: after, sidebarMB, contacts: ids.length };
}
