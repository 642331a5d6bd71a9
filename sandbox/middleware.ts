// App-wide middleware: request logging (for the admin API) and fault injection on API paths.
import type { Context, MiddlewareHandler } from 'hono';
import type { AppCtx, Env } from './context.ts';
import { errorBody } from './http.ts';

const UNLOGGED = /^\/(__admin|partners)(\/|$)/;
const FAULT_FREE = /^\/(__admin|partners)(\/|$)|^(\/v2)?\/oauth\/chooselocation$/;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function requestLogger(ctx: AppCtx, log?: (line: string) => void): MiddlewareHandler<Env> {
  return async (c, next) => {
    const path = c.req.path;
    if (UNLOGGED.test(path) || c.req.method === 'OPTIONS') return next();
    const started = Date.now();
    c.set('fault', null);
    await next();
    const fault = c.get('fault');
    const status = fault?.startsWith('drop') ? 0 : c.res.status;
    const locationId = c.get('auth')?.locationId ?? null;
    ctx.log.add({ time: new Date(started).toISOString(), method: c.req.method, path, status, locationId, durationMs: Date.now() - started, fault });
    log?.(`${c.req.method} ${path} → ${status || 'dropped'}${fault ? ` (fault: ${fault})` : ''}`);
  };
}

function rateHeaders(ctx: AppCtx): Record<string, string> {
  const { max, intervalMs, daily } = ctx.limiter.config;
  return {
    'X-RateLimit-Limit-Daily': String(daily), 'X-RateLimit-Daily-Remaining': String(daily), 'X-RateLimit-Interval-Milliseconds': String(intervalMs),
    'X-RateLimit-Max': String(max), 'X-RateLimit-Remaining': '0',
  };
}

/** A 5xx as HighLevel's gateway sends them: JSON for 500, an HTML page for 502/503. */
function serverError(c: Context<Env>, status: number): Response {
  if (status === 500) return c.json(errorBody(500, 'Internal server error'), 500);
  return c.html(`<html><head><title>${status}</title></head><body><center><h1>${status} ${status === 502 ? 'Bad Gateway' : 'Service Temporarily Unavailable'}</h1></center></body></html>`, status as 502);
}

/** The first half of `res`'s body, then nothing more, ever (the connection stays open). */
async function stalled(res: Response): Promise<Response> {
  const body = new Uint8Array(await res.arrayBuffer());
  const headers = new Headers(res.headers);
  headers.delete('content-length');
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(body.slice(0, Math.max(1, Math.floor(body.length / 2))));
    },
  });
  return new Response(stream, { status: res.status, headers });
}

/** Requests served so far on each connection, to tell a kept-alive connection from a new one. */
const servedOn = new WeakMap<object, number>();

export function faultInjector(ctx: AppCtx): MiddlewareHandler<Env> {
  return async (c, next) => {
    const socket = c.env.incoming.socket;
    const served = servedOn.get(socket) ?? 0;
    servedOn.set(socket, served + 1);
    if (FAULT_FREE.test(c.req.path) || c.req.method === 'OPTIONS') return next();
    const d = ctx.faults.decide(c.req.method, c.req.path, ctx.now(), served > 0);
    if (d.delayMs > 0) await sleep(d.delayMs);
    const a = d.action;
    switch (a.kind) {
      case 'drop':
        c.set('fault', 'drop');
        socket.destroy();
        return c.body(null, 500);
      case 'error':
        c.set('fault', `http-${a.status}`);
        return serverError(c, a.status);
      case 'dropAfter':
      case 'dropAfterReused':
        await next();
        c.set('fault', a.kind === 'dropAfter' ? 'drop-after' : 'drop-after-reused');
        socket.destroy();
        c.res = new Response(null, { status: 500 });
        return;
      case 'errorAfter':
        await next();
        c.set('fault', `http-${a.status}-after`);
        c.res = undefined; // replace the answer whole (no header of the first carried over)
        c.res = serverError(c, a.status);
        return;
      case 'stall':
        await next();
        c.set('fault', 'stall');
        {
          const res = await stalled(c.res);
          c.res = undefined; // replace the answer whole (no header of the first carried over)
          c.res = res;
        }
        return;
      case 'rate429':
        c.set('fault', 'rate-limit');
        return c.json(errorBody(429, 'Too many requests'), 429, rateHeaders(ctx));
      case 'malformed': {
        c.set('fault', `malformed-${a.mode}`);
        await next();
        const text = await c.res.text();
        const headers = new Headers(c.res.headers);
        if (a.mode === 'truncate') {
          headers.set('content-type', 'application/json; charset=utf-8');
          c.res = new Response(text.slice(0, Math.max(1, Math.floor(text.length / 2))), { status: 200, headers });
        } else {
          headers.set('content-type', 'text/html; charset=utf-8');
          c.res = new Response('<!DOCTYPE html><html><body><h1>Something went wrong</h1><p>Please try again later.</p></body></html>', { status: 200, headers });
        }
        return;
      }
      case 'none':
        return next();
    }
  };
}
