// The one request path every resource module uses: one ky instance per client that adds the
// token and the per-service Version header, paces requests per location, replays once after a
// 401 with a refreshed token, waits out 429s (not a used-up daily limit), retries idempotent
// requests on 5xx/network failure with exponential backoff and full jitter, coalesces identical
// concurrent GETs, and validates every answer once with its valibot schema. Failures leave as
// GhlError, never as ky errors.
//
// The timeout covers the whole answer, headers AND body: `pacedFetch` reads the body before it
// hands the response back, and ky's timer runs around it (a body that stops halfway — a proxy or a
// load balancer that never finishes — would otherwise hold the caller, and a contact's queue behind
// it, for ever). A timed-out answer is a network failure: retried in place for reads, `ambiguous`
// for writes (the request may have been carried out), so the outbox retries it with backoff.
//
// Which requests are retried after a 5xx / timeout / dropped connection (`idempotent`):
// GET and read-only POSTs (search); PUT (full update: same body, same end state); DELETE
// (second delete changes nothing; it may answer 404 if the first one had landed); tag add/remove
// and bulk tag add/remove (set union/difference). NOT retried: creates (contact, task, note) and
// upsert (a location that allows duplicates may create a second contact). Those surface with
// `ambiguous: true` so the durable outbox can check before replaying. A 401 replay (after a
// refresh) and a 429 wait are done for every method: HighLevel rejected those before acting.
import ky, { HTTPError, TimeoutError, type KyInstance, type Options } from 'ky';
import * as v from 'valibot';
import { singleFlight } from './single-flight';
import { GhlError, errorFromResponse, isScopeRefusal, serverMessages } from './errors';
import { dailyUsedUp, limiterFor, type RateLimiter } from './ratelimit';
import type { AnySchema } from './schemas';
import { REQUEST_TIMEOUT_MS } from './timeouts';

/** Hands out the current access token and replaces one HighLevel rejected. Supplied by lib/auth. */
export interface TokenSource {
  get(): Promise<string>;
  /** `failedToken` lets concurrent callers share one refresh (it is compared, never logged). */
  refresh(failedToken: string): Promise<string>;
}

/** `Version` header per HighLevel service (from the OpenAPI specs). */
export const API_VERSION = {
  contacts: '2021-07-28',
  locations: '2021-07-28',
  users: '2021-07-28',
  opportunities: '2021-07-28',
  workflows: '2021-07-28',
  calendars: '2021-04-15',
} as const;
export type ApiVersion = (typeof API_VERSION)[keyof typeof API_VERSION];

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
export type QueryValue = string | number | boolean | undefined;

/** Per-call switches, the hook a durable outbox needs. */
export interface CallOptions {
  /**
   * `false`: no automatic retry (no 5xx/network retry, no 429 wait); the caller (the durable
   * outbox) decides using the error's `kind`, `retryAfterMs` and `ambiguous`. The single replay
   * after a 401 with a refreshed token still happens: HighLevel refused that request unread.
   */
  retry?: boolean;
  /** Bulk work: paced within its share of the rate limit, behind the user's requests (see ratelimit.ts). */
  background?: boolean;
  /** A look-up caused by a page's report: paced within its own share, behind the user's requests. */
  pageLookup?: boolean;
  /**
   * Aborted while the request still waits for the rate limit: it is dropped unsent. A request
   * already sent is let finish, so its answer still says what HighLevel did.
   */
  signal?: AbortSignal;
}

export interface RequestSpec<S extends AnySchema> extends CallOptions {
  method: Method;
  /** Path without the leading slash, ids already encoded (use `path` below). */
  path: string;
  version: ApiVersion;
  schema: S;
  query?: Record<string, QueryValue>;
  json?: unknown;
  /** Safe to send twice (see header). Defaults: GET/PUT/DELETE true, POST false. */
  idempotent?: boolean;
}

export interface GhlHttp {
  readonly locationId: string;
  send<S extends AnySchema>(spec: RequestSpec<S>): Promise<v.InferOutput<S>>;
  /** Whether optional work (a revalidation, names read lazily) may send `requests` now (ratelimit.ts hasRoomFor). */
  hasRoomFor(requests: number): boolean;
}

export interface HttpOptions {
  baseUrl: string;
  locationId: string;
  tokens: TokenSource;
  fetch?: typeof globalThis.fetch;
  limiter?: RateLimiter;
  /** For the whole answer, headers and body. Default 30 s. */
  timeoutMs?: number;
  /** Retries after a 5xx / network failure for idempotent requests. */
  maxTransientRetries?: number;
  /** Waits after a 429 before giving up with `rate_limited`. */
  maxRateLimitWaits?: number;
}

