// Fault injection for resource endpoints: added latency (+ jitter), a share of 5xx replies, of 429
// bursts, of dropped connections and of malformed 200 bodies, optionally limited to some methods and
// path patterns. Those fire before the sandbox acts. Four more fire after it acted (the write is
// applied, its answer is lost): the connection dropped, a 5xx answer, the connection dropped on a
// kept-alive connection (where browsers silently send the request again), and an answer whose
// body never ends. Decisions come from a seeded PRNG, so a sequence of requests fails the same way
// every run with the same seed. A test whose requests come in no fixed order (a browser's, in
// parallel) can also script faults (`script`): each fires once, on the next request it fits, so
// what a test asserts was injected is injected, whatever the order.
import { Prng } from './prng.ts';

export interface FaultConfig {
  /** Fixed added latency per request. */
  latencyMs: number;
  /** Extra uniformly random latency in [0, jitterMs]. */
  jitterMs: number;
  /** Share (0..1) of requests answered with a 5xx. */
  errorRate: number;
  /** Status codes used for injected 5xx replies (picked at random). */
  errorStatuses: number[];
  /** Share of requests that start a 429 burst. */
  rateLimitRate: number;
  /** How long a started 429 burst lasts: every matching request in it gets 429. 0 = that request only. */
  rateLimitBurstMs: number;
  /** Share of requests whose socket is destroyed without an answer. */
  dropRate: number;
  /** Share of requests answered 200 with a broken body. */
  malformedRate: number;
  /**
   * Share of requests that are carried out, then their connection dropped without an answer. Only
   * on a connection's first request: browsers send a request again by themselves only when a
   * connection they reused closes (Chromium HttpNetworkTransaction::ShouldResendRequest), so the
   * client itself sees this loss.
   */
  dropAfterRate: number;
  /** Share of requests that are carried out, then answered with a 5xx instead of their answer. */
  errorAfterRate: number;
  /**
   * Share of requests that are carried out, then their connection dropped without an answer, only
   * on a kept-alive connection that already served a request: the browser takes it for a stale
   * connection and sends the request again on another one, unseen by the extension.
   */
  dropAfterReusedRate: number;
  /** Share of requests that are carried out, answered with their status and headers, then half a body that never ends. */
  stallRate: number;
  /** 'truncate' = cut JSON, 'html' = an HTML error page with 200, 'mixed' = either. */
  malformedMode: 'truncate' | 'html' | 'mixed';
  /** Only these methods (upper case); empty = all. */
  methods: string[];
  /** Only paths matching one of these patterns ('*' = any characters, e.g. "/contacts/*"); empty = all. */
  paths: string[];
  /** Seed of the fault PRNG; changing the config re-seeds it. */
  seed: number;
}

export type FaultAction =
  | { kind: 'none' }
  | { kind: 'drop' }
  | { kind: 'error'; status: number }
  | { kind: 'rate429' }
  | { kind: 'malformed'; mode: 'truncate' | 'html' }
  | { kind: 'dropAfter' }
  | { kind: 'errorAfter'; status: number }
  | { kind: 'dropAfterReused' }
  | { kind: 'stall' };

/** A fault that fires once, on the next request it fits that no share picked (`Faults.script`). */
export interface ScriptedFault {
  kind: 'dropAfter' | 'errorAfter' | 'dropAfterReused' | 'stall';
  /** Only this method (upper case); default any. */
  method?: string;
  /** Only paths matching this pattern ('*' = any characters); default any path the faults apply to. */
  path?: string;
}

export interface FaultDecision {
  delayMs: number;
  action: FaultAction;
}

export const defaultFaults = (seed = 1): FaultConfig => ({
  latencyMs: 0, jitterMs: 0, errorRate: 0, errorStatuses: [500, 502, 503], rateLimitRate: 0, rateLimitBurstMs: 0,
  dropRate: 0, malformedRate: 0, malformedMode: 'mixed', dropAfterRate: 0, errorAfterRate: 0, dropAfterReusedRate: 0, stallRate: 0,
  methods: [], paths: [], seed,
});

const clamp01 = (n: unknown) => (typeof n === 'number' && Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0);
const nonNeg = (n: unknown) => (typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : 0);

/** Merge a partial (e.g. from the admin API) onto a base config, sanitising values. */
export function mergeFaults(base: FaultConfig, patch: Partial<FaultConfig>): FaultConfig {
  const m = { ...base, ...patch };
  return {
    latencyMs: nonNeg(m.latencyMs), jitterMs: nonNeg(m.jitterMs), errorRate: clamp01(m.errorRate),
    errorStatuses: Array.isArray(m.errorStatuses) && m.errorStatuses.length ? m.errorStatuses.map(Number).filter((s) => s >= 500 && s < 600) : [500, 502, 503],
    rateLimitRate: clamp01(m.rateLimitRate), rateLimitBurstMs: nonNeg(m.rateLimitBurstMs), dropRate: clamp01(m.dropRate),
    malformedRate: clamp01(m.malformedRate), malformedMode: ['truncate', 'html', 'mixed'].includes(m.malformedMode) ? m.malformedMode : 'mixed',
    dropAfterRate: clamp01(m.dropAfterRate), errorAfterRate: clamp01(m.errorAfterRate), dropAfterReusedRate: clamp01(m.dropAfterReusedRate), stallRate: clamp01(m.stallRate),
    methods: Array.isArray(m.methods) ? m.methods.map((x) => String(x).toUpperCase()) : [],
    paths: Array.isArray(m.paths) ? m.paths.map(String) : [], seed: Number.isFinite(m.seed) ? Number(m.seed) : 1,
  };
}

