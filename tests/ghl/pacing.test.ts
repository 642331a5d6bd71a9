// Staying inside HighLevel's burst limit and not asking twice for the same thing: a burst of work
// meets no 429 once the limits are known, identical concurrent reads become one request, the
// limiter starts from the documented budget, obeys what the server advertises and keeps part of
// the window from bulk work (checked on a virtual clock, never on wall-clock durations).
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
    // A fresh limiter learns 25 / 500 ms from its first answer and paces the burst after it.
    const ghl = createGhlClient({ baseUrl: sandbox.baseUrl, locationId: sandbox.locationId, tokens: pit(), limiter: new RateLimiter() });
    const first = await ghl.contacts.get(ids[0]!);
    const contacts = await Promise.all(ids.slice(1).map((id) => ghl.contacts.get(id)));
    expect([first, ...contacts].map((c) => c.id)).toEqual(ids);
    const { counts } = await admin(sandbox).requests();
    expect(counts.rateLimited).toBe(0);
    expect(counts.byStatus['200']).toBe(250);
  });

  it('a location with a smaller limit than documented: only the first burst meets 429s, and every read is answered', { timeout: 30_000 }, async () => {
    const seed = createGhlClient({ baseUrl: sandbox.baseUrl, locationId: sandbox.locationId, tokens: pit() });
    const ids = (await seed.contacts.search({ pageLimit: 150 })).contacts.map((c) => c.id);
    await admin(sandbox).config({ rateLimit: { max: 25, intervalMs: 500 } });
    await admin(sandbox).resetCounters();
    // Knowing nothing yet, the limiter assumes 100 / 10 s: 100 reads go at once, 75 of them too many.
    const ghl = createGhlClient({ baseUrl: sandbox.baseUrl, locationId: sandbox.locationId, tokens: pit(), limiter: new RateLimiter() });
    const contacts = await Promise.all(ids.map((id) => ghl.contacts.get(id)));
    expect(contacts.map((c) => c.id)).toEqual(ids);
    const { counts } = await admin(sandbox).requests();
    expect(counts.byStatus['200']).toBe(150);
    expect(counts.rateLimited).toBeGreaterThan(0);
    expect(counts.rateLimited).toBeLessThanOrEqual(100 - 25);
  });
});

describe('RateLimiter on a virtual clock', () => {
  const clock = () => {
    const c = { t: 0, now: () => c.t, sleep: async (ms: number) => void (c.t += Math.max(ms, 1)) };
    return c;
  };
  /** A clock whose sleepers wake only when the test advances it. */
  const manualClock = () => {
    const sleepers: Array<{ until: number; wake: () => void }> = [];
    const c = {
      t: 0,
      now: () => c.t,
      sleep: (ms: number) => new Promise<void>((wake) => sleepers.push({ until: c.t + ms, wake })),
      async advance(ms: number) {
        c.t += ms;
        for (const s of sleepers.splice(0).filter((s) => s.until <= c.t || !sleepers.push(s))) s.wake();
        await settle();
      },
    };
    return c;
  };
  const settle = () => new Promise((resolve) => setTimeout(resolve, 10));
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

  it('starts from the documented budget: 100 requests go before any answer, the 101st waits for the window', async () => {
    const c = clock();
    const limiter = new RateLimiter({ guardMs: 100, now: c.now, sleep: c.sleep });
    for (let i = 0; i < 100; i++) await limiter.acquire();
    expect(c.t).toBe(0);
    await limiter.acquire();
    expect(c.t).toBe(10_100);
  });

  it('a request waiting out the documented window goes as soon as an answer tells a shorter one', async () => {
    const c = manualClock();
    const limiter = new RateLimiter({ guardMs: 100, now: c.now, sleep: c.sleep });
    for (let i = 0; i < 100; i++) await limiter.acquire();
    let next = false;
    void limiter.acquire().then(() => (next = true));
    await settle();
    limiter.observe(headers(25, 500, 0));
    await c.advance(600);
    expect(next).toBe(true);
  });

  it('follows the headers once an answer tells them: max and interval, for the user and for bulk work', async () => {
    const c = clock();
    const limiter = new RateLimiter({ guardMs: 100, now: c.now, sleep: c.sleep });
    await limiter.acquire();
    limiter.observe(headers(10, 1000, 9));
    limiter.settled();
    const background: number[] = [];
    for (let i = 0; i < 6; i++) {
      await limiter.acquire({ background: true });
      background.push(c.t);
    }
    // bulk work fills half of the 10: with the first request, 5 in the window, then it waits
    expect(background).toEqual([0, 0, 0, 0, 1100, 1100]);
    const foreground: number[] = [];
    for (let i = 0; i < 9; i++) {
      await limiter.acquire();
      foreground.push(c.t);
    }
    // the user's requests may fill the whole window (2 bulk requests in it already): 8 more
    expect(foreground).toEqual([...Array<number>(8).fill(1100), 2200]);
  });

  it('bulk work fills at most half of the window and never makes the user wait behind it', async () => {
    const c = manualClock();
    const limiter = new RateLimiter({ guardMs: 100, now: c.now, sleep: c.sleep });
    for (let i = 0; i < 50; i++) await limiter.acquire({ background: true });
    let bulk51 = false;
    void limiter.acquire({ background: true }).then(() => (bulk51 = true));
    for (let i = 0; i < 50; i++) await limiter.acquire(); // the user's half, at once
    await settle();
    expect(bulk51).toBe(false);
    await c.advance(10_100);
    expect(bulk51).toBe(true);
  });

  it('page look-ups fill at most half of the window in their own queue: the user never waits behind them, nor behind bulk work', async () => {
    const c = manualClock();
    const limiter = new RateLimiter({ guardMs: 100, now: c.now, sleep: c.sleep });
    for (let i = 0; i < 50; i++) await limiter.acquire({ pageLookup: true });
    let page51 = false;
    void limiter.acquire({ pageLookup: true }).then(() => (page51 = true));
    let bulk = false;
    void limiter.acquire({ background: true }).then(() => (bulk = true));
    // the user's search comes after 51 page look-ups and a bulk request: it goes at once
    let search = false;
    void limiter.acquire().then(() => (search = true));
    await settle();
    expect(search).toBe(true);
    expect(page51).toBe(false);
    expect(bulk).toBe(false); // the page look-ups used the shared half of the window
    await c.advance(10_100);
    expect(page51).toBe(true);
    expect(bulk).toBe(true);
  });

  it('a bulk request dropped while it waits for the window never takes a slot', async () => {
    const c = manualClock();
    const limiter = new RateLimiter({ max: 2, intervalMs: 1000, guardMs: 0, now: c.now, sleep: c.sleep });
    await limiter.acquire({ background: true });
    const stop = new AbortController();
    const dropped = limiter.acquire({ background: true, signal: stop.signal }).then(
      () => 'sent',
      (e: Error) => e.name,
    );
    let next = false;
    void limiter.acquire({ background: true }).then(() => (next = true));
    stop.abort();
    expect(await dropped).toBe('AbortError');
    await c.advance(1000);
    expect(next).toBe(true); // the next one got the slot the dropped one gave up
  });
});
