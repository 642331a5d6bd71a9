// Shared reply and guard helpers for every route module: HighLevel-style error bodies, traceIds, the
// auth / scope / rate-limit / Version guard, JSON body reading and location checks.
import { randomUUID } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppCtx, Env } from './context.ts';
import type { Contact } from './types.ts';

export const V2021_07_28 = '2021-07-28';
export const V2021_04_15 = '2021-04-15';
/** The official SDK sends this for every call; it evidently works, so it is accepted everywhere. */
export const SDK_DEFAULT_VERSION = '2023-02-21';

const ERROR_NAMES: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 422: 'Unprocessable Entity',
  429: 'Too Many Requests', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable',
};

export const traceId = () => randomUUID();

/** Thrown anywhere in a handler; turned into a JSON error reply by the app's error handler. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(typeof body.message === 'string' ? body.message : `HTTP ${status}`);
  }
}

export function errorBody(status: number, message: string | string[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  const body: Record<string, unknown> = { statusCode: status, message, error: ERROR_NAMES[status] ?? 'Error', ...extra };
  if (status !== 401) body.traceId = traceId();
  return body;
}

export const fail = (status: number, message: string | string[], extra?: Record<string, unknown>): never => {
  throw new HttpError(status, errorBody(status, message, extra));
};
export const unprocessable = (messages: string[]): never => fail(422, messages);

export function ok(c: Context<Env>, body: Record<string, unknown>, status: ContentfulStatusCode = 200) {
  return c.json({ ...body, traceId: traceId() }, status);
}

export interface GuardOptions {
  scope: string;
  versions?: string[];
  /** Also allow agency (Company) tokens (e.g. GET /locations/:id). */
  allowCompany?: boolean;
}

export const INVALID_TOKEN = 'Invalid token: access token is invalid';
export const NO_LOCATION_ACCESS = 'The token does not have access to this location.';

/** Auth → rate limit → Version check, in that order (so 400s still cost budget, like a gateway would). */
export function guard(ctx: AppCtx, opts: GuardOptions): MiddlewareHandler<Env> {
  const versions = [...(opts.versions ?? [V2021_07_28]), SDK_DEFAULT_VERSION];
  return async (c, next) => {
    const r = ctx.tokens.resolve(c.req.header('authorization'), ctx.now());
    if (!r.ok) fail(401, r.reason === 'expired' ? 'Invalid JWT' : INVALID_TOKEN);
    const info = (r as Extract<typeof r, { ok: true }>).info;
    if (info.userType === 'Company' && !opts.allowCompany) {
      fail(401, 'This authClass type is not allowed to access this scope. Please reach out to the Platform team to get it added.');
    }
    if (info.scopes && !info.scopes.has(opts.scope)) fail(401, 'The token is not authorized for this scope.');
    c.set('auth', info);
    const decision = ctx.limiter.hit(info.locationId ?? info.companyId, ctx.now());
    for (const [k, v] of Object.entries(decision.headers)) c.header(k, v);
    if (!decision.allowed) fail(429, 'Too many requests');
    const version = c.req.header('version');
    if (!version) fail(400, 'version header was not found');
    if (!versions.includes(version as string)) fail(400, `version header is invalid: ${version}`);
    await next();
  };
}

/** 403 unless the token belongs to `locationId` (agency tokens reach their company's locations). */
export function assertLocation(c: Context<Env>, ctx: AppCtx, locationId: string | undefined): void {
  const auth = c.get('auth');
  if (!locationId) return;
  if (auth.userType === 'Company') {
    if (ctx.store.locations.get(locationId)?.companyId === auth.companyId) return;
  } else if (auth.locationId === locationId) return;
  fail(403, NO_LOCATION_ACCESS);
}

/** The contact named in the path, or 404 (unknown) / 403 (another location's). */
export function contactFor(c: Context<Env>, ctx: AppCtx, contactId: string): Contact {
  const contact = ctx.store.contacts.get(contactId);
  if (!contact) return fail(404, 'Contact not found');
  assertLocation(c, ctx, contact.locationId);
  return contact;
}

export async function readJson(c: Context<Env>): Promise<Record<string, unknown>> {
  const text = await c.req.text();
  if (!text.trim()) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return fail(400, (e as Error).message);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return fail(400, 'Request body must be a JSON object');
  return parsed as Record<string, unknown>;
}

/** Required query parameter, else 422 like HighLevel's DTO validation. */
export function requireQuery(c: Context<Env>, name: string): string {
  const v = c.req.query(name);
  if (!v) unprocessable([`${name} should not be empty`, `${name} must be a string`]);
  return v as string;
}
