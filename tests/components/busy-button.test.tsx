// @vitest-environment happy-dom
// A button whose action is under way stays focusable (a `disabled` button drops the focus to the
// page, which leaves a keyboard user nowhere), says it is unavailable, and sends nothing twice:
// neither a click nor the form's submit goes through while it is busy.
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { BusyButton } from '@/components/BusyButton';
import { FormButtons } from '@/components/FormParts';
import { mountEach } from './mount';


const view = mountEach();

describe('a busy button', () => {
  it('is never disabled, says it is unavailable, and ignores presses until the action is done', () => {
    const onClick = vi.fn();
    const draw = (busy: boolean) => act(() => view.root.render(<BusyButton busy={busy} onClick={onClick}>Create contact</BusyButton>));
    draw(true);
    const button = view.host.querySelector('button')!;
    expect(button.disabled).toBe(false);
    expect(button.getAttribute('aria-disabled')).toBe('true');
    act(() => button.click());
    expect(onClick).not.toHaveBeenCalled();
    draw(false);
    expect(button.hasAttribute('aria-disabled')).toBe(false);
    act(() => button.click());
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it('submits a form once: not while its save is under way', () => {
    const onSubmit = vi.fn((e: { preventDefault(): void }) => e.preventDefault());
    const draw = (saving: boolean) => act(() => view.root.render(<form onSubmit={onSubmit}><input name="title" /><FormButtons saving={saving} label="Add task" /></form>));
    draw(true);
    const submit = view.host.querySelector<HTMLButtonElement>('button[type=submit]')!;
    expect(submit.disabled).toBe(false);
    act(() => submit.click());
    expect(onSubmit).not.toHaveBeenCalled();
    draw(false);
    act(() => submit.click());
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });
});
