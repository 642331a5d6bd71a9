// The queue store's writes: changes saved while an earlier storage write is still going wait for
// it and then go together in one write; each change lands whole and in order, and a save resolves
// only once its change is stored.
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { createQueueStore, JOB_CONTACTS_KEY, JOB_KEY, WRITE_KEY, type QueueStorage } from '../../lib/outbox/store';
import type { BulkJob } from '../../lib/outbox/types';
import { createLedger, memoryLedgerStore } from '../../lib/trust';

/** WXT's storage calls the queue makes, in memory (keys without their `local:` area); each `setItems` finishes only when the test lets it. */
function heldArea() {
  const items = new Map<string, unknown>();
  const sets: Array<{ items: Record<string, unknown>; finish: () => void }> = [];
  const bare = (key: string) => key.replace(/^local:/, '');
  const calls = {
    snapshot: async () => Object.fromEntries(items),
    setItems: (list: { key: string; value: unknown }[]) =>
      new Promise<void>((resolve) => {
        const add = Object.fromEntries(list.map(({ key, value }) => [bare(key), value]));
        sets.push({
          items: structuredClone(add),
          finish: () => {
            for (const [k, v] of Object.entries(add)) items.set(k, structuredClone(v));
            resolve();
          },
        });
      }),
    removeItems: async (keys: string[]) => {
      for (const k of keys) items.delete(bare(k));
    },
  };
  return { area: calls as unknown as QueueStorage, sets, items };
}

const job = (id: string, doneChunks: number[]): BulkJob => ({
  v: 3, id, connectionId: 'conn', op: 'add', tags: ['vip'], contactIds: ['c1', 'c2', 'c3'], chunkSize: 1,
  doneChunks, retries: [], succeeded: doneChunks.length, fallbackIds: [], state: 'running', createdAt: 1, updatedAt: 1,
});

/** A pause in which a save that was going to reach storage.setItems would have (to see one did not). */
const tick = () => new Promise((resolve) => setTimeout(resolve, 20));
/** Until `n` saves have reached storage.setItems (the ledger's first step comes before each, slower under load). */
const reached = (sets: unknown[], n: number) => vi.waitFor(() => expect(sets.length).toBeGreaterThanOrEqual(n));

/** The ledger of the first start after the update: it adopts what the previous version left in `area`. */
const adopting = (area: QueueStorage) =>
  createLedger({ store: memoryLedgerStore(), snapshot: () => area.snapshot('local'), previousVersionLeftData: async () => true });

