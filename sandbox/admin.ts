// Admin API under /__admin/ (no auth; not part of HighLevel's surface): state and request counts,
// request log, fault settings, raw contact state, OAuth counters, runtime config and resets.
import type { AppCtx, App } from './context.ts';
import { defaultFaults, mergeFaults, type FaultConfig } from './faults.ts';
import { fail, readJson } from './http.ts';

/** A private-integration token of `locationId` with exactly `scopes` (see TokenRegistry.mintPit). */
export function mintToken(ctx: AppCtx, scopes: string[], locationId: string): string {
  const loc = ctx.store.locations.get(locationId) ?? fail(404, `No location ${locationId}`);
  return ctx.tokens.mintPit(loc.id, loc.companyId, ctx.store.usersOf(loc.id)[0]?.id ?? '', scopes);
}

export function adminRoutes(app: App, ctx: AppCtx): void {
  const config = () => ({ ...ctx.config, lenient: { ...ctx.config.lenient }, indexDelayMs: ctx.index.delayMs, rateLimit: { ...ctx.limiter.config } });

  app.get('/__admin', (c) => c.redirect('/__admin/', 302));
  app.get('/__admin/', (c) =>
    c.json({
      endpoints: [
        'GET /__admin/state', 'GET /__admin/requests?limit=', 'POST /__admin/reset-counters', 'GET|PUT|PATCH /__admin/faults',
        'GET /__admin/contacts/:id', 'GET /__admin/oauth', 'GET|POST /__admin/config', 'POST /__admin/reset-data',
        'POST /__admin/tokens {scopes, locationId?}',
      ],
    }),
  );

  app.get('/__admin/state', (c) => {
    const locations = ctx.store.counts();
    const totals = locations.reduce(
      (t, l) => ({ contacts: t.contacts + l.contacts, tasks: t.tasks + l.tasks, notes: t.notes + l.notes, appointments: t.appointments + l.appointments }),
      { contacts: 0, tasks: 0, notes: 0, appointments: 0 },
    );
    return c.json({ locations, totals, requests: ctx.log.counts(), oauth: ctx.tokens.summary(ctx.now()), faults: { config: ctx.faults.config, counts: ctx.faults.counts }, config: config() });
  });

  app.get('/__admin/requests', (c) => {
    const limit = Math.max(1, Math.min(2000, Number(c.req.query('limit') ?? 200) || 200));
    return c.json({ requests: ctx.log.recent(limit), counts: ctx.log.counts() });
  });

  app.post('/__admin/reset-counters', (c) => {
    ctx.log.reset();
    ctx.limiter.reset();
    ctx.faults.resetCounters();
    ctx.tokens.resetCounters();
    return c.json({ ok: true });
  });

  app.get('/__admin/faults', (c) => c.json(ctx.faults.config));
  /** PUT replaces the whole fault config (omitted fields fall back to "no fault"). */
  app.put('/__admin/faults', async (c) => {
    const body = (await readJson(c)) as Partial<FaultConfig>;
    ctx.faults.set(mergeFaults(defaultFaults(ctx.faults.config.seed), body));
    return c.json(ctx.faults.config);
  });
  /** PATCH changes only the given fields. */
  app.patch('/__admin/faults', async (c) => {
    const body = (await readJson(c)) as Partial<FaultConfig>;
    ctx.faults.set(mergeFaults(ctx.faults.config, body));
    return c.json(ctx.faults.config);
  });

  app.get('/__admin/contacts/:id', (c) => {
    const contact = ctx.store.contacts.get(c.req.param('id'));
    if (!contact) return c.json({ statusCode: 404, message: 'Contact not found' }, 404);
    return c.json({
      contact,
      tasks: ctx.store.tasks.get(contact.id) ?? [],
      notes: ctx.store.notes.get(contact.id) ?? [],
      appointments: ctx.store.appointmentsOf(contact.id),
      opportunities: ctx.store.opportunitiesOf(contact.id),
      /** the contact's runs through workflows (HighLevel's API lists none) */
      enrolments: ctx.store.enrolments.get(contact.id) ?? [],
    });
  });

  app.get('/__admin/oauth', (c) => c.json(ctx.tokens.summary(ctx.now())));

  app.get('/__admin/config', (c) => c.json(config()));
  app.post('/__admin/config', async (c) => {
    const body = await readJson(c);
    const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : undefined);
    const ttl = num(body.accessTokenTtlSec);
    if (ttl) ctx.config.accessTokenTtlSec = ttl;
    const rl = (body.rateLimit ?? {}) as Record<string, unknown>;
    const next = { max: num(rl.max) ?? ctx.limiter.config.max, intervalMs: num(rl.intervalMs) ?? ctx.limiter.config.intervalMs, daily: num(rl.daily) ?? ctx.limiter.config.daily };
    if (JSON.stringify(next) !== JSON.stringify(ctx.limiter.config)) {
      ctx.limiter.config = next;
      ctx.limiter.reset();
    }
    if (typeof body.indexDelayMs === 'number' && Number.isFinite(body.indexDelayMs) && body.indexDelayMs >= 0) ctx.index.delayMs = body.indexDelayMs;
    const lenient = (body.lenient ?? {}) as Record<string, unknown>;
    for (const k of Object.keys(ctx.config.lenient) as (keyof typeof ctx.config.lenient)[]) {
      if (typeof lenient[k] === 'boolean') ctx.config.lenient[k] = lenient[k];
    }
    return c.json(config());
  });

  /** Mints a private-integration token with the given scopes (any strings; [] = none). */
  app.post('/__admin/tokens', async (c) => {
    const body = await readJson(c);
    const scopes = body.scopes;
    if (!Array.isArray(scopes) || scopes.some((x) => typeof x !== 'string')) return c.json({ statusCode: 422, message: ['scopes must be an array of strings'] }, 422);
    const locationId = typeof body.locationId === 'string' ? body.locationId : [...ctx.store.locations.keys()][0]!;
    return c.json({ token: mintToken(ctx, scopes as string[], locationId), locationId, scopes }, 201);
  });

  app.post('/__admin/reset-data', (c) => {
    ctx.reseed();
    return c.json({ ok: true, locations: ctx.store.counts() });
  });
}
