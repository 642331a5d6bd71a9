// Steps of the quick-tagging loop's browser tests: keys pressed as a person presses them (chords
// with Alt, Shift, Control), the keys counted inside the sidebar page, where the shown record sits
// on the screen, what has the focus, and the quick-tag shortcut's signal.
import type { KeyInput, Page } from 'puppeteer-core';
import { waitFor } from '../../scripts/lib/browsers';
import { textOf } from '../../scripts/lib/flow';

type Modifier = 'Alt' | 'Shift' | 'Control';

/** Presses `key` with `modifiers` held, as one chord. */
export async function chord(page: Page, modifiers: Modifier[], key: KeyInput): Promise<void> {
  for (const m of modifiers) await page.keyboard.down(m);
  await page.keyboard.press(key);
  for (const m of [...modifiers].reverse()) await page.keyboard.up(m);
}

/**
 * Counts, inside the page, the keys pressed besides a tag's letters: every key down that is not a
 * modifier on its own and not a plain character (a chord such as Alt+↓ or Shift+Enter is one key).
 */
export async function countKeys(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __keys: string[] };
    w.__keys = [];
    document.addEventListener(
      'keydown',
      (e) => {
        if (['Alt', 'Shift', 'Control', 'Meta'].includes(e.key)) return;
        const plain = e.key.length === 1 && !e.altKey && !e.ctrlKey && !e.metaKey;
        if (!plain) w.__keys.push([e.altKey ? 'Alt+' : '', e.ctrlKey ? 'Ctrl+' : '', e.shiftKey ? 'Shift+' : '', e.code === 'KeyR' ? 'R' : e.key].join(''));
      },
      { capture: true },
    );
  });
}

/** The keys counted since `countKeys` (and empties the count). */
export async function countedKeys(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const w = window as unknown as { __keys: string[] };
    const keys = w.__keys;
    w.__keys = [];
    return keys;
  });
}

/** The shown person's name, as pinned at the top. */
export const shownName = async (page: Page) => (await textOf(page, '[data-testid=person-name]'))[0] ?? '';

/** How far below the panel's top the shown record (its pinned header) starts, in CSS pixels. */
export const recordTop = (page: Page) => page.$eval('[data-testid=pinned]', (e) => e.getBoundingClientRect().top);

/** What has the focus: "BODY", or the element's tag with its id, role or test id. */
export const focused = (page: Page) =>
  page.evaluate(() => {
    const e = document.activeElement;
    if (!e || e === document.body) return 'BODY';
    return `${e.tagName}${e.id ? `#${e.id}` : ''}${e.getAttribute('role') ? `[role=${e.getAttribute('role')}]` : ''}${e.getAttribute('data-testid') ? `[${e.getAttribute('data-testid')}]` : ''}`;
  });

/** Waits until the shown person is `name` and their record is there (the tag box takes tags). */
export async function waitForShown(page: Page, name: string, timeoutMs = 30_000): Promise<void> {
  await waitFor(
    async () =>
      (await shownName(page)) === name &&
      (await page.$('[data-testid=contact-card]')) !== null &&
      (await page.$eval('#tag-input', (i) => !(i as HTMLInputElement).readOnly).catch(() => false)),
    timeoutMs,
    `the sidebar did not show ${name} with their record (shows ${await shownName(page)})`,
  );
}

/** What the quick-tag shortcut does once it opened the sidebar (a shortcut cannot be pressed in a headless browser). */
export async function quickTagShortcut(page: Page): Promise<void> {
  await page.evaluate(() => {
    const api = (globalThis as unknown as { chrome: { storage: { session: { set(v: object): Promise<void> } } } }).chrome;
    return api.storage.session.set({ quickTag: { at: Date.now() } });
  });
}

/** Empties the tag box from the keyboard (Ctrl+A, Backspace). */
export async function clearTagBox(page: Page): Promise<void> {
  await page.focus('#tag-input');
  if (await page.$eval('#tag-input', (i) => (i as HTMLInputElement).value !== '')) {
    await chord(page, ['Control'], 'a');
    await page.keyboard.press('Backspace'); // a Backspace in an empty box would remove a chip
  }
  await page.keyboard.press('Escape');
}

/** The chips of the shown contact's tags. */
export const chipTexts = (page: Page) => textOf(page, '[data-testid=tags] .chip');
