// Which scopes a private-integration token has, found when it is connected: HighLevel has no call
// that lists a token's scopes. Four requests go out at once (one round trip, once per
// connection): the location (its name, locations.readonly), one contact (contacts.readonly), and
// one write per write scope that cannot change anything: it names a record that cannot exist, so
// HighLevel, which checks the token's scopes before it looks for the record, answers "not
// authorized for this scope" (401) when the scope is missing, and 400/404/422 otherwise. The other
// read scopes need no probe: the location's lists are read at the sidebar's first use anyway, and
// each refusal there is learned (knowledge.ts). The answers also check the token and the location:
// a rejected token or another location's token fails the connect, as before; a token with none of
// the probed scopes is refused too.
import { i18n } from '#i18n';
import { GhlError, type GhlClient } from '../ghl';
import { SCOPES, USED_SCOPES, type Scope } from './catalogue';
import { isScopeError } from './guard';

/** An id no HighLevel record has (ids are 20 letters and digits, or UUIDs). */
const NO_SUCH_ID = 'ghl-sidebar-scope-probe';
const ONCE = { retry: false } as const;

const probes = (client: GhlClient): [Scope, () => Promise<unknown>][] => [
  [SCOPES.location, () => client.locations.get(ONCE)],
  [SCOPES.contactsRead, () => client.contacts.listDeprecated({ limit: 1 }, ONCE)],
  [SCOPES.contactsWrite, () => client.tags.add(NO_SUCH_ID, [], ONCE)],
  [SCOPES.opportunitiesWrite, () => client.opportunities.setStatus(NO_SUCH_ID, 'open', undefined, ONCE)],
];

export interface ProbeResult {
  /** the probed scopes the token lacks (other read scopes are learned at their first use) */
  missing: Scope[];
  /** the location's name, when the token may read the location */
  locationName?: string;
}

/**
 * Probes the token; throws when it is rejected, belongs to another location, HighLevel cannot be
 * reached, or it has none of the probed scopes (each a GhlError in the user's words).
 */
export async function probeScopes(client: GhlClient): Promise<ProbeResult> {
  const table = probes(client);
  const answers = await Promise.allSettled(table.map(([, probe]) => probe()));
  const missing: Scope[] = [];
  let locationName: string | undefined;
  for (const [i, answer] of answers.entries()) {
    const scope = table[i]![0];
    if (answer.status === 'fulfilled') {
      if (scope === SCOPES.location) locationName = (answer.value as { name: string }).name;
      continue;
    }
    const e = answer.reason as unknown;
    if (isScopeError(e)) missing.push(scope);
    // rejected token, another location, HighLevel unreachable: connecting fails with that reason
    else if (!(e instanceof GhlError) || ['unauthorized', 'forbidden', 'network', 'server', 'rate_limited', 'malformed'].includes(e.kind)) throw e;
    // 400 / 404 / 422 to a probe that names no record: the scope is there
  }
  if (missing.length === table.length) {
    throw new GhlError('forbidden', { userMessage: i18n.t('scopes.noneUsable'), action: 'reconnect' });
  }
  return { missing, locationName };
}

/**
 * The connect check of a location connection: with the scopes an OAuth answer granted, only the
 * location's name is read (when granted); a private-integration token is probed. Answers what to
 * remember of its scopes.
 */
export async function checkConnection(client: GhlClient, granted?: string[]): Promise<{ locationName?: string; granted?: string[]; missing: string[] }> {
  if (!granted) return probeScopes(client);
  const missing = USED_SCOPES.filter((s) => !granted.includes(s));
  const locationName = granted.includes(SCOPES.location) ? (await client.locations.get(ONCE)).name : undefined;
  return { locationName, granted, missing };
}