describe('queue store writes', () => {
  it('changes saved during a write go together in the next one, each save resolving once stored', async () => {
    const { area, sets, items } = heldArea();
    const store = createQueueStore(area, { keepFinished: 10, log: () => undefined });
    const done: string[] = [];
    const first = store.save({ jobs: [job('a', [0])] }).then(() => done.push('first'));
    await reached(sets, 1);
    expect(sets).toHaveLength(1);

    const record = store.newRecord({ kind: 'tag.add', connectionId: 'conn', contactId: 'c9', tags: ['vip'] }, 1);
    const second = store.save({ jobs: [job('a', [0, 1])] }).then(() => done.push('second'));
    const third = store.save({ jobs: [job('b', [])], writes: [record] }).then(() => done.push('third'));
    const fourth = store.save({ jobs: [job('a', [0, 1, 2])] }).then(() => done.push('fourth'));
    await tick();
    expect(sets).toHaveLength(1); // the others wait for the write going on
    expect(store.job('a')?.doneChunks).toEqual([0, 1, 2]); // memory first

    sets[0]!.finish();
    await first;
    await reached(sets, 2);
    expect(done).toEqual(['first']);
    expect(sets).toHaveLength(2);
    // a's contacts go again: they were queued before its first write was known to be stored
    const contacts = [JOB_CONTACTS_KEY + 'a', JOB_CONTACTS_KEY + 'b'];
    expect(Object.keys(sets[1]!.items).sort()).toEqual([JOB_KEY + 'a', JOB_KEY + 'b', WRITE_KEY + record.id, ...contacts].sort());
    expect((sets[1]!.items[JOB_KEY + 'a'] as BulkJob).doneChunks).toEqual([0, 1, 2]); // the latest copy

    sets[1]!.finish();
    await Promise.all([second, third, fourth]);
    expect(done).toEqual(['first', 'second', 'third', 'fourth']);
    expect(sets).toHaveLength(2);
    expect((items.get(JOB_KEY + 'a') as BulkJob).doneChunks).toEqual([0, 1, 2]);
  });

  it('a change saved when no write is going goes at once, alone', async () => {
    const { area, sets } = heldArea();
    const store = createQueueStore(area, { keepFinished: 10, log: () => undefined });
    const saved = store.save({ jobs: [job('a', [])] });
    await reached(sets, 1);
    expect(sets).toHaveLength(1);
    sets[0]!.finish();
    await saved;
    const next = store.save({ jobs: [job('a', [0])] });
    await reached(sets, 2);
    expect(sets).toHaveLength(2);
    expect(Object.keys(sets[1]!.items)).toEqual([JOB_KEY + 'a']);
    sets[1]!.finish();
    await next;
  });

  it('after close, changes waiting for a write are not stored', async () => {
    const { area, sets, items } = heldArea();
    const store = createQueueStore(area, { keepFinished: 10, log: () => undefined });
    const first = store.save({ jobs: [job('a', [0])] });
    await reached(sets, 1);
    void store.save({ jobs: [job('a', [0, 1])] });
    store.close();
    sets[0]!.finish();
    await first;
    await tick();
    expect(sets).toHaveLength(1);
    expect((items.get(JOB_KEY + 'a') as BulkJob).doneChunks).toEqual([0]);
  });

  it('a record pruned while a copy of it waits for the next write stays removed', async () => {
    const { area, sets, items } = heldArea();
    const store = createQueueStore(area, { keepFinished: 1, log: () => undefined });
    const write = { kind: 'tag.add' as const, connectionId: 'conn', contactId: 'c1', tags: ['vip'] };
    const old = { ...store.newRecord(write, 1), state: 'done' as const };
    const recent = { ...store.newRecord({ ...write, contactId: 'c2' }, 3), state: 'done' as const };
    const first = store.save({ writes: [old] });
    await reached(sets, 1);
    const again = store.save({ writes: [{ ...old, updatedAt: 2 }] }); // waits, then is the oldest finished
    const last = store.save({ writes: [recent] });
    sets[0]!.finish();
    await first; // its prune removes `old` (2 finished, 1 kept)
    await reached(sets, 2);
    expect(sets).toHaveLength(2);
    sets[1]!.finish();
    await Promise.all([again, last]);
    await tick();
    expect(store.write(old.id)).toBeUndefined();
    expect(items.has(WRITE_KEY + old.id)).toBe(false);
    expect(items.has(WRITE_KEY + recent.id)).toBe(true);
  });
});

describe('stored bulk jobs', () => {
  const ids = Array.from({ length: 500 }, (_, i) => `contact-${i}`);
  const big = (doneChunks: number[]): BulkJob => ({ ...job('a', doneChunks), contactIds: ids, chunkSize: 50 });

  it("a job's contacts are stored once, beside its first record; its progress is stored without them", async () => {
    const { area, sets, items } = heldArea();
    const store = createQueueStore(area, { keepFinished: 10, log: () => undefined });
    const first = store.save({ jobs: [big([])] });
    await reached(sets, 1);
    expect(Object.keys(sets[0]!.items).sort()).toEqual([JOB_CONTACTS_KEY + 'a', JOB_KEY + 'a']); // one set: both or neither
    expect(sets[0]!.items[JOB_CONTACTS_KEY + 'a']).toEqual(ids);
    expect(sets[0]!.items[JOB_KEY + 'a']).not.toHaveProperty('contactIds');
    sets[0]!.finish();
    await first;
    const next = store.updateJob('a', (j) => ({ ...j, doneChunks: [0, 1], succeeded: 100 }));
    await reached(sets, 2);
    expect(Object.keys(sets[1]!.items)).toEqual([JOB_KEY + 'a']);
    expect(JSON.stringify(sets[1]!.items).length).toBeLessThan(500);
    sets[1]!.finish();
    await next;

    // a new worker reads the job whole again
    const reread = createQueueStore(area, { keepFinished: 10, log: () => undefined });
    await reread.load();
    expect(reread.job('a')).toEqual({ ...big([0, 1]), succeeded: 100 });
    expect(items.get(JOB_KEY + 'a')).toMatchObject({ v: 3, doneChunks: [0, 1] });
  });

  it('a job stored whole by the previous version (v2) is read as it was; its next change stores its contacts apart', async () => {
    const { area, sets, items } = heldArea();
    const { v: _v, ...rest } = big([0, 2]);
    const v2 = { v: 2, ...rest, retries: [{ chunk: 1, attempts: 2, nextAt: 5 }], succeeded: 90, fallbackIds: ['w1'], reason: 'Too many requests' };
    items.set(JOB_KEY + 'a', v2);
    const ledger = adopting(area);
    const store = createQueueStore(area, { keepFinished: 10, log: () => undefined, ledger });
    await store.load();
    expect(store.job('a')).toEqual({ ...v2, v: 3 });

    const saved = store.updateJob('a', (j) => ({ ...j, doneChunks: [0, 1, 2], retries: [], succeeded: 140 }));
    await reached(sets, 1);
    expect(Object.keys(sets[0]!.items).sort()).toEqual([JOB_CONTACTS_KEY + 'a', JOB_KEY + 'a']);
    sets[0]!.finish();
    await saved;
    const reread = createQueueStore(area, { keepFinished: 10, log: () => undefined, ledger });
    await reread.load();
    expect(reread.job('a')).toEqual({ ...v2, v: 3, doneChunks: [0, 1, 2], retries: [], succeeded: 140 });
    expect(items.get(JOB_KEY + 'a')).not.toHaveProperty('contactIds');
  });

  it('a job whose stored contacts are missing or damaged is skipped as unreadable, not run with wrong contacts', async () => {
    const { area, items } = heldArea();
    const { contactIds: _c, ...record } = big([0]);
    items.set(JOB_KEY + 'a', record);
    items.set(JOB_KEY + 'b', { ...record, id: 'b' });
    items.set(JOB_CONTACTS_KEY + 'b', [...ids.slice(0, 10), 42]);
    const lines: string[] = [];
    const store = createQueueStore(area, { keepFinished: 10, log: (line) => lines.push(line), ledger: adopting(area) });
    await store.load();
    expect([...store.jobs()]).toEqual([]);
    expect(lines).toEqual([`Outbox: skipped an unreadable bulk job ${JOB_KEY}a`, `Outbox: skipped an unreadable bulk job ${JOB_KEY}b`]);
  });
});

