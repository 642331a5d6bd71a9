// The background's services: the durable outbox of writes (one for all connections), and per
// connection its HighLevel client, its lists (users, tags, custom fields), the matcher's look-ups
// and the kept contact records (shown with the outbox's unfinished writes applied).
import type { Session } from '../auth';
import type { GhlClient } from '../ghl';
import type { User } from '../ghl/schemas';
import type { ContactLookup } from '../match';
import { createOutbox, type Outbox, type OutboxOptions } from '../outbox';
import { readSettings } from '../storage';
import { contactLookup, readContactDetails } from './contacts';
import { notConnected } from './errors';
import { locationLists, type LocationListsReader } from './lists';
import { showWrites } from './outbox-watch';
import { withWrites } from './pending';
import { userOptions } from './views';
import { contactRecords, forgetContactRecords, type ContactRecords } from './records';

export interface LocationServices {
  connectionId: string;
  locationId: string;
  client: GhlClient;
  lists: LocationListsReader;
  records: ContactRecords;
  lookup: ContactLookup;
  outbox: Outbox;
}

export function locationServices(session: Session, outboxOptions: Partial<OutboxOptions> = {}) {
  const built = new Map<string, Promise<LocationServices>>();
  const outbox = createOutbox({ clientFor: (id) => session.client(id), ...outboxOptions });

  async function build(connectionId: string): Promise<LocationServices> {
    const client = await session.client(connectionId);
    const { apiBaseUrl } = await readSettings();
    const lists = locationLists({ client, tokens: session.tokenSource(connectionId), baseUrl: apiBaseUrl });
    const show = async (confirmed: Parameters<typeof withWrites>[0]) => {
      const [pending, users] = await Promise.all([outbox.pending(confirmed.contact.id), lists.users().catch(() => new Map<string, User>())]);
      return withWrites(confirmed, pending, userOptions(users));
    };
    const records = contactRecords(client.locationId, (id) => readContactDetails(client, lists, id), { show });
    return { connectionId, locationId: client.locationId, client, lists, records, lookup: contactLookup(client), outbox };
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

  const registry = {
    outbox,
    /** The services of the active connection; fails with "connect" when there is none. */
    async active(): Promise<LocationServices> {
      const active = await session.active();
      if (!active) throw notConnected();
      return of(active.id);
    },
    /** The services of a connection (the outbox's writes name theirs). */
    of,
    /** The services already built for a connection, without building them. */
    built: (connectionId: string) => built.get(connectionId),
    /** Forgets a connection's services and the contact records kept for its location (sign-out). */
    async forget(connectionId: string, locationId: string | undefined) {
      built.delete(connectionId);
      if (locationId) await forgetContactRecords(locationId);
    },
  };
  showWrites(registry);
  return registry;
}

export type LocationServicesRegistry = ReturnType<typeof locationServices>;
