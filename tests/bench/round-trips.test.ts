// The bench's count of round trips in a chain of requests (the focused record's "≤ 2 round trips"),
// on request logs of known shape.
import { describe, expect, it } from 'vitest';
import { roundTrips } from '../../scripts/bench/stats';

const req = (arrived: number, took = 100) => ({ arrived, answered: arrived + took });

describe('round trips in a chain of requests', () => {
  it('a search, then five reads sent together once it answered: 2', () => {
    expect(roundTrips([req(40), req(150), req(152), req(155), req(156), req(160)])).toBe(2);
  });

  it('reads sent one after another: one round trip each', () => {
    expect(roundTrips([req(0), req(110), req(220), req(330)])).toBe(4);
  });

  it('a read sent after one of its wave answered waited for it: a round trip more', () => {
    expect(roundTrips([req(0), req(110), req(115, 20), req(140)])).toBe(3);
  });

  it('in any order, and none is none', () => {
    expect(roundTrips([req(160), req(40), req(150)])).toBe(2);
    expect(roundTrips([])).toBe(0);
  });
});
