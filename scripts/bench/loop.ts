// The quick-tagging loop: five people of a list page tagged in a row from the keyboard, as a user
// does it (a suggestion taken with Enter, the last tag again with Alt+R, a new tag with
// Shift+Enter, Alt+↓ to the next person; each tag absent before its step), counting inside the sidebar page the keys pressed
// besides the tags' letters: every key down that is not a modifier alone and not a plain
// character (a chord such as Alt+↓ counts once). The goal is at most 3 per person.
import type { KeyInput, Page } from 'puppeteer-core';
import { waitFor } from '../lib/browsers';

export const LOOP_PEOPLE = 5;

async function chord(page: Page, modifier: 'Alt' | 'Shift', key: KeyInput) {
  await page.keyboard.down(modifier);
  await page.keyboard.press(key);
  await page.keyboard.up(modifier);
}

const position = (page: Page) => page.$eval('[data-testid=people-toggle]', (b) => Number((b.textContent ?? '').split(' ')[0]));
const hasChip = (page: Page, tag: string) =>
  page.$$eval('[data-testid=tags] .chip', (chips, t) => chips.some((c) => c.textContent?.trim().toLowerCase() === t), tag);
const ready = (page: Page) => page.$eval('#tag-input', (i) => !(i as HTMLInputElement).readOnly && !!document.querySelector('[data-testid=contact-card]')).catch(() => false);

/** Keys per person (besides the tags' letters) over up to LOOP_PEOPLE people, from the first of the list. */
export async function measureLoop(sidebar: Page): Promise<{ people: number; keys: number[] }> {
  await sidebar.bringToFront();
  while ((await position(sidebar)) > 1) {
    const at = await position(sidebar);
    await chord(sidebar, 'Alt', 'ArrowUp');
    await waitFor(async () => (await position(sidebar)) === at - 1, 10_000, 'the previous person');
  }
  const total = Number((await sidebar.$eval('[data-testid=people-toggle]', (b) => b.textContent ?? '')).split(' ')[2]);
  const people = Math.min(LOOP_PEOPLE, total);
  await waitFor(() => ready(sidebar), 15_000, 'the first person’s record');
  await sidebar.focus('#tag-input');
  await sidebar.evaluate(() => {
    const w = window as unknown as { __keys: number };
    w.__keys = 0;
    document.addEventListener('keydown', (e) => {
      if (['Alt', 'Shift', 'Control', 'Meta'].includes(e.key)) return;
      if (!(e.key.length === 1 && !e.altKey && !e.ctrlKey && !e.metaKey)) w.__keys += 1;
    }, { capture: true });
  });
  const counted = () => sidebar.evaluate(() => {
    const w = window as unknown as { __keys: number };
    const n = w.__keys;
    w.__keys = 0;
    return n;
  });
  const fresh = `loop-${Date.now().toString(36)}`;
  // the first person: a catalogue tag they lack, taken from the type-ahead by its first letters (a
  // seeded person may have one already: Enter then offers nothing). The others: a new tag, which
  // none of them has, created, repeated, and taken from the type-ahead.
  const first = await sidebar.$$eval('[data-testid=tags] .chip', (chips) => chips.map((c) => c.textContent?.trim().toLowerCase()));
  const [known, typed] = ([['webinar', 'webi'], ['newsletter', 'newsl'], ['prospect', 'prosp']] as const).find(([t]) => !first.includes(t))!;
  const steps: Array<{ tag: string; run: () => Promise<void> }> = [
    { tag: known, run: async () => (await sidebar.keyboard.type(typed), sidebar.keyboard.press('Enter')) },
    { tag: fresh, run: async () => (await sidebar.keyboard.type(fresh), chord(sidebar, 'Shift', 'Enter')) },
    { tag: fresh, run: () => chord(sidebar, 'Alt', 'KeyR') },
    { tag: fresh, run: async () => (await sidebar.keyboard.type(fresh.slice(0, 7)), sidebar.keyboard.press('Enter')) },
    { tag: fresh, run: () => chord(sidebar, 'Alt', 'KeyR') },
  ];
  const keys: number[] = [];
  for (let i = 0; i < people; i++) {
    if (i > 0) {
      await chord(sidebar, 'Alt', 'ArrowDown');
      await waitFor(async () => (await position(sidebar)) === i + 1 && (await ready(sidebar)), 15_000, `person ${i + 1}`);
    }
    // the tag is not there before: the step is what adds it
    if (await hasChip(sidebar, steps[i]!.tag)) throw new Error(`person ${i + 1} has the tag “${steps[i]!.tag}” before it is added`);
    await steps[i]!.run();
    await waitFor(() => hasChip(sidebar, steps[i]!.tag), 10_000, `the tag on person ${i + 1}`).catch(async (e: Error) => {
      // what the sidebar showed instead: the person, their tags and the recent chips
      const shown = await sidebar.$eval('main', (m) => ({
        person: m.querySelector('[data-testid=person-name]')?.textContent,
        tags: [...m.querySelectorAll('[data-testid=tags] .chip')].map((c) => c.textContent),
        editor: m.querySelector('.tag-editor')?.textContent?.slice(0, 200),
        notice: m.querySelector('[role=alert]')?.textContent,
      })).catch(() => undefined);
      throw new Error(`${e.message}; the sidebar showed ${JSON.stringify(shown)}`);
    });
    keys.push(await counted());
  }
  return { people, keys };
}
