// The search box's store: typing is debounced (one search for a burst of keys), nothing is asked
// under 2 characters, an older answer arriving after a newer search was asked is never shown, and
// choosing a result opens its record while the page's people stop replacing it by themselves.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FoundContact, Outcome } from '@/lib/protocol';
import { FIND_WAIT_MS, shownResults, useFind } from '@/components/state/find';
import { useSidebar } from '@/components/state/sidebar';
import { useContact } from '@/components/state/contact';

const send = vi.hoisted(() => vi.fn());
vi.mock('@/lib/protocol', async (original) => ({ ...(await original<object>()), sendMessage: send }));

const found = (name: string): FoundContact => ({ id: name.toLowerCase(), name, tags: [] });
function deferred<T>() {
  let resolve!: (v: Outcome<T>) => void;
  const promise = new Promise<Outcome<T>>((r) => (resolve = r));
  return { promise, resolve };
}
const searches = () => send.mock.calls.filter(([type]) => type === 'findContacts');

beforeEach(() => {
  vi.useFakeTimers();
  send.mockReset();
  useFind.setState({ query: '', results: { status: 'idle' }, draft: undefined, notice: undefined });
});
afterEach(() => vi.useRealTimers());

describe('the search box', () => {
  it('sends one search for a burst of keys, and none under 2 characters', async () => {
    send.mockResolvedValue({ ok: true, value: [found('Diego Santos')] });
    for (const q of ['d', 'di', 'die', 'dieg', 'diego']) {
      useFind.getState().type(q);
      await vi.advanceTimersByTimeAsync(FIND_WAIT_MS / 5);
    }
    expect(searches()).toEqual([]);
    await vi.advanceTimersByTimeAsync(FIND_WAIT_MS);
    expect(searches()).toEqual([['findContacts', { query: 'diego', searcher: expect.any(String) }]]);
    expect(shownResults(useFind.getState())?.map((c) => c.name)).toEqual(['Diego Santos']);

    useFind.getState().type('d');
    await vi.advanceTimersByTimeAsync(FIND_WAIT_MS * 4);
    expect(searches()).toHaveLength(1);
    expect(shownResults(useFind.getState())).toBeUndefined();
  });

  it('never shows an older answer that arrives after a newer search was asked', async () => {
    const older = deferred<FoundContact[]>();
    const newer = deferred<FoundContact[]>();
    send.mockReturnValueOnce(older.promise).mockReturnValueOnce(newer.promise);
    useFind.getState().type('santos');
    await vi.advanceTimersByTimeAsync(FIND_WAIT_MS);
    useFind.getState().type('diego');
    await vi.advanceTimersByTimeAsync(FIND_WAIT_MS);
    newer.resolve({ ok: true, value: [found('Diego Santos')] });
    await vi.advanceTimersByTimeAsync(0);
    older.resolve({ ok: true, value: [found('Ana Santos'), found('Diego Santos')] });
    await vi.advanceTimersByTimeAsync(0);
    expect(shownResults(useFind.getState())?.map((c) => c.name)).toEqual(['Diego Santos']);
  });

  it('opens a chosen contact’s record, which the page’s people then leave in place', async () => {
    send.mockResolvedValue({ ok: true, value: { details: { contact: { id: 'diego' } }, revalidating: false } });
    useSidebar.setState({ selected: 2 });
    await useFind.getState().choose('diego');
    expect(send).toHaveBeenCalledWith('getContactDetails', { contactId: 'diego', fresh: false });
    expect(useContact.getState().contactId).toBe('diego');
    expect(useSidebar.getState()).toMatchObject({ selected: undefined, openedByHand: 'diego' });
  });
});
