// The sidebar's contact messages: matching the page's people, linking one by hand, reading a
// record (stale-while-revalidate), the location's lists, and every write (through writes.ts, which
// queues them in the outbox).
import { matchPerson } from '../match';
import { ok, type PersonMatch } from '../messaging';
import { readSettings, relinksItem } from '../storage';
import type { DetectedPerson } from '../detect/types';
import { searchContacts } from './contacts';
import type { Handlers } from './router';
import type { PageMatches } from './page-matches';
import type { LocationServices, LocationServicesRegistry } from './services';
import * as writes from './writes';

type ContactHandlers = Pick<
  Handlers,
  | 'matchPeople'
  | 'getContactDetails'
  | 'searchContacts'
  | 'relinkPerson'
  | 'getLocationLists'
  | 'addTags'
  | 'removeTags'
  | 'createTask'
  | 'updateTask'
  | 'setTaskCompleted'
  | 'deleteTask'
  | 'createNote'
  | 'updateNote'
  | 'deleteNote'
  | 'createContact'
  | 'updateContact'
>;

async function rematch(s: LocationServices, person: DetectedPerson, createdId: string): Promise<PersonMatch> {
  const relinks = await relinksItem.getValue();
  const match = await matchPerson(person, s.lookup, relinks);
  if (match.state === 'matched' && match.contact?.id === createdId) return match;
  // HighLevel's search index lags writes: link the person to the contact just made for them
  await relinksItem.setValue({ ...relinks, [match.key]: createdId });
  return matchPerson(person, s.lookup, { ...relinks, [match.key]: createdId });
}

export function contactHandlers(services: LocationServicesRegistry, matches: PageMatches): ContactHandlers {
  const active = () => services.active();
  return {
    matchPeople: async (people) => ok(await matches.match(people)),
    async getContactDetails({ contactId, fresh }) {
      return ok(await (await active()).records.get(contactId, fresh));
    },
    async searchContacts(query) {
      return ok(await searchContacts((await active()).client, query));
    },
    async relinkPerson({ personKey, contactId }) {
      const { [personKey]: _old, ...rest } = await relinksItem.getValue();
      await relinksItem.setValue(contactId ? { ...rest, [personKey]: contactId } : rest);
      matches.forget();
      return ok(true as const);
    },
    async getLocationLists() {
      return ok(await (await active()).lists.lists());
    },
    addTags: async ({ contactId, tags }) => ok(await writes.addTagsToContact(await active(), contactId, tags)),
    removeTags: async ({ contactId, tags }) => ok(await writes.removeTagsFromContact(await active(), contactId, tags)),
    createTask: async ({ contactId, task }) => ok(await writes.createTaskForContact(await active(), contactId, task)),
    updateTask: async ({ contactId, taskId, task }) => ok(await writes.changeTask(await active(), contactId, taskId, task)),
    setTaskCompleted: async ({ contactId, taskId, completed }) =>
      ok(await writes.markTaskCompleted(await active(), contactId, taskId, completed)),
    deleteTask: async ({ contactId, taskId }) => ok(await writes.deleteTask(await active(), contactId, taskId)),
    createNote: async ({ contactId, body }) => ok(await writes.addNoteToContact(await active(), contactId, body)),
    updateNote: async ({ contactId, noteId, body }) => ok(await writes.changeNote(await active(), contactId, noteId, body)),
    deleteNote: async ({ contactId, noteId }) => ok(await writes.deleteNote(await active(), contactId, noteId)),
    async createContact({ person, site }) {
      const s = await active();
      const contactId = await writes.createContactForPerson(s, person, site, await readSettings());
      matches.forget();
      return ok(await rematch(s, person, contactId));
    },
    updateContact: async ({ contactId, fields, base }) => ok(await writes.editContact(await active(), contactId, fields, base)),
  };
}
