// The active location's services, built once per connection: its HighLevel client, its lists
// (users, tags, custom fields), the matcher's look-ups and the kept contact records.
import type { Session } from '../auth';
import type { GhlClient } from '../ghl';
import type { ContactLookup } from '../match';
import { readSettings } from '../storage';
import { contactLookup, readContactDetails } from './contacts';
import { notConnected } from './errors';
import { locationLists, type LocationListsReader } from './lists';
import { contactRecords, forgetContactRecords, type ContactRecords } from './records';

export interface LocationServices {
  connectionId: string;
  locationId: string;
  client: GhlClient;
  lists: LocationListsReader;
  records: ContactRecords;
  lookup: ContactLookup;
}

export function locationServices(session: Session) {
  const built = new Map<string, Promise<LocationServices>>();

  async function build(connectionId: string): Promise<LocationServices> {
    const client = await session.client(connectionId);
    const { apiBaseUrl } = await readSettings();
    const lists = locationLists({ client, tokens: session.tokenSource(connectionId), baseUrl: apiBaseUrl });
    const records = contactRecords(client.locationId, (id) => readContactDetails(client, lists, id));
    return { connectionId, locationId: client.locationId, client, lists, records, lookup: contactLookup(client) };
  }

  return {
    /** The services of the active connection; fails with "connect" when there is none. */
    async active(): Promise<LocationServices> {
      const active = await session.active();
      if (!active) throw notConnected();
      let services = built.get(active.id);
      if (!services) {
        services = build(active.id);
        built.set(active.id, services);
        services.catch(() => built.delete(active.id));
      }
      return services;
    },
    /** Forgets a connection's services and the contact records kept for its location (sign-out). */
    async forget(connectionId: string, locationId: string | undefined) {
      built.delete(connectionId);
      if (locationId) await forgetContactRecords(locationId);
    },
  };
}

export type LocationServicesRegistry = ReturnType<typeof locationServices>;
