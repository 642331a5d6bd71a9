// When each write goes: writes of one contact strictly in enqueue order (a lane; a failed write or
// a conflict holds its lane until the user retries, resolves or discards it), different contacts
// in parallel, at most `maxInFlight` requests of the outbox at once (the client's limiter then
// paces them per location), retries not before their due time. A write tried before (a retry, or
// one checked after a restart) goes as soon as it is due, before the writes never tried yet: those
// have no due time, and put first they would hold a retry behind the whole backlog of every other
// contact (a 1,200-write queue held a retry ~90 s past its due time), so a contact's queue would
// wait far longer than the timeout and its backoff. Never-tried writes then go in enqueue order. Bulk jobs go chunk by chunk beside
// them: every chunk not answered yet is a unit of its own, at most `maxBulkInFlight` at once (they
// do not take the writes' places; the limiter keeps them to their share of the rate limit).
//
// Waking up: while the worker lives, a timer runs the next due write. Because the MV3 worker dies
// when idle, the alarm `outbox-retry` is always set while anything is unfinished: at the next due
// time, or (while writes are being sent) a watchdog a little later, so a worker killed mid-send
// is started again and resumes. Chrome rounds alarms up to 30 s; the timer covers shorter waits.
//
// Storage full: nothing can be marked `sending`, so nothing starts until room comes back: when
// storage tells of a removal (`roomMayBeBack`, from queue.ts) or, at the latest, every
// ROOM_POLL_MS. Each lane then goes on where it was.
import { openChunks, type BulkJobs } from './bulk';
import { StorageFullError, type QueueStore } from './store';
import { HOLDS_LANE, laneOf, type WriteRecord } from './types';

export const ALARM_NAME = 'outbox-retry';
const WATCHDOG_MS = 60_000;
/** While storage is full, how often to try again without being told of room. */
export const ROOM_POLL_MS = 5_000;

export interface AlarmsArea {
  create(name: string, info: { when: number }): void | Promise<void>;
  clear(name: string): Promise<boolean>;
}

/** `due`: 0 for a unit never tried (a new write, a chunk not sent yet). */
type Unit = { id: string; due: number; bulk: boolean; run: () => Promise<void> };

/** Units tried before first, by due time; then the ones never tried, in their order. */
const byTurn = (a: Unit, b: Unit) => Number(b.due > 0) - Number(a.due > 0) || a.due - b.due;

export function createScheduler(deps: {
  store: QueueStore;
  bulk: BulkJobs;
  sendWrite: (record: WriteRecord) => Promise<void>;
  alarms: AlarmsArea;
  now: () => number;
  maxInFlight: number;
  maxBulkInFlight: number;
  log: (line: string) => void;
}) {
  const { store, now } = deps;
  /** Unit id → whether it is a bulk chunk. */
  const inFlight = new Map<string, boolean>();
  const running = (bulk: boolean) => [...inFlight.values()].filter((b) => b === bulk).length;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let roomPoll: ReturnType<typeof setTimeout> | undefined;
  let alarmAt: number | undefined;
  let closed = false;


  /** The first unfinished write of every lane, and every chunk of a bulk job not answered yet. */
  function candidates(): { units: Unit[]; open: boolean } {
    const heads = new Map<string, WriteRecord>();
    for (const r of store.writes()) if (HOLDS_LANE.has(r.state) && !heads.has(laneOf(r))) heads.set(laneOf(r), r);
    const units: Unit[] = [];
    let open = false;
    for (const r of heads.values()) {
      if (r.state !== 'pending' && r.state !== 'sending') continue;
      open = true;
      if (r.state === 'pending') units.push({ id: r.id, due: r.nextAt ?? 0, bulk: false, run: () => deps.sendWrite(r) });
    }
    for (const job of store.jobs()) {
      if (job.state !== 'running') continue;
      open = true;
      for (const { chunk, due } of openChunks(job)) units.push({ id: `${job.id}#${chunk}`, due, bulk: true, run: () => deps.bulk.attempt(job, chunk) });
    }
    return { units, open: open || inFlight.size > 0 };
  }

  /** Room may be back: store what waits in memory, then go on (or wait again). */
  async function roomMayBeBack(): Promise<void> {
    if (roomPoll) clearTimeout(roomPoll);
    roomPoll = undefined;
    await deps.store.flush();
    pump();
  }

  function pump(): void {
    if (closed) return;
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (deps.store.isFull()) {
      // nothing can be marked `sending`: wait for room (told by storage, or polled)
      roomPoll ??= setTimeout(() => void roomMayBeBack(), ROOM_POLL_MS);
      return;
    }
    const t = now();
    const { units, open } = candidates();
    let nextDue = Infinity;
    const free = { writes: deps.maxInFlight - running(false), chunks: deps.maxBulkInFlight - running(true) };
    for (const unit of units.sort(byTurn)) {
      if (inFlight.has(unit.id)) continue;
      if (unit.due > t) {
        nextDue = Math.min(nextDue, unit.due);
        continue;
      }
      const kind = unit.bulk ? 'chunks' : 'writes';
      if (free[kind] <= 0) continue;
      free[kind] -= 1;
      start(unit);
    }
    if (nextDue < Infinity) timer = setTimeout(pump, nextDue - t);
    void setAlarm(open ? Math.min(nextDue, t + WATCHDOG_MS) : undefined);
  }

  function start(unit: Unit): void {
    inFlight.set(unit.id, unit.bulk);
    unit
      .run()
      .catch((error: unknown) => {
        if (!(error instanceof StorageFullError)) deps.log(`Outbox: an attempt failed unexpectedly: ${String(error)}`);
      })
      .finally(() => {
        inFlight.delete(unit.id);
        pump();
      });
  }

  /** Keeps the alarm at the earliest time something needs the worker; none when all is finished. */
  async function setAlarm(when: number | undefined): Promise<void> {
    try {
      if (when === undefined) {
        if (alarmAt !== undefined) await deps.alarms.clear(ALARM_NAME);
        alarmAt = undefined;
        return;
      }
      // Creating an alarm costs a call into the browser: skip changes of less than a second.
      if (alarmAt !== undefined && Math.abs(when - alarmAt) < 1_000) return;
      alarmAt = when;
      await deps.alarms.create(ALARM_NAME, { when });
    } catch (error) {
      deps.log(`Outbox: could not set the retry alarm: ${String(error)}`);
    }
  }

  return {
    pump,
    roomMayBeBack,
    /** How many attempts are running now. */
    inFlight: () => inFlight.size,
    close(): void {
      closed = true;
      if (timer) clearTimeout(timer);
      if (roomPoll) clearTimeout(roomPoll);
      timer = undefined;
      roomPoll = undefined;
    },
  };
}

export type Scheduler = ReturnType<typeof createScheduler>;
