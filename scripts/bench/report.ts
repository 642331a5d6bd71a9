// The bench's figures: each with the physical limit it is compared with, the ratio to it, and
// the goal it is judged against. Printed as a table and written to bench/results.json.
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem, type as osType, release } from 'node:os';
import path from 'node:path';
import type { Summary } from './stats';

export interface Row {
  /** what was measured, in the user's words */
  name: string;
  unit: 'ms' | 'requests' | 'round trips' | 'keys' | 'KB' | 'MB' | '×';
  /** the figures; a single value is given as min = median = max with runs = 1 */
  value?: Summary;
  /** the physical limit (same unit), or words when it has none */
  limit?: number | string;
  /** the goal, in words, and whether the median meets it; undefined: no goal for this row */
  goal?: string;
  met?: boolean;
  /** why a row was not measured, or how it was */
  note?: string;
}

export const single = (v: number): Summary => ({ runs: 1, min: v, median: v, max: v });

const fmt = (n: number, unit: Row['unit']) =>
  unit === 'requests' || unit === 'round trips' || unit === 'keys' ? String(Math.round(n * 10) / 10) : n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2);

function cells(r: Row): string[] {
  const v = r.value;
  const figures = v ? (v.runs > 1 ? `${fmt(v.min, r.unit)} / ${fmt(v.median, r.unit)} / ${fmt(v.max, r.unit)}` : fmt(v.median, r.unit)) : '—';
  const limit = r.limit === undefined ? '' : typeof r.limit === 'number' ? `${fmt(r.limit, r.unit)} ${r.unit}` : r.limit;
  const ratio = v && typeof r.limit === 'number' && r.limit > 0 ? `${(v.median / r.limit).toFixed(2)}×` : '';
  const goal = r.goal ? `${r.goal}: ${r.met === undefined ? '?' : r.met ? 'met' : 'NOT met'}` : '';
  return [r.name, v ? `${figures} ${r.unit}` : (r.note ?? '—'), v ? String(v.runs) : '', limit, ratio, goal];
}

/** the rows as a plain-text table (min / median / max, runs, limit, ratio of the median, goal) */
export function formatTable(rows: Row[]): string {
  const head = ['Figure', 'min / median / max', 'runs', 'physical limit', 'ratio', 'goal'];
  const body = rows.map(cells);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join(' | ').trimEnd();
  const notes = rows.filter((r) => r.value && r.note).map((r) => `  - ${r.name}: ${r.note}`);
  return [line(head), widths.map((w) => '-'.repeat(w)).join('-|-'), ...body.map(line), ...(notes.length ? ['', 'Notes:', ...notes] : [])].join('\n');
}

export function machine(browserVersion: string) {
  const cpu = cpus();
  return {
    os: `${osType()} ${release()}`,
    cpu: cpu[0]?.model ?? 'unknown',
    cores: cpu.length,
    memoryGB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    browser: browserVersion,
  };
}

export async function writeResults(file: string, results: object): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(results, null, 2) + '\n');
}
