// A cold record is one round of reads: on a location whose lists were never read, the contact, its
// tasks, notes, appointments and opportunities all go out together with the lists, none waiting
// for another's answer (the opportunities are named from the lists, after both have arrived).
// Order, not time, is checked: every read of the view reaches the sandbox before any answer left it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSandbox, type Sandbox } from '../ghl/sandbox-helpers';
import { connectedBackground } from '../background/harness';

const LATENCY_MS = 150;
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await openSandbox({ rateLimit: { max: 10_000 }, latencyMs: LATENCY_MS });
});
afterAll(() => sandbox.close());

describe('a cold record', () => {
  it('sends its reads and the location’s lists in one round: the opportunity search waits for no answer', async () => {
    const bg = await connectedBackground(sandbox);
    const contactId = sandbox.seed.partnerContactIds['Maya Okafor']!;
    const since = Date.now();
    const { details } = await bg.ask('getContactDetails', { contactId, fresh: true });
    expect(details.opportunities?.[0]?.stageName).toBeTruthy();
    const log = sandbox.ctx.log.recent(2000).filter((r) => Date.parse(r.time) >= since);
    const started = (p: RegExp) => log.filter((r) => r.method === 'GET' && p.test(r.path)).map((r) => Date.parse(r.time));
    const firstAnswer = Math.min(...log.map((r) => Date.parse(r.time) + r.durationMs));
    const reads = [/^\/contacts\/[^/]+$/, /\/tasks$/, /\/notes$/, /\/appointments$/, /^\/opportunities\/search$/, /^\/opportunities\/pipelines$/, /^\/users\/$/];
    for (const p of reads) {
      expect(started(p), `${p} was read`).not.toEqual([]);
      expect(Math.min(...started(p)), `${p} went out before any answer`).toBeLessThan(firstAnswer);
    }
  });
});
