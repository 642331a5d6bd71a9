// Partner pages: the partner proxy tunnels CONNECT for the partner hosts to the in-process HTTPS
// server (self-signed cert for those hosts) and refuses other hosts; the main server serves the pages
// under /partners/ with an index; given the API, it answers as HighLevel's API and consent hosts.
import http from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partnerSites } from '../../sandbox/partners/sites.ts';
import { startPartnerProxy } from '../../sandbox/partners-proxy.ts';
import { startSandbox, type Sandbox } from '../../sandbox/server.ts';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ port: 0 });
});
afterAll(() => sb.close());

function connect(target: string): Promise<{ status: number; socket: Socket; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: sb.proxy.host, port: sb.proxy.port, method: 'CONNECT', path: target });
    req.on('connect', (res, socket) => {
      if (res.statusCode === 200) return resolve({ status: 200, socket, body: '' });
      let body = '';
      socket.on('data', (d: Buffer) => (body += d.toString()));
      socket.on('end', () => resolve({ status: res.statusCode ?? 0, socket, body }));
      socket.on('close', () => resolve({ status: res.statusCode ?? 0, socket, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function httpsGet(host: string, path: string, o: { method?: string; headers?: Record<string, string> } = {}): Promise<{ status: number; type: string; body: string; san: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    void connect(`${host}:443`).then(({ status, socket }) => {
      if (status !== 200) return reject(new Error(`CONNECT ${status}`));
      const secure = tls.connect({ socket, servername: host, rejectUnauthorized: false });
      const req = https.request({ host, path, method: o.method, headers: o.headers, createConnection: () => secure }, (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body, san: secure.getPeerCertificate().subjectaltname ?? '', headers: res.headers }));
      });
      req.on('error', reject);
      req.end();
    }, reject);
  });
}

describe('HighLevel behind the proxy', () => {
  it('answers as services.leadconnectorhq.com with the sandbox API, without CORS headers', async () => {
    const headers = { Authorization: `Bearer ${sb.token}`, Version: '2021-07-28', Origin: 'chrome-extension://abc' };
    const res = await httpsGet('services.leadconnectorhq.com', `/locations/${sb.locationId}`, { headers });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body).location.id).toBe(sb.locationId);
    expect(res.san).toContain('DNS:services.leadconnectorhq.com');
    expect(Object.keys(res.headers).filter((k) => k.startsWith('access-control-'))).toEqual([]);
    // the sandbox's own address still answers CORS, for the demo and the "API base URL" option
    const direct = await fetch(`${sb.baseUrl}/locations/${sb.locationId}`, { headers });
    expect(direct.headers.get('access-control-allow-origin')).toBe('chrome-extension://abc');
    const preflight = await httpsGet('services.leadconnectorhq.com', `/locations/${sb.locationId}`, { method: 'OPTIONS', headers: { Origin: 'https://example.com', 'Access-Control-Request-Method': 'GET' } });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers as marketplace.gohighlevel.com with the consent page', async () => {
    const res = await httpsGet('marketplace.gohighlevel.com', `/v2/oauth/chooselocation?response_type=code&client_id=${sb.clientId}&redirect_uri=https%3A%2F%2Fx.example%2F&scope=contacts.readonly`);
    expect(res.status).toBe(200);
    expect(res.body).toContain('Choose a sub-account');
  });

  it('a proxy started without the API refuses HighLevel’s hosts', async () => {
    const bare = await startPartnerProxy('127.0.0.1', 0);
    try {
      const refused = await new Promise<number>((resolve, reject) => {
        const req = http.request({ host: bare.host, port: bare.port, method: 'CONNECT', path: 'services.leadconnectorhq.com:443' });
        req.on('connect', (res, socket) => (socket.destroy(), resolve(res.statusCode ?? 0)));
        req.on('error', reject);
        req.end();
      });
      expect(refused).toBe(403);
    } finally {
      await bare.close();
    }
  });
});

describe('partner proxy', () => {
  it('tunnels CONNECT <partner host>:443 to HTTPS with a certificate for all partner hosts', async () => {
    const res = await httpsGet('app.heyreach.io', '/no-such-page');
    expect(res.status).toBe(404);
    expect(res.type).toContain('text/html');
    expect(res.body).toContain('app.heyreach.io');
    for (const site of Object.values(partnerSites)) expect(res.san).toContain(`DNS:${site.host}`);
    expect(sb.proxy.spki).toMatch(/^[A-Za-z0-9+/]{43}=$/);
  });

  it('serves every declared partner page under its real host', async () => {
    for (const site of Object.values(partnerSites)) {
      for (const page of site.pages) {
        const res = await httpsGet(site.host, page.path);
        expect(res.status, `https://${site.host}${page.path}`).toBe(200);
        expect(res.type).toContain('text/html');
      }
    }
    const res = await httpsGet('sproutvideo.com', '/partners/people.ts');
    expect(res.status, 'TypeScript sources are not served').toBe(404);
  });

  it('refuses CONNECT to other hosts with 403', async () => {
    for (const target of ['example.com:443', 'app.heyreach.io:8443', 'services.leadconnectorhq.com:8443', 'app.gohighlevel.com:443']) {
      const res = await connect(target);
      expect(res.status, target).toBe(403);
    }
  });

  it('redirects plain-HTTP partner URLs to https and refuses other absolute URLs', async () => {
    const viaProxy = (url: string) =>
      new Promise<{ status: number; location?: string }>((resolve, reject) => {
        const req = http.request({ host: sb.proxy.host, port: sb.proxy.port, method: 'GET', path: url, headers: { host: new URL(url).host } }, (res) => {
          res.resume();
          resolve({ status: res.statusCode ?? 0, location: res.headers.location });
        });
        req.on('error', reject);
        req.end();
      });
    expect(await viaProxy('http://app.heygen.com/home?x=1')).toEqual({ status: 301, location: 'https://app.heygen.com/home?x=1' });
    expect((await viaProxy('http://example.org/')).status).toBe(403);
    expect((await viaProxy(`${sb.baseUrl}/`)).status, 'loopback passes through').toBe(200);
  });
});

describe('partner pages on the main server', () => {
  it('/partners/ is an index linking every site and page', async () => {
    const res = await fetch(`${sb.baseUrl}/partners/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    for (const [name, site] of Object.entries(partnerSites)) {
      expect(html).toContain(site.host);
      for (const page of site.pages) expect(html).toContain(`href="/partners/${name}${page.path}"`);
    }
  });

  it('serves declared pages, 404s unknown ones, and never leaves sandbox/partners/', async () => {
    for (const [name, site] of Object.entries(partnerSites)) {
      for (const page of site.pages) {
        const res = await fetch(`${sb.baseUrl}/partners/${name}${page.path}`);
        expect(res.status, page.path).toBe(200);
      }
    }
    expect((await fetch(`${sb.baseUrl}/partners/heyreach/definitely-missing`)).status).toBe(404);
    expect((await fetch(`${sb.baseUrl}/partners/%2e%2e/server.ts`)).status).toBe(404);
    expect((await fetch(`${sb.baseUrl}/partners/people.ts`)).status).toBe(404);
  });
});
