// Every failure of a HighLevel call becomes one GhlError: a kind the code can branch on, a
// plain-words message the user can act on, the action the UI should offer, and whether the
// request may have taken effect (`ambiguous`, what a durable outbox needs before replaying).
// Nothing here ever holds a token: messages come from status codes and the server's own text.
import { i18n } from '#i18n';

export type GhlErrorKind =
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'validation'
  | 'rate_limited'
  | 'server'
  | 'network'
  | 'malformed';

/** What the UI should offer next. */
export type GhlAction = 'reconnect' | 'retry' | 'none' | 'switch-location';

export interface GhlErrorDetails {
  status?: number;
  /** The server's own messages (422 gives an array; others one string). */
  messages?: string[];
  /** For `rate_limited`: how long HighLevel asks us to wait. */
  retryAfterMs?: number;
  /** For `rate_limited`: the location's daily limit is used up (waiting an interval will not help). */
  daily?: boolean;
  /** For `forbidden`: the scope the token lacks, when the server names it. */
  missingScope?: string;
  /** True when the request may have reached HighLevel and taken effect (do not blindly replay). */
  ambiguous?: boolean;
  userMessage?: string;
  action?: GhlAction;
  cause?: unknown;
}

const DEFAULT_ACTION: Record<GhlErrorKind, GhlAction> = {
  unauthorized: 'reconnect',
  forbidden: 'switch-location',
  not_found: 'none',
  validation: 'none',
  rate_limited: 'retry',
  server: 'retry',
  network: 'retry',
  malformed: 'none',
};

export class GhlError extends Error {
  override readonly name = 'GhlError';
  readonly kind: GhlErrorKind;
  readonly userMessage: string;
  readonly action: GhlAction;
  readonly status: number | undefined;
  readonly messages: string[];
  readonly retryAfterMs: number | undefined;
  readonly daily: boolean;
  readonly missingScope: string | undefined;
  readonly ambiguous: boolean;

  constructor(kind: GhlErrorKind, details: GhlErrorDetails = {}) {
    const userMessage = details.userMessage ?? defaultMessage(kind, details);
    super(`${kind}${details.status ? ` (${details.status})` : ''}: ${userMessage}`, { cause: details.cause });
    this.kind = kind;
    this.userMessage = userMessage;
    this.action = details.action ?? DEFAULT_ACTION[kind];
    this.status = details.status;
    this.messages = details.messages ?? [];
    this.retryAfterMs = details.retryAfterMs;
    this.daily = details.daily ?? false;
    this.missingScope = details.missingScope;
    this.ambiguous = details.ambiguous ?? false;
  }

  /** A plain object safe to send over extension messaging (no cause, no stack). */
  toJSON() {
    return {
      kind: this.kind,
      userMessage: this.userMessage,
      action: this.action,
      status: this.status,
      messages: this.messages,
      retryAfterMs: this.retryAfterMs,
      daily: this.daily,
      missingScope: this.missingScope,
      ambiguous: this.ambiguous,
    };
  }
}

export const isGhlError = (value: unknown): value is GhlError => value instanceof GhlError;

function defaultMessage(kind: GhlErrorKind, d: GhlErrorDetails): string {
  switch (kind) {
    case 'unauthorized':
      return i18n.t('errors.unauthorized');
    case 'forbidden':
      return d.missingScope ? i18n.t('errors.lacksScope', [d.missingScope]) : i18n.t('errors.otherLocation');
    case 'not_found':
      return i18n.t('errors.notFound');
    case 'validation':
      return d.messages?.length ? i18n.t('errors.refusedBecause', [d.messages.join('; ')]) : i18n.t('errors.refused');
    case 'rate_limited':
      if (d.daily) return i18n.t('errors.dailyLimit');
      return d.retryAfterMs !== undefined
        ? i18n.t('errors.rateLimitedFor', [Math.ceil(d.retryAfterMs / 1000)])
        : i18n.t('errors.rateLimited');
    case 'server':
      return i18n.t('errors.server');
    case 'network':
      return i18n.t('errors.network');
    case 'malformed':
      return i18n.t('errors.malformed');
  }
}

/** Server text from a HighLevel error body `{statusCode, message, error}` (message may be an array). */
export function serverMessages(body: unknown): string[] {
  if (!body || typeof body !== 'object') return [];
  const { message, error } = body as { message?: unknown; error?: unknown };
  if (Array.isArray(message)) return message.filter((m): m is string => typeof m === 'string');
  if (typeof message === 'string' && message) return [message];
  if (typeof error === 'string' && error) return [error];
  return [];
}

// Scope names look like `contacts.write`, `locations/tags.readonly`, `calendars/events.write`.
const SCOPE_PATTERN = /\b([a-z]+(?:\/[a-zA-Z]+)?\.(?:readonly|write))\b/;

/**
 * HighLevel answers 401 (not 403) when a valid token lacks a scope, e.g. "The token is not
 * authorized for this scope." or an agency token used on a location endpoint ("This authClass
 * type is not allowed to access this scope"). A new token would not help: it is a permission.
 */
export function isScopeRefusal(messages: readonly string[]): boolean {
  return messages.some((m) => /\bscope\b/i.test(m));
}

/** Maps an HTTP error answer to a GhlError. `retryAfterMs` comes from the rate-limit headers. */
export function errorFromResponse(
  status: number,
  body: unknown,
  opts: { retryAfterMs?: number; daily?: boolean } = {},
): GhlError {
  const messages = serverMessages(body);
  if (status === 401 && !isScopeRefusal(messages)) return new GhlError('unauthorized', { status, messages });
  if (status === 401 || status === 403) {
    const missingScope = messages.join(' ').match(SCOPE_PATTERN)?.[1];
    const scopeProblem = missingScope !== undefined || isScopeRefusal(messages);
    return new GhlError('forbidden', {
      status,
      messages,
      missingScope,
      action: scopeProblem ? 'reconnect' : 'switch-location',
      userMessage: scopeProblem && !missingScope
        ? i18n.t('errors.lacksPermission')
        : undefined,
    });
  }
  if (status === 404) return new GhlError('not_found', { status, messages });
  if (status === 400 || status === 422) return new GhlError('validation', { status, messages });
  if (status === 429) return new GhlError('rate_limited', { status, messages, retryAfterMs: opts.retryAfterMs, daily: opts.daily });
  // A 5xx may come after HighLevel applied the change (or from a proxy in front of it).
  if (status >= 500) return new GhlError('server', { status, messages, ambiguous: true });
  return new GhlError('validation', { status, messages });
}
