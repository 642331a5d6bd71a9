// Client-side pacing for HighLevel's burst limit (per app per location: 100 requests / 10 s until
// the X-RateLimit-* headers say otherwise), so a burst of work never meets a 429 in normal use.
//
// How it decides when the next request may go:
// - a sliding window of our own send times: at most `max` sends in any `intervalMs + guardMs`
//   span (the guard absorbs latency jitter between our send time and HighLevel's arrival time);
// - HighLevel's own count: `X-RateLimit-Remaining` from the latest answer, minus what we sent
//   after it, covers other clients of the same app and location sharing the budget; when it
//   reaches 0 we wait one interval from that answer;
// - until the first answer tells the real limits, only one request is in flight (a probe), so a
//   location with a smaller limit than the default is not flooded by the first burst;
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

const header = (headers: Headers, name: string): number | undefined => {
  const raw = headers.get(name);
  if (raw === null || raw.trim() === '') return undefined;
  const n = Number(raw);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
};

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
  private learned = false;
  private inFlight = 0;
  private waiters: Array<() => void> = [];
  private queue: Promise<void> = Promise.resolve();

  constructor(opts: RateLimiterOptions = {}) {
    this.max = opts.max ?? DEFAULT_MAX;
    this.intervalMs = opts.intervalMs ?? DEFAULT_INTERVAL_MS;
    this.guardMs = opts.guardMs ?? 100;
    this.now = opts.now ?? Date.now;
    this.sleep = opts.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    if (opts.max !== undefined) this.learned = true;
  }

  /** Resolves when one more request may be sent now; callers are served in arrival order. */
  acquire(): Promise<void> {
    const turn = this.queue.then(() => this.waitForSlot());
    this.queue = turn;
    return turn;
  }

  /** Call once per acquired slot when its request has settled (answer, error or abort). */
  settled(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    this.wakeAll();
  }

  /** Learn from an answer's X-RateLimit-* headers (any status). */
  observe(headers: Headers): void {
    const max = header(headers, 'x-ratelimit-max');
    const interval = header(headers, 'x-ratelimit-interval-milliseconds');
    const remaining = header(headers, 'x-ratelimit-remaining');
    if (max !== undefined && max > 0) this.max = max;
    if (interval !== undefined && interval > 0) this.intervalMs = interval;
    if (remaining !== undefined) {
      // Requests still in flight may not be counted in `remaining` yet: assume they are not.
      this.serverBudget = remaining - Math.max(0, this.inFlight - 1);
      this.serverBudgetUntil = this.now() + this.intervalMs;
    }
    this.learned = true;
    this.wakeAll();
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

  get limits(): { max: number; intervalMs: number } {
    return { max: this.max, intervalMs: this.intervalMs };
  }

  private async waitForSlot(): Promise<void> {
    for (;;) {
      const now = this.now();
      if (!this.learned && this.inFlight > 0) {
        await new Promise<void>((resolve) => this.waiters.push(resolve));
        continue;
      }
      if (now < this.pausedUntil) {
        await this.sleep(this.pausedUntil - now);
        continue;
      }
      const span = this.intervalMs + this.guardMs;
      while (this.sendTimes.length > 0 && this.sendTimes[0]! <= now - span) this.sendTimes.shift();
      if (this.sendTimes.length >= this.max) {
        await this.sleep(this.sendTimes[0]! + span - now);
        continue;
      }
      if (this.serverBudget !== undefined && now >= this.serverBudgetUntil) this.serverBudget = undefined;
      if (this.serverBudget !== undefined && this.serverBudget <= 0) {
        await this.sleep(this.serverBudgetUntil - now);
        continue;
      }
      this.sendTimes.push(now);
      if (this.serverBudget !== undefined) this.serverBudget -= 1;
      this.inFlight += 1;
      return;
    }
  }

  private wakeAll(): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const wake of waiting) wake();
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
