// A bulk chunk's answer counts once: a chunk answered twice (sent again while its first answer was
// on the way) neither counts its contacts twice nor makes one-by-one writes for them twice.
import { describe, expect, it } from 'vitest';
import { createBulkJobs } from '../../lib/outbox/bulk';
import { DEFAULT_RETRY } from '../../lib/outbox/retry';
import { createQueueStore, type QueueStorage } from '../../lib/outbox/store';
import type { GhlClient } from '../../lib/ghl';

/** WXT's storage calls the queue makes, kept in memory (keys without their `local:` area). */
function memoryArea(): QueueStorage {
  const items = new Map<string, unknown>();
  const bare = (key: string) => key.replace(/^local:/, '');
  const area = {
    snapshot: async () => Object.fromEntries(items),
    setItems: async (add: { key: string; value: unknown }[]) => { for (const { key, value } of add) items.set(bare(key), structuredClone(value)); },
    removeItems: async (keys: string[]) => { for (const k of keys) items.delete(bare(k)); },
  };
  return area as unknown as QueueStorage;
}

describe('bulk chunk answers', () => {
  it('a chunk answered twice is counted once, and its failed contacts get one write each', async () => {
    const store = createQueueStore(memoryArea(), { keepFinished: 100, log: () => undefined });
    const answers: Array<(a: unknown) => void> = [];
    const client = { tags: { bulkUpdate: () => new Promise((resolve) => answers.push(resolve)) } } as unknown as GhlClient;
    const bulk = createBulkJobs({ store, clientFor: async () => client, now: Date.now, random: () => 0.5, policy: DEFAULT_RETRY, log: () => undefined });
    const contactIds = Array.from({ length: 50 }, (_, i) => `c${i}`);
    const job = await bulk.start({ connectionId: 'conn', contactIds, tags: ['vip'], op: 'add' });

    const first = bulk.attempt(job, 0);
    const second = bulk.attempt(job, 0);
    await until(() => answers.length === 2);
    const answer = { succeded: true, responses: [{ contactId: 'c7', type: 'error' }] };
    answers[0]!(answer);
    answers[1]!(answer);
    await Promise.all([first, second]);

    const stored = store.job(job.id)!;
    expect(stored.doneChunks).toEqual([0]);
    expect(stored.succeeded).toBe(49);
    expect(stored.fallbackIds).toHaveLength(1);
    expect([...store.writes()].map((w) => w.write.kind === 'tag.add' && w.write.contactId)).toEqual(['c7']);
    expect(bulk.progress(stored)).toMatchObject({ done: 49, total: 50 });
  });
});

async function until(check: () => boolean) {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
}
