// The GHL sandbox: a local server that behaves like HighLevel's API v2 (contacts, tasks, notes, tags,
// appointments, locations, users, opportunities, workflows, followers, OAuth) plus an admin API, partner demo pages and a partner proxy.
//
// Built on Hono + @hono/node-server: Hono gives declarative routing with path params and composable
// middleware (auth/version/rate-limit guards per route), while the node adapter still exposes the raw
// socket (c.env.incoming) that fault injection needs to drop connections. The HTTP server itself is a
// plain node:http server so we control listen/close and open sockets; optionally the same app is
// also served over HTTPS with HTTP/2 (`http2Url`).
import http from 'node:http';
import http2 from 'node:http2';
import type { AddressInfo, Socket } from 'node:net';
import { getRequestListener, type HttpBindings } from '@hono/node-server';
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { adminRoutes, mintToken } from './admin.ts';
import { ALL_SCOPES, TokenRegistry } from './auth.ts';
import { strict, type AppCtx, type Env, type Leniency } from './context.ts';
import { Faults, defaultFaults, mergeFaults, type FaultConfig } from './faults.ts';
import { HttpError, errorBody } from './http.ts';
import { faultInjector, requestLogger } from './middleware.ts';
import { partnersIndex, servePartnerPath } from './partners.ts';
import { partnerCertificate, startPartnerProxy, type PartnerProxy } from './partners-proxy.ts';
import { RateLimiter, type RateLimitConfig } from './ratelimit.ts';
import { RequestLog } from './reqlog.ts';
import { appointmentRoutes } from './routes/appointments.ts';
import { consentRoutes } from './routes/consent.ts';
import { contactRoutes } from './routes/contacts.ts';
import { locationRoutes } from './routes/locations.ts';
import { noteRoutes } from './routes/notes.ts';
import { oauthRoutes } from './routes/oauth.ts';
import { opportunityRoutes } from './routes/opportunities.ts';
import { searchRoutes } from './routes/search.ts';
import { tagRoutes } from './routes/tags.ts';
import { taskRoutes } from './routes/tasks.ts';
import { workflowRoutes } from './routes/workflows.ts';
import { SearchIndex } from './search-index.ts';
import { seedWorld, type SeedResult } from './seed.ts';
import type { Store } from './store.ts';

export interface SandboxOptions {
  /** 0 (default) = a free port. */
  port?: number;
  host?: string;
  /** Data seed (default 42). Same seed → same contacts, ids and tokens. */
  seed?: number;
  /** Reference time for seeded relative dates (default: now). */
  now?: number;
  rateLimit?: Partial<RateLimitConfig>;
  /** OAuth access-token lifetime in seconds (default 86399). */
  accessTokenTtlSec?: number;
  faults?: Partial<FaultConfig>;
  /** Shortcut for faults.latencyMs. */
  latencyMs?: number;
  /** Start the partner proxy (default true); an object picks its port. */
  partnerProxy?: boolean | { port?: number; host?: string };
  /** Contacts per location (default [1200, 800]). */
  contactsPerLocation?: [number, number];
  /** Receives one human-readable line per API request and proxy event. */
  log?: (line: string) => void;
  /**
   * Also serve everything over HTTPS with HTTP/2 (HTTP/1.1 allowed) at `http2Url`, with the partner
   * proxy's self-signed certificate (same key: Chromium trusts it through the proxy's SPKI). A
   * browser opens at most 6 HTTP/1.1 connections to one host, but sends any number of requests
   * at once over one HTTP/2 connection. Dropped-connection faults drop the whole connection there.
   */
  http2?: boolean;
  /**
   * How long the search index lags a contact's writes (ms, default 0): search and the contact
   * lists show the contact as it was before the write until then (sandbox/search-index.ts).
   */
  indexDelayMs?: number;
  /** Kinder readings of what HighLevel leaves uncertain; all off by default (context.ts Leniency). */
  lenient?: Partial<Leniency>;
}

