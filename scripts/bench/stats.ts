// Repeated measurements to min / median / max.

export interface Summary {
  runs: number;
  min: number;
  median: number;
  max: number;
}

export function summarise(samples: number[]): Summary {
  if (!samples.length) throw new Error('no samples to summarise');
  const s = [...samples].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return { runs: s.length, min: s[0]!, median, max: s[s.length - 1]! };
}

/** runs `measure` `runs` times, one after the other, and summarises what it returns */
export async function repeat(runs: number, measure: (run: number) => Promise<number>): Promise<Summary> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await measure(i));
  return summarise(samples);
}

/**
 * Round trips in a chain of requests, counted on the sandbox's log: a request that arrived after
 * one before it was answered could have waited for it, and starts a new round trip; requests
 * that arrived while none of the current round trip was answered yet go with it.
 */
export function roundTrips(requests: { arrived: number; answered: number }[]): number {
  let trips = 0;
  let firstAnswered = -Infinity;
  for (const r of [...requests].sort((a, b) => a.arrived - b.arrived)) {
    if (trips === 0 || r.arrived >= firstAnswered) {
      trips += 1;
      firstAnswered = r.answered;
    } else firstAnswered = Math.min(firstAnswered, r.answered);
  }
  return trips;
}