describe('finished bulk jobs', () => {
  it('beyond the newest kept, go from memory and storage with their contacts; running and failed jobs stay', async () => {
    const { area, sets, items } = heldArea();
    const store = createQueueStore(area, { keepFinished: 10, keepFinishedJobs: 2, log: () => undefined });
    const at = (j: BulkJob, state: BulkJob['state'], updatedAt: number): BulkJob => ({ ...j, state, updatedAt });
    const saveNow = async (jobs: BulkJob[]) => {
      const before = sets.length;
      const saved = store.save({ jobs });
      await reached(sets, before + 1);
      sets.at(-1)!.finish();
      await saved;
    };
    await saveNow([at(job('old', [0, 1, 2]), 'sent', 1), at(job('failed', []), 'failed', 2), at(job('running', [0]), 'running', 3)]);
    await saveNow([at(job('cancelled', [0]), 'cancelled', 4)]);
    expect([...items.keys()].filter((k) => k.includes('old'))).toEqual([JOB_KEY + 'old', JOB_CONTACTS_KEY + 'old']);
    await saveNow([at(job('new', [0, 1, 2]), 'sent', 5)]);
    expect(store.job('old')).toBeUndefined();
    expect([...items.keys()].filter((k) => k.includes('old'))).toEqual([]);
    expect(['failed', 'running', 'cancelled', 'new'].map((id) => store.job(id)?.state)).toEqual(['failed', 'running', 'cancelled', 'sent']);
    expect([...items.keys()].filter((k) => k.startsWith(JOB_KEY)).sort()).toEqual(['cancelled', 'failed', 'new', 'running'].map((id) => JOB_KEY + id));
  });
});

describe('on the browser storage', () => {
  it('a change of several records is one browser.storage.local.set (one transaction), through WXT’s storage', async () => {
    fakeBrowser.reset();
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    const store = createQueueStore(storage, { keepFinished: 10, log: () => undefined });
    await store.load();
    const records = ['c1', 'c2', 'c3'].map((c) => store.newRecord({ kind: 'tag.add', connectionId: 'conn', contactId: c, tags: ['vip'] }, 1));
    await store.save({ writes: records, jobs: [job('j', [])] });
    expect(set).toHaveBeenCalledTimes(1);
    expect(Object.keys(set.mock.calls[0]![0]).sort()).toEqual([...records.map((r) => WRITE_KEY + r.id), JOB_KEY + 'j', JOB_CONTACTS_KEY + 'j'].sort());
    set.mockRestore();
  });
});