/** Builds a path from literal parts and ids, encoding each id. */
export const path = (strings: TemplateStringsArray, ...ids: string[]): string =>
  strings.reduce((out, part, i) => out + part + (i < ids.length ? encodeURIComponent(ids[i]!) : ''), '');

interface CallState {
  version: ApiVersion;
  token?: string;
  refreshed: boolean;
  rateLimitWaits: number;
  transientRetries: number;
  retry: boolean;
  idempotent: boolean;
  background: boolean;
  pageLookup: boolean;
  signal?: AbortSignal;
}

const stateOf = (options: { context: Record<string, unknown> }) => options.context['call'] as CallState;

/** The option that carries a request's JSON text from `perform` to the fetch ky calls. */
const BODY = 'ghlJsonBody';
type InitWithJson = RequestInit & { [BODY]?: string };

export function createHttp(opts: HttpOptions): GhlHttp {
  const { tokens, locationId } = opts;
  const baseFetch = opts.fetch ?? globalThis.fetch.bind(globalThis);
  const limiter = opts.limiter ?? limiterFor(opts.baseUrl, locationId);
  const maxTransient = opts.maxTransientRetries ?? 3;
  const maxRateWaits = opts.maxRateLimitWaits ?? 3;

  // Every real send passes here, retries included: the limiter sees each answer's headers.
  // A JSON body comes as `init[BODY]` (see `perform`) and is handed to fetch as a string.
  // The body is read here, inside ky's timeout (see the header): a stalled body times out like
  // a stalled answer, and the request's abort signal (ky's) stops reading it.
  const pacedFetch: typeof globalThis.fetch = async (input, init) => {
    try {
      const { [BODY]: body, ...rest } = (init ?? {}) as InitWithJson;
      const response = await baseFetch(input, body === undefined ? rest : { ...rest, body });
      limiter.observe(response.headers);
      if (response.status === 429) limiter.pause(limiter.retryAfterMs(response.headers));
      return await whole(response);
    } finally {
      limiter.settled();
    }
  };

  const api: KyInstance = ky.create({
    prefixUrl: opts.baseUrl,
    fetch: pacedFetch,
    timeout: opts.timeoutMs ?? REQUEST_TIMEOUT_MS,
    retry: {
      limit: 1 + maxRateWaits + maxTransient,
      methods: ['get', 'post', 'put', 'delete'],
      delay: (attempt) => 300 * 2 ** (attempt - 1),
      backoffLimit: 8_000,
      jitter: true,
    },
    hooks: {
      beforeRequest: [
        async (request, options) => {
          const call = stateOf(options);
          // After a 401 the replay carries the token the refresh handed back.
          if (!call.refreshed || call.token === undefined) call.token = await notSent(tokens.get());
          request.headers.set('Authorization', `Bearer ${call.token}`);
          request.headers.set('Version', call.version);
          request.headers.set('Accept', 'application/json');
        },
        // Last hook, so a slot is only taken when the fetch really follows.
        (_request, options) => {
          const { background, pageLookup, signal } = stateOf(options);
          return limiter.acquire({ background, pageLookup, signal });
        },
      ],
      afterResponse: [
        async (_request, options, response) => {
          const call = stateOf(options);
          if (
            response.status === 401 &&
            !call.refreshed &&
            call.token !== undefined &&
            !isScopeRefusal(serverMessages(await response.json().catch(() => undefined)))
          ) {
            call.refreshed = true;
            call.token = await notSent(tokens.refresh(call.token));
            return ky.retry({ delay: 0, code: 'TOKEN_REFRESHED' });
          }
          if (response.status === 429 && call.retry && call.rateLimitWaits < maxRateWaits && !dailyUsedUp(response.headers)) {
            call.rateLimitWaits += 1;
            // The limiter is paused for the advertised interval: the replay waits in `acquire`.
            return ky.retry({ delay: 0, code: 'RATE_LIMITED' });
          }
          return undefined;
        },
      ],
    },
  });

  async function perform(spec: RequestSpec<AnySchema>): Promise<unknown> {
    const call: CallState = {
      version: spec.version,
      refreshed: false,
      rateLimitWaits: 0,
      transientRetries: 0,
      retry: spec.retry !== false,
      idempotent: spec.idempotent ?? spec.method !== 'POST',
      background: spec.background ?? false,
      pageLookup: spec.pageLookup ?? false,
      signal: spec.signal,
    };
    const options: Options = {
      method: spec.method,
      context: { call },
      retry: {
        shouldRetry: ({ error }) => {
          if (error instanceof GhlError || !call.retry || !call.idempotent) return false;
          if (call.transientRetries >= maxTransient) return false;
          const transient =
            error instanceof HTTPError ? error.response.status >= 500 : isNetworkFailure(error);
          if (transient) call.transientRetries += 1;
          return transient;
        },
      },
    };
    if (spec.query) options.searchParams = definedOnly(spec.query);
    if (spec.json !== undefined) {
      // Not ky's `json`: ky would put the body on its Request and clone that Request before every
      // send (to keep a copy for retries), which turns the body into a stream that the worker's
      // thread has to pump while it is starting the next requests. Passed beside the Request
      // instead (ky hands options it does not know to fetch), the string goes out with the
      // request as it is, and every retry sends it again.
      options.headers = { 'Content-Type': 'application/json' };
      (options as InitWithJson)[BODY] = JSON.stringify(spec.json);
    }

    let response: Response;
    try {
      response = await api(spec.path, options);
    } catch (error) {
      throw await toGhlError(error, limiter);
    }
    const text = await response.text().catch((cause: unknown) => {
      throw new GhlError('network', { ambiguous: true, cause });
    });
    try {
      return text === '' ? {} : (JSON.parse(text) as unknown);
    } catch {
      throw new GhlError('malformed', { status: response.status, ambiguous: spec.method !== 'GET' });
    }
  }

  const sameGet = singleFlight<unknown>();

  return {
    locationId,
    hasRoomFor: (requests) => limiter.hasRoomFor(requests),
    async send<S extends AnySchema>(spec: RequestSpec<S>): Promise<v.InferOutput<S>> {
      const raw =
        spec.method === 'GET'
          ? await sameGet(`${spec.path}?${new URLSearchParams(definedOnly(spec.query ?? {}))}`, () =>
              perform(spec),
            )
          : await perform(spec);
      // Each caller validates its own copy: valibot builds new output objects, so callers that
      // shared one request never share (and mutate) one object.
      const parsed = v.safeParse(spec.schema, raw);
      if (!parsed.success) {
        throw new GhlError('malformed', {
          ambiguous: spec.method !== 'GET',
          messages: parsed.issues.slice(0, 3).map((issue) => `${v.getDotPath(issue) ?? '(root)'}: ${issue.message}`),
        });
      }
      return parsed.output;
    },
  };
}

