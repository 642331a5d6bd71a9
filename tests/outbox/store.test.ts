// The queue store's writes: changes saved while an earlier storage write is still going wait for
// it and then go together in one write; each change lands whole and in order, and a save resolves
// only once its change is stored.
import { describe, expect, it } from 'vitest';
import { createQueueStore, JOB_KEY, WRITE_KEY, type StorageArea } from '../../lib/outbox/store';
import type { BulkJob } from '../../lib/outbox/types';

/** A storage area whose writes finish only when the test lets them. */
function heldArea() {
  const items = new Map<string, unknown>();
  const sets: Array<{ items: Record<string, unknown>; finish: () => void }> = [];
  const area: StorageArea = {
    get: async () => Object.fromEntries(items),
    set: (add) =>
      new Promise<void>((resolve) => {
        sets.push({
          items: structuredClone(add),
          finish: () => {
            for (const [k, v] of Object.entries(add)) items.set(k, structuredClone(v));
            resolve();
          },
        });
      }),
    remove: async (keys) => {
      for (const k of [keys].flat()) items.delete(k);
    },
  };
  return { area, sets, items };
}

const job = (id: string, doneChunks: number[]): BulkJob => ({
  v: 2, id, connectionId: 'conn', op: 'add', tags: ['vip'], contactIds: ['c1', 'c2', 'c3'], chunkSize: 1,
  doneChunks, retries: [], succeeded: doneChunks.length, fallbackIds: [], state: 'running', createdAt: 1, updatedAt: 1,
});

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('queue store writes', () => {
  it('changes saved during a write go together in the next one, each save resolving once stored', async () => {
    const { area, sets, items } = heldArea();
    const store = createQueueStore(area, { keepFinished: 10, log: () => undefined });
    const done: string[] = [];
    const first = store.save({ jobs: [job('a', [0])] }).then(() => done.push('first'));
    await tick();
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
    await tick();
    expect(done).toEqual(['first']);
    expect(sets).toHaveLength(2);
    expect(Object.keys(sets[1]!.items).sort()).toEqual([JOB_KEY + 'a', JOB_KEY + 'b', WRITE_KEY + record.id].sort());
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
    await tick();
    expect(sets).toHaveLength(1);
    sets[0]!.finish();
    await saved;
    const next = store.save({ jobs: [job('a', [0])] });
    await tick();
    expect(sets).toHaveLength(2);
    expect(Object.keys(sets[1]!.items)).toEqual([JOB_KEY + 'a']);
    sets[1]!.finish();
    await next;
  });

  it('after close, changes waiting for a write are not stored', async () => {
    const { area, sets, items } = heldArea();
    const store = createQueueStore(area, { keepFinished: 10, log: () => undefined });
    const first = store.save({ jobs: [job('a', [0])] });
    await tick();
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
    await tick();
    const again = store.save({ writes: [{ ...old, updatedAt: 2 }] }); // waits, then is the oldest finished
    const last = store.save({ writes: [recent] });
    sets[0]!.finish();
    await first; // its prune removes `old` (2 finished, 1 kept)
    await tick();
    expect(sets).toHaveLength(2);
    sets[1]!.finish();
    await Promise.all([again, last]);
    await tick();
    expect(store.write(old.id)).toBeUndefined();
    expect(items.has(WRITE_KEY + old.id)).toBe(false);
    expect(items.has(WRITE_KEY + recent.id)).toBe(true);
  });
});
