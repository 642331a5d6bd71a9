// The runtime context shared by all route modules: store, tokens, limiter, faults, log and config.
import type { HttpBindings } from '@hono/node-server';
import type { Hono } from 'hono';
import type { TokenInfo, TokenRegistry } from './auth.ts';
import type { Faults } from './faults.ts';
import type { RateLimiter } from './ratelimit.ts';
import type { RequestLog } from './reqlog.ts';
import type { SeedResult } from './seed.ts';
import type { Store } from './store.ts';

export interface RuntimeConfig {
  accessTokenTtlSec: number;
  /** Lifetime of authorization codes from the consent page. */
  codeTtlSec: number;
}

export interface AppCtx {
  store: Store;
  seed: SeedResult;
  tokens: TokenRegistry;
  limiter: RateLimiter;
  faults: Faults;
  log: RequestLog;
  config: RuntimeConfig;
  /** Current time in ms (overridable for tests of expiry via config). */
  now: () => number;
  /** Reset contacts/tasks/notes/... to the seeded state. */
  reseed: () => void;
}

export type Env = { Bindings: HttpBindings; Variables: { auth: TokenInfo; fault: string | null } };
export type App = Hono<Env>;