/** Statuses whose answer has no body (a Response refuses one for them). */
const NO_BODY = new Set([101, 204, 205, 304]);

/** The response with its body read to the end (so whoever reads it later cannot wait on the network). */
async function whole(response: Response): Promise<Response> {
  const body = NO_BODY.has(response.status) ? null : await response.arrayBuffer();
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

/** A token failure happens before HighLevel acted on the request: it is never ambiguous. */
async function notSent<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof GhlError && error.ambiguous) {
      const { kind, ...details } = error.toJSON();
      throw new GhlError(kind, { ...details, ambiguous: false });
    }
    throw error;
  }
}

function definedOnly(query: Record<string, QueryValue>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) if (value !== undefined) out[key] = String(value);
  return out;
}

function isNetworkFailure(error: unknown): boolean {
  return error instanceof TimeoutError || error instanceof TypeError;
}

async function toGhlError(error: unknown, limiter: RateLimiter): Promise<GhlError> {
  if (error instanceof GhlError) return error;
  if (error instanceof HTTPError) {
    const { response } = error;
    const body: unknown = await response
      .clone()
      .json()
      .catch(() => undefined);
    const retryAfterMs = response.status === 429 ? limiter.retryAfterMs(response.headers) : undefined;
    return errorFromResponse(response.status, body, { retryAfterMs, daily: dailyUsedUp(response.headers) });
  }
  // Dropped while it waited for the rate limit (CallOptions.signal): it never left.
  if (error instanceof DOMException && error.name === 'AbortError') return new GhlError('network', { ambiguous: false, cause: scrub(error) });
  // No answer: timeout, refused or dropped connection. It may have reached HighLevel.
  return new GhlError('network', { ambiguous: true, cause: scrub(error) });
}

/** Keep only the name and message of a low-level error (never the request with its headers). */
function scrub(error: unknown): Error {
  if (error instanceof Error) return Object.assign(new Error(error.message), { name: error.name });
  return new Error(String(error));
}
