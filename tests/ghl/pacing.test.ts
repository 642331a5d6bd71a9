// Staying inside HighLevel's burst limit and not asking twice for the same thing: a burst of work
// meets no 429, identical concurrent reads become one request, and the limiter obeys what the
// server advertises (checked on a virtual clock, never on wall-clock durations).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGhlClient, RateLimiter } from '../../lib/ghl';
import { admin, openSandbox, type Sandbox } from './sandbox-helpers';

let sandbox: Sandbox;
const pit = () => ({ get: async () => sandbox.token, refresh: async () => sandbox.token });

beforeAll(async () => {
  sandbox = await openSandbox();
});
afterAll(() => sandbox.close());

describe('coalescing identical reads', () => {
  it('20 concurrent reads of one contact send ONE request, and each caller gets its own copy', async () => {
    const ghl = createGhlClient({ baseUrl: sandbox.baseUrl, locationId: sandbox.locationId, tokens: pit() });
    const id = (await ghl.contacts.search({ pageLimit: 1 })).contacts[0]!.id;
    await admin(sandbox).resetCounters();
    const copies = await Promise.all(Array.from({ length: 20 }, () => ghl.contacts.get(id)));
    expect(copies.every((c) => c.id === id)).toBe(true);
    const { requests } = await admin(sandbox).requests();
    expect(requests.filter((r) => r.method === 'GET' && r.path === `/contacts/${id}`)).toHaveLength(1);
    copies[0]!.firstName = 'changed by one caller';
    expect(copies[1]!.firstName).not.toBe('changed by one caller');
    await ghl.contacts.get(id); // finished reads are not cached: this one goes out
    expect((await admin(sandbox).requests()).requests.filter((r) => r.path === `/contacts/${id}`)).toHaveLength(2);
  });

  it('different URLs are not coalesced', async () => {
    const ghl = createGhlClient({ baseUrl: sandbox.baseUrl, locationId: sandbox.locationId, tokens: pit() });
    await admin(sandbox).resetCounters();
    await Promise.all([ghl.contacts.listDeprecated({ limit: 2 }), ghl.contacts.listDeprecated({ limit: 3 })]);
    expect((await admin(sandbox).requests()).counts.total).toBe(2);
  });
});

describe('client-side rate limiting', () => {
  it('a burst of 250 reads stays under the advertised limit: 250 answers, zero 429', { timeout: 60_000 }, async () => {
    const seed = createGhlClient({ baseUrl: sandbox.baseUrl, locationId: sandbox.locationId, tokens: pit() });
    const ids = (await seed.contacts.search({ pageLimit: 250 })).contacts.map((c) => c.id);
    expect(ids).toHaveLength(250);
    await admin(sandbox).config({ rateLimit: { max: 25, intervalMs: 500 } });
    await admin(sandbox).resetCounters();
    // A fresh limiter that knows nothing yet: it must learn 25 / 500 ms from the first answer.
    const ghl = createGhlClient({ baseUrl: sandbox.baseUrl, locationId: sandbox.locationId, tokens: pit(), limiter: new RateLimiter() });
    const contacts = await Promise.all(ids.map((id) => ghl.contacts.get(id)));
    expect(contacts.map((c) => c.id)).toEqual(ids);
    const { counts } = await admin(sandbox).requests();
    expect(counts.rateLimited).toBe(0);
    expect(counts.byStatus['200']).toBe(250);
  });
});

describe('RateLimiter on a virtual clock', () => {
  const clock = () => {
    const c = { t: 0, now: () => c.t, sleep: async (ms: number) => void (c.t += Math.max(ms, 1)) };
    return c;
  };
  const headers = (max: number, interval: number, remaining: number) =>
    new Headers({ 'X-RateLimit-Max': String(max), 'X-RateLimit-Interval-Milliseconds': String(interval), 'X-RateLimit-Remaining': String(remaining) });

  it('sends at most `max` per interval (plus guard)', async () => {
    const c = clock();
    const limiter = new RateLimiter({ max: 3, intervalMs: 1000, guardMs: 50, now: c.now, sleep: c.sleep });
    const sendTimes: number[] = [];
    for (let i = 0; i < 7; i++) {
      await limiter.acquire();
      sendTimes.push(c.t);
      limiter.settled();
    }
    expect(sendTimes).toEqual([0, 0, 0, 1050, 1050, 1050, 2100]);
  });

  it('learns limits from headers and stops when the server says nothing remains', async () => {
    const c = clock();
    const limiter = new RateLimiter({ now: c.now, sleep: c.sleep });
    await limiter.acquire();
    limiter.observe(headers(10, 2000, 0)); // another client of the location used the budget
    limiter.settled();
    expect(limiter.limits).toEqual({ max: 10, intervalMs: 2000 });
    await limiter.acquire();
    expect(c.t).toBeGreaterThanOrEqual(2000);
  });

  it('a 429 pauses every request for the advertised wait', async () => {
    const c = clock();
    const limiter = new RateLimiter({ max: 100, intervalMs: 10_000, now: c.now, sleep: c.sleep });
    limiter.pause(limiter.retryAfterMs(headers(100, 7000, 0)));
    await limiter.acquire();
    expect(c.t).toBeGreaterThanOrEqual(7000);
  });

  it('sends a single probe until the first answer tells the real limits', async () => {
    const c = clock();
    const limiter = new RateLimiter({ now: c.now, sleep: c.sleep });
    await limiter.acquire();
    let second = false;
    void limiter.acquire().then(() => (second = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(second).toBe(false);
    limiter.observe(headers(25, 500, 24));
    limiter.settled();
    await new Promise((r) => setTimeout(r, 10));
    expect(second).toBe(true);
  });
});
