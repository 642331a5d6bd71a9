// Skipping through people on a slow connection: while a record is being read, the people passed
// over are never read; the one the user stops on is read once they stay SKIP_SETTLE_MS. A single
// step, with nothing being read, is read at once.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Outcome } from '@/lib/protocol';
import { SKIP_SETTLE_MS, useContact } from '@/components/state/contact';
import { recordOf } from './records';

const send = vi.hoisted(() => vi.fn());
vi.mock('@/lib/protocol', async (original) => ({ ...(await original<object>()), sendMessage: send }));

/** getContactDetails answers held until the test releases them, by contact */
const held = new Map<string, (v: Outcome<unknown>) => void>();
const reads = () => send.mock.calls.filter(([type]) => type === 'getContactDetails').map(([, input]) => (input as { contactId: string }).contactId);
const release = (id: string) => held.get(id)!({ ok: true, value: { details: recordOf(id, []), revalidating: false } });
const shown = () => {
  const d = useContact.getState().details;
  return d.status === 'ready' ? d.value.contact.id : d.status;
};

beforeEach(() => {
  vi.useFakeTimers();
  held.clear();
  send.mockReset();
  send.mockImplementation((type: string, input: { contactId: string }) =>
    type === 'getContactDetails' ? new Promise((resolve) => held.set(input.contactId, resolve)) : Promise.resolve({ ok: true, value: undefined }));
  useContact.setState({ contactId: undefined, details: { status: 'idle' } });
});
afterEach(() => vi.useRealTimers());

describe('skipping through people while a record is being read', () => {
  it('reads only the person the user stops on, once they stay', async () => {
    const first = useContact.getState().open('c1');
    expect(reads()).toEqual(['c1']); // a single step: at once
    const passed = ['c2', 'c3', 'c4', 'c5'].map((id) => {
      const p = useContact.getState().open(id);
      vi.advanceTimersByTime(100); // the next key before SKIP_SETTLE_MS
      return p;
    });
    const last = useContact.getState().open('c6');
    await vi.advanceTimersByTimeAsync(SKIP_SETTLE_MS - 1);
    expect(reads()).toEqual(['c1']);
    await vi.advanceTimersByTimeAsync(1);
    expect(reads()).toEqual(['c1', 'c6']);
    release('c1');
    await first;
    await Promise.all(passed); // every open of a person passed over ends, none read
    expect(shown()).toBe('loading'); // c1's late answer is not drawn over c6
    release('c6');
    await last;
    expect(shown()).toBe('c6');
    expect(reads()).toEqual(['c1', 'c6']);
  });

  it('reads at once again once nothing is being read', async () => {
    const first = useContact.getState().open('c1');
    release('c1');
    await first;
    void useContact.getState().open('c2');
    expect(reads()).toEqual(['c1', 'c2']);
  });
});
