// @vitest-environment happy-dom
// The delete that asks first: Escape keeps the item as "Keep" does and gives the focus back to the
// Delete button (so a next Enter asks again instead of deleting); "Yes, delete" deletes.
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ConfirmDelete } from '@/components/ConfirmDelete';
import { mountEach } from './mount';


const view = mountEach();

function drawn(onConfirm = vi.fn(), keepFirst = false) {
  act(() => view.root.render(<ConfirmDelete label="Delete task Call Ana" question="Delete task Call Ana?" onConfirm={onConfirm} keepFirst={keepFirst} />));
  const deleteButton = () => view.host.querySelector<HTMLButtonElement>('button[aria-label="Delete task Call Ana"]');
  act(() => deleteButton()!.click());
  return { onConfirm, deleteButton };
}

const press = (key: string) =>
  act(() => void document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true })));

describe('a delete that asks first', () => {
  it('keeps the item on Escape and gives the focus back to the Delete button', () => {
    const { onConfirm, deleteButton } = drawn();
    expect(view.host.querySelector('[role=group]')).not.toBeNull();
    expect(document.activeElement?.textContent).toBe('Yes, delete');
    const outside = vi.fn();
    document.addEventListener('keydown', outside);
    press('Escape');
    document.removeEventListener('keydown', outside);
    expect(view.host.querySelector('[role=group]')).toBeNull();
    expect(document.activeElement).toBe(deleteButton());
    expect(outside).not.toHaveBeenCalled(); // the panel's own Escape does not act as well
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it('opens on "Keep" when asked to (a whole contact): Enter twice keeps it', () => {
    const { onConfirm, deleteButton } = drawn(vi.fn(), true);
    expect(document.activeElement?.textContent).toBe('Keep');
    act(() => (document.activeElement as HTMLButtonElement).click());
    expect(onConfirm).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(deleteButton());
  });

  it('deletes on "Yes, delete"', () => {
    const { onConfirm } = drawn();
    act(() => (document.activeElement as HTMLButtonElement).click());
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });
});
