// Quick tag: a new tag typed in the sidebar's tag box and Shift+Enter (Enter alone only takes a
// suggestion). Times the chip (key press to the chip in the list, and to the next frame: painted)
// and the write (key press to the tag present on the sandbox, polled every few milliseconds
// through its admin API).
import type { Page } from 'puppeteer-core';
import type { Contact } from '../../sandbox/types';
import type { BenchEnv } from './env';
import { armEnterToChip, benchResult } from './in-page';
import { summarise, type Summary } from './stats';

const TAG_BOX = '#tag-input';
const POLL_MS = 5;

export interface QuickTagFigures {
  chipMs: Summary;
  paintedMs: Summary;
  storedMs: Summary;
}

/** whether the sidebar has a tag box to measure */
export async function hasTagBox(sidebar: Page): Promise<boolean> {
  return !!(await sidebar.$(TAG_BOX));
}

async function storedAt(env: BenchEnv, contactId: string, tag: string, timeoutMs = 10_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const res = await fetch(`${env.sandbox.baseUrl}/__admin/contacts/${contactId}`);
    const body = (await res.json()) as { contact: { tags?: string[] } };
    if (body.contact.tags?.some((t) => t.toLowerCase() === tag)) return Date.now();
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  throw new Error(`the tag ${tag} never reached the sandbox`);
}

export async function measureQuickTag(env: BenchEnv, sidebar: Page, shown: Contact, runs: number): Promise<QuickTagFigures> {
  await sidebar.bringToFront(); // a background tab paints no frames
  const chip: number[] = [];
  const painted: number[] = [];
  const stored: number[] = [];
  for (let i = 0; i < runs; i++) {
    const tag = `bench-${Date.now().toString(36)}-${i}`;
    await sidebar.click(TAG_BOX);
    await sidebar.type(TAG_BOX, tag);
    await sidebar.evaluate(armEnterToChip, tag);
    const reached = storedAt(env, shown.id, tag);
    await sidebar.keyboard.down('Shift');
    await sidebar.keyboard.press('Enter');
    await sidebar.keyboard.up('Shift');
    const t = await sidebar.evaluate(benchResult);
    chip.push(t.end - t.start);
    painted.push(t.painted! - t.start);
    stored.push((await reached) - (t.origin + t.start));
  }
  return { chipMs: summarise(chip), paintedMs: summarise(painted), storedMs: summarise(stored) };
}
