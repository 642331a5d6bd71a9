// Wiring: one line per message, from the message to the domain function that answers it. The
// domain lives in lib/auth (connections), lib/match (people -> contacts), lib/record (records and
// lists), lib/outbox (every write), lib/sites (enabled sites), lib/teach (taught sites), lib/forget.ts.
import { browser } from 'wxt/browser';
import { appState, connectInBrowser, connectionView, type Session } from '../auth';
import { forgetEverything } from '../forget';
import { i18n } from '#i18n';
import { linkPendingCreate, markCreating, rematchCreated, relinkPerson, settleCreate, tabPeople } from '../match';
import {
  activityLog,
  cancelBulk,
  discardUnsent,
  discardWrite,
  outboxStatus,
  resolveConflict,
  retryAfterReconnect,
  retryWrite,
  sendUnsent,
  undoBulk,
  unsentWrites,
  writes,
} from '../outbox';
import { UserFacingError, connectionsChangedItem, ok, pageOf, type BulkStart } from '../protocol';
import { saveSettings } from '../settings';
import { disableSite, enableSite, tabSite } from '../sites';
import { afterReport } from '../teach';
import { readSettings } from '../storage';
import { locationServices, type LocationServicesRegistry } from './connections';
import { findHandlers } from './find-handlers';
import { recordHandlers } from './record-handlers';
import type { Handlers } from './router';

/** A domain function's answer as the message's outcome. */
const answer = async <T>(value: Promise<T> | T) => ok(await value);

