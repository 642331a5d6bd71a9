// The runtime context shared by all route modules: store, tokens, limiter, faults, log and config.
import type { HttpBindings } from '@hono/node-server';
import type { Hono } from 'hono';
import type { TokenInfo, TokenRegistry } from './auth.ts';
import type { Faults } from './faults.ts';
import type { RateLimiter } from './ratelimit.ts';
import type { RequestLog } from './reqlog.ts';
import type { SearchIndex } from './search-index.ts';
import type { SeedResult } from './seed.ts';
import type { Store } from './store.ts';

/**
 * Where HighLevel's notes leave a behaviour uncertain or undocumented, the sandbox takes the
 * stricter reading; each switch here turns the kinder one back on, to compare. All off by default.
 */
export interface Leniency {
  /** `phone` search filters find stored numbers whatever their formatting; the duplicate check takes any number. */
  phoneSearch: boolean;
  /** Search filters and sorts on fields the notes do not list (website, companyName, city, …). */
  searchFields: boolean;
  /** Whole contacts in the deprecated list and the business list, not only ContactsSearchSchema's fields. */
  listFields: boolean;
  /** Tag writes change the contact's dateUpdated. */
  tagWritesDateUpdated: boolean;
  /** Search groups inside search groups (the notes show groups of filters only). */
  searchGroups: boolean;
}

export const LENIENCY_NAMES: Record<string, keyof Leniency> = {
  'phone-search': 'phoneSearch', 'search-fields': 'searchFields', 'list-fields': 'listFields', 'tag-date': 'tagWritesDateUpdated', 'search-groups': 'searchGroups',
};

export const strict = (): Leniency => ({ phoneSearch: false, searchFields: false, listFields: false, tagWritesDateUpdated: false, searchGroups: false });

export interface RuntimeConfig {
  accessTokenTtlSec: number;
  /** Lifetime of authorization codes from the consent page. */
  codeTtlSec: number;
  lenient: Leniency;
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
  /** The lagging search index behind search and the contact lists. */
  index: SearchIndex;
  /** Reset contacts/tasks/notes/... to the seeded state. */
  reseed: () => void;
}

export type Env = { Bindings: HttpBindings; Variables: { auth: TokenInfo; fault: string | null } };
export type App = Hono<Env>;
