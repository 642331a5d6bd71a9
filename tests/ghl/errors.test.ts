// What the user sees when HighLevel says no or cannot be reached: every failure becomes a GhlError
// with the right kind and action, retried only when that is safe, and never carrying a token.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createGhlClient, GhlError, RateLimiter, type GhlClient, type TokenSource } from '../../lib/ghl';
import { admin, countingFetch, openSandbox, type Sandbox } from './sandbox-helpers';

let sandbox: Sandbox;
let ghl: GhlClient;
let contactId: string;
let otherLocationContactId: string;

const tokens = (token: string, refreshed?: string) => {
  const calls: string[] = [];
  const source: TokenSource = {
    get: async () => token,
    refresh: async (failed) => {
      calls.push(failed);
      if (refreshed === undefined) throw new GhlError('unauthorized');
      return refreshed;
    },
  };
  return { source, calls };
};

const clientWith = (source: TokenSource, f: typeof fetch = fetch, locationId = sandbox.locationId) =>
  createGhlClient({ baseUrl: sandbox.baseUrl, locationId, tokens: source, fetch: f });

async function failure(promise: Promise<unknown>): Promise<GhlError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(GhlError);
    const e = error as GhlError;
    for (const secret of sandbox.locations.map((l) => l.token)) {
      expect(JSON.stringify(e)).not.toContain(secret);
      expect(`${e.message} ${String(e.cause)} ${e.stack}`).not.toContain(secret);
    }
    return e;
  }
  throw new Error('expected a failure');
}

beforeAll(async () => {
  sandbox = await openSandbox();
  ghl = clientWith(tokens(sandbox.token).source);
  contactId = (await ghl.contacts.search({ pageLimit: 1 })).contacts[0]!.id;
  const other = createGhlClient({ baseUrl: sandbox.baseUrl, locationId: sandbox.locations[1]!.id, tokens: tokens(sandbox.locations[1]!.token).source });
  otherLocationContactId = (await other.contacts.search({ pageLimit: 1 })).contacts[0]!.id;
});
afterEach(() => admin(sandbox).clearFaults());
afterAll(() => sandbox.close());

describe('refused requests', () => {
  it('401: asks the token source for a new token once, replays, and succeeds with it', async () => {
    const { source, calls } = tokens('not-a-token', sandbox.token);
    const { fetch: counted, sent } = countingFetch();
    expect((await clientWith(source, counted).contacts.get(contactId)).id).toBe(contactId);
    expect(calls).toEqual(['not-a-token']);
    expect(sent).toHaveLength(2);
  });

  it('401 that a refresh cannot fix becomes unauthorized / reconnect', async () => {
    const { source, calls } = tokens('not-a-token', 'still-not-a-token');
    const { fetch: counted, sent } = countingFetch();
    const e = await failure(clientWith(source, counted).contacts.get(contactId));
    expect(e).toMatchObject({ kind: 'unauthorized', action: 'reconnect', status: 401 });
    expect(calls).toHaveLength(1);
    expect(sent).toHaveLength(2);
  });

  it("403: another location's data is forbidden, with switch-location", async () => {
    const e = await failure(ghl.contacts.get(otherLocationContactId));
    expect(e).toMatchObject({ kind: 'forbidden', action: 'switch-location', status: 403 });
    expect(e.userMessage).toMatch(/cannot reach this location/);
    const wrongLocation = clientWith(tokens(sandbox.token).source, fetch, sandbox.locations[1]!.id);
    expect(await failure(wrongLocation.locations.get())).toMatchObject({ kind: 'forbidden' });
  });

  it('a token that cannot be had fails the call before sending, so it is never ambiguous', async () => {
    const source: TokenSource = {
      get: async () => {
        throw new GhlError('network', { ambiguous: true });
      },
      refresh: async () => 'unused',
    };
    const { fetch: counted, sent } = countingFetch();
    const e = await failure(clientWith(source, counted).notes.create(contactId, { body: 'x' }));
    expect(e).toMatchObject({ kind: 'network', ambiguous: false });
    expect(sent).toHaveLength(0);
  });

  it('404: not_found', async () => {
    expect(await failure(ghl.contacts.get('no-such-contact'))).toMatchObject({ kind: 'not_found', action: 'none' });
  });

  it("422: validation with the server's messages", async () => {
    const e = await failure(ghl.tasks.create(contactId, { title: 'x', dueDate: '2030-01-01T00:00:00Z', assignedTo: 'nobody' }));
    expect(e).toMatchObject({ kind: 'validation', status: 422, messages: ['assignedTo must be a valid user id'] });
    expect(e.userMessage).toContain('assignedTo must be a valid user id');
  });
});

