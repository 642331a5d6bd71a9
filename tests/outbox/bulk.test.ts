// Tagging many contacts at once: bulk requests in chunks with progress, one-by-one writes for
// contacts the bulk answer reports as failed, cancel, and resume by a new worker.
import { describe, expect, it } from 'vitest';
import { BULK_CHUNK, type BulkProgress } from '../../lib/outbox';
import { admin } from '../ghl/sandbox-helpers';
import { outboxWorld, sandboxContact, until, type Worker } from './helpers';

const world = outboxWorld(200);

const bulkPosts = async () => (await admin(world.sandbox).requests()).requests.filter((r) => r.path.startsWith('/contacts/bulk/tags/update/'));
const tagged = async (tag: string) => {
  const all = await Promise.all(world.contacts.map((id) => sandboxContact(world.sandbox, id)));
  return all.filter((c) => c!.contact.tags.includes(tag)).length;
};
const finished = (worker: Worker, jobId: string, state: BulkProgress['state']) =>
  until(async () => (await worker.outbox.bulkProgress(jobId))?.state === state, `bulk job ${state}`);

describe('bulk tags', () => {
  it(`tags 200 contacts in chunks of ${BULK_CHUNK}, reporting progress up to 200/200`, async () => {
    const worker = world.browser.start();
    const seen: number[] = [];
    const job = await worker.outbox.enqueueBulkTags({ connectionId: world.browser.connectionId, contactIds: world.contacts, tags: ['Bulk-A'], op: 'add' });
    expect(job).toMatchObject({ state: 'running', done: 0, total: 200 });
    worker.outbox.onChange(async ({ jobs }) => {
      if (jobs.some((j) => j.id === job.jobId)) seen.push((await worker.outbox.bulkProgress(job.jobId))!.done);
    });
    await finished(worker, job.jobId, 'done');
    expect(await worker.outbox.bulkProgress(job.jobId)).toMatchObject({ done: 200, failed: 0, total: 200 });
    expect(seen).toEqual([50, 100, 150, 200]);
    expect(await bulkPosts()).toHaveLength(200 / BULK_CHUNK);
    expect(await tagged('bulk-a')).toBe(200);

    const removal = await worker.outbox.enqueueBulkTags({ connectionId: world.browser.connectionId, contactIds: world.contacts, tags: ['bulk-a'], op: 'remove' });
    await finished(worker, removal.jobId, 'done');
    expect(await tagged('bulk-a')).toBe(0);
  });

  it('falls back to one write per contact the bulk answer reports as failed', async () => {
    const worker = world.browser.start();
    const ids = [...world.contacts.slice(0, 10), 'no-such-contact'];
    const job = await worker.outbox.enqueueBulkTags({ connectionId: world.browser.connectionId, contactIds: ids, tags: ['bulk-b'], op: 'add' });
    await until(async () => (await worker.outbox.bulkProgress(job.jobId))?.failed === 1, 'the fallback to fail');
    expect(await worker.outbox.bulkProgress(job.jobId)).toMatchObject({ state: 'done', done: 10, failed: 1, total: 11 });
    const fallback = (await worker.outbox.list()).find((r) => r.write.contactId === 'no-such-contact')!;
    expect(fallback).toMatchObject({ state: 'failed', bulkJobId: job.jobId, write: { kind: 'tag.add', tags: ['bulk-b'] } });
    const log = (await admin(world.sandbox).requests()).requests;
    expect(log.filter((r) => r.path === '/contacts/no-such-contact/tags')).toHaveLength(1);
  });

  it('stops when cancelled mid-way', async () => {
    const worker = world.browser.start();
    const job = await worker.outbox.enqueueBulkTags({ connectionId: world.browser.connectionId, contactIds: world.contacts, tags: ['bulk-c'], op: 'add' });
    worker.outbox.onChange(({ jobs }) => {
      if (jobs.some((j) => j.id === job.jobId && j.cursor >= BULK_CHUNK && j.state === 'running')) void worker.outbox.cancelBulk(job.jobId);
    });
    await finished(worker, job.jobId, 'cancelled');
    const sentSoFar = (await bulkPosts()).length;
    await new Promise((resolve) => setTimeout(resolve, 200));
    const progress = (await worker.outbox.bulkProgress(job.jobId))!;
    expect(progress.done).toBeLessThan(200);
    expect(await bulkPosts()).toHaveLength(sentSoFar);
    expect(await tagged('bulk-c')).toBe(progress.done);
  });

  it('is finished by a new worker after the old one died mid-job', async () => {
    const first = world.browser.start();
    const job = await first.outbox.enqueueBulkTags({ connectionId: world.browser.connectionId, contactIds: world.contacts, tags: ['bulk-d'], op: 'add' });
    first.outbox.onChange(({ jobs }) => {
      if (jobs.some((j) => j.id === job.jobId && j.cursor >= BULK_CHUNK)) first.kill();
    });
    await until(async () => (await first.outbox.bulkProgress(job.jobId))!.done >= BULK_CHUNK, 'the first chunk');
    expect((await first.outbox.bulkProgress(job.jobId))!.done).toBeLessThan(200);

    const second = world.browser.start();
    await second.outbox.resume();
    await finished(second, job.jobId, 'done');
    expect(await second.outbox.bulkProgress(job.jobId)).toMatchObject({ done: 200, total: 200 });
    expect(await tagged('bulk-d')).toBe(200);
  });

  it('shows the tag on contacts the job has not reached yet', async () => {
    const offline = world.browser.start({ outbox: { clientFor: () => new Promise(() => undefined) } });
    await offline.outbox.enqueueBulkTags({ connectionId: world.browser.connectionId, contactIds: world.contacts.slice(0, 3), tags: ['Bulk-E'], op: 'add' });
    const view = await offline.outbox.applyPending({ contact: { id: world.contacts[2]!, tags: ['x'] }, tasks: [], notes: [] });
    expect(view.contact.tags).toEqual(['x', 'bulk-e']);
    offline.kill();
  });
});
