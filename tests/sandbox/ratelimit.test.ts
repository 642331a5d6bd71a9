// Rate limiting like HighLevel: a burst budget per location per interval (fixed window), X-RateLimit-*
// headers on every resource response, 429 when exceeded; defaults 100 per 10 s; runtime changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/server.ts';
import { admin, call } from './helpers.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('short configurable window', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox({ port: 0, partnerProxy: false, rateLimit: { max: 5, intervalMs: 400, daily: 1000 } });
  });
  afterAll(() => sb.close());

  it('counts down, answers 429 when exceeded, and recovers after the interval', async () => {
    const remaining: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await call(sb, 'GET', `/locations/${sb.locationId}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('x-ratelimit-max')).toBe('5');
      expect(res.headers.get('x-ratelimit-interval-milliseconds')).toBe('400');
      expect(res.headers.get('x-ratelimit-limit-daily')).toBe('1000');
      expect(res.headers.get('x-ratelimit-daily-remaining')).toBe(String(1000 - i - 1));
      remaining.push(res.headers.get('x-ratelimit-remaining')!);
    }
    expect(remaining).toEqual(['4', '3', '2', '1', '0']);
    const limited = await call(sb, 'GET', `/locations/${sb.locationId}`);
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ statusCode: 429, message: 'Too many requests', error: 'Too Many Requests' });
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    const other = await call(sb, 'GET', `/locations/${sb.locations[1]!.id}`, { token: sb.locations[1]!.token });
    expect(other.status, 'budgets are per location').toBe(200);
    await sleep(450);
    const again = await call(sb, 'GET', `/locations/${sb.locationId}`);
    expect(again.status).toBe(200);
    expect(again.headers.get('x-ratelimit-remaining')).toBe('4');
    const log = await admin.get(sb, 'requests');
    expect(log.counts.rateLimited).toBe(1);
    expect(log.requests.some((r: { status: number; locationId: string }) => r.status === 429 && r.locationId === sb.locationId)).toBe(true);
  });

  it('can be changed at runtime through POST /__admin/config', async () => {
    const cfg = await admin.send(sb, 'POST', 'config', { rateLimit: { max: 2, intervalMs: 60_000 } });
    expect(cfg.rateLimit).toMatchObject({ max: 2, intervalMs: 60_000 });
    expect((await call(sb, 'GET', `/locations/${sb.locationId}`)).status).toBe(200);
    expect((await call(sb, 'GET', `/locations/${sb.locationId}`)).status).toBe(200);
    const third = await call(sb, 'GET', `/locations/${sb.locationId}`);
    expect(third.status).toBe(429);
    expect(third.headers.get('x-ratelimit-max')).toBe('2');
    await admin.send(sb, 'POST', 'reset-counters');
    expect((await call(sb, 'GET', `/locations/${sb.locationId}`)).status).toBe(200);
  });
});

describe('HighLevel defaults', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox({ port: 0, partnerProxy: false });
  });
  afterAll(() => sb.close());

  it('100 requests in 10 s pass, the 101st is 429', async () => {
    const started = Date.now();
    const results = await Promise.all(Array.from({ length: 100 }, () => call(sb, 'GET', `/contacts/${sb.seed.partnerContactIds['Maya Okafor']}`)));
    expect(results.map((r) => r.status)).toEqual(Array(100).fill(200));
    expect(results.map((r) => Number(r.headers.get('x-ratelimit-remaining'))).sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(results[0]!.headers.get('x-ratelimit-max')).toBe('100');
    expect(results[0]!.headers.get('x-ratelimit-interval-milliseconds')).toBe('10000');
    expect(results[0]!.headers.get('x-ratelimit-limit-daily')).toBe('200000');
    const extra = await call(sb, 'GET', `/contacts/${sb.seed.partnerContactIds['Maya Okafor']}`);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(extra.status).toBe(429);
    expect(extra.body.statusCode).toBe(429);
  });
});