export function createHandlers(session: Session, services: LocationServicesRegistry = locationServices(session)): Handlers {
  const active = () => services.active();
  const { outbox } = services;
  const { matches, tabs } = services;
  const nameOf = async (connectionId: string, contactId: string) =>
    (await services.built(connectionId)?.catch(() => undefined))?.records.nameOf(contactId);
  /** The pages load again (connections, matches, records). */
  const connectionsChanged = () => connectionsChangedItem().setValue({ at: Date.now() });
  /** The tab a bulk job is started on, with its page as the browser stamped it on the tab's last report (not what the page says). */
  const startedOn = async (tabId: number | undefined): Promise<BulkStart | undefined> => {
    const page = tabId == null ? null : await tabPeople(tabId);
    return page?.url ? { tabId: page.tabId, page: pageOf(page.url) } : undefined;
  };
  /** After (re)connecting: the writes the connection stopped for want of a working token go again. */
  const connected = async <T extends { id: string }>(c: T) => {
    await retryAfterReconnect(outbox, c.id);
    await connectionsChanged();
    return c;
  };
  // a contact queued while HighLevel could not be reached: its person is linked once it lands
  outbox.onChange(({ writes: changed }) => {
    for (const r of changed) {
      if (r.write.kind !== 'contact.create' || (r.state !== 'done' && r.state !== 'discarded')) continue;
      void settleCreate(r.write.contactId, r.state === 'done' ? r.result?.id : undefined, matches, tabs).catch((e: unknown) => console.warn('Could not link a created contact:', e));
    }
  });

  return {
    // the content script (a taught site's page gets its rules once it reported: lib/teach)
    reportPeople: (detection, caller) => answer(tabs.receive(detection, caller).finally(() => void afterReport(detection, caller).catch(() => undefined))),
    // connections, settings, sites
    getState: () => answer(appState(session)),
    saveSettings: (patch) => answer(saveSettings(patch)),
    // a connection made again (another token, other scopes) starts with fresh lists and records;
    // its unsent writes go again, and the pages read what they show again
    async connectWithToken(input) {
      const connection = connectionView(await session.connectWithToken(input));
      await services.forget(connection.id, connection.locationId);
      return ok(await connected(connection));
    },
    async connectWithOAuth(input) {
      const connection = await connectInBrowser(session, input);
      await services.forget(connection.id, connection.locationId);
      return ok(await connected(connection));
    },
    setActiveConnection: async (id) => ok((await session.setActive(id), await connectionsChanged(), true as const)),
    async signOut(id) {
      // unsent changes are never dropped unasked: the page asks (send first / discard / cancel)
      const unsent = await unsentWrites(outbox, id);
      if (unsent) throw new UserFacingError({ kind: 'unsent-writes', message: i18n.t('options.unsent', unsent, [unsent]), action: 'none' });
      const gone = (await session.list()).find((c) => c.id === id);
      await session.signOut(id);
      await services.forget(id, gone?.locationId);
      await connectionsChanged();
      return ok(true as const);
    },
    async forgetEverything() {
      outbox.close(); // nothing in flight may write back once storage is erased
      await forgetEverything({ session, enabledOrigins: (await readSettings()).genericSites });
      // restart as newly installed, once the answer has reached the page
      setTimeout(() => browser.runtime.reload(), 200);
      return ok(true as const);
    },
    getTabPeople: (tabId) => answer(tabPeople(tabId)),
    getTabSite: (tabId) => answer(tabSite(tabId)),
    enableSite: async (origin) => ok((await enableSite(origin), true as const)),
    disableSite: async (origin) => ok((await disableSite(origin), true as const)),

    // people and records
    matchTab: ({ tabId, now }) => answer(tabs.show(tabId, now)),
    matchPeople: async (people) => ok(await markCreating(await matches.matchAll(people))),
    getContactDetails: async ({ contactId, fresh }) => {
      const location = await active();
      // a fresh record asked for (Refresh, Retry) reads the location's lists again with it, in the
      // same round trip: a field, stage or workflow added in HighLevel meanwhile shows
      if (fresh) await location.lists.forget();
      return ok(await location.records.get(contactId, fresh));
    },
    relinkPerson: async (input) => ok(await relinkPerson(input, await active(), matches, tabs)),
    getLocationLists: async () => ok(await (await active()).lists.lists()),

    // writes (lib/outbox/contact-writes.ts)
    addTags: async ({ contactId, tags }) => ok(await writes.addTagsToContact(await active(), contactId, tags)),
    removeTags: async ({ contactId, tags }) => ok(await writes.removeTagsFromContact(await active(), contactId, tags)),
    createTask: async ({ contactId, task }) => ok(await writes.createTaskForContact(await active(), contactId, task)),
    updateTask: async ({ contactId, taskId, task }) => ok(await writes.changeTask(await active(), contactId, taskId, task)),
    setTaskCompleted: async ({ contactId, taskId, completed }) => ok(await writes.markTaskCompleted(await active(), contactId, taskId, completed)),
    deleteTask: async ({ contactId, taskId }) => ok(await writes.deleteTask(await active(), contactId, taskId)),
    createNote: async ({ contactId, body }) => ok(await writes.addNoteToContact(await active(), contactId, body)),
    updateNote: async ({ contactId, noteId, body }) => ok(await writes.changeNote(await active(), contactId, noteId, body)),
    deleteNote: async ({ contactId, noteId }) => ok(await writes.deleteNote(await active(), contactId, noteId)),
    async createContact({ person, site, names }) {
      const s = await active();
      const made = await writes.createContactForPerson(s, person, site, await readSettings(), names);
      if ('pending' in made) return ok(await linkPendingCreate(person, made.pending, s.locationId, matches));
      return ok(await rematchCreated(person, made.id, s, matches, tabs));
    },
    async deleteContact({ contactId }) {
      await writes.deleteContact(await active(), contactId);
      matches.forget();
      return ok(true as const);
    },
    updateContact: async ({ contactId, fields, base }) => ok(await writes.editContact(await active(), contactId, fields, base)),
    // the record's sections: fields, followers, opportunities, workflows, freshness (record-handlers.ts)
    ...recordHandlers(services),
    ...findHandlers(services),

    // the outbox: activity log, conflicts, bulk changes
    getOutboxStatus: () => answer(outboxStatus(outbox)),
    getActivity: () => answer(activityLog(outbox, nameOf)),
    retryWrite: (id) => answer(retryWrite(outbox, id)),
    discardWrite: (id) => answer(discardWrite(outbox, id)),
    resolveConflict: (input) => answer(resolveConflict(outbox, input)),
    startBulkTags: async ({ tabId, ...input }) => ok(await writes.startBulkTags(await active(), { ...input, startedOn: await startedOn(tabId) }, readSettings)),
    cancelBulk: (jobId) => answer(cancelBulk(outbox, jobId)),
    undoBulk: (jobId) => answer(undoBulk(outbox, jobId)),
    unsentWrites: (id) => answer(unsentWrites(outbox, id)),
    sendUnsent: (id) => answer(sendUnsent(outbox, id)),
    discardUnsent: (id) => answer(discardUnsent(outbox, id)),
  };
}

/** Forgets what was reported and matched for a tab once it closes. */
export function forgetClosedTabs(services: Pick<LocationServicesRegistry, 'tabs'>) {
  browser.tabs.onRemoved.addListener((tabId) => void services.tabs.forget(tabId));
}
