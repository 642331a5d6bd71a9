// What to do after a failed attempt: wait and try again (429, 5xx, network, garbled answer) with
// exponential backoff and jitter, never sooner than HighLevel's advertised wait; or stop with a
// reason in plain words when only the user can fix it (401 reconnect, 403, 404, 422) or when
// HighLevel's daily limit is used up (no backoff helps before it resets). A 404 on a delete means
// the thing is already gone: that write is done. While it tries again by itself, the reason says
// only what went wrong: the error's own advice ("Try again in a moment.") is for the user's
// one-off actions, and a write that stops keeps it.
import { i18n } from '#i18n';
import { isGhlError, type GhlAction, type GhlErrorKind } from '../ghl';
import { backoffMs, type RetryPolicy } from './timing';

export { DEFAULT_RETRY, backoffMs, type RetryPolicy } from './timing';

export type Decision =
  | { kind: 'retry'; delayMs: number; reason: string; ambiguous: boolean; rateLimited: boolean }
  | { kind: 'failed'; reason: string; action: GhlAction }
  | { kind: 'done' };

/** Why the last attempt failed, without advice: the outbox tries again by itself. */
const RETRY_REASONS: Record<Extract<GhlErrorKind, 'rate_limited' | 'server' | 'network' | 'malformed'>, () => string> = {
  rate_limited: () => i18n.t('outbox.retryReason.rateLimited'),
  server: () => i18n.t('outbox.retryReason.server'),
  network: () => i18n.t('outbox.retryReason.network'),
  malformed: () => i18n.t('outbox.retryReason.malformed'),
};

export function decide(
  error: unknown,
  ctx: { attempts: number; goneIsDone: boolean; policy: RetryPolicy; random: () => number },
): Decision {
  if (!isGhlError(error)) {
    const message = error instanceof Error ? error.message : String(error);
    return { kind: 'failed', reason: i18n.t('outbox.unexpected', [message]), action: 'retry' };
  }
  if (error.kind === 'rate_limited' && error.daily) return { kind: 'failed', reason: error.userMessage, action: 'retry' };
  switch (error.kind) {
    case 'not_found':
      return ctx.goneIsDone ? { kind: 'done' } : { kind: 'failed', reason: error.userMessage, action: 'none' };
    case 'unauthorized':
    case 'forbidden':
    case 'validation':
      return { kind: 'failed', reason: error.userMessage, action: error.action };
    case 'rate_limited':
    case 'server':
    case 'network':
    case 'malformed': {
      if (ctx.attempts >= ctx.policy.maxAttempts) {
        return {
          kind: 'failed',
          reason: i18n.t('outbox.gaveUp', ctx.attempts, [ctx.attempts, error.userMessage]),
          action: 'retry',
        };
      }
      const backoff = backoffMs(ctx.attempts, ctx.policy, ctx.random);
      return {
        kind: 'retry',
        delayMs: Math.max(backoff, error.retryAfterMs ?? 0),
        reason: RETRY_REASONS[error.kind](),
        ambiguous: error.ambiguous,
        rateLimited: error.kind === 'rate_limited',
      };
    }
  }
}
