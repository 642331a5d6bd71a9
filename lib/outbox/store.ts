// The outbox's persistent state: one storage key per write (`outbox:w:<id>`) and two per bulk tag
// job: its progress (`outbox:bulk:<id>`, rewritten on every chunk's answer) and its contacts
// (`outbox:bulk-contacts:<id>`, written once, in the same `set` as the job's first record, so each
// progress write of a 500-contact job stays ~0.5 KB instead of ~20 KB), mirrored in memory. Every
// state change writes only the records it changes, in one `storage.setItems` call (WXT's storage:
// one `browser.storage.local.set` for all the items of an area), which the browsers
// apply as one transaction (so a change that touches several records, e.g. a create rewriting the
// temporary id in later writes, lands all at once or not at all). With 1,000 queued writes a state
// change still writes ~0.5 KB, not the whole queue. Finished writes (done, discarded) beyond the
// newest `keepFinished` are removed; failed writes and conflicts stay until the user acts on them.
// Finished bulk jobs (sent, cancelled) beyond the newest KEEP_FINISHED_JOBS are removed with their
// contacts; a failed job stays. A finished write keeps only what the activity log shows of it
// (finished.ts), in memory and in storage; the listeners still get it whole as it finishes.
import * as v from 'valibot';
import type { WxtStorage } from 'wxt/utils/storage';
import { keptOfFinished } from './finished';
import { WriteRecordSchema, bulkJobRecord, isFinished, readBulkJob, type BulkJob, type Write, type WriteRecord } from './types';

const isFinishedJob = (j: BulkJob) => j.state === 'sent' || j.state === 'cancelled';

/** The part of WXT's storage the queue uses (`storage` from wxt/utils/storage; tests hold its writes). */
export type QueueStorage = Pick<WxtStorage, 'snapshot' | 'setItems' | 'removeItems'>;

/** Records live in storage.local, under the keys below. */
const local = (key: string) => `local:${key}` as const;

export const WRITE_KEY = 'outbox:w:';
export const JOB_KEY = 'outbox:bulk:';
/** A bulk job's contacts (not under JOB_KEY: `outbox:bulk-` is not `outbox:bulk:`). */
export const JOB_CONTACTS_KEY = 'outbox:bulk-contacts:';

export interface Change {
  writes: WriteRecord[];
  jobs: BulkJob[];
}
export type ChangeListener = (change: Change) => void;

/** Finished bulk jobs (sent, cancelled) kept for the activity list; older ones are removed with their contacts. */
export const KEEP_FINISHED_JOBS = 50;

