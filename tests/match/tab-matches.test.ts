// A tab's people and their matches, published as they are found: the names at once (pending), the
// focused person looked up first and their record read ahead, a newer report dropping the older
// one's waiting look-ups, people the user opens looked up at once, a failed look-up kept to its
// person. The rules are the real ones; HighLevel stands behind a fake ContactLookup here (the
// tests over the sandbox are in page-budget.test.ts).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { GhlError } from '../../lib/ghl';
import { AHEAD_WAIT_MS, pageMatches, tabMatches, type ContactLookup, type MatchServices } from '../../lib/match';
import { tabMatchesItem, tabPeopleItem, type ContactSummary, type TabMatches } from '../../lib/protocol';

const TAB = 7;
const from = { tabId: TAB, url: 'https://app.heyreach.io/app/lists/1' };
const person = (i: number) => ({ name: `Lead ${i}`, email: `lead${i}@example.com` });
const contact = (email: string): ContactSummary => ({ id: `c-${email.split('@')[0]}`, name: email, email });

/** A lookup whose answers the test releases; it records what was asked, in order. */
function fakeLookup(opts: { known?: (email: string) => boolean; failing?: string } = {}) {
  const asked: string[] = [];
  const held: (() => void)[] = [];
  let holding = false;
  const lookup: ContactLookup = {
    byId: async () => undefined,
    byEmail: async (email) => {
      asked.push(email);
      if (holding) await new Promise<void>((resolve) => held.push(resolve));
      if (email === opts.failing) throw new GhlError('network', { ambiguous: false });
      return (opts.known ?? (() => true))(email) ? [contact(email)] : [];
    },
    byPhone: async () => [],
    byLinkedIn: async () => [],
    byNameAndCompany: async () => [],
  };
  return {
    lookup,
    asked,
    waiting: () => held.length,
    hold: () => void (holding = true),
    release: () => {
      holding = false;
      held.splice(0).forEach((go) => go());
    },
  };
}

function world(opts: Parameters<typeof fakeLookup>[0] = {}) {
  const page = fakeLookup(opts);
  const user = fakeLookup(opts);
  const prefetched: string[] = [];
  /** how a record read ahead goes: read at once unless the test says otherwise */
  const reads = { ahead: async (): Promise<void> => undefined };
  const signals: AbortSignal[] = [];
  const services: MatchServices = {
    connectionId: 'conn-1',
    locationId: 'loc-1',
    lookup: user.lookup,
    pageLookup: (_tabId, signal) => (signals.push(signal), page.lookup),
    pageLookupsWaiting: () => page.waiting(),
    records: { prefetch: (id) => (prefetched.push(id), reads.ahead()) },
  };
  const active = async () => services;
  const tabs = tabMatches(pageMatches(active), active);
  return { tabs, page, user, prefetched, reads, signals };
}

async function published(check: (m: TabMatches) => boolean): Promise<TabMatches> {
  for (let i = 0; i < 200; i++) {
    const m = await tabMatchesItem(TAB).getValue();
    if (m && check(m)) return m;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`never published: ${JSON.stringify(await tabMatchesItem(TAB).getValue())?.slice(0, 300)}`);
}

beforeEach(() => fakeBrowser.reset());