describe('rate limits (429)', () => {
  afterEach(() => admin(sandbox).config({ rateLimit: { max: 100, intervalMs: 10_000, daily: 200_000 } }));

  it('waits the advertised interval and retries, so every call still succeeds', async () => {
    await admin(sandbox).config({ rateLimit: { max: 2, intervalMs: 400 } });
    await admin(sandbox).resetCounters();
    // A limiter that wrongly believes in a big budget lets a burst meet real 429s.
    const naive = createGhlClient({
      baseUrl: sandbox.baseUrl,
      locationId: sandbox.locationId,
      tokens: tokens(sandbox.token).source,
      limiter: new RateLimiter({ max: 1000, intervalMs: 400 }),
    });
    const ids = (await ghl.contacts.search({ pageLimit: 5 })).contacts.map((c) => c.id);
    const got = await Promise.all(ids.map((id) => naive.contacts.get(id)));
    expect(got.map((c) => c.id)).toEqual(ids);
    expect((await admin(sandbox).requests()).counts.rateLimited).toBeGreaterThan(0);
  });

  it('with retry: false, surfaces rate_limited with the advertised wait', async () => {
    await admin(sandbox).config({ rateLimit: { max: 1, intervalMs: 5_000 } });
    // Two clients with their own (wrong) limiters: the second does not know the budget is spent.
    const naive = () =>
      createGhlClient({
        baseUrl: sandbox.baseUrl,
        locationId: sandbox.locationId,
        tokens: tokens(sandbox.token).source,
        limiter: new RateLimiter({ max: 1000, intervalMs: 5_000 }),
      });
    await naive().contacts.get(contactId);
    const { fetch: counted, sent } = countingFetch();
    const late = createGhlClient({
      baseUrl: sandbox.baseUrl,
      locationId: sandbox.locationId,
      tokens: tokens(sandbox.token).source,
      limiter: new RateLimiter({ max: 1000, intervalMs: 5_000 }),
      fetch: counted,
    });
    const e = await failure(late.contacts.get(contactId, { retry: false }));
    expect(e).toMatchObject({ kind: 'rate_limited', action: 'retry', retryAfterMs: 5_000, ambiguous: false });
    expect(sent).toHaveLength(1);
  });

  it('a used-up daily limit is not waited out: rate_limited and daily after one request', async () => {
    await admin(sandbox).config({ rateLimit: { max: 100, intervalMs: 300, daily: 1 } });
    await ghl.contacts.get(contactId); // the day's last request
    const { fetch: counted, sent } = countingFetch();
    const e = await failure(clientWith(tokens(sandbox.token).source, counted).contacts.get(contactId));
    expect(e).toMatchObject({ kind: 'rate_limited', daily: true, action: 'retry' });
    expect(e.userMessage).toContain('for today');
    expect(sent).toHaveLength(1);
  });
});

