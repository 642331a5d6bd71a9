// Client-side pacing for HighLevel's burst limit (per app per location: 100 requests / 10 s until
// the X-RateLimit-* headers say otherwise), so a burst of work never meets a 429 in normal use.
//
// How it decides when the next request may go:
// - a sliding window of our own send times: at most `max` sends in any `intervalMs + guardMs`
//   span (the guard absorbs latency jitter between our send time and HighLevel's arrival time);
// - HighLevel's own count: `X-RateLimit-Remaining` from the latest answer, minus what we sent
//   after it, covers other clients of the same app and location sharing the budget; when it
//   reaches 0 we wait one interval from that answer;
// - until the first answer tells the real limits, the documented budget (100 / 10 s) is assumed,
//   so the first burst of work goes at once; a location with a smaller limit answers 429 to the
//   excess, which waits the advertised interval, and from then on the headers rule;
// - background work (bulk jobs) may fill only BACKGROUND_SHARE of the window and waits in its own
//   queue, so it never makes the user's reads and writes wait behind it;
// - look-ups caused by pages (matching the people a page reports) likewise: PAGE_SHARE of the
//   window at most, in a third queue, so neither a bulk job nor a page delays the other, and a
//   search, a record or a write the user asked for is never queued behind them;
// - a 429 pauses every request of the location for the advertised interval.
// One limiter per location is shared by every client of that location (see `limiterFor`).

export interface RateLimiterOptions {
  max?: number;
  intervalMs?: number;
  guardMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_MAX = 100;
export const DEFAULT_INTERVAL_MS = 10_000;

/**
 * Share of the burst window background work (bulk tag jobs) may fill: half. A 500-person job
 * (10 requests) still goes out at once and a 5,000-person job (100 requests) takes two windows
 * instead of one, while the other half stays free for what the user is waiting on (a cold
 * sidebar view is 5 requests, a list page's look-ups a few dozen, a quick tag 1).
 */
export const BACKGROUND_SHARE = 0.5;

/**
 * Share of the burst window look-ups caused by pages may fill (lib/match paces them per tab too,
 * well below this): a 500-person page needs about 10 requests, and whatever pages report, half
 * of the window stays free for what the user asked for.
 */
export const PAGE_SHARE = 0.5;

/** Whose request waits for a slot: the user's (first, the whole window), a page's look-ups, bulk work. */
type Lane = 'user' | 'page' | 'bulk';

export interface AcquireOptions {
  /** Bulk work: uses at most BACKGROUND_SHARE of the window, queued apart from the user's requests. */
  background?: boolean;
  /** A look-up caused by a page's report: at most PAGE_SHARE of the window, in its own queue. */
  pageLookup?: boolean;
  /** Aborted while still waiting: the request is dropped unsent (its turn is given up). */
  signal?: AbortSignal;
}

const header = (headers: Headers, name: string): number | undefined => {
  const raw = headers.get(name);
  if (raw === null || raw.trim() === '') return undefined;
  const n = Number(raw);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
};

/** HighLevel says this location's daily budget is used up: waiting an interval will not help. */
export const dailyUsedUp = (headers: Headers): boolean => header(headers, 'x-ratelimit-daily-remaining') === 0;

export class RateLimiter {
  private max: number;
  private intervalMs: number;
  private readonly guardMs: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private sendTimes: number[] = [];
  private serverBudget: number | undefined;
  private serverBudgetUntil = 0;
  private pausedUntil = 0;
  private inFlight = 0;
  private queues: Record<Lane, Promise<void>> = { user: Promise.resolve(), page: Promise.resolve(), bulk: Promise.resolve() };
  /** The requests sleeping for their turn (the head of each queue), to wake when the limits change. */
  private sleepers = new Set<() => void>();

