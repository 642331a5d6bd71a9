// Per-resource (location or company) request budget like HighLevel's: a burst limit per interval and a
// daily limit. Both use FIXED windows: the burst window opens at the first request after the previous
// window ended and lasts `intervalMs`; the daily window is the same with 24 h. Rejected (429) requests
// do not consume budget.

export interface RateLimitConfig {
  max: number;
  intervalMs: number;
  daily: number;
}

export interface RateDecision {
  allowed: boolean;
  headers: Record<string, string>;
}

interface Window {
  start: number;
  count: number;
}

const DAY_MS = 86_400_000;

export class RateLimiter {
  private burst = new Map<string, Window>();
  private daily = new Map<string, Window>();

  constructor(public config: RateLimitConfig) {}

  private window(map: Map<string, Window>, key: string, now: number, length: number): Window {
    let w = map.get(key);
    if (!w || now - w.start >= length) map.set(key, (w = { start: now, count: 0 }));
    return w;
  }

  hit(key: string, now: number): RateDecision {
    const { max, intervalMs, daily } = this.config;
    const b = this.window(this.burst, key, now, intervalMs);
    const d = this.window(this.daily, key, now, DAY_MS);
    const allowed = b.count < max && d.count < daily;
    if (allowed) {
      b.count++;
      d.count++;
    }
    return {
      allowed,
      headers: {
        'X-RateLimit-Limit-Daily': String(daily),
        'X-RateLimit-Daily-Remaining': String(Math.max(0, daily - d.count)),
        'X-RateLimit-Interval-Milliseconds': String(intervalMs),
        'X-RateLimit-Max': String(max),
        'X-RateLimit-Remaining': String(Math.max(0, max - b.count)),
      },
    };
  }

  reset(): void {
    this.burst.clear();
    this.daily.clear();
  }
}
