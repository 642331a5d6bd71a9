// Wiring: the durable outbox of writes (one for all connections), and per connection what the
// messages act on: its HighLevel client, its records and lists (lib/record) and the matcher's
// look-ups (lib/match: the user's, and those pages cause, paced per tab), built on first use. The kept records follow the outbox's changes.
import { i18n } from '#i18n';
import type { Session } from '../auth';
import type { GhlClient } from '../ghl';
import { contactLookup, lookupBudget, pageMatches, tabMatches, type ContactLookup } from '../match';
import { opportunityPerformers } from '../opportunities';
import { createOutbox, type Outbox, type OutboxOptions } from '../outbox';
import { UserFacingError } from '../protocol';
import { forgetContactRecords, keptListsItem, locationRecords, type LocationRecords } from '../record';
import { learnMissing, scopeOfWrite } from '../scopes';
import { workflowPerformers } from '../workflows';

const notConnected = () =>
  new UserFacingError({ kind: 'not-connected', message: i18n.t('errors.notConnected'), action: 'connect' });

export interface LocationServices extends LocationRecords {
  connectionId: string;
  locationId: string;
  client: GhlClient;
  lookup: ContactLookup;
  pageLookup(tabId: number, signal: AbortSignal): ContactLookup;
  pageLookupsWaiting(tabId: number): number;
  outbox: Outbox;
}

export function locationServices(session: Session, outboxOptions: Partial<OutboxOptions> = {}) {
  const built = new Map<string, Promise<LocationServices>>();
  const outbox = createOutbox({
    clientFor: (id) => session.client(id),
    performers: { ...opportunityPerformers, ...workflowPerformers },
    onScopeRefused: (r) => {
      const scope = scopeOfWrite(r.write.kind);
      void learnMissing(r.write.connectionId, scope);
      return scope;
    },
    ...outboxOptions,
  });

  async function build(connectionId: string): Promise<LocationServices> {
    const client = await session.client(connectionId);
    const lookup = contactLookup(client);
    const pages = lookupBudget();
    const pageLookup = (tabId: number, signal: AbortSignal) => contactLookup(client, pages.lane(tabId, signal));
    const pageLookupsWaiting = (tabId: number) => pages.waiting(tabId);
    return { connectionId, locationId: client.locationId, client, lookup, pageLookup, pageLookupsWaiting, outbox, ...locationRecords(client, outbox, connectionId) };
  }

  function of(connectionId: string): Promise<LocationServices> {
    let services = built.get(connectionId);
    if (!services) {
      services = build(connectionId);
      built.set(connectionId, services);
      services.catch(() => built.delete(connectionId));
    }
    return services;
  }

  // the records of every built connection follow the outbox (nothing of a connection not built is shown)
  outbox.onChange(({ writes, jobs }) => {
    for (const r of writes) {
      void built.get(r.write.connectionId)?.then((s) => s.showWrite(r)).catch((e: unknown) => console.warn('Outbox: could not update the shown record:', e));
    }
    for (const job of jobs) {
      void built.get(job.connectionId)?.then((s) => s.showJob(job)).catch((e: unknown) => console.warn('Outbox: could not update the shown records:', e));
    }
  });

  /** The services of the active connection; fails with "connect" when there is none. */
  async function active(): Promise<LocationServices> {
    const connection = await session.active();
    if (!connection) throw notConnected();
    return of(connection.id);
  }
  const matches = pageMatches(active);

  return {
    outbox,
    active,
    /** The matches of people, kept for every asker of the active connection */
    matches,
    /** The people of each tab and their matches, published as they are found */
    tabs: tabMatches(matches, active),
    /** The services of a connection (the outbox's writes name theirs). */
    of,
    /** The services already built for a connection, without building them. */
    built: (connectionId: string) => built.get(connectionId),
    /** Forgets a connection's services, its kept lists and the contact records kept for its location (sign-out, connected again). */
    async forget(connectionId: string, locationId: string | undefined) {
      built.delete(connectionId);
      await keptListsItem(connectionId).removeValue();
      if (locationId) await forgetContactRecords(locationId);
    },
  };
}

export type LocationServicesRegistry = ReturnType<typeof locationServices>;
