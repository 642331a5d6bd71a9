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
