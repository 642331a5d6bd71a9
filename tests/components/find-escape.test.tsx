// @vitest-environment happy-dom
// The search box's results: Escape on a result puts the search away (the box emptied, the focus
// back in it, the results gone so the record is in place again), as it does in the box itself. "/"
// goes to the box from anywhere but a field that takes text.
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FindContact } from '@/components/FindContact';
import { useFind } from '@/components/state/find';
import { useSidebar } from '@/components/state/sidebar';
import { mountEach } from './mount';

const send = vi.hoisted(() => vi.fn(async () => ({ ok: true, value: [] })));
vi.mock('@/lib/protocol', async (original) => ({ ...(await original<object>()), sendMessage: send }));

const view = mountEach();
beforeEach(() => {
  fakeBrowser.commands.getAll = async () => []; // the find shortcut's keys: none set
  useSidebar.setState({ tabId: undefined });
  useFind.setState({ query: 'Diego', results: { status: 'ready', value: [{ id: 'd1', name: 'Diego Santos', tags: [] }] }, draft: undefined, notice: undefined, picking: undefined });
});

describe('the search results', () => {
  it('go away on Escape from a result, with the focus back in the emptied box', () => {
    act(() => view.root.render(<FindContact />));
    const result = view.host.querySelector<HTMLButtonElement>('[data-testid=find-results] button')!;
    expect(result.textContent).toContain('Diego Santos');
    act(() => result.focus());
    act(() => void result.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true })));
    expect(useFind.getState().query).toBe('');
    expect(view.host.querySelector('[data-testid=find-results]')).toBeNull();
    expect(document.activeElement).toBe(view.host.querySelector('input[type=search]'));
  });
});

describe('the search shortcut "/"', () => {
  const slash = (el: Element) => act(() => void el.dispatchEvent(new KeyboardEvent('keydown', { key: '/', bubbles: true, cancelable: true })));

  it('goes to the search box from a checkbox (it takes no text), not from a text field', () => {
    act(() => view.root.render(<FindContact />));
    const box = view.host.querySelector<HTMLInputElement>('input[type=search]')!;
    const check = document.createElement('input');
    check.type = 'checkbox';
    const note = document.createElement('textarea');
    view.host.append(check, note);
    act(() => note.focus());
    slash(note);
    expect(document.activeElement).toBe(note);
    act(() => check.focus());
    slash(check);
    expect(document.activeElement).toBe(box);
  });
});
