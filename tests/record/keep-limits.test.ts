// The kept records are bounded: storage.session holds the most recent STORED_KEPT contacts (its
// quota is 10 MB in Chrome), memory MEMORY_KEPT; a full storage.session costs only the restart
// cache, never an answer; a new worker makes room starting with its predecessor's oldest records.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { contactRecords, MEMORY_KEPT, STORED_KEPT, type FreshRecord } from '../../lib/record/keep';
import type { ContactDetails } from '../../lib/protocol';

const LOCATION = 'loc-1';
let clock = 1_000_000;

function details(id: string): ContactDetails {
  return { contact: { id, tags: [] }, tasks: [], notes: [], appointments: [], colleagues: [], fetchedAt: clock++ } as unknown as ContactDetails;
}
const fetchFresh = async (id: string): Promise<FreshRecord> => ({ details: details(id) });
const ids = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `c${from + i}`);

/** the contact ids with a record item in storage.session */
async function storedIds(): Promise<string[]> {
  const prefix = `contact:${LOCATION}:`;
  return Object.keys(await browser.storage.session.get(null)).filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length)).sort();
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('kept contact records', () => {
  it(`storage.session keeps the ${STORED_KEPT} most recent, with their shown copies; memory answers older ones`, async () => {
    const records = contactRecords(LOCATION, fetchFresh);
    const all = ids(STORED_KEPT + 25);
    for (const id of all) await records.get(id);
    expect(await storedIds()).toEqual(all.slice(25).sort());
    const views = Object.keys(await browser.storage.session.get(null)).filter((k) => k.startsWith(`contactView:${LOCATION}:`));
    expect(views).toHaveLength(STORED_KEPT);
    expect(records.peek('c0')?.contact.id).toBe('c0'); // gone from storage.session, still in memory
  });

  it('names a contact for the activity log after the worker restarted, from storage.session', async () => {
    const named = async (id: string): Promise<FreshRecord> => ({ details: { ...details(id), contact: { id, name: `Name of ${id}`, tags: [] } } as unknown as ContactDetails });
    await contactRecords(LOCATION, named).get('c1');
    const restarted = contactRecords(LOCATION, named); // a new worker: nothing in memory
    expect(restarted.peek('c1')).toBeUndefined();
    expect(await restarted.nameOf('c1')).toBe('Name of c1');
    expect(await restarted.nameOf('c2')).toBeUndefined(); // never read: not asked of HighLevel for a name
  });

  it(`memory keeps at most ${MEMORY_KEPT} records, the most recently saved`, async () => {
    const records = contactRecords(LOCATION, fetchFresh);
    for (const id of ids(MEMORY_KEPT + 3)) await records.get(id);
    expect(records.peek('c0')).toBeUndefined();
    expect(records.peek('c2')).toBeUndefined();
    expect(records.peek('c3')?.contact.id).toBe('c3');
    expect(records.peek(`c${MEMORY_KEPT + 2}`)).toBeDefined();
  });

  it('a full storage.session never fails an answer: the older half goes, and the record is kept', async () => {
    const records = contactRecords(LOCATION, fetchFresh);
    const set = browser.storage.session.set.bind(browser.storage.session);
    // a storage.session that holds 20 records (40 items) at most, as Chrome's quota would
    vi.spyOn(browser.storage.session, 'set').mockImplementation(async (items) => {
      const after = new Set([...Object.keys(await browser.storage.session.get(null)), ...Object.keys(items)]);
      if (after.size > 40) throw new Error('Session storage quota bytes exceeded. Values were not stored.');
      return set(items);
    });
    for (const id of ids(50)) expect((await records.get(id)).details.contact.id).toBe(id);
    const kept = await storedIds();
    expect(kept).toContain('c49'); // the newest is always written
    expect(kept.length).toBeLessThanOrEqual(20);
    expect(kept.every((id) => Number(id.slice(1)) >= 30)).toBe(true); // room made from the oldest
  });

  it('another error of storage.session is not hidden', async () => {
    const records = contactRecords(LOCATION, fetchFresh);
    vi.spyOn(browser.storage.session, 'set').mockRejectedValue(new Error('IO error'));
    await expect(records.get('c1')).rejects.toThrow('IO error');
  });

  it("a new worker makes room starting with the earlier worker's oldest records", async () => {
    const first = contactRecords(LOCATION, fetchFresh);
    for (const id of ids(STORED_KEPT)) await first.get(id);
    const second = contactRecords(LOCATION, fetchFresh); // the worker restarted
    for (const id of ids(10, 1000)) await second.get(id);
    const kept = await storedIds();
    expect(kept).toHaveLength(STORED_KEPT);
    expect(kept).not.toContain('c0');
    expect(kept).not.toContain('c9');
    expect(kept).toContain('c10');
    expect(kept).toContain('c1009');
  });
});

describe('a change HighLevel made elsewhere (a bulk job ended)', () => {
  it('reads again only the record last asked for (shown); the others are read when next asked', async () => {
    let at = 0;
    const reads: string[] = [];
    const records = contactRecords(LOCATION, async (id) => (reads.push(id), { details: { ...details(id), fetchedAt: at } }), { now: () => at });
    for (const id of ids(10)) records.prefetch(id); // read ahead for a page, never asked for
    await vi.waitFor(() => expect(reads).toHaveLength(10));
    at = 100_000;
    await records.get('c7', true); // the sidebar showed c7, then c3
    await records.get('c3', true);
    reads.length = 0;
    at = 130_000;
    await Promise.all(ids(10).map((id) => records.changedElsewhere(id)));
    expect(reads).toEqual(['c3']);
    // another, when next asked: answered from memory at once, and read again
    const next = await records.get('c5');
    expect(next.revalidating).toBe(true);
    await vi.waitFor(() => expect(reads).toEqual(['c3', 'c5']));
    // a record asked for long ago is no longer taken as shown
    at = 300_000;
    await records.changedElsewhere('c3');
    expect(reads).toEqual(['c3', 'c5']);
  });
});

describe('a change confirmed while its record is being read', () => {
  it('is laid over the record the read brings, even when none was kept before (a connection made again)', async () => {
    let answer!: (r: FreshRecord) => void;
    const slow = (): Promise<FreshRecord> => new Promise((resolve) => (answer = resolve));
    const records = contactRecords(LOCATION, slow);
    const reading = records.get('c1', true); // the sidebar reads the shown record afresh
    // the stopped tag goes out and HighLevel takes it, before the read is in (the read left before it)
    const confirmed = records.confirm('c1', (d) => ({ ...d, contact: { ...d.contact, tags: [...d.contact.tags, 'after-reconnect'] } }));
    answer({ details: details('c1') });
    await reading;
    await confirmed;
    expect(records.peek('c1')?.contact.tags).toEqual(['after-reconnect']);
    expect((await browser.storage.session.get(`contactView:${LOCATION}:c1`))[`contactView:${LOCATION}:c1`]).toMatchObject({ contact: { tags: ['after-reconnect'] } });
  });
});
