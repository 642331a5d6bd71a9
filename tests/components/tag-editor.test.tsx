// @vitest-environment happy-dom
// The shown person's tags as the user edits them from the keyboard: a held Backspace never deletes
// a chip (only a fresh press in the empty box removes the last one, and a held key on a focused
// chip removes that chip alone), and a new tag one typo away from one of the location's is met
// with "Did you mean …?" before anything is created: Enter takes the existing tag, only
// Shift+Enter (or the "Create tag …" row) creates the typed one.
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { TagEditor } from '@/components/TagEditor';
import { useContact } from '@/components/state/contact';
import { mountEach } from './mount';

const view = mountEach();
const addTag = vi.fn(async () => undefined);
const removeTag = vi.fn(async () => undefined);

beforeEach(() => {
  addTag.mockClear();
  removeTag.mockClear();
  useContact.setState({
    lists: { status: 'ready', value: { tags: ['vip', 'webinar', 'warm'] } as never },
    draft: '',
    recentTags: [],
    addTag,
    removeTag,
  });
  act(() => view.root.render(<TagEditor tags={['vip', 'warm']} />));
});

const input = () => view.host.querySelector<HTMLInputElement>('#tag-input')!;
const key = (target: Element, k: string, init: KeyboardEventInit = {}) =>
  act(() => void target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, ...init })));
/** what the box holds, as typing (or a Backspace the browser applied) leaves it */
const setText = (text: string) =>
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input(), text);
    input().dispatchEvent(new Event('input', { bubbles: true }));
  });
const offers = () => [...view.host.querySelectorAll('[role=option]')].map((o) => [o.textContent, o.getAttribute('aria-selected')]);

describe('held Backspace never deletes a chip', () => {
  it('a held Backspace that empties the box stops there; the next fresh press removes the last chip, once', () => {
    act(() => input().focus());
    setText('ab');
    key(input(), 'Backspace'); // the first press: the browser deletes a letter
    setText('a');
    key(input(), 'Backspace', { repeat: true });
    setText('');
    for (let i = 0; i < 5; i++) key(input(), 'Backspace', { repeat: true }); // still held, the box empty
    expect(removeTag).not.toHaveBeenCalled();
    key(input(), 'Backspace'); // let go, pressed again
    expect(removeTag.mock.calls).toEqual([['warm']]);
  });

  it('a held Backspace (or Delete) on a focused chip removes that chip only', () => {
    const chip = view.host.querySelector<HTMLButtonElement>('[data-testid=tags] button.chip')!;
    act(() => chip.focus());
    key(chip, 'Backspace');
    for (let i = 0; i < 5; i++) key(chip, 'Backspace', { repeat: true });
    expect(removeTag.mock.calls).toEqual([['vip']]);
    key(chip, 'Delete', { repeat: true });
    expect(removeTag).toHaveBeenCalledTimes(1);
  });
});

describe('a new tag one typo away', () => {
  it('is met with “Did you mean …?” highlighted above the Create row; Enter takes the existing tag', () => {
    act(() => input().focus());
    setText('webnar');
    expect(offers()).toEqual([
      ['Did you mean “webinar”?', 'true'],
      ['Create tag “webnar” (Shift+Enter)', 'false'],
    ]);
    key(input(), 'Enter');
    expect(addTag.mock.calls).toEqual([['webinar']]);
  });

  it('is created as typed only on purpose: Shift+Enter', () => {
    act(() => input().focus());
    setText('webnar');
    key(input(), 'Enter', { shiftKey: true });
    expect(addTag.mock.calls).toEqual([['webnar']]);
  });
});

describe('the “Recent:” row', () => {
  const row = () => view.host.querySelector('[data-testid=recent-tags]');

  it('keeps its place when the person already has every recent tag, and says so', () => {
    act(() => useContact.setState({ recentTags: ['vip', 'webinar'] }));
    expect(row()?.textContent).toBe('Recent:+ webinar');

    act(() => view.root.render(<TagEditor tags={['vip', 'warm', 'webinar']} />));
    expect(row()?.textContent).toBe('Recent:this person has them all');
    expect(row()?.querySelector('button')).toBeNull();
  });

  it('is not there before any tag was used, nor while tagging is blocked', () => {
    expect(row()).toBeNull();
    act(() => useContact.setState({ recentTags: ['vip'] }));
    act(() => view.root.render(<TagEditor tags={undefined} blocked="Not in GHL yet" />));
    expect(row()).toBeNull();
  });
});

describe('a tag of a change held behind one that needs the user', () => {
  it('is marked as not saved yet, by its look and in words; the others are not', () => {
    act(() => view.root.render(<TagEditor tags={['vip', 'warm']} held={['WARM']} />));
    const items = [...view.host.querySelectorAll('[data-testid=tags] li.chip-item')];
    expect(items.map((li) => [li.classList.contains('held'), li.querySelector('button.chip')!.textContent])).toEqual([
      [false, 'vip'],
      [true, 'warm, not saved yet'],
    ]);
    expect(items[1]!.querySelector('button.chip')!.getAttribute('title')).toMatch(/^Not saved yet: it waits behind a change/);
  });
});
