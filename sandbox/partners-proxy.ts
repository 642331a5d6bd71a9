// The partner proxy: an HTTP forward proxy on its own loopback port. `CONNECT <partner host>:443` is
// tunnelled to an in-process HTTPS server (self-signed certificate for the partner hostnames, made
// with openssl at startup, kept in memory) that serves the demo pages under their real hostnames.
// Given the sandbox's API, the same server answers as HighLevel too: its API host
// (services.leadconnectorhq.com) and its consent page's host (marketplace.gohighlevel.com), so a
// browser routed here reaches the sandbox at HighLevel's own addresses, with no CORS headers (the
// extension's host permission is what lets it call the API, as for users).
// Loopback targets are passed through (Firefox may send localhost traffic via the proxy); any other
// host is refused with 403.
import { execFile } from 'node:child_process';
import { createHash, createPublicKey } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import net, { type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { promisify } from 'node:util';
import { partnerHosts, serveHostPath } from './partners.ts';

/** HighLevel's API host and its OAuth consent page's host (lib/hosts.ts). */
export const HIGHLEVEL_HOSTS = ['services.leadconnectorhq.com', 'marketplace.gohighlevel.com'];

export interface PartnerProxy {
  host: string;
  port: number;
  /** base64 SHA-256 of the certificate's public key, for Chromium's --ignore-certificate-errors-spki-list. */
  spki: string;
  certPem: string;
  close(): Promise<void>;
}

let certPromise: Promise<{ key: string; cert: string }> | null = null;

/** One self-signed certificate per process (key never written anywhere but a removed temp dir). */
export function partnerCertificate(): Promise<{ key: string; cert: string }> {
  certPromise ??= (async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ghl-sandbox-cert-'));
    try {
      const san = [...partnerHosts(), ...HIGHLEVEL_HOSTS].map((h) => `DNS:${h}`).join(',');
      await promisify(execFile)('openssl', [
        'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '30', '-subj', '/CN=GHL Sidebar sandbox partners',
        '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-addext', `subjectAltName=${san}`,
      ]);
      return { key: await readFile(join(dir, 'key.pem'), 'utf8'), cert: await readFile(join(dir, 'cert.pem'), 'utf8') };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  })();
  certPromise.catch(() => (certPromise = null));
  return certPromise;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);
const listen = (server: net.Server, host: string, port = 0) =>
  new Promise<AddressInfo>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok(server.address() as AddressInfo));
  });

function tunnel(client: Duplex, head: Buffer, host: string, port: number): void {
  const upstream = net.connect(port, host, () => {
    client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length) upstream.write(head);
    upstream.pipe(client);
    client.pipe(upstream);
  });
  const end = () => {
    upstream.destroy();
    client.destroy();
  };
  upstream.on('error', end);
  client.on('error', end);
}

export async function startPartnerProxy(
  host = '127.0.0.1',
  port = 0,
  log: (line: string) => void = () => {},
  /** the sandbox's API, served under HighLevel's hosts; without it those hosts are refused */
  api?: http.RequestListener,
): Promise<PartnerProxy> {
  const { key, cert } = await partnerCertificate();
  const highlevel = new Set(api ? HIGHLEVEL_HOSTS : []);
  const hosts = new Set([...partnerHosts(), ...highlevel]);
  const sockets = new Set<Socket | Duplex>();
  const track = (s: Socket | Duplex) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  };

  const tls = https.createServer({ key, cert }, (req, res) => {
    const reqHost = (req.headers.host ?? '').replace(/:\d+$/, '');
    if (api && highlevel.has(reqHost)) return void api(req, res);
    const pathname = new URL(req.url ?? '/', 'https://x').pathname;
    void serveHostPath(reqHost, pathname).then((r) => {
      res.writeHead(r.status, { 'content-type': r.type, 'cache-control': 'no-store' });
      res.end(r.body);
    });
  });
  tls.on('connection', track);
  const tlsAddr = await listen(tls, '127.0.0.1');

  const proxy = http.createServer((req, res) => {
    let target: URL;
    try {
      target = new URL(req.url ?? '');
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('This is the sandbox partner proxy; send proxy requests.');
      return;
    }
    if (hosts.has(target.hostname)) {
      res.writeHead(301, { location: `https://${target.host}${target.pathname}${target.search}` }).end();
    } else if (LOOPBACK.has(target.hostname)) {
      const up = http.request(target, { method: req.method, headers: req.headers }, (upRes) => {
        res.writeHead(upRes.statusCode ?? 502, upRes.headers);
        upRes.pipe(res);
      });
      up.on('error', () => res.headersSent ? res.destroy() : res.writeHead(502).end());
      req.pipe(up);
    } else {
      res.writeHead(403, { 'content-type': 'text/plain' }).end(`The sandbox partner proxy does not serve ${target.hostname}.`);
    }
  });
  proxy.on('connection', track);
  proxy.on('connect', (req: http.IncomingMessage, client: Duplex, head: Buffer) => {
    track(client);
    const m = /^\[?([^\]]+?)\]?:(\d+)$/.exec(req.url ?? '');
    const [h, p] = m ? [m[1]!.toLowerCase(), Number(m[2])] : ['', 0];
    if (hosts.has(h) && p === 443) {
      log(`proxy CONNECT ${h}:443 → ${highlevel.has(h) ? 'sandbox API' : 'partner pages'}`);
      tunnel(client, head, '127.0.0.1', tlsAddr.port);
    } else if (LOOPBACK.has(h) && p > 0) {
      tunnel(client, head, h.replace(/^\[|\]$/g, ''), p);
    } else {
      log(`proxy refused CONNECT ${req.url ?? ''}`);
      client.end('HTTP/1.1 403 Forbidden\r\ncontent-type: text/plain\r\nconnection: close\r\n\r\nOnly the partner demo hosts are served.\r\n');
    }
  });
  const addr = await listen(proxy, host, port);

  const spki = createHash('sha256').update(createPublicKey(cert).export({ type: 'spki', format: 'der' })).digest('base64');
  return {
    host,
    port: addr.port,
    spki,
    certPem: cert,
    close: async () => {
      for (const s of sockets) s.destroy();
      await Promise.all([new Promise((r) => proxy.close(r)), new Promise((r) => tls.close(r))]);
    },
  };
}
