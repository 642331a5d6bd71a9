// Quick tagging in the sidebar: the chip changes in the same frame as the keypress (before the
// background answers), goes back with the error and its action when the write fails, and tag
// changes can be undone one after the other, per person. The tag just used is offered at once
// (recent chips, first in the type-ahead) and one key adds it to the next person. What was typed
// in the tag box survives the shown person changing. Type-ahead: the first suggestion is the one
// Enter takes; a typo is offered its tag ("Did you mean"); nothing new is created by accident.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Outcome } from '@/lib/protocol';
import { valueOf } from '@/components/state/ask';
import { undoOf, useContact } from '@/components/state/contact';
import { editDistance, nearMisses, offerTags } from '@/components/tag-suggestions';
import { recordOf } from './records';

const send = vi.hoisted(() => vi.fn());
vi.mock('@/lib/protocol', async (original) => ({ ...(await original<object>()), sendMessage: send }));

const record = recordOf('c1', ['warm']);

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

/** The background as a set of tags per contact, answering every tag write and record read. */
function serverWith(start: Record<string, string[]>) {
  const server = new Map(Object.entries(start).map(([id, t]) => [id, new Set(t)]));
  send.mockImplementation(async (type: string, input: { contactId: string; tags: string[] }) => {
    const have = server.get(input.contactId)!;
    if (type === 'getContactDetails') return { ok: true, value: { details: recordOf(input.contactId, [...have]), revalidating: false } };
    for (const t of input.tags) {
      if (type === 'addTags') have.add(t);
      else have.delete(t);
    }
    return { ok: true, value: [...have] };
  });
  return server;
}

beforeEach(() => {
  send.mockReset();
  useContact.setState({
    contactId: 'c1',
    details: { status: 'ready', value: record },
    undos: [],
    undoBarUntil: 0,
    recentTags: [],
    refusedTag: undefined,
    draft: '',
    writeError: undefined,
    lists: { status: 'ready', value: { tags: ['hot', 'webinar', 'warm'], recentTags: [], users: [], customFields: [], pipelines: [], lostReasons: [], workflows: [], missingScopes: [] } },
  });
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
    expect(useContact.getState().writeError).toMatchObject({ action: 'reconnect', contactId: 'c1', message: expect.stringContaining('Could not add the tag “vip”') });
    expect(undoOf(useContact.getState())).toBeUndefined(); // nothing to undo: it never happened
  });

  it('does not add a tag the contact already has (in any case)', async () => {
    await useContact.getState().addTag('WARM');
    expect(send).not.toHaveBeenCalled();
    expect(tags()).toEqual(['warm']);
  });

  it('offers the tag just used at once: first of the recent chips and of the type-ahead, before any answer', async () => {
    const answers = [deferred<string[]>(), deferred<string[]>()];
    send.mockReturnValueOnce(answers[0]!.promise).mockReturnValueOnce(answers[1]!.promise);
    const writes = [useContact.getState().addTag('webinar')];
    expect(useContact.getState().recentTags).toEqual(['webinar']);
    writes.push(useContact.getState().addTag('q3-promo')); // a new tag joins the catalogue too
    const { lists, recentTags } = useContact.getState();
    expect(recentTags).toEqual(['q3-promo', 'webinar']);
    expect(lists.status === 'ready' && lists.value.tags.slice(0, 3)).toEqual(['q3-promo', 'webinar', 'hot']);
    for (const a of answers) a.resolve({ ok: true, value: ['warm', 'webinar', 'q3-promo'] });
    await Promise.all(writes);
  });

  it('adds the last tag used to the next person with one call (the repeat key)', async () => {
    const server = serverWith({ c1: ['warm'], c2: [] });
    await useContact.getState().addTag('webinar');
    await useContact.getState().open('c2');
    await useContact.getState().repeatLastTag();
    expect([...server.get('c2')!]).toEqual(['webinar']);
    expect(tags()).toEqual(['webinar']);
  });

  it('says why the repeat key adds nothing where no contact is shown (a person not in GHL yet)', async () => {
    serverWith({ c1: ['warm'] });
    await useContact.getState().addTag('hot');
    await useContact.getState().open(undefined);
    await useContact.getState().repeatLastTag();
    expect(send).not.toHaveBeenCalledWith('addTags', expect.objectContaining({ tags: ['hot'], contactId: undefined }));
    expect(useContact.getState().said?.text).toBe('No contact to tag here: Alt+R tags a person once they are in GHL.');
  });
});

