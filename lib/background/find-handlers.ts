// Wiring: the search box's message (the user looking a contact up by hand when the page's people
// did not lead to it) to its domain function in lib/find.
import { contactFinder } from '../find';
import { ok } from '../protocol';
import type { LocationServicesRegistry } from './connections';
import type { Handlers } from './router';

export function findHandlers(services: LocationServicesRegistry): Pick<Handlers, 'findContacts'> {
  // one finder per background: its short cache and its "newest search per searcher" are shared
  const finder = contactFinder();
  return {
    findContacts: async (input) => ok(await finder.find((await services.active()).client, input)),
  };
}
