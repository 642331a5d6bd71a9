// Fault injection: 5xx share, dropped connections, malformed bodies, 429 bursts and latency, set at
// start and changed at runtime through the admin API; targeting by path/method; seeded determinism;
// and the faults that fire after the sandbox acted (the write applied, its answer lost).
import http from 'node:http';
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

/** One request over node:http through `agent` (a kept-alive agent reuses its connection). */
function send(agent: http.Agent, method: string, p: string, body?: unknown): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(sb.baseUrl + p);
    const req = http.request(url, { method, agent, headers: { Authorization: `Bearer ${sb.token}`, Version: '2021-07-28', 'Content-Type': 'application/json' } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}
const notesWith = (text: string) => sb.state.notesOf(contact).filter((n) => n.body === text).length;

describe('faults after the sandbox acted: the write is applied, its answer lost', () => {
  it('errorAfterRate: the note is created, the answer is a 5xx', async () => {
    sb.setFaults({ errorAfterRate: 1, methods: ['POST'] });
    const res = await call(sb, 'POST', `/contacts/${contact}/notes`, { body: { body: 'error after' } });
    sb.setFaults({ errorAfterRate: 0, methods: [] });
    expect([500, 502, 503]).toContain(res.status);
    expect(notesWith('error after')).toBe(1);
    expect(sb.ctx.faults.counts.errorsAfter).toBeGreaterThan(0);
  });

  it('dropAfterRate: the note is created, the new connection closes without an answer; never on a kept-alive connection', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      expect((await send(agent, 'GET', `/contacts/${contact}`)).status).toBe(200);
      sb.setFaults({ dropAfterRate: 1, methods: ['POST'] });
      // the agent's connection served a request already: browsers would resend a request lost on it
      expect((await send(agent, 'POST', `/contacts/${contact}/notes`, { body: 'on a kept-alive connection' })).status).toBe(201);
      await expect(send(new http.Agent(), 'POST', `/contacts/${contact}/notes`, { body: 'drop after' })).rejects.toThrow(/socket hang up|ECONNRESET/);
    } finally {
      sb.setFaults({ dropAfterRate: 0, methods: [] });
      agent.destroy();
    }
    expect(notesWith('drop after')).toBe(1);
    const log = await admin.get(sb, 'requests');
    expect(log.requests.findLast((r: { method: string }) => r.method === 'POST')).toMatchObject({ status: 0, fault: 'drop-after' });
  });

  it('dropAfterReusedRate: on a kept-alive connection the note is created and the connection closes; sent again, as a browser does, it is created twice', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      sb.setFaults({ dropAfterReusedRate: 1, methods: ['POST'] });
      // a new connection's first request passes (the browser would report that loss, not hide it)
      expect((await send(agent, 'POST', `/contacts/${contact}/notes`, { body: 'first on the connection' })).status).toBe(201);
      await expect(send(agent, 'POST', `/contacts/${contact}/notes`, { body: 'replayed' })).rejects.toThrow(/socket hang up|ECONNRESET/);
      expect(notesWith('replayed')).toBe(1);
      // what Chromium does when a reused connection closes before any answer: the same POST again,
      // on a new connection; HighLevel has no way to tell it from a new note
      const again = new http.Agent({ keepAlive: true, maxSockets: 1 });
      expect((await send(again, 'POST', `/contacts/${contact}/notes`, { body: 'replayed' })).status).toBe(201);
      again.destroy();
    } finally {
      sb.setFaults({ dropAfterReusedRate: 0, methods: [] });
      agent.destroy();
    }
    expect(notesWith('replayed')).toBe(2);
    expect(sb.ctx.faults.counts.droppedAfterReused).toBe(1);
  });

  it('stallRate: the note is created, status and headers arrive, the body never ends', async () => {
    sb.setFaults({ stallRate: 1, methods: ['POST'] });
    const controller = new AbortController();
    try {
      const res = await fetch(`${sb.baseUrl}/contacts/${contact}/notes`, {
        method: 'POST', signal: controller.signal,
        headers: { Authorization: `Bearer ${sb.token}`, Version: '2021-07-28', 'Content-Type': 'application/json' },
        body: JSON.stringify({ body: 'stalled' }),
      });
      expect(res.status).toBe(201);
      const body = res.text();
      const outcome = await Promise.race([body.then(() => 'ended'), new Promise((r) => setTimeout(() => r('still waiting'), 500))]);
      expect(outcome).toBe('still waiting');
      controller.abort();
      await body.catch(() => undefined);
    } finally {
      sb.setFaults({ stallRate: 0, methods: [] });
    }
    expect(notesWith('stalled')).toBe(1);
    expect(sb.ctx.faults.counts.stalled).toBe(1);
  });

  it('scripted: each fires once, on the next request it fits (a kept-alive drop only on a reused connection)', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const before = { ...sb.ctx.faults.counts };
    try {
      sb.ctx.faults.script([{ kind: 'dropAfterReused', method: 'POST', path: '/contacts/*/notes' }, { kind: 'errorAfter', method: 'POST' }]);
      expect(sb.ctx.faults.scriptLeft).toBe(2);
      // a new connection's first request: the kept-alive drop does not fit, the 5xx after does
      expect([500, 502, 503]).toContain((await send(agent, 'POST', `/contacts/${contact}/notes`, { body: 'scripted' })).status);
      await expect(send(agent, 'POST', `/contacts/${contact}/notes`, { body: 'scripted' })).rejects.toThrow(/socket hang up|ECONNRESET/);
      expect(sb.ctx.faults.scriptLeft).toBe(0);
      expect((await send(agent, 'POST', `/contacts/${contact}/notes`, { body: 'scripted' })).status).toBe(201);
    } finally {
      sb.setFaults({});
      agent.destroy();
    }
    expect(notesWith('scripted')).toBe(3);
    const { errorsAfter, droppedAfterReused } = sb.ctx.faults.counts;
    expect({ errorsAfter: errorsAfter - before.errorsAfter, droppedAfterReused: droppedAfterReused - before.droppedAfterReused }).toEqual({ errorsAfter: 1, droppedAfterReused: 1 });
  });

  it('are set through the admin API like the others, and off by default', async () => {
    expect(await admin.get(sb, 'faults')).toMatchObject({ dropAfterRate: 0, errorAfterRate: 0, dropAfterReusedRate: 0, stallRate: 0 });
    const cfg = await admin.send(sb, 'PATCH', 'faults', { dropAfterRate: 0.1, errorAfterRate: 0.2, dropAfterReusedRate: 0.3, stallRate: 2 });
    expect(cfg).toMatchObject({ dropAfterRate: 0.1, errorAfterRate: 0.2, dropAfterReusedRate: 0.3, stallRate: 1 });
    await admin.send(sb, 'PUT', 'faults', {});
  });
});
