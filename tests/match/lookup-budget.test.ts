// The look-ups a page causes are paced per tab: at most 30 a minute per tab, a few on their way at
// once for all tabs (3 here), tabs in turn, and those still waiting dropped with their report
// (checked on vitest's fake clock).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { lookupBudget, TAB_LOOKUPS_PER_MINUTE } from '../../lib/match';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** A request that answers when told, recording the order and the call options it was sent with. */
function requests() {
  const sent: string[] = [];
  const open = new Map<string, () => void>();
  const request = (name: string) => (o: { pageLookup?: boolean }) => {
    sent.push(`${name}${o.pageLookup ? '' : ' (not a page look-up)'}`);
    return new Promise<string>((resolve) => open.set(name, () => resolve(name)));
  };
  const answer = async (...names: string[]) => {
    for (const n of names) open.get(n)?.();
    await vi.advanceTimersByTimeAsync(0);
  };
  const answerAll = () => answer(...open.keys());
  return { sent, request, answer, answerAll };
}

describe('a tab’s look-up budget', () => {
  it('lets 30 look-ups of a tab go in a minute, paced 3 at a time; the others wait for the minute to pass', async () => {
    const budget = lookupBudget({ inFlight: 3 });
    const r = requests();
    const lane = budget.lane(1, new AbortController().signal);
    const all = Array.from({ length: 40 }, (_, i) => lane(r.request(`a${i}`)));
    await vi.advanceTimersByTimeAsync(0);
    expect(r.sent).toEqual(['a0', 'a1', 'a2']);
    for (let i = 0; i < 20; i++) await r.answerAll();
    expect(r.sent).toHaveLength(TAB_LOOKUPS_PER_MINUTE);
    expect(budget.spent(1)).toBe(30);
    expect(budget.waiting(1)).toBe(10);
    await vi.advanceTimersByTimeAsync(59_000);
    expect(r.sent).toHaveLength(30);
    await vi.advanceTimersByTimeAsync(1_000);
    for (let i = 0; i < 5; i++) await r.answerAll();
    expect(r.sent).toHaveLength(40);
    await expect(Promise.all(all)).resolves.toHaveLength(40);
  });

  it('a flood in one tab never delays another tab by more than one turn', async () => {
    const budget = lookupBudget({ inFlight: 3 });
    const r = requests();
    const flood = budget.lane(1, new AbortController().signal);
    for (let i = 0; i < 25; i++) void flood(r.request(`flood${i}`));
    await vi.advanceTimersByTimeAsync(0);
    await r.answer('flood0');
    void budget.lane(2, new AbortController().signal)(r.request('other'));
    await vi.advanceTimersByTimeAsync(0);
    await r.answer('flood1');
    expect(r.sent).toEqual(['flood0', 'flood1', 'flood2', 'flood3', 'other']);
    // and once the flooding tab is out of budget, the other tab's look-ups go at once
    for (let i = 0; i < 20; i++) await r.answerAll();
    expect(budget.spent(1)).toBe(25);
    for (let i = 0; i < 10; i++) void flood(r.request(`more${i}`));
    for (let i = 0; i < 5; i++) await r.answerAll();
    expect([budget.spent(1), budget.waiting(1)]).toEqual([30, 5]);
    void budget.lane(2, new AbortController().signal)(r.request('later'));
    await vi.advanceTimersByTimeAsync(0);
    expect(r.sent.at(-1)).toBe('later');
  });

  it('drops the waiting look-ups of a report when it is replaced; those on their way finish', async () => {
    const budget = lookupBudget({ inFlight: 3 });
    const r = requests();
    const report = new AbortController();
    const lane = budget.lane(1, report.signal);
    const results = Array.from({ length: 6 }, (_, i) => lane(r.request(`a${i}`)).then((x) => x, (e: Error) => e.name));
    await vi.advanceTimersByTimeAsync(0);
    report.abort();
    await r.answerAll();
    expect(await Promise.all(results)).toEqual(['a0', 'a1', 'a2', 'AbortError', 'AbortError', 'AbortError']);
    expect(r.sent).toEqual(['a0', 'a1', 'a2']);
    expect(budget.waiting(1)).toBe(0);
  });
});
