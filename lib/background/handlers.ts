// The background's answers to every message: the session for connections, the active
// location's client for reads and writes, and the page reports kept per tab.
import { browser } from 'wxt/browser';
import type { Session } from '../auth';
import type { GhlClient } from '../ghl';
import { matchPerson } from '../match';
import { fail, ok, type ConnectionView, type UserError } from '../messaging';
import { readSettings, relinksItem, tabPeopleItem, updateSettings } from '../storage';
import type { ConnectionSummary } from '../auth';
import { contactLookup, contactReader, type ContactReader } from './contacts';
import { parseDetection } from './incoming';
import type { Handlers } from './router';

/** What the sidebar needs of HighLevel, asked for at OAuth consent. */
export const OAUTH_SCOPES = [
  'contacts.readonly',
  'contacts.write',
  'calendars/events.readonly',
  'locations.readonly',
  'locations/tags.readonly',
  'users.readonly',
] as const;

const notConnected: UserError = {
  kind: 'not-connected',
  message: 'Connect a HighLevel location in the options to see contacts.',
  action: 'connect',
};

export function connectionView(c: ConnectionSummary): ConnectionView {
  return {
    id: c.id,
    locationId: c.locationId ?? '',
    locationName: c.locationName ?? c.locationId ?? 'Agency',
    kind: c.kind === 'private-token' ? 'token' : 'oauth',
    active: c.active,
  };
}

export function createHandlers(session: Session): Handlers {
  const readers = new Map<string, ContactReader>();

  async function activeClient(): Promise<{ client: GhlClient; reader: ContactReader } | undefined> {
    const active = await session.active();
    if (!active) return undefined;
    const client = await session.client(active.id);
    let reader = readers.get(active.id);
    if (!reader) readers.set(active.id, (reader = contactReader(client)));
    return { client, reader };
  }

  return {
    async reportPeople(detection, caller) {
      if (caller.tabId == null) return fail({ kind: 'refused', message: 'No tab.', action: 'none' });
      const incoming = parseDetection(detection);
      if (!incoming.ok) return fail({ kind: 'refused', message: incoming.reason, action: 'none' });
      await tabPeopleItem(caller.tabId).setValue({
        ...incoming.detection,
        tabId: caller.tabId,
        url: caller.url ?? '',
        reportedAt: Date.now(),
      });
      return ok(true as const);
    },
    async getState() {
      const [connections, settings] = await Promise.all([session.list(), readSettings()]);
      return ok({ connections: connections.map(connectionView), settings, oauthRedirectUrl: browser.identity.getRedirectURL() });
    },
    async saveSettings(patch) {
      if (patch.apiBaseUrl !== undefined && !/^https?:\/\/[^/]+/.test(patch.apiBaseUrl)) {
        return fail({ kind: 'validation', message: 'The API base URL must start with https:// or http://.', action: 'none' });
      }
      return ok(await updateSettings(patch));
    },
    async connectWithToken(input) {
      const connection = await session.connectWithToken(input);
      return ok(connectionView(connection));
    },
    async connectWithOAuth({ baseUrl, consentUrl, clientId, mode }) {
      await updateSettings({ apiBaseUrl: baseUrl, oauthConsentUrl: consentUrl });
      const connection = await session.connectWithOAuth({
        baseUrl,
        consentUrl,
        clientId,
        scopes: OAUTH_SCOPES,
        redirectUri: browser.identity.getRedirectURL(),
        launchWebAuthFlow: async (url) => {
          const redirect = await browser.identity.launchWebAuthFlow({ url, interactive: true });
          if (!redirect) throw new Error('The sign-in window closed without an answer.');
          return redirect;
        },
        mode,
      });
      return ok(connectionView(connection));
    },
    async setActiveConnection(id) {
      await session.setActive(id);
      return ok(true as const);
    },
    async signOut(id) {
      await session.signOut(id);
      readers.delete(id);
      return ok(true as const);
    },
    async getTabPeople(tabId) {
      return ok(await tabPeopleItem(tabId).getValue());
    },
    async matchPeople(people) {
      const active = await activeClient();
      if (!active) return fail(notConnected);
      const lookup = contactLookup(active.client);
      const relinks = await relinksItem.getValue();
      return ok(await Promise.all(people.map((p) => matchPerson(p, lookup, relinks))));
    },
    async getContactDetails({ contactId, fresh }) {
      const active = await activeClient();
      if (!active) return fail(notConnected);
      return ok(await active.reader.details(contactId, fresh));
    },
    async addTag({ contactId, tag }) {
      const active = await activeClient();
      if (!active) return fail(notConnected);
      const tags = await active.client.tags.add(contactId, [tag]);
      active.reader.setTags(contactId, tags);
      return ok(tags);
    },
  };
}

/** Forgets what was reported for a tab once it closes. */
export function forgetClosedTabs() {
  browser.tabs.onRemoved.addListener((tabId) => void tabPeopleItem(tabId).removeValue());
}
