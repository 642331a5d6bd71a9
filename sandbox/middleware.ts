// App-wide middleware: request logging (for the admin API) and fault injection on API paths.
import type { MiddlewareHandler } from 'hono';
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
    const status = fault === 'drop' ? 0 : c.res.status;
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

export function faultInjector(ctx: AppCtx): MiddlewareHandler<Env> {
  return async (c, next) => {
    if (FAULT_FREE.test(c.req.path) || c.req.method === 'OPTIONS') return next();
    const d = ctx.faults.decide(c.req.method, c.req.path, ctx.now());
    if (d.delayMs > 0) await sleep(d.delayMs);
    const a = d.action;
    switch (a.kind) {
      case 'drop':
        c.set('fault', 'drop');
        c.env.incoming.socket.destroy();
        return c.body(null, 500);
      case 'error':
        c.set('fault', `http-${a.status}`);
        if (a.status === 500) return c.json(errorBody(500, 'Internal server error'), 500);
        return c.html(`<html><head><title>${a.status}</title></head><body><center><h1>${a.status} ${a.status === 502 ? 'Bad Gateway' : 'Service Temporarily Unavailable'}</h1></center></body></html>`, a.status as 502);
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