describe('a tag HighLevel refuses', () => {
  /** the background refusing `refused` for c2 (a tag policy), taking every other change */
  function refusing(refused: string) {
    const server = serverWith({ c1: ['warm'], c2: [], c3: [] });
    const answer = send.getMockImplementation()!;
    send.mockImplementation(async (type: string, input: { contactId: string; tags: string[] }) =>
      type === 'addTags' && input.contactId === 'c2' && input.tags.includes(refused)
        ? { ok: false, error: { kind: 'invalid', message: 'HighLevel refused the change.', action: 'none' } }
        : answer(type, input as never));
    return server;
  }

  it('is not replaced by an older tag under the repeat key: the key says why it adds nothing, until another tag is added', async () => {
    const server = refusing('callback');
    await useContact.getState().addTag('hot');
    await useContact.getState().addTag('callback');
    await useContact.getState().open('c2');
    await useContact.getState().repeatLastTag(); // refused on c2
    expect([...server.get('c2')!]).toEqual([]);
    await useContact.getState().open('c3');
    await useContact.getState().repeatLastTag();
    expect([...server.get('c3')!]).toEqual([]); // not "hot"
    expect(useContact.getState().said?.text).toBe('HighLevel refused “callback”, so Alt+R adds nothing. Type the tag to add, or pick a recent one.');
    await useContact.getState().addTag('webinar');
    await useContact.getState().open('c1');
    await useContact.getState().repeatLastTag();
    expect([...server.get('c1')!]).toContain('webinar');
  });

  it('is no longer offered by the type-ahead when it was new; a tag of the location stays there', async () => {
    refusing('blocked-tag');
    await useContact.getState().open('c2');
    const catalogue = () => valueOf(useContact.getState().lists)!.tags;
    await useContact.getState().addTag('blocked-tag');
    expect(catalogue()).not.toContain('blocked-tag');
    expect(useContact.getState().recentTags).not.toContain('blocked-tag');
    refusing('hot');
    await useContact.getState().open('c2');
    await useContact.getState().addTag('hot');
    expect(catalogue()).toContain('hot');
  });

  it('takes its undo offer away without offering an older change of that person in its place', async () => {
    refusing('callback');
    await useContact.getState().open('c2');
    await useContact.getState().addTag('hot');
    await useContact.getState().addTag('callback');
    const s = useContact.getState();
    expect(undoOf(s)?.label).toBe('Added “hot”'); // still undoable with Ctrl+Z
    expect(s.undoBarUntil).toBe(0); // but the bar does not offer it as if it were the latest change
  });
});

describe('the location’s lists read while tags are used', () => {
  it('keep the tags used meanwhile first: an answer read before them does not take them back', async () => {
    const server = serverWith({ c1: ['warm'], c2: [] });
    const listed = deferred<unknown>();
    const answer = send.getMockImplementation()!;
    send.mockImplementation((type: string, input: never) => (type === 'getLocationLists' ? listed.promise : answer(type, input)));
    const loading = useContact.getState().loadLists(); // the sidebar opens (or a contact was made): the lists are read
    await useContact.getState().addTag('webinar');
    // the background read its recent tags before this one was kept
    listed.resolve({ ok: true, value: { tags: ['hot', 'q3-promo', 'warm', 'webinar'], recentTags: ['q3-promo'], users: [], customFields: [], pipelines: [], lostReasons: [], workflows: [], missingScopes: [] } });
    await loading;
    const { lists, recentTags } = useContact.getState();
    expect(recentTags).toEqual(['webinar', 'q3-promo']);
    expect(lists.status === 'ready' && lists.value.tags[0]).toBe('webinar');
    await useContact.getState().open('c2');
    await useContact.getState().repeatLastTag(); // the next person gets the tag just used
    expect([...server.get('c2')!]).toEqual(['webinar']);
  });
});

