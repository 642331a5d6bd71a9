// A full storage.local (10 MB in Chrome): a write the outbox cannot store is refused at once, in
// words, and is neither shown nor sent; finished writes make room first; a queue that cannot
// store a write's `sending` state waits (the write stays pending, not failed) and goes on as soon
// as storage has room again, told by storage itself rather than by a timer.
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import type { QueueStorage } from '../../lib/outbox';
import { ROOM_POLL_MS } from '../../lib/outbox/scheduler';
import { admin } from '../ghl/sandbox-helpers';
import { outboxWorld, sandboxContact, settled, until } from './helpers';

const world = outboxWorld(6);
const FILLER = 'filler';

/** storage.local as Chrome counts it: each item's key and JSON; a write past `quota` bytes is refused whole. */
function limitedStorage(quota: number): QueueStorage & { used(): Promise<number>; refused: { count: number } } {
  const refused = { count: 0 };
  const used = async () => Object.entries(await fakeBrowser.storage.local.get(null)).reduce((n, [k, v]) => n + k.length + JSON.stringify(v).length, 0);
  return {
    snapshot: storage.snapshot,
    removeItems: storage.removeItems,
    used,
    refused,
    async setItems(items) {
      const now = await fakeBrowser.storage.local.get(null);
      for (const item of items) if ('key' in item) now[item.key.replace(/^local:/, '')] = item.value;
      const after = Object.entries(now).reduce((n, [k, v]) => n + k.length + JSON.stringify(v).length, 0);
      if (after > quota) {
        refused.count += 1;
        throw new Error('QUOTA_BYTES quota exceeded');
      }
      return storage.setItems(items);
    },
  };
}

/** Fills storage until `room` bytes are left under `quota`. */
async function fillTo(area: ReturnType<typeof limitedStorage>, quota: number, room: number) {
  await fakeBrowser.storage.local.remove(FILLER);
  const left = quota - (await area.used()) - room - FILLER.length - 2;
  await fakeBrowser.storage.local.set({ [FILLER]: 'x'.repeat(Math.max(0, left)) });
}

const QUOTA = 200_000;

describe('storage.local full', () => {
  it('refuses a write it cannot store, in words, at once; finished writes make room first', async () => {
    const area = limitedStorage(QUOTA);
    const { outbox } = world.browser.start({ outbox: { storage: area } });
    const [a, b] = world.contacts as [string, string];
    for (const tag of ['one', 'two', 'three']) await outbox.enqueue({ kind: 'tag.add', ...world.on(a), tags: [tag] });
    await settled(outbox);
    await outbox.whenStored();
    expect((await outbox.list()).filter((r) => r.state === 'done')).toHaveLength(3);

    // no room for a new write, but the finished ones can go
    await fillTo(area, QUOTA, 50);
    const accepted = await outbox.enqueue({ kind: 'tag.add', ...world.on(a), tags: ['made-room'] });
    expect((await outbox.list()).map((r) => r.id)).toEqual([accepted.id]); // the finished writes were removed for it
    await settled(outbox);

    // now nothing can go, even with the finished writes gone: refused in words, not kept, not shown, not sent
    await fillTo(area, QUOTA, -1_000);
    const refused = outbox.enqueue({ kind: 'tag.add', ...world.on(b), tags: ['no-room'] });
    await expect(refused).rejects.toMatchObject({ userError: { kind: 'write-failed', message: expect.stringMatching(/^There is no room left in the browser’s storage for GHL Sidebar, so this change was not saved or sent/) } });
    expect(await outbox.pending(b)).toEqual([]);
    expect(await outbox.unanswered(b)).toEqual([]);
    expect((await outbox.list()).some((r) => r.write.contactId === b)).toBe(false);
    await fakeBrowser.storage.local.remove(FILLER);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await sandboxContact(world.sandbox, b))!.contact.tags).not.toContain('no-room');
    expect((await sandboxContact(world.sandbox, a))!.contact.tags).toEqual(expect.arrayContaining(['one', 'two', 'three', 'made-room']));
  });

  it('a queue that cannot store a write as sending waits for room, then goes on at once', async () => {
    const area = limitedStorage(QUOTA);
    // one retry about a second after a failure: time to fill storage before it
    const { outbox } = world.browser.start({ outbox: { storage: area, retry: { baseMs: 1_500, maxMs: 1_500 } } });
    const contactId = world.contacts[2]!;
    // HighLevel is away: the writes wait, stored
    await admin(world.sandbox).faults({ errorRate: 1, errorStatuses: [503], paths: ['/contacts/*'] });
    const first = await outbox.enqueue({ kind: 'tag.add', ...world.on(contactId), tags: ['first'] });
    const second = await outbox.enqueue({ kind: 'tag.add', ...world.on(contactId), tags: ['second'] });
    const failedOnce = async () => {
      const r = (await outbox.list()).find((w) => w.id === first.id)!;
      return r.attempts >= 1 && r.state === 'pending';
    };
    await until(failedOnce, 'a first attempt, answered 503');
    await outbox.whenStored();
    await fillTo(area, QUOTA, -1_000); // no room even for `sending`
    await admin(world.sandbox).clearFaults();
    await admin(world.sandbox).resetCounters();
    area.refused.count = 0;
    await new Promise((resolve) => setTimeout(resolve, 2_000)); // past the retry's time: it could not be marked sending
    expect(area.refused.count).toBeGreaterThanOrEqual(1); // it tried, once the retry was due
    expect(area.refused.count).toBeLessThanOrEqual(2); // then waited for room instead of trying again and again
    expect((await admin(world.sandbox).requests()).counts.total).toBe(0); // nothing leaves unstored
    expect((await outbox.list()).filter((r) => r.write.contactId === contactId).map((r) => r.state)).toEqual(['pending', 'pending']); // waiting, not failed

    const freed = Date.now();
    await fakeBrowser.storage.local.remove(FILLER); // room again
    await settled(outbox, 10_000);
    // told by storage that room came back, not found by the poll every ROOM_POLL_MS
    expect(Date.now() - freed).toBeLessThan(ROOM_POLL_MS / 5);
    const tags = (await sandboxContact(world.sandbox, contactId))!.contact.tags;
    expect(tags).toEqual(expect.arrayContaining(['first', 'second']));
    const posts = (await admin(world.sandbox).requests()).requests.filter((r) => r.path === `/contacts/${contactId}/tags`);
    expect(posts).toHaveLength(2); // each once
    expect((await outbox.list()).filter((r) => [first.id, second.id].includes(r.id)).map((r) => r.state)).toEqual(['done', 'done']);
  });
});