  constructor(opts: RateLimiterOptions = {}) {
    this.max = opts.max ?? DEFAULT_MAX;
    this.intervalMs = opts.intervalMs ?? DEFAULT_INTERVAL_MS;
    this.guardMs = opts.guardMs ?? 100;
    this.now = opts.now ?? Date.now;
    this.sleep = opts.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** Resolves when one more request may be sent now; callers of each queue are served in arrival order. */
  acquire(opts: AcquireOptions = {}): Promise<void> {
    const lane: Lane = opts.background ? 'bulk' : opts.pageLookup ? 'page' : 'user';
    const turn = this.queues[lane].then(() => this.waitForSlot(lane, opts.signal));
    this.queues[lane] = turn.catch(() => undefined);
    return turn;
  }

  /** Call once per acquired slot when its request has settled (answer, error or abort). */
  settled(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
  }

  /** Learn from an answer's X-RateLimit-* headers (any status). */
  observe(headers: Headers): void {
    const max = header(headers, 'x-ratelimit-max');
    const interval = header(headers, 'x-ratelimit-interval-milliseconds');
    const remaining = header(headers, 'x-ratelimit-remaining');
    const changed = (max !== undefined && max > 0 && max !== this.max) || (interval !== undefined && interval > 0 && interval !== this.intervalMs);
    if (max !== undefined && max > 0) this.max = max;
    if (interval !== undefined && interval > 0) this.intervalMs = interval;
    if (remaining !== undefined) {
      // Requests still in flight may not be counted in `remaining` yet: assume they are not.
      this.serverBudget = remaining - Math.max(0, this.inFlight - 1);
      this.serverBudgetUntil = this.now() + this.intervalMs;
    }
    // A waiting request timed its sleep with the old limits (e.g. the documented 10 s window).
    if (changed) for (const wake of this.sleepers) wake();
  }

  /** A 429 arrived: nobody sends for `waitMs` (the advertised interval). */
  pause(waitMs: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + waitMs);
    this.serverBudget = undefined;
  }

  /** The wait HighLevel advertises for a 429 (its burst interval), or the current interval. */
  retryAfterMs(headers: Headers): number {
    const retryAfterSec = header(headers, 'retry-after');
    if (retryAfterSec !== undefined) return retryAfterSec * 1000;
    return header(headers, 'x-ratelimit-interval-milliseconds') ?? this.intervalMs;
  }

  /**
   * Whether optional work (revalidating a shown record, reading names) may send `requests` now and
   * still leave the other half of the window to what the user is waiting for: no 429 pause, and
   * both our own sends in the window and HighLevel's remaining count leave room (BACKGROUND_SHARE).
   */
  hasRoomFor(requests: number): boolean {
    const now = this.now();
    if (now < this.pausedUntil) return false;
    const share = Math.max(1, Math.floor(this.max * BACKGROUND_SHARE));
    const span = this.intervalMs + this.guardMs;
    const recent = this.sendTimes.filter((t) => t > now - span).length;
    if (recent + requests > share) return false;
    const remaining = this.serverBudget !== undefined && now < this.serverBudgetUntil ? this.serverBudget : undefined;
    return remaining === undefined || remaining - requests >= this.max - share;
  }

  get limits(): { max: number; intervalMs: number } {
    return { max: this.max, intervalMs: this.intervalMs };
  }

  private async waitForSlot(lane: Lane, signal: AbortSignal | undefined): Promise<void> {
    const share = lane === 'bulk' ? BACKGROUND_SHARE : lane === 'page' ? PAGE_SHARE : 1;
    for (;;) {
      signal?.throwIfAborted();
      const now = this.now();
      if (now < this.pausedUntil) {
        await this.wait(this.pausedUntil - now, signal);
        continue;
      }
      // Bulk work and page look-ups leave `keep` of the window (and of HighLevel's remaining count) unused.
      const keep = this.max - Math.max(1, Math.floor(this.max * share));
      const span = this.intervalMs + this.guardMs;
      while (this.sendTimes.length > 0 && this.sendTimes[0]! <= now - span) this.sendTimes.shift();
      const over = this.sendTimes.length - (this.max - keep);
      if (over >= 0) {
        await this.wait(this.sendTimes[over]! + span - now, signal);
        continue;
      }
      if (this.serverBudget !== undefined && now >= this.serverBudgetUntil) this.serverBudget = undefined;
      if (this.serverBudget !== undefined && this.serverBudget <= keep) {
        await this.wait(this.serverBudgetUntil - now, signal);
        continue;
      }
      this.sendTimes.push(now);
      if (this.serverBudget !== undefined) this.serverBudget -= 1;
      this.inFlight += 1;
      return;
    }
  }

  /** Sleeps `ms`, or less if the limits change or `signal` is aborted meanwhile. */
  private async wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
    let wake = () => {};
    const early = new Promise<void>((resolve) => (wake = resolve));
    this.sleepers.add(wake);
    signal?.addEventListener('abort', wake, { once: true });
    try {
      await Promise.race([this.sleep(ms), early]);
    } finally {
      this.sleepers.delete(wake);
      signal?.removeEventListener('abort', wake);
    }
  }
}

const limiters = new Map<string, RateLimiter>();

/** The shared limiter of one location on one API host. */
export function limiterFor(baseUrl: string, locationId: string): RateLimiter {
  const key = `${baseUrl}|${locationId}`;
  let limiter = limiters.get(key);
  if (!limiter) {
    limiter = new RateLimiter();
    limiters.set(key, limiter);
  }
  return limiter;
}
