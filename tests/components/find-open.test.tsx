// @vitest-environment happy-dom
// Opening a result of the search box shows its record in the record's place: the results are put
// away (the record is not pushed down under them), the words and the focus stay in the box, and ↓
// there, or a click in it, shows the same results again.
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FindContact } from '@/components/FindContact';
import { useFind } from '@/components/state/find';
import { useSidebar } from '@/components/state/sidebar';
import { mountEach } from './mount';

const send = vi.hoisted(() => vi.fn(async () => ({ ok: false, error: { kind: 'network', message: 'offline', action: 'retry' } })));
vi.mock('@/lib/protocol', async (original) => ({ ...(await original<object>()), sendMessage: send }));

const view = mountEach();
beforeEach(async () => {
  fakeBrowser.commands.getAll = async () => []; // the find shortcut's keys: none set
  useSidebar.setState({ tabId: undefined, selected: undefined, openedByHand: undefined });
  const value = [
    { id: 'd1', name: 'Diego Santos', tags: [] },
    { id: 'a1', name: 'Ana Santos', tags: [] },
  ];
  useFind.setState({ query: 'Santos', results: { status: 'ready', value }, resultsHidden: false, draft: undefined, notice: undefined, picking: undefined });
  act(() => view.root.render(<FindContact />));
  await act(async () => view.host.querySelectorAll<HTMLButtonElement>('[data-testid=find-results] button')[1]!.click());
});

const box = () => view.host.querySelector<HTMLInputElement>('input[type=search]')!;
const results = () => [...view.host.querySelectorAll('[data-testid=find-results] button strong')].map((r) => r.textContent);
const down = (target: Element) => act(() => void target.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, cancelable: true })));

describe('a result opened from the search box', () => {
  it('puts the results away, the words and the focus kept in the box', () => {
    expect(useSidebar.getState().openedByHand).toBe('a1');
    expect(view.host.querySelector('[data-testid=find-results]')).toBeNull();
    expect(box().value).toBe('Santos');
    expect(document.activeElement).toBe(box());
    expect(view.host.querySelector(`#${CSS.escape(box().getAttribute('aria-describedby')!)}`)?.textContent).toBe('2 contacts found (↓ shows them)');
  });

  it('↓ in the box shows the results again, and the next ↓ goes into them', () => {
    expect(results()).toEqual([]);
    down(box());
    expect(results()).toEqual(['Diego Santos', 'Ana Santos']);
    expect(document.activeElement).toBe(box());
    down(box());
    expect(document.activeElement?.textContent).toContain('Diego Santos');
  });

  it('a click in the box shows them again too', () => {
    expect(results()).toEqual([]);
    act(() => box().click());
    expect(results()).toEqual(['Diego Santos', 'Ana Santos']);
  });
});
