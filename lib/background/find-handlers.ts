// Wiring: the user's own look-ups, when the page's people did not lead to the contact: the match
// panel's search (lib/match), the search box at the top of the sidebar (lib/find), and the sites
// taught from a pick (lib/teach).
import { contactFinder } from '../find';
import { searchContacts } from '../match';
import { ok } from '../protocol';
import { forgetTaughtSite, taughtSites, teachSite } from '../teach';
import type { LocationServicesRegistry } from './connections';
import type { Handlers } from './router';

export function findHandlers(services: LocationServicesRegistry): Pick<Handlers, 'searchContacts' | 'findContacts' | 'teachSite' | 'getTaughtSites' | 'forgetTaughtSite'> {
  const active = () => services.active();
  // one finder per background: its short cache and its "newest search per searcher" are shared
  const finder = contactFinder();
  return {
    searchContacts: async (query) => ok(await searchContacts((await active()).client, query)),
    findContacts: async (input) => ok(await finder.find((await active()).client, input)),
    teachSite: async (input) => ok(await teachSite(input)),
    getTaughtSites: async () => ok(await taughtSites()),
    forgetTaughtSite: async (origin) => ok((await forgetTaughtSite(origin), true as const)),
  };
}
