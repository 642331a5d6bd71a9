// @vitest-environment happy-dom
// A tag added to the next person before their record came (a slow network) shows its chip at
// once, not when the record comes seconds later; it stays through the write's answer until the
// record takes over, goes back if HighLevel refuses it, and never shows on another person.
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Outcome } from '@/lib/protocol';
import { useContact } from '@/components/state/contact';
import { TagEditor } from '@/components/TagEditor';
import { mountEach } from './mount';
import { recordOf } from './records';

const send = vi.hoisted(() => vi.fn());
vi.mock('@/lib/protocol', async (original) => ({ ...(await original<object>()), sendMessage: send }));


/** answers the test releases, by kind of message */
function held() {
  const waiting: Record<string, Array<(v: Outcome<unknown>) => void>> = {};
  send.mockImplementation((type: string) => new Promise((resolve) => (waiting[type] ??= []).push(resolve)));
  return (type: string, value: Outcome<unknown>) => act(async () => waiting[type]!.shift()!(value));
}

const view = mountEach();
const chips = () => [...view.host.querySelectorAll('[data-testid=tags] .chip')].map((c) => c.textContent);
function Editor() {
  const details = useContact((s) => s.details);
  return <TagEditor tags={details.status === 'ready' ? details.value.contact.tags : undefined} />;
}

// each test moves to a person of its own (n1, n2…): the store keeps the last record it was given
beforeEach(() => {
  send.mockReset();
  useContact.setState({ contactId: 'c1', details: { status: 'ready', value: recordOf('c1', ['warm']) }, undos: [], undoBarUntil: 0, early: undefined, recentTags: [], draft: '', writeError: undefined });
  act(() => view.root.render(<Editor />));
});

describe('a tag added while the record loads', () => {
  it('shows its chip at once and keeps it until the record comes', async () => {
    const answer = held();
    act(() => void useContact.getState().open('n1'));
    expect(chips()).toEqual([]);
    act(() => void useContact.getState().addTag('vip'));
    expect(chips()).toEqual(['vip']); // same frame, the record still on its way
    expect(send).toHaveBeenCalledWith('addTags', { contactId: 'n1', tags: ['vip'] });
    await answer('addTags', { ok: true, value: ['vip'] });
    expect(chips()).toEqual(['vip']); // answered: still shown, the record not here yet
    await answer('getContactDetails', { ok: true, value: { details: recordOf('n1', ['cold', 'vip']), revalidating: false } });
    expect(chips()).toEqual(['cold', 'vip']);
    expect(useContact.getState().early).toBeUndefined();
  });

  it('goes back when HighLevel refuses it', async () => {
    const answer = held();
    act(() => void useContact.getState().open('n2'));
    act(() => void useContact.getState().addTag('vip'));
    await answer('addTags', { ok: false, error: { kind: 'invalid-input', message: 'Refused.', action: 'none' } });
    expect(chips()).toEqual([]);
    expect(useContact.getState().writeError?.contactId).toBe('n2');
  });

  it('is not shown on the next person', async () => {
    held();
    act(() => void useContact.getState().open('n3'));
    act(() => void useContact.getState().addTag('vip'));
    act(() => void useContact.getState().open('c3'));
    expect(chips()).toEqual([]);
  });

  it('can be taken off before the record comes', async () => {
    held();
    act(() => void useContact.getState().open('n4'));
    act(() => void useContact.getState().addTag('vip'));
    act(() => void useContact.getState().removeTag('vip'));
    expect(chips()).toEqual([]);
    expect(send).toHaveBeenLastCalledWith('removeTags', { contactId: 'n4', tags: ['vip'] });
  });
});
