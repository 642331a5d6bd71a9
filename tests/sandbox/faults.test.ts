// Fault injection: 5xx share, dropped connections, malformed bodies, 429 bursts and latency, set at
// start and changed at runtime through the admin API; targeting by path/method; seeded determinism.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/server.ts';
import { admin, call } from './helpers.ts';

let sb: Sandbox;
let contact: string;

beforeAll(async () => {
  sb = await startSandbox({ port: 0, partnerProxy: false, rateLimit: { max: 100_000 } });
  contact = sb.seed.partnerContactIds['Maya Okafor']!;
});
afterAll(() => sb.close());

const getContact = () => call(sb, 'GET', `/contacts/${contact}`);

describe('runtime faults via /__admin/faults', () => {
  it('5xx share 1 → every resource call fails; the admin API is never faulted', async () => {
    const cfg = await admin.send(sb, 'PUT', 'faults', { errorRate: 1 });
    expect(cfg.errorRate).toBe(1);
    expect((await admin.get(sb, 'faults')).errorRate).toBe(1);
    for (let i = 0; i < 5; i++) expect([500, 502, 503]).toContain((await getContact()).status);
    expect((await admin.get(sb, 'state')).totals.contacts).toBeGreaterThan(1000);
    await admin.send(sb, 'PUT', 'faults', {});
    expect((await getContact()).status).toBe(200);
  });

  it('dropped connections: the socket closes without an answer, logged as status 0', async () => {
    await admin.send(sb, 'POST', 'reset-counters');
    await admin.send(sb, 'PUT', 'faults', { dropRate: 1 });
    await expect(getContact()).rejects.toThrow();
    await admin.send(sb, 'PUT', 'faults', {});
    const log = await admin.get(sb, 'requests');
    expect(log.counts.dropped).toBe(1);
    expect(log.requests.at(-1)).toMatchObject({ status: 0, fault: 'drop', method: 'GET' });
  });

  it('malformed bodies: truncated JSON or an HTML page, both with status 200', async () => {
    await admin.send(sb, 'PUT', 'faults', { malformedRate: 1, malformedMode: 'truncate' });
    const cut = await getContact();
    expect(cut.status).toBe(200);
    expect(cut.headers.get('content-type')).toContain('application/json');
    expect(() => JSON.parse(cut.text)).toThrow();
    expect(cut.text.startsWith('{"contact":')).toBe(true);
    await admin.send(sb, 'PATCH', 'faults', { malformedMode: 'html' });
    const html = await getContact();
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toContain('text/html');
    expect(() => JSON.parse(html.text)).toThrow();
    await admin.send(sb, 'PUT', 'faults', {});
  });

  it('429 bursts carry the rate-limit headers and last rateLimitBurstMs', async () => {
    await admin.send(sb, 'PUT', 'faults', { rateLimitRate: 1, rateLimitBurstMs: 300 });
    const first = await getContact();
    expect(first.status).toBe(429);
    expect(first.body).toMatchObject({ statusCode: 429, message: 'Too many requests' });
    expect(first.headers.get('x-ratelimit-remaining')).toBe('0');
    await admin.send(sb, 'PATCH', 'faults', { rateLimitRate: 0 });
    expect((await getContact()).status).toBe(200);
    await admin.send(sb, 'PUT', 'faults', {});
  });

  it('latency adds at least latencyMs', async () => {
    await admin.send(sb, 'PUT', 'faults', { latencyMs: 200, jitterMs: 50 });
    const t = Date.now();
    expect((await getContact()).status).toBe(200);
    expect(Date.now() - t).toBeGreaterThanOrEqual(195);
    await admin.send(sb, 'PUT', 'faults', {});
  });

  it('targets only the given methods and paths', async () => {
    await admin.send(sb, 'PUT', 'faults', { errorRate: 1, methods: ['POST'], paths: ['/contacts/search'] });
    expect((await getContact()).status).toBe(200);
    expect((await call(sb, 'GET', `/locations/${sb.locationId}`)).status).toBe(200);
    expect((await call(sb, 'POST', '/contacts/search', { body: { locationId: sb.locationId, pageLimit: 1 } })).status).toBeGreaterThanOrEqual(500);
    await admin.send(sb, 'PUT', 'faults', { errorRate: 1, paths: ['/contacts/*/tasks'] });
    expect((await call(sb, 'GET', `/contacts/${contact}/tasks`)).status).toBeGreaterThanOrEqual(500);
    expect((await call(sb, 'GET', `/contacts/${contact}/notes`)).status).toBe(200);
    await admin.send(sb, 'PUT', 'faults', {});
  });

  it('is deterministic for a given fault seed', async () => {
    const run = async () => {
      await admin.send(sb, 'PUT', 'faults', { errorRate: 0.5, seed: 1234 });
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) statuses.push((await getContact()).status);
      return statuses;
    };
    const a = await run();
    const b = await run();
    expect(a).toEqual(b);
    expect(a.filter((s) => s === 200).length).toBeGreaterThan(2);
    expect(a.filter((s) => s >= 500).length).toBeGreaterThan(2);
    await admin.send(sb, 'PUT', 'faults', {});
  });
});

describe('faults set at start', () => {
  it('startSandbox({faults}) applies them, setFaults() changes them', async () => {
    const other = await startSandbox({ port: 0, partnerProxy: false, faults: { errorRate: 1, errorStatuses: [503] } });
    try {
      const res = await call(other, 'GET', `/locations/${other.locationId}`);
      expect(res.status).toBe(503);
      other.setFaults({ errorRate: 0 });
      expect((await call(other, 'GET', `/locations/${other.locationId}`)).status).toBe(200);
    } finally {
      await other.close();
    }
  });
});
