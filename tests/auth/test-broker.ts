// A minimal token broker implementing the contract in lib/auth/broker.ts, in front of the sandbox:
// it adds the client secret, and answers a repeated refresh token from its replay cache instead of
// sending it to the token endpoint twice.
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TestBroker {
  url: string;
  replays: number;
  /** refresh requests received (replays included) */
  refreshes: number;
  /** delay before a refresh is forwarded, to let a test act while one is in flight */
  refreshDelayMs: number;
  /** resolves when the next refresh request arrives */
  nextRefresh(): Promise<void>;
  close(): Promise<void>;
}

export async function startTestBroker(opts: { tokenUrl: string; clientId: string; clientSecret: string }): Promise<TestBroker> {
  // one answer per refresh token, shared by a request that arrives while the first is in flight
  const replayCache = new Map<string, Promise<{ status: number; body: string }>>();
  const hash = (s: string) => createHash('sha256').update(s).digest('hex');
  const forward = async (form: Record<string, string>) => {
    const res = await fetch(opts.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: opts.clientId, client_secret: opts.clientSecret, user_type: 'Location', ...form }),
    });
    return { status: res.status, body: await res.text() };
  };
  let refreshArrived: () => void = () => undefined;
  let refreshSeen = new Promise<void>((resolve) => (refreshArrived = resolve));
  const broker: TestBroker = {
    url: '',
    replays: 0,
    refreshes: 0,
    refreshDelayMs: 0,
    nextRefresh: () => refreshSeen,
    close: async () => undefined,
  };
  const cors = {
    'access-control-allow-origin': '*',
    'access-control-allow-methods': 'POST',
    'access-control-allow-headers': 'content-type',
  };
  const server = http.createServer((req, res) => {
    if (req.method === 'OPTIONS') return void res.writeHead(204, cors).end();
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      void (async () => {
        const body = JSON.parse(raw || '{}') as Record<string, string>;
        let answer: { status: number; body: string };
        if (req.url === '/token') {
          answer = await forward({ grant_type: 'authorization_code', code: body.code ?? '', redirect_uri: body.redirect_uri ?? '' });
        } else if (req.url === '/refresh') {
          broker.refreshes++;
          refreshArrived();
          refreshSeen = new Promise<void>((resolve) => (refreshArrived = resolve));
          const key = hash(body.refresh_token ?? '');
          const cached = replayCache.get(key);
          if (cached) broker.replays++;
          const delay = broker.refreshDelayMs;
          const pending =
            cached ??
            (async () => {
              if (delay > 0) await new Promise((r) => setTimeout(r, delay));
              return forward({ grant_type: 'refresh_token', refresh_token: body.refresh_token ?? '' });
            })();
          replayCache.set(key, pending);
          answer = await pending;
          if (answer.status !== 200) replayCache.delete(key);
        } else {
          answer = { status: 404, body: '{"message":"not found"}' };
        }
        res.writeHead(answer.status, { ...cors, 'content-type': 'application/json' }).end(answer.body);
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  broker.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  broker.close = () => new Promise((resolve) => server.close(() => resolve()));
  return broker;
}