describe('a tab’s people and their matches', () => {
  it('lists everyone at once, looks the focused person up first, publishes the matches and reads the focused record ahead', async () => {
    const w = world({ known: (e) => e !== 'lead3@example.com' });
    w.page.hold();
    await w.tabs.receive({ people: Array.from({ length: 30 }, (_, i) => person(i)), focused: 16, view: 'list', site: 'heyreach' }, from);
    expect((await tabPeopleItem(TAB).getValue())?.people).toHaveLength(30);
    await new Promise((r) => setTimeout(r, 20));
    // the focused person, then the top of the page, then the rest
    expect(w.page.asked.slice(0, 3)).toEqual(['lead16@example.com', 'lead0@example.com', 'lead1@example.com']);
    w.page.release();
    const done = await published((m) => m.pending === 0);
    expect(w.page.asked.indexOf('lead9@example.com')).toBeLessThan(w.page.asked.indexOf('lead10@example.com'));
    expect(done.matches.map((m) => m.state)).toEqual(['matched', 'matched', 'matched', 'missing', ...Array<string>(26).fill('matched')]);
    expect(done.connectionId).toBe('conn-1');
    expect(w.prefetched).toEqual(['c-lead16']);
  });

  it('looks the rest of the page up once the focused record is read (its reads go first)', async () => {
    const w = world();
    let read!: () => void;
    w.reads.ahead = () => new Promise<void>((resolve) => (read = resolve));
    await w.tabs.receive({ people: Array.from({ length: 30 }, (_, i) => person(i)), focused: 16, view: 'list', site: 'heyreach' }, from);
    await published((m) => m.pending === 19); // the focused person and the top 10 matched
    expect(w.prefetched).toEqual(['c-lead16']);
    await new Promise((r) => setTimeout(r, 50));
    expect(w.page.asked).toHaveLength(11); // nobody else asked while the record is read
    read();
    await published((m) => m.pending === 0);
    expect(w.page.asked).toHaveLength(30);
  });

  it('a record read ahead that does not answer holds the rest of the page for AHEAD_WAIT_MS at most', async () => {
    vi.useFakeTimers();
    try {
      const w = world();
      w.reads.ahead = () => new Promise<void>(() => undefined); // never answers
      await w.tabs.receive({ people: Array.from({ length: 30 }, (_, i) => person(i)), focused: 16, view: 'list', site: 'heyreach' }, from);
      await vi.advanceTimersByTimeAsync(AHEAD_WAIT_MS - 100);
      expect(w.prefetched).toEqual(['c-lead16']);
      expect(w.page.asked).toHaveLength(11);
      await vi.advanceTimersByTimeAsync(200);
      expect(w.page.asked).toHaveLength(30);
    } finally {
      vi.useRealTimers();
    }
  });

  it('looks the rest of the page up at once when the focused person is not in GHL (no record to read first)', async () => {
    vi.useFakeTimers();
    try {
      const w = world({ known: (e) => e !== 'lead16@example.com' });
      w.reads.ahead = () => new Promise<void>(() => undefined); // a read that would hold the page, were one made
      await w.tabs.receive({ people: Array.from({ length: 30 }, (_, i) => person(i)), focused: 16, view: 'list', site: 'heyreach' }, from);
      await vi.advanceTimersByTimeAsync(100);
      expect(w.prefetched).toEqual([]);
      expect(w.page.asked).toHaveLength(30);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a newer report of the tab drops the older one’s look-ups that still wait', async () => {
    const w = world();
    w.page.hold();
    await w.tabs.receive({ people: [person(1), person(2)], view: 'list', site: 'heyreach' }, from);
    await new Promise((r) => setTimeout(r, 20));
    const older = [...w.signals];
    await w.tabs.receive({ people: [person(3)], view: 'list', site: 'heyreach' }, from);
    w.page.release();
    const done = await published((m) => m.pending === 0);
    expect(older.length).toBeGreaterThan(0);
    expect(older.every((s) => s.aborted)).toBe(true);
    expect(w.signals.slice(older.length).some((s) => s.aborted)).toBe(false);
    expect(done.matches.map((m) => m.person.email)).toEqual(['lead3@example.com']);
  });

  it('a person the user opens is looked up at once in the user’s lane, while the page’s look-ups still wait', async () => {
    const w = world();
    w.page.hold();
    await w.tabs.receive({ people: [person(1), person(2), person(3)], view: 'list', site: 'heyreach' }, from);
    const shown = await w.tabs.show(TAB, [2]);
    expect(shown?.matches.map((m) => m.state)).toEqual(['pending', 'pending', 'matched']);
    expect(w.user.asked).toEqual(['lead3@example.com']);
    w.page.release();
  });

  it('a look-up that fails stays with its person (pending, with why); everyone else is matched', async () => {
    const w = world({ failing: 'lead2@example.com' });
    await w.tabs.receive({ people: [person(1), person(2), person(3)], view: 'list', site: 'heyreach' }, from);
    const done = await published((m) => m.matches.filter((x) => x.state === 'matched').length === 2);
    expect(done.matches[1]).toMatchObject({ state: 'pending', error: { kind: 'network' } });
    expect(done.pending).toBe(1);
  });

  it('shows nothing to match for a tab that reported nobody, and forgets a closed tab', async () => {
    const w = world();
    await w.tabs.receive({ people: [], view: 'list', site: 'heyreach' }, from);
    expect(await w.tabs.show(TAB)).toBeNull();
    await w.tabs.receive({ people: [person(1)], view: 'list', site: 'heyreach' }, from);
    await published((m) => m.pending === 0);
    await w.tabs.forget(TAB);
    expect([await tabPeopleItem(TAB).getValue(), await tabMatchesItem(TAB).getValue()]).toEqual([null, null]);
  });
});
