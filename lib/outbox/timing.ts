// How long the outbox waits, in one place without dependencies (the chaos browser test computes its
// bounds from these): the backoff schedule after a failed attempt, and how long a write found
// `sending` at start-up waits before it is checked. Why each value: retry.ts and queue.ts.

export interface RetryPolicy {
  /** First backoff step. Default 2 s. */
  baseMs: number;
  /**
   * Longest backoff. Default 1 minute: HighLevel's error bursts are short, and a change should not
   * wait minutes after HighLevel is back; 12 attempts still span ~8 minutes before the user is asked.
   */
  maxMs: number;
  /** Attempts before a write stops as failed (the user can retry it). Default 12. */
  maxAttempts: number;
}

export const DEFAULT_RETRY: RetryPolicy = { baseMs: 2_000, maxMs: 60_000, maxAttempts: 12 };

/** The step after `attempts` failed attempts: base · 2^(attempts−1), at most maxMs. The wait is half of it to all of it. */
export const backoffStepMs = (attempts: number, policy: RetryPolicy = DEFAULT_RETRY): number =>
  Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempts - 1));

/** Exponential backoff with "equal jitter": half the step fixed, half random. */
export function backoffMs(attempts: number, policy: RetryPolicy, random: () => number): number {
  const step = backoffStepMs(attempts, policy);
  return Math.round(step / 2 + random() * (step / 2));
}

/**
 * How long a request may still be travelling after it was sent: a write found `sending` at
 * start-up is checked only this long after it was sent (the client's timeout is 30 s).
 */
export const DEFAULT_SETTLE_MS = 35_000;