const NO_COUNTS = { delayed: 0, dropped: 0, errors: 0, rateLimited: 0, malformed: 0, droppedAfter: 0, errorsAfter: 0, droppedAfterReused: 0, stalled: 0 };

const globToRegExp = (glob: string) => new RegExp(`^${glob.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);

export class Faults {
  private rng: Prng;
  private burstUntil = 0;
  private patterns: RegExp[] = [];
  private scripted: Array<{ fault: ScriptedFault; path?: RegExp }> = [];
  counts = { ...NO_COUNTS };

  constructor(public config: FaultConfig) {
    this.rng = new Prng(config.seed);
    this.set(config);
  }

  set(config: FaultConfig): void {
    this.config = config;
    this.rng = new Prng(config.seed);
    this.burstUntil = 0;
    this.patterns = config.paths.map(globToRegExp);
    this.scripted = [];
  }

  /**
   * Adds faults that fire once each, in order of fit, on requests no share picked: a kept-alive drop
   * only on a connection that served a request already (where browsers resend), a drop after only
   * on a new one (as `dropAfterRate`). Cleared by `set`.
   */
  script(faults: ScriptedFault[]): void {
    for (const fault of faults) this.scripted.push({ fault, ...(fault.path ? { path: globToRegExp(fault.path) } : {}) });
  }

  /** The scripted faults that have not fired yet. */
  get scriptLeft(): number {
    return this.scripted.length;
  }

  private nextScripted(method: string, path: string, reused: boolean): FaultAction | undefined {
    const i = this.scripted.findIndex(({ fault, path: re }) =>
      (!fault.method || fault.method === method.toUpperCase()) &&
      (!re || re.test(path)) &&
      (fault.kind === 'dropAfterReused' ? reused : fault.kind === 'dropAfter' ? !reused : true),
    );
    if (i < 0) return undefined;
    const [{ fault }] = this.scripted.splice(i, 1) as [{ fault: ScriptedFault }];
    return fault.kind === 'errorAfter' ? { kind: 'errorAfter', status: this.rng.pick(this.config.errorStatuses) } : { kind: fault.kind };
  }

  applies(method: string, path: string): boolean {
    const c = this.config;
    if (c.methods.length && !c.methods.includes(method.toUpperCase())) return false;
    return !this.patterns.length || this.patterns.some((re) => re.test(path));
  }

  /** `reused`: the request came on a connection that already served one. */
  decide(method: string, path: string, now: number, reused = false): FaultDecision {
    const c = this.config;
    if (!this.applies(method, path)) return { delayMs: 0, action: { kind: 'none' } };
    const delayMs = c.latencyMs + (c.jitterMs ? this.rng.next() * c.jitterMs : 0);
    if (delayMs > 0) this.counts.delayed++;
    if (now < this.burstUntil) return this.count({ delayMs, action: { kind: 'rate429' } });
    const r = this.rng.next();
    let edge = c.dropRate;
    if (r < edge) return this.count({ delayMs, action: { kind: 'drop' } });
    if (r < (edge += c.errorRate)) return this.count({ delayMs, action: { kind: 'error', status: this.rng.pick(c.errorStatuses) } });
    if (r < (edge += c.rateLimitRate)) {
      this.burstUntil = now + c.rateLimitBurstMs;
      return this.count({ delayMs, action: { kind: 'rate429' } });
    }
    if (r < (edge += c.malformedRate)) {
      const mode = c.malformedMode === 'mixed' ? (this.rng.chance(0.5) ? 'truncate' : 'html') : c.malformedMode;
      return this.count({ delayMs, action: { kind: 'malformed', mode } });
    }
    const none: FaultDecision = { delayMs, action: { kind: 'none' } };
    if (r < (edge += c.dropAfterRate)) return reused ? none : this.count({ delayMs, action: { kind: 'dropAfter' } });
    if (r < (edge += c.errorAfterRate)) return this.count({ delayMs, action: { kind: 'errorAfter', status: this.rng.pick(c.errorStatuses) } });
    if (r < (edge += c.dropAfterReusedRate)) return reused ? this.count({ delayMs, action: { kind: 'dropAfterReused' } }) : none;
    if (r < (edge += c.stallRate)) return this.count({ delayMs, action: { kind: 'stall' } });
    const scripted = this.scripted.length ? this.nextScripted(method, path, reused) : undefined;
    return scripted ? this.count({ delayMs, action: scripted }) : none;
  }

  private count(d: FaultDecision): FaultDecision {
    const k = d.action.kind;
    if (k === 'drop') this.counts.dropped++;
    else if (k === 'error') this.counts.errors++;
    else if (k === 'rate429') this.counts.rateLimited++;
    else if (k === 'malformed') this.counts.malformed++;
    else if (k === 'dropAfter') this.counts.droppedAfter++;
    else if (k === 'errorAfter') this.counts.errorsAfter++;
    else if (k === 'dropAfterReused') this.counts.droppedAfterReused++;
    else if (k === 'stall') this.counts.stalled++;
    return d;
  }

  resetCounters(): void {
    this.counts = { ...NO_COUNTS };
  }
}
