// Admin API and CLI: state counts, raw contact state regardless of auth, request log, data reset, and
// `tsx sandbox/main.ts` printing its JSON description as the first stdout line.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/server.ts';
import { admin, call, repoRoot } from './helpers.ts';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ port: 0, partnerProxy: false });
});
afterAll(() => sb.close());

describe('/__admin', () => {
  it('state reports per-location counts and totals', async () => {
    const state = await admin.get(sb, 'state');
    expect(state.locations).toHaveLength(2);
    expect(state.totals.contacts).toBe(2000);
    expect(state.locations[0]).toMatchObject({ id: sb.locationId, name: 'Northstar Growth Agency' });
    expect(state.locations[0].tasks).toBeGreaterThan(0);
    expect(state.config.rateLimit).toEqual({ max: 100, intervalMs: 10_000, daily: 200_000 });
  });

  it('contacts/:id gives raw tags, tasks and notes without auth; reset-data restores the seed', async () => {
    const id = sb.seed.partnerContactIds['Ava Thompson']!;
    await call(sb, 'POST', `/contacts/${id}/tags`, { body: { tags: ['from-test'] } });
    await call(sb, 'POST', `/contacts/${id}/notes`, { body: { body: 'admin check' } });
    const raw = await admin.get(sb, `contacts/${id}`);
    expect(raw.contact.tags).toContain('from-test');
    expect(raw.notes.map((n: { body: string }) => n.body)).toContain('admin check');
    expect(raw.tasks.length).toBeGreaterThan(0);
    expect(raw.appointments.length).toBeGreaterThan(0);
    expect((await fetch(`${sb.baseUrl}/__admin/contacts/nope`)).status).toBe(404);
    await admin.send(sb, 'POST', 'reset-data');
    const after = await admin.get(sb, `contacts/${id}`);
    expect(after.contact.tags).toEqual(['video-campaign', 'q4']);
  });

  it('requests logs method, path, status, location and time, with counts by status', async () => {
    await admin.send(sb, 'POST', 'reset-counters');
    await call(sb, 'GET', `/locations/${sb.locationId}`);
    await call(sb, 'GET', `/locations/${sb.locationId}`, { token: null });
    const log = await admin.get(sb, 'requests');
    expect(log.counts).toMatchObject({ total: 2, byStatus: { '200': 1, '401': 1 }, rateLimited: 0 });
    expect(log.requests[0]).toMatchObject({ method: 'GET', path: `/locations/${sb.locationId}`, status: 200, locationId: sb.locationId });
    expect(Date.parse(log.requests[0].time)).toBeGreaterThan(0);
  });
});

describe('CLI', () => {
  it('prints one JSON line first and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'node_modules/tsx/dist/cli.mjs'), 'sandbox/main.ts', '--port', '0', '--no-proxy', '--quiet', '--rate-limit', '50/5000', '--seed', '42'], { cwd: repoRoot });
    const first = await new Promise<string>((resolve, reject) => {
      let buf = '';
      child.stdout.on('data', (d: Buffer) => {
        buf += d.toString();
        const nl = buf.indexOf('\n');
        if (nl >= 0) resolve(buf.slice(0, nl));
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}`)));
      setTimeout(() => reject(new Error('timeout')), 15_000);
    });
    const info = JSON.parse(first);
    expect(info).toMatchObject({ locationId: sb.locationId, token: sb.token, clientId: sb.clientId, clientSecret: sb.clientSecret, proxy: null });
    expect(info.locations.map((l: { name: string }) => l.name)).toEqual(['Northstar Growth Agency', 'Bayside Realty']);
    const res = await fetch(`${info.baseUrl}/locations/${info.locationId}`, { headers: { Authorization: `Bearer ${info.token}`, Version: '2021-07-28' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-ratelimit-max')).toBe('50');
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('sets the index delay, lenient readings, after-write faults and mints a token with chosen scopes', async () => {
    const child = spawn(process.execPath, [
      path.join(repoRoot, 'node_modules/tsx/dist/cli.mjs'), 'sandbox/main.ts', '--port', '0', '--no-proxy', '--quiet',
      '--index-delay', '2500', '--lenient', 'phone-search,tag-date', '--scopes', 'contacts.readonly',
      '--drop-after-rate', '0.1', '--error-after-rate', '0.2', '--drop-after-reused-rate', '0.3', '--stall-rate', '0.4',
    ], { cwd: repoRoot });
    try {
      const info = JSON.parse(await new Promise<string>((resolve, reject) => {
        let buf = '';
        child.stdout.on('data', (d: Buffer) => {
          buf += d.toString();
          const nl = buf.indexOf('\n');
          if (nl >= 0) resolve(buf.slice(0, nl));
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}`)));
        setTimeout(() => reject(new Error('timeout')), 15_000);
      }));
      const config = await (await fetch(`${info.baseUrl}/__admin/config`)).json();
      expect(config).toMatchObject({ indexDelayMs: 2500, lenient: { phoneSearch: true, searchFields: false, listFields: false, tagWritesDateUpdated: true } });
      expect(await (await fetch(`${info.baseUrl}/__admin/faults`)).json()).toMatchObject({ dropAfterRate: 0.1, errorAfterRate: 0.2, dropAfterReusedRate: 0.3, stallRate: 0.4 });
      const headers = { Authorization: `Bearer ${info.scopedToken}`, Version: '2021-07-28' };
      expect((await fetch(`${info.baseUrl}/locations/${info.locationId}/tags`, { headers })).status).toBe(401);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
