// @vitest-environment happy-dom
// The activity log leaves on Escape as on Back, and the focus goes to the header's Activity
// button, never to the page as the log leaves (nor to the tag box drawn again). Opened, it takes
// the focus (its heading). Discard hands the focus to the next entry's button, else the heading.
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ActivityButton } from '@/components/ActivityButton';
import { ActivityLog } from '@/components/ActivityLog';
import { TagEditor } from '@/components/TagEditor';
import { useContact } from '@/components/state/contact';
import { useOutbox } from '@/components/state/outbox';
import type { ActivityEntry } from '@/lib/protocol';
import { mountEach } from './mount';

const send = vi.hoisted(() => vi.fn(async (..._: unknown[]): Promise<unknown> => ({ ok: true, value: [] })));
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
      {open ? <ActivityLog /> : <TagEditor tags={[]} />}
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

  it('gives the focus back to the Activity button, not to the tag box that took it before', () => {
    useOutbox.setState({ activityOpen: false });
    useContact.setState({ focusTagsAt: 1 });
    act(() => view.root.render(<App />));
    expect(document.activeElement).toBe(view.host.querySelector('input[role=combobox]'));
    const button = view.host.querySelector<HTMLButtonElement>('.activity-button')!;
    act(() => button.focus());
    act(() => button.click());
    act(() => void document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true })));
    expect(useOutbox.getState().activityOpen).toBe(false);
    expect(document.activeElement).toBe(button);
  });
});

describe('discarding a change', () => {
  const failed = (id: string, what: string): ActivityEntry => ({ id, what, contactId: 'c1', contactName: 'Ana Silva', state: 'failed', reason: 'HighLevel refused it.', attempts: 1, updatedAt: 0 });
  const entries = () => [...view.host.querySelectorAll('[data-testid=activity-entry]')];
  /** presses an entry's Discard from the keyboard: the focus on it */
  async function discard(entry: Element) {
    const button = [...entry.querySelectorAll('button')].find((b) => b.textContent === 'Discard')!;
    act(() => button.focus());
    await act(async () => button.click());
  }
  /** the background's log: Discard drops the entry */
  function logOf(log: ActivityEntry[]) {
    useOutbox.setState({ activity: { status: 'ready', value: log } });
    send.mockImplementation(async (type, id) => {
      if (type === 'discardWrite') log = log.filter((e) => e.id !== id);
      return { ok: true, value: type === 'getActivity' ? log : undefined };
    });
  }

  it('gives the focus to the next entry’s first button', async () => {
    logOf([failed('a', 'Add tag “vip”'), failed('b', 'Add tag “lead”')]);
    act(() => view.root.render(<App />));
    const next = entries()[1]!.querySelector('button');
    await discard(entries()[0]!);
    expect(entries()).toHaveLength(1);
    expect(document.activeElement).toBe(next);
  });

  it('Retry, whose buttons go away with the entry sent, gives the focus to the log’s heading, not the page', async () => {
    let log = [failed('a', 'Add tag “vip”')];
    useOutbox.setState({ activity: { status: 'ready', value: log } });
    send.mockImplementation(async (type) => {
      if (type === 'retryWrite') log = [{ ...log[0]!, state: 'sending', reason: undefined }];
      return { ok: true, value: type === 'getActivity' ? log : undefined };
    });
    act(() => view.root.render(<App />));
    const retry = [...entries()[0]!.querySelectorAll('button')].find((b) => b.textContent === 'Retry')!;
    act(() => retry.focus());
    await act(async () => retry.click());
    expect(entries()[0]!.querySelector('button')).toBeNull();
    expect(document.activeElement).toBe(view.host.querySelector('#activity-title'));
  });

  it('Keep mine on a conflict, whose buttons go away with it, gives the focus to the next entry’s button', async () => {
    const conflict: ActivityEntry = { ...failed('a', 'Edit contact'), state: 'conflict', conflict: { latest: 'theirs', fields: [{ field: 'email', label: 'Email', theirs: 'b@x.org', ours: 'a@x.org' }] } };
    let log = [conflict, failed('b', 'Add tag “lead”')];
    useOutbox.setState({ activity: { status: 'ready', value: log } });
    send.mockImplementation(async (type) => {
      if (type === 'resolveConflict') log = [{ ...conflict, state: 'sending', conflict: undefined }, log[1]!];
      return { ok: true, value: type === 'getActivity' ? log : undefined };
    });
    act(() => view.root.render(<App />));
    const next = entries()[1]!.querySelector('button');
    const keep = [...entries()[0]!.querySelectorAll('button')].find((b) => b.textContent === 'Keep mine')!;
    act(() => keep.focus());
    await act(async () => keep.click());
    expect(document.activeElement).toBe(next);
  });

  it('gives the focus to the log’s heading when no other entry has a button', async () => {
    logOf([failed('a', 'Add tag “vip”')]);
    act(() => view.root.render(<App />));
    await discard(entries()[0]!);
    expect(entries()).toHaveLength(0);
    expect(document.activeElement).toBe(view.host.querySelector('#activity-title'));
  });
});
