// @vitest-environment happy-dom
// The activity log leaves on Escape as on Back, and the focus goes to the header's Activity
// button, never to the page as the log leaves. Opened, it takes the focus (its heading).
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ActivityButton } from '@/components/ActivityButton';
import { ActivityLog } from '@/components/ActivityLog';
import { useOutbox } from '@/components/state/outbox';
import { mountEach } from './mount';

const send = vi.hoisted(() => vi.fn(async () => ({ ok: true, value: [] })));
vi.mock('@/lib/protocol', async (original) => ({ ...(await original<object>()), sendMessage: send }));

const view = mountEach();
beforeEach(() => {
  useOutbox.setState({ activityOpen: true, activity: { status: 'ready', value: [] }, error: undefined });
});

function App() {
  const open = useOutbox((s) => s.activityOpen);
  return (
    <>
      <ActivityButton />
      {open ? <ActivityLog /> : <p>record</p>}
    </>
  );
}

describe('the activity log', () => {
  it('closes on Escape, with the focus on the Activity button', () => {
    act(() => view.root.render(<App />));
    const back = [...view.host.querySelectorAll<HTMLButtonElement>('[data-testid=activity] button')][0]!;
    act(() => back.focus());
    act(() => void back.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true })));
    expect(useOutbox.getState().activityOpen).toBe(false);
    expect(view.host.querySelector('[data-testid=activity]')).toBeNull();
    expect(document.activeElement).toBe(view.host.querySelector('.activity-button'));
  });

  it('gives the focus to the Activity button on Back', () => {
    act(() => view.root.render(<App />));
    act(() => view.host.querySelector<HTMLButtonElement>('[data-testid=activity] button')!.click());
    expect(useOutbox.getState().activityOpen).toBe(false);
    expect(document.activeElement).toBe(view.host.querySelector('.activity-button'));
  });

  it('takes the focus when it opens from the header’s button, so Escape there closes it again', () => {
    useOutbox.setState({ activityOpen: false });
    act(() => view.root.render(<App />));
    const button = view.host.querySelector<HTMLButtonElement>('.activity-button')!;
    act(() => button.focus());
    act(() => button.click());
    expect(useOutbox.getState().activityOpen).toBe(true);
    expect(document.activeElement).toBe(view.host.querySelector('#activity-title'));
    act(() => void document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true })));
    expect(useOutbox.getState().activityOpen).toBe(false);
    expect(document.activeElement).toBe(button);
  });
});