describe('undo', () => {
  it('takes back the shown person’s changes one after the other, newest first', async () => {
    const server = serverWith({ c1: ['warm'] });
    await useContact.getState().addTag('vip');
    await useContact.getState().addTag('hot');
    await useContact.getState().removeTag('warm');
    expect(undoOf(useContact.getState())?.label).toBe('Removed “warm”');
    useContact.getState().runUndo();
    await vi.waitFor(() => expect(tags()).toContain('warm'));
    useContact.getState().runUndo();
    await vi.waitFor(() => expect(tags()).not.toContain('hot'));
    expect([...server.get('c1')!].sort()).toEqual(['vip', 'warm']);
    expect(undoOf(useContact.getState())?.label).toBe('Added “vip”'); // undoing is not itself undoable
    useContact.getState().runUndo();
    await vi.waitFor(() => expect(tags()).toEqual(['warm']));
    useContact.getState().runUndo(); // nothing left
    expect([...server.get('c1')!]).toEqual(['warm']);
  });

  it('keeps each person’s changes: undo acts on the person shown', async () => {
    const server = serverWith({ c1: ['warm'], c2: [] });
    await useContact.getState().addTag('vip');
    await useContact.getState().open('c2');
    await useContact.getState().addTag('hot');
    await useContact.getState().open('c1');
    useContact.getState().runUndo();
    await vi.waitFor(() => expect([...server.get('c1')!]).toEqual(['warm']));
    expect([...server.get('c2')!]).toEqual(['hot']);
  });
});

describe('the tag box’s text', () => {
  it('is kept when another person is shown', async () => {
    serverWith({ c1: ['warm'], c2: [] });
    useContact.getState().setDraft('webi');
    await useContact.getState().open('c2');
    expect(useContact.getState().draft).toBe('webi');
  });
});

describe('type-ahead', () => {
  const catalogue = ['vip', 'hot', 'customer', 'cold', 'vip-2024', 'webinar'];

  it('suggests tags used lately first, leaves out the contact’s own, prefix matches before others', () => {
    expect(offerTags(catalogue, '', ['hot']).suggestions).toEqual(['vip', 'customer', 'cold', 'vip-2024', 'webinar']);
    expect(offerTags(['cold', 'bold', 'old-lead'], 'OLD', []).suggestions).toEqual(['old-lead', 'cold', 'bold']);
    expect(offerTags(catalogue, 'ip', []).suggestions).toEqual(['vip', 'vip-2024']);
    // the tag typed in full first, though a longer one was used more lately
    expect(offerTags(['hot-list', 'hotel', 'HOT'], 'hot', []).suggestions).toEqual(['HOT', 'hot-list', 'hotel']);
  });

  it('offers a partial word’s tag and creates nothing on its own', () => {
    expect(offerTags(catalogue, 'webi', [])).toEqual({ suggestions: ['webinar'], nearMiss: false, exact: false, creatable: 'webi' });
    expect(offerTags(catalogue, 'Webinar', [])).toMatchObject({ suggestions: ['webinar'], exact: true, creatable: undefined });
  });

  it('offers the tag a typo away ("Did you mean ‘webinar’?"), closest first', () => {
    expect(offerTags(catalogue, 'webnar', [])).toMatchObject({ suggestions: ['webinar'], nearMiss: true, creatable: 'webnar' });
    expect(offerTags(catalogue, 'cutsomer', [])).toMatchObject({ suggestions: ['customer'], nearMiss: true });
    expect(nearMisses(['hot', 'cold', 'bolt', 'bold'], 'colt')).toEqual(['cold', 'bolt']);
    expect(offerTags(catalogue, 'q3-promo', [])).toEqual({ suggestions: [], nearMiss: true, exact: false, creatable: 'q3-promo' });
    expect(nearMisses(catalogue, 'ho')).toEqual([]); // two letters are too few to guess from
  });

  it('counts a swap of two letters as one typo', () => {
    expect(editDistance('wbeinar', 'webinar')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});