export interface Sandbox {
  baseUrl: string;
  /** The same server over HTTPS and HTTP/2; only with the `http2` option. */
  http2Url?: string;
  host: string;
  port: number;
  /** First location and its private-integration token. */
  locationId: string;
  token: string;
  companyId: string;
  clientId: string;
  clientSecret: string;
  /** Agency (Company) OAuth access token, long-lived, for POST /oauth/locationToken. */
  agencyToken: string;
  /** Consent page URL (append response_type, client_id, redirect_uri, scope, state). */
  authorizeUrl: string;
  locations: { id: string; name: string; token: string }[];
  /** The partner proxy; port 0 and empty strings when started with partnerProxy: false. */
  proxy: { host: string; port: number; spki: string; certPem: string };
  /** Live in-memory data. */
  state: Store;
  /** The API's routes (method and Hono path pattern), e.g. for tests that walk the specs. */
  routes: { method: string; path: string }[];
  seed: Pick<SeedResult, 'duplicatePhones' | 'partnerContactIds'>;
  ctx: AppCtx;
  setFaults(patch: Partial<FaultConfig>): FaultConfig;
  /** A new private-integration token with exactly these scopes (first location unless named). */
  mintToken(scopes: string[], locationId?: string): string;
  setConfig(patch: { accessTokenTtlSec?: number; rateLimit?: Partial<RateLimitConfig>; indexDelayMs?: number; lenient?: Partial<Leniency> }): void;
  close(): Promise<void>;
}

/**
 * The app's answers without CORS headers, for HighLevel's own hosts behind the proxy: whether
 * HighLevel answers CORS is not known (../shared/ghl-api/README.md §11), and the extension must not
 * need it.
 */
function withoutCors(fetch: typeof Hono.prototype.fetch): Parameters<typeof getRequestListener>[0] {
  return async (req, env) => {
    const res = await fetch(req, env as HttpBindings);
    const cors = [...res.headers.keys()].filter((k) => k.startsWith('access-control-'));
    if (cors.length === 0) return res;
    const copy = new Response(res.body, res);
    for (const k of cors) copy.headers.delete(k);
    return copy;
  };
}

