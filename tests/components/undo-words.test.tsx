// @vitest-environment happy-dom
// A key that changes no chip still says what it did, in the undo bar (a live region): Ctrl+Z says
// which change it undid, or that there is none left; Alt+R on someone who already has the last tag
// says so, and so does Alt+R before any tag was used. Another person shown starts a clean bar.
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useContact } from '@/components/state/contact';
import { UndoBar } from '@/components/UndoBar';
import { mountEach } from './mount';
import { recordOf } from './records';

const send = vi.hoisted(() => vi.fn());
vi.mock('@/lib/protocol', async (original) => ({ ...(await original<object>()), sendMessage: send }));


const view = mountEach();
const bar = () => view.host.querySelector('[data-testid=undo]')!.textContent;

beforeEach(() => {
  send.mockReset();
  send.mockImplementation(async (type: string, input: { contactId: string; tags: string[] }) =>
    type === 'getContactDetails' ? { ok: true, value: { details: recordOf(input.contactId, []), revalidating: false } } : { ok: true, value: input.tags },
  );
  useContact.setState({ contactId: 'c1', details: { status: 'ready', value: recordOf('c1', ['warm']) }, undos: [], undoBarUntil: 0, said: undefined, recentTags: [], writeError: undefined });
  act(() => view.root.render(<UndoBar />));
});

describe('the undo bar', () => {
  it('says which change Ctrl+Z undid', async () => {
    await act(() => useContact.getState().addTag('vip'));
    expect(bar()).toContain('Added “vip”');
    await act(async () => useContact.getState().runUndo());
    expect(bar()).toBe('Undone: Added “vip”');
    expect(send).toHaveBeenLastCalledWith('removeTags', { contactId: 'c1', tags: ['vip'] });
  });

  it('says when there is nothing left to undo', () => {
    act(() => useContact.getState().runUndo());
    expect(bar()).toBe('No tag change to undo for this person.');
  });

  it('says the person already has the tag Alt+R repeats, and sends nothing', async () => {
    useContact.setState({ recentTags: ['warm'] });
    await act(() => useContact.getState().repeatLastTag());
    expect(bar()).toBe('This person already has “warm”.');
    expect(send).not.toHaveBeenCalled();
  });

  it('says how Alt+R works before any tag was used', async () => {
    await act(() => useContact.getState().repeatLastTag());
    expect(bar()).toBe('No tag used yet. Alt+R adds the last tag you used.');
  });

  it('starts clean for the next person', async () => {
    act(() => useContact.getState().runUndo());
    expect(bar()).not.toBe('');
    await act(() => useContact.getState().open('c2'));
    expect(bar()).toBe('');
  });
});
