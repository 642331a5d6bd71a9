// A JSON body reaches fetch as the string it is, beside the Request rather than on it: a body on
// the Request would be copied into a stream (ky keeps a clone of every Request for retries) that
// the worker's thread must pump while it starts the next requests. Every send of the call (a
// retry after a 5xx, the replay after a 401) carries the same body.
import { describe, expect, it } from 'vitest';
import { createGhlClient, RateLimiter, type TokenSource } from '../../lib/ghl';

interface Sent {
  /** the body the Request handed to fetch carries itself */
  onRequest: ReadableStream | null;
  /** the body fetch is given beside the Request */
  beside: unknown;
  /** what would go on the wire */
  text: string;
  contentType: string | null;
  authorization: string | null;
}

function recordingFetch(answers: Array<() => Response>) {
  const sent: Sent[] = [];
  const f = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input as Request;
    const wire = new Request(input, init);
    sent.push({
      onRequest: request.body,
      beside: init?.body,
      text: await wire.text(),
      contentType: wire.headers.get('content-type'),
      authorization: wire.headers.get('authorization'),
    });
    return (answers.shift() ?? (() => Response.json({ succeded: true, responses: [] }, { status: 201 })))();
  }) as typeof fetch;
  return { f, sent };
}

const tokens = (refreshed = 'second-token'): TokenSource => ({ get: async () => 'first-token', refresh: async () => refreshed });
const client = (f: typeof fetch) =>
  createGhlClient({ baseUrl: 'https://api.test', locationId: 'loc1', tokens: tokens(), fetch: f, limiter: new RateLimiter() });
const change = { contactIds: ['c1', 'c2'], tags: ['vip'] };
const expected = JSON.stringify({ locationId: 'loc1', contacts: ['c1', 'c2'], tags: ['vip'] });

describe('request bodies', () => {
  it('a JSON body goes to fetch as a string beside a Request that has none', async () => {
    const { f, sent } = recordingFetch([]);
    await client(f).tags.bulkUpdate('add', change);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.onRequest).toBeNull();
    expect(sent[0]!.beside).toBe(expected);
    expect(sent[0]!.text).toBe(expected);
    expect(sent[0]!.contentType).toBe('application/json');
  });

  it('a retry after a 5xx sends the same body again', async () => {
    const { f, sent } = recordingFetch([() => Response.json({ statusCode: 503 }, { status: 503 })]);
    await client(f).tags.bulkUpdate('add', change);
    expect(sent.map((s) => s.text)).toEqual([expected, expected]);
    expect(sent.every((s) => s.onRequest === null)).toBe(true);
  });

  it('the replay after a 401 sends the same body with the renewed token', async () => {
    const { f, sent } = recordingFetch([() => Response.json({ statusCode: 401, message: 'Invalid JWT' }, { status: 401 })]);
    await client(f).tags.bulkUpdate('add', change);
    expect(sent.map((s) => [s.authorization, s.text])).toEqual([
      ['Bearer first-token', expected],
      ['Bearer second-token', expected],
    ]);
  });

  it('a request without a body sends none', async () => {
    const { f, sent } = recordingFetch([() => Response.json({ location: { id: 'loc1', name: 'Shop' } })]);
    await client(f).locations.get().catch(() => undefined);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.beside).toBeUndefined();
    expect(sent[0]!.text).toBe('');
  });
});