export function createQueueStore(storage: QueueStorage, opts: { keepFinished: number; keepFinishedJobs?: number; log: (line: string) => void }) {
  /** In enqueue order (Map keeps insertion order; load sorts by seq). */
  const writes = new Map<string, WriteRecord>();
  const jobs = new Map<string, BulkJob>();
  /** Jobs whose contacts are stored under JOB_CONTACTS_KEY (a job stored by an earlier version has them in its record). */
  const contactsStored = new Set<string>();
  const listeners = new Set<ChangeListener>();
  let nextSeq = 1;
  let closed = false;
  /**
   * Changes saved while an earlier `storage.set` is still being written wait for it and then go
   * together in one `set` (later copies of a record replace earlier ones): a burst of changes (ten
   * bulk chunks answered at once) costs two or three writes instead of ten queued one behind the
   * other. Each change still lands whole, in order, and its `save` resolves only once it is stored.
   */
  let writing: Promise<void> = Promise.resolve();
  let waiting: { items: Record<string, unknown>; stored: Promise<void> } | undefined;

  function persist(items: Record<string, unknown>): Promise<void> {
    if (waiting) {
      Object.assign(waiting.items, items);
      return waiting.stored;
    }
    const batch = { items: { ...items }, stored: Promise.resolve() };
    batch.stored = writing.then(() => {
      if (waiting === batch) waiting = undefined;
      // The worker "died" (close) before this write started: like a dead worker, store nothing.
      return closed ? undefined : storage.setItems(Object.entries(batch.items).map(([key, value]) => ({ key: local(key), value })));
    });
    waiting = batch;
    writing = batch.stored.catch(() => undefined);
    return batch.stored;
  }

  async function load(): Promise<void> {
    const all = await storage.snapshot('local');
    const found: WriteRecord[] = [];
    for (const [key, value] of Object.entries(all)) {
      if (key.startsWith(WRITE_KEY)) {
        const parsed = v.safeParse(WriteRecordSchema, value);
        if (parsed.success) found.push(parsed.output);
        else opts.log(`Outbox: skipped an unreadable write record ${key}`);
      } else if (key.startsWith(JOB_KEY)) {
        const contacts = all[JOB_CONTACTS_KEY + key.slice(JOB_KEY.length)];
        const job = readBulkJob(value, contacts);
        if (!job) {
          opts.log(`Outbox: skipped an unreadable bulk job ${key}`);
          continue;
        }
        jobs.set(job.id, job);
        if ((value as { v?: unknown }).v === 3) contactsStored.add(job.id);
      }
    }
    found.sort((a, b) => a.seq - b.seq);
    for (const record of found) writes.set(record.id, record);
    nextSeq = (found.at(-1)?.seq ?? 0) + 1;
    // finished writes an earlier version kept whole (note bodies, emails): keep only what the log shows
    const whole = found.filter((r) => isFinished(r.state) && JSON.stringify(keptOfFinished(r)) !== JSON.stringify(r));
    if (whole.length) await save({ writes: whole });
  }

  /** Persists the given records (memory first, so readers never see an older copy). */
  async function save(changed: { writes?: WriteRecord[]; jobs?: BulkJob[] }): Promise<void> {
    if (closed) return;
    const items: Record<string, unknown> = {};
    for (const record of changed.writes ?? []) {
      const kept = isFinished(record.state) ? keptOfFinished(record) : record;
      writes.set(record.id, kept);
      items[WRITE_KEY + record.id] = kept;
    }
    for (const job of changed.jobs ?? []) {
      jobs.set(job.id, job);
      items[JOB_KEY + job.id] = bulkJobRecord(job);
      // with the job's first record (or the first since an earlier version stored it whole)
      if (!contactsStored.has(job.id)) items[JOB_CONTACTS_KEY + job.id] = job.contactIds;
    }
    await persist(items);
    for (const job of changed.jobs ?? []) contactsStored.add(job.id);
    const change = { writes: changed.writes ?? [], jobs: changed.jobs ?? [] };
    for (const listener of listeners) {
      try {
        listener(change);
      } catch (error) {
        opts.log(`Outbox: a change listener failed: ${String(error)}`);
      }
    }
    if (change.writes.some((r) => isFinished(r.state))) await prune();
    if (change.jobs.some(isFinishedJob)) await pruneJobs();
  }

  /** Finished jobs beyond the newest `keepFinishedJobs` go, with their contacts: storage never fills with old jobs. */
  async function pruneJobs(): Promise<void> {
    const finished = [...jobs.values()].filter(isFinishedJob);
    const excess = finished.length - (opts.keepFinishedJobs ?? KEEP_FINISHED_JOBS);
    if (excess <= 0) return;
    const oldest = finished.sort((a, b) => a.updatedAt - b.updatedAt).slice(0, excess);
    const keys = oldest.flatMap((j) => [JOB_KEY + j.id, JOB_CONTACTS_KEY + j.id]);
    for (const j of oldest) {
      jobs.delete(j.id);
      contactsStored.delete(j.id);
    }
    // a copy waiting for the next write would bring the job back after its removal
    if (waiting) for (const key of keys) delete waiting.items[key];
    await storage.removeItems(keys.map(local));
  }

  async function prune(): Promise<void> {
    const finished = [...writes.values()].filter((r) => isFinished(r.state));
    const excess = finished.length - opts.keepFinished;
    if (excess <= 0) return;
    const oldest = finished.sort((a, b) => a.updatedAt - b.updatedAt).slice(0, excess);
    for (const record of oldest) {
      writes.delete(record.id);
      // A copy waiting for the next write would bring the record back after its removal.
      if (waiting) delete waiting.items[WRITE_KEY + record.id];
    }
    await storage.removeItems(oldest.map((r) => local(WRITE_KEY + r.id)));
  }

  return {
    load,
    save,
    /** Applies `change` to the current copy of a write and saves it; undefined if it is gone. */
    async update(id: string, change: (current: WriteRecord) => WriteRecord): Promise<WriteRecord | undefined> {
      const current = writes.get(id);
      if (!current) return undefined;
      const next = change(current);
      await save({ writes: [next] });
      return next;
    },
    async updateJob(id: string, change: (current: BulkJob) => BulkJob, extra: WriteRecord[] = []): Promise<BulkJob | undefined> {
      const current = jobs.get(id);
      if (!current) return undefined;
      const next = change(current);
      await save({ jobs: [next], writes: extra });
      return next;
    },
    /** A new pending record (not saved yet), next in enqueue order. */
    newRecord(write: Write, at: number, extra: Partial<WriteRecord> = {}): WriteRecord {
      return { v: 1, id: crypto.randomUUID(), seq: nextSeq++, write, state: 'pending', attempts: 0, createdAt: at, updatedAt: at, ...extra };
    },
    write: (id: string) => writes.get(id),
    job: (id: string) => jobs.get(id),
    /** Every write in enqueue order. */
    writes: () => writes.values(),
    jobs: () => jobs.values(),
    onChange(listener: ChangeListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** From now on nothing is persisted (as if the worker had died here). */
    close() {
      closed = true;
      listeners.clear();
    },
  };
}

export type QueueStore = ReturnType<typeof createQueueStore>;
