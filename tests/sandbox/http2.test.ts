// The same API over HTTPS and HTTP/2 (`http2: true`), as a server that speaks HTTP/2 serves it:
// many requests at once on one connection, each with its own answer and rate-limit headers.
import http2 from 'node:http2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/server.ts';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ port: 0, partnerProxy: false, http2: true });
});
afterAll(() => sb.close());

describe('HTTP/2', () => {
  it('answers 10 requests sent at once on one connection', async () => {
    expect(sb.http2Url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const session = http2.connect(sb.http2Url!, { rejectUnauthorized: false }); // the sandbox's self-signed certificate
    try {
      const get = () =>
        new Promise<{ status: number; remaining: string }>((resolve, reject) => {
          const stream = session.request({ ':path': `/locations/${sb.locationId}`, authorization: `Bearer ${sb.token}`, version: '2021-07-28' });
          stream.on('response', (headers) => resolve({ status: Number(headers[':status']), remaining: String(headers['x-ratelimit-remaining']) }));
          stream.on('error', reject);
          stream.resume();
          stream.end();
        });
      const answers = await Promise.all(Array.from({ length: 10 }, get));
      expect(session.alpnProtocol).toBe('h2');
      expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
      expect(answers.map((a) => Number(a.remaining)).sort((x, y) => x - y)).toEqual([90, 91, 92, 93, 94, 95, 96, 97, 98, 99]);
    } finally {
      session.close();
    }
  });

  it('without the option there is no HTTPS server', async () => {
    const plain = await startSandbox({ port: 0, partnerProxy: false });
    expect(plain.http2Url).toBeUndefined();
    await plain.close();
  });
});