export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const seedNum = opts.seed ?? 42;
  const seedNow = opts.now ?? Date.now();
  const makeWorld = () => seedWorld({ seed: seedNum, now: seedNow, contactsPerLocation: opts.contactsPerLocation });
  const world = makeWorld();
  const tokens = new TokenRegistry();
  const firstUser = (locationId: string) => world.store.usersOf(locationId)[0]?.id ?? '';
  for (const l of world.locations) tokens.addPit(l.token, l.id, world.companyId, firstUser(l.id));

  const ctx: AppCtx = {
    store: world.store,
    seed: world,
    tokens,
    limiter: new RateLimiter({ max: 100, intervalMs: 10_000, daily: 200_000, ...opts.rateLimit }),
    faults: new Faults(mergeFaults(defaultFaults(seedNum), { ...opts.faults, ...(opts.latencyMs !== undefined ? { latencyMs: opts.latencyMs } : {}) })),
    log: new RequestLog(),
    config: { accessTokenTtlSec: opts.accessTokenTtlSec ?? 86_399, codeTtlSec: 600, lenient: { ...strict(), ...opts.lenient } },
    now: () => Date.now(),
    index: new SearchIndex(opts.indexDelayMs ?? 0, () => ctx.now()),
    reseed: () => {
      ctx.store.replaceWith(makeWorld().store);
      ctx.index.clear();
    },
  };
  const firstLocation = world.locations[0]!;
  const agency = tokens.issueAccess({ userType: 'Company', companyId: world.companyId, userId: firstUser(firstLocation.id), scope: ALL_SCOPES.join(' '), ttlSec: 10 * 365 * 86_400, now: Date.now() });
  tokens.resetCounters();

  const app = new Hono<Env>();
  app.use('*', cors({
    origin: (origin) => origin || '*',
    allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    allowHeaders: ['Authorization', 'Version', 'Content-Type', 'Accept', 'X-Requested-With'],
    exposeHeaders: ['X-RateLimit-Limit-Daily', 'X-RateLimit-Daily-Remaining', 'X-RateLimit-Interval-Milliseconds', 'X-RateLimit-Max', 'X-RateLimit-Remaining'],
    maxAge: 600,
  }));
  app.use('*', requestLogger(ctx, opts.log));
  app.use('*', faultInjector(ctx));
  adminRoutes(app, ctx);
  consentRoutes(app, ctx);
  oauthRoutes(app, ctx);
  searchRoutes(app, ctx);
  tagRoutes(app, ctx);
  taskRoutes(app, ctx);
  noteRoutes(app, ctx);
  appointmentRoutes(app, ctx);
  workflowRoutes(app, ctx);
  contactRoutes(app, ctx);
  locationRoutes(app, ctx);
  opportunityRoutes(app, ctx);
  app.get('/partners', (c) => c.redirect('/partners/', 302));
  app.get('/partners/', (c) => {
    const r = partnersIndex();
    return c.body(r.body as string, r.status as 200, { 'content-type': r.type });
  });
  app.get('/partners/*', async (c) => {
    const r = await servePartnerPath(c.req.path.slice('/partners/'.length));
    return c.body(new Uint8Array(Buffer.from(r.body)), r.status as 200, { 'content-type': r.type, 'cache-control': 'no-store' });
  });
  app.get('/', (c) => c.json({ name: 'GHL sandbox', api: 'HighLevel API v2 (subset)', admin: '/__admin/', partners: '/partners/' }));
  app.onError((err, c) => {
    if (err instanceof HttpError) return c.json(err.body, err.status as 400);
    opts.log?.(`internal error: ${(err as Error).stack ?? String(err)}`);
    return c.json(errorBody(500, 'Internal server error'), 500);
  });
  app.notFound((c) => c.json(errorBody(404, `Cannot ${c.req.method} ${c.req.path}`), 404));

  const sockets = new Set<Socket>();
  const server = http.createServer(getRequestListener(app.fetch));
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const hostInUrl = host.includes(':') ? `[${host}]` : host;
  const baseUrl = `http://${hostInUrl}:${port}`;

  let secure: http2.Http2SecureServer | null = null;
  if (opts.http2) {
    const { key, cert } = await partnerCertificate();
    secure = http2.createSecureServer({ key, cert, allowHTTP1: true }, getRequestListener(app.fetch));
    secure.on('secureConnection', (s: Socket) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    await new Promise<void>((resolve, reject) => {
      secure!.once('error', reject);
      secure!.listen(0, host, () => resolve());
    });
  }
  const http2Url = secure ? `https://${hostInUrl}:${(secure.address() as AddressInfo).port}` : undefined;

  let proxy: PartnerProxy | null = null;
  if (opts.partnerProxy !== false) {
    const p = typeof opts.partnerProxy === 'object' ? opts.partnerProxy : {};
    try {
      proxy = await startPartnerProxy(p.host ?? '127.0.0.1', p.port ?? 0, opts.log, getRequestListener(withoutCors(app.fetch)));
    } catch (e) {
      server.close();
      secure?.close();
      for (const s of sockets) s.destroy();
      throw e;
    }
  }

  return {
    baseUrl, http2Url, host, port,
    locationId: firstLocation.id, token: firstLocation.token, companyId: world.companyId,
    clientId: world.clientId, clientSecret: world.clientSecret, agencyToken: agency.token,
    authorizeUrl: `${baseUrl}/v2/oauth/chooselocation`,
    locations: world.locations.map((l) => ({ ...l })),
    proxy: proxy ? { host: proxy.host, port: proxy.port, spki: proxy.spki, certPem: proxy.certPem } : { host: '', port: 0, spki: '', certPem: '' },
    state: ctx.store,
    routes: app.routes.filter((r) => r.method !== 'ALL').map((r) => ({ method: r.method, path: r.path })),
    seed: { duplicatePhones: world.duplicatePhones, partnerContactIds: world.partnerContactIds },
    ctx,
    mintToken: (scopes, locationId) => mintToken(ctx, scopes, locationId ?? firstLocation.id),
    setFaults: (patch) => {
      ctx.faults.set(mergeFaults(ctx.faults.config, patch));
      return ctx.faults.config;
    },
    setConfig: (patch) => {
      if (patch.accessTokenTtlSec) ctx.config.accessTokenTtlSec = patch.accessTokenTtlSec;
      if (patch.rateLimit) {
        ctx.limiter.config = { ...ctx.limiter.config, ...patch.rateLimit };
        ctx.limiter.reset();
      }
      if (patch.indexDelayMs !== undefined) ctx.index.delayMs = patch.indexDelayMs;
      if (patch.lenient) ctx.config.lenient = { ...ctx.config.lenient, ...patch.lenient };
    },
    close: async () => {
      await proxy?.close();
      for (const s of sockets) s.destroy();
      await Promise.all([new Promise<void>((r) => server.close(() => r())), secure && new Promise<void>((r) => secure.close(() => r()))]);
    },
  };
}
