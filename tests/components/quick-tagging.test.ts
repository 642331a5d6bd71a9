// Quick tagging in the sidebar: the chip changes in the same frame as the keypress (before the
// background answers), goes back with the error and its action when the write fails, and the last
// change can be undone. Type-ahead puts tags used lately first.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContactDetails, Outcome } from '@/lib/protocol';
import { useContact } from '@/components/state/contact';
import { suggestTags } from '@/components/TagEditor';
import { displayOrder } from '@/components/PeopleList';

const send = vi.hoisted(() => vi.fn());
vi.mock('@/lib/protocol', async (original) => ({ ...(await original<object>()), sendMessage: send }));

const record: ContactDetails = {
  contact: { id: 'c1', name: 'Ana Silva', locationId: 'L1', tags: ['warm'], dnd: false, customFields: [], appUrl: 'https://app.gohighlevel.com/' },
  tasks: [],
  notes: [],
  appointments: [],
  colleagues: [],
  fetchedAt: 0,
};

/** A background answer the test releases when it wants. */
function deferred<T>() {
  let resolve!: (v: Outcome<T>) => void;
  const promise = new Promise<Outcome<T>>((r) => (resolve = r));
  return { promise, resolve };
}

const tags = () => {
  const d = useContact.getState().details;
  return d.status === 'ready' ? d.value.contact.tags : [];
};

beforeEach(() => {
  send.mockReset();
  useContact.setState({ contactId: 'c1', details: { status: 'ready', value: record }, undo: undefined, writeError: undefined });
});

describe('adding a tag', () => {
  it('shows the chip before the background answers, then HighLevel’s spelling', async () => {
    const answer = deferred<string[]>();
    send.mockReturnValueOnce(answer.promise);
    const done = useContact.getState().addTag('VIP');
    expect(tags()).toEqual(['warm', 'VIP']); // synchronously, same frame
    expect(send).toHaveBeenCalledWith('addTags', { contactId: 'c1', tags: ['VIP'] });
    answer.resolve({ ok: true, value: ['warm', 'vip'] });
    await done;
    expect(tags()).toEqual(['warm', 'vip']);
  });

  it('takes the chip back and shows the error with its action when the write fails', async () => {
    send.mockResolvedValueOnce({ ok: false, error: { kind: 'forbidden', message: 'This connection lacks the contacts.write permission.', action: 'reconnect' } });
    await useContact.getState().addTag('vip');
    expect(tags()).toEqual(['warm']);
    expect(useContact.getState().writeError).toMatchObject({ action: 'reconnect', message: expect.stringContaining('Could not add the tag “vip”') });
  });

  it('does not add a tag the contact already has (in any case)', async () => {
    await useContact.getState().addTag('WARM');
    expect(send).not.toHaveBeenCalled();
    expect(tags()).toEqual(['warm']);
  });
});

describe('undo', () => {
  it('removes the tag just added, and puts back the tag just removed', async () => {
    const server = new Set(['warm']);
    send.mockImplementation(async (type: string, input: { tags: string[] }) => {
      for (const t of input.tags) {
        if (type === 'addTags') server.add(t);
        else server.delete(t);
      }
      return { ok: true, value: [...server] };
    });
    await useContact.getState().addTag('vip');
    expect(useContact.getState().undo?.label).toBe('Added “vip”');
    useContact.getState().runUndo();
    expect(tags()).toEqual(['warm']);
    expect(send).toHaveBeenLastCalledWith('removeTags', { contactId: 'c1', tags: ['vip'] });
    expect(useContact.getState().undo).toBeUndefined(); // undoing is not itself undoable

    await useContact.getState().removeTag('warm');
    expect(tags()).toEqual([]);
    useContact.getState().runUndo();
    expect(tags()).toEqual(['warm']);
    expect(send).toHaveBeenLastCalledWith('addTags', { contactId: 'c1', tags: ['warm'] });
  });

  it('offers nothing once the offer has run out', async () => {
    send.mockResolvedValue({ ok: true, value: ['warm', 'vip'] });
    await useContact.getState().addTag('vip');
    useContact.setState({ undo: { ...useContact.getState().undo!, until: Date.now() - 1 } });
    useContact.getState().runUndo();
    expect(tags()).toEqual(['warm', 'vip']);
  });
});

describe('type-ahead and order', () => {
  it('suggests tags used lately first, leaves out the contact’s own, prefix matches before others', () => {
    const catalogue = ['vip', 'hot', 'customer', 'cold', 'vip-2024'];
    expect(suggestTags(catalogue, '', ['hot'])).toEqual(['vip', 'customer', 'cold', 'vip-2024']);
    expect(suggestTags(['cold', 'bold', 'old-lead'], 'OLD', [])).toEqual(['old-lead', 'cold', 'bold']);
    expect(suggestTags(catalogue, 'ip', [])).toEqual(['vip', 'vip-2024']);
  });

  it('lists the person the page focuses first', () => {
    expect(displayOrder(4, 2)).toEqual([2, 0, 1, 3]);
    expect(displayOrder(3, undefined)).toEqual([0, 1, 2]);
  });
});