describe('server errors, dropped connections, broken answers', () => {
  it('5xx: a read is retried with backoff (4 attempts) and then surfaces as server / retry', async () => {
    await admin(sandbox).faults({ errorRate: 1, paths: ['/contacts/*'] });
    const { fetch: counted, sent } = countingFetch();
    const e = await failure(clientWith(tokens(sandbox.token).source, counted).contacts.get(contactId));
    expect(e).toMatchObject({ kind: 'server', action: 'retry', ambiguous: true });
    expect(sent).toHaveLength(4);
  });

  it('5xx then success: the read succeeds after retries', async () => {
    let answered = 0;
    const flaky = (async (input: RequestInfo | URL, init?: RequestInit) =>
      ++answered <= 2 ? new Response('{"statusCode":503}', { status: 503 }) : fetch(input, init)) as typeof fetch;
    expect((await clientWith(tokens(sandbox.token).source, flaky).contacts.get(contactId)).id).toBe(contactId);
    expect(answered).toBe(3);
  });

  it('5xx on a create is NOT retried and is flagged ambiguous for the outbox', async () => {
    await admin(sandbox).faults({ errorRate: 1, methods: ['POST'], paths: ['/contacts/*'] });
    const { fetch: counted, sent } = countingFetch();
    const e = await failure(clientWith(tokens(sandbox.token).source, counted).notes.create(contactId, { body: 'hello' }));
    expect(e).toMatchObject({ kind: 'server', ambiguous: true });
    expect(sent).toHaveLength(1);
  });

  it('dropped connection: network / retry after bounded retries; a create is sent once', async () => {
    await admin(sandbox).faults({ dropRate: 1, paths: ['/contacts/*'] });
    const { fetch: counted, sent } = countingFetch();
    const client = clientWith(tokens(sandbox.token).source, counted);
    expect(await failure(client.contacts.get(contactId))).toMatchObject({ kind: 'network', action: 'retry', ambiguous: true });
    expect(sent).toHaveLength(4);
    sent.length = 0;
    expect(await failure(client.tasks.create(contactId, { title: 't', dueDate: '2030-01-01T00:00:00Z' }))).toMatchObject({ kind: 'network' });
    expect(sent).toHaveLength(1);
  });

  it('an answer whose body never ends times out as a whole: a read is retried, a write fails once, ambiguous', async () => {
    await admin(sandbox).faults({ stallRate: 1, paths: ['/contacts/*'] });
    const { fetch: counted, sent } = countingFetch();
    const client = createGhlClient({ baseUrl: sandbox.baseUrl, locationId: sandbox.locationId, tokens: tokens(sandbox.token).source, fetch: counted, timeoutMs: 300 });
    const started = Date.now();
    expect(await failure(client.contacts.get(contactId))).toMatchObject({ kind: 'network', action: 'retry', ambiguous: true });
    expect(sent).toHaveLength(4); // the headers came each time; the body never ended
    sent.length = 0;
    expect(await failure(client.tags.add(contactId, ['stalled'], { retry: false }))).toMatchObject({ kind: 'network', ambiguous: true });
    expect(sent).toHaveLength(1);
    // 5 answers of 300 ms and the read's three backoffs (at most 0.3 + 0.6 + 1.2 s): never the sandbox's forever
    expect(Date.now() - started).toBeLessThan(6_000);
  });

  it('a read whose first answer stalls halfway through its body is answered by the next attempt', async () => {
    let answered = 0;
    const stallingOnce = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await fetch(input, init);
      if (++answered > 1) return response;
      const half = new Uint8Array(await response.arrayBuffer()).slice(0, 10);
      const body = new ReadableStream<Uint8Array>({ start: (c) => c.enqueue(half) }); // never closed
      return new Response(body, { status: response.status, headers: response.headers });
    }) as typeof fetch;
    const client = createGhlClient({ baseUrl: sandbox.baseUrl, locationId: sandbox.locationId, tokens: tokens(sandbox.token).source, fetch: stallingOnce, timeoutMs: 300 });
    expect((await client.contacts.get(contactId)).id).toBe(contactId);
    expect(answered).toBe(2);
  });

  it('a broken body (truncated JSON or an HTML page) becomes malformed, not a crash', async () => {
    for (const malformedMode of ['truncate', 'html']) {
      await admin(sandbox).faults({ malformedRate: 1, malformedMode, paths: ['/contacts/*'] });
      expect(await failure(ghl.contacts.get(contactId))).toMatchObject({ kind: 'malformed' });
    }
  });

  it('valid JSON of the wrong shape becomes malformed, naming the field', async () => {
    const wrong = (async () => Response.json({ contact: { id: 42 } })) as typeof fetch;
    const e = await failure(clientWith(tokens(sandbox.token).source, wrong).contacts.get(contactId));
    expect(e.kind).toBe('malformed');
    expect(e.messages.join()).toContain('contact.id');
  });

  it('unknown extra fields are kept, not rejected', async () => {
    const extra = (async () => Response.json({ contact: { id: 'c1', brandNewField: { x: 1 } }, traceId: 't' })) as typeof fetch;
    const contact = await clientWith(tokens(sandbox.token).source, extra).contacts.get('c1');
    expect(contact).toMatchObject({ id: 'c1', brandNewField: { x: 1 } });
  });
});
