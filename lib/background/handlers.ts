// The background's answers to every message: the session for connections, settings and sites
// here; the contact reads and writes of the active location in contact-handlers.ts; the outbox's
// activity log, conflicts and bulk changes in outbox-handlers.ts.
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import type { Session } from '../auth';
import { fail, ok, type ConnectionView } from '../messaging';
import { readSettings, tabPeopleItem, updateSettings } from '../storage';
import type { ConnectionSummary } from '../auth';
import { contactHandlers } from './contact-handlers';
import { invalidInput } from './errors';
import { parseDetection } from './incoming';
import type { Handlers } from './router';
import { outboxHandlers } from './outbox-handlers';
import { pageMatches } from './page-matches';
import { locationServices, type LocationServicesRegistry } from './services';
import { disableSite, enableSite, tabSite } from './sites';
import { forgetEverything } from './forget';

/** What the sidebar needs of HighLevel, asked for at OAuth consent. */
export const OAUTH_SCOPES = [
  'contacts.readonly',
  'contacts.write',
  'calendars/events.readonly',
  'locations.readonly',
  'locations/tags.readonly',
  'locations/customFields.readonly',
  'users.readonly',
] as const;

export function connectionView(c: ConnectionSummary): ConnectionView {
  return {
    id: c.id,
    locationId: c.locationId ?? '',
    locationName: c.locationName ?? c.locationId ?? 'Agency',
    kind: c.kind === 'private-token' ? 'token' : 'oauth',
    active: c.active,
  };
}

export function createHandlers(session: Session, services: LocationServicesRegistry = locationServices(session)): Handlers {
  const matches = pageMatches(services);

  return {
    ...contactHandlers(services, matches),
    ...outboxHandlers(services),
    async reportPeople(detection, caller) {
      if (caller.tabId == null) return fail({ kind: 'refused', message: 'No tab.', action: 'none' });
      const incoming = parseDetection(detection);
      if (!incoming.ok) return fail({ kind: 'refused', message: incoming.reason, action: 'none' });
      const { disabledPartners } = await readSettings();
      // a partner the user switched off in the options: its pages count as showing nobody
      const people = disabledPartners.includes(incoming.detection.site) ? [] : incoming.detection.people;
      await tabPeopleItem(caller.tabId).setValue({
        ...incoming.detection,
        people,
        focused: people.length ? incoming.detection.focused : undefined,
        tabId: caller.tabId,
        url: caller.url ?? '',
        reportedAt: Date.now(),
      });
      // the sidebar will ask for these next: have them ready (not connected, or offline: it asks anew)
      if (people.length) void matches.prefetch(people, incoming.detection.focused).catch(() => undefined);
      return ok(true as const);
    },
    async getState() {
      const [connections, settings] = await Promise.all([session.list(), readSettings()]);
      return ok({ connections: connections.map(connectionView), settings, oauthRedirectUrl: browser.identity.getRedirectURL() });
    },
    async saveSettings(patch) {
      if (patch.apiBaseUrl !== undefined && !/^https?:\/\/[^/]+/.test(patch.apiBaseUrl)) {
        throw invalidInput(i18n.t('errors.apiBaseUrl'));
      }
      if (patch.defaultTagsForNewContacts) {
        patch = { ...patch, defaultTagsForNewContacts: [...new Set(patch.defaultTagsForNewContacts.map((t) => t.trim()).filter(Boolean))] };
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
      const gone = (await session.list()).find((c) => c.id === id);
      await session.signOut(id);
      await services.forget(id, gone?.locationId);
      return ok(true as const);
    },
    async forgetEverything() {
      services.outbox.close(); // nothing in flight may write back once storage is erased
      await forgetEverything({ session, enabledOrigins: (await readSettings()).genericSites });
      // restart as newly installed, once the answer has reached the page
      setTimeout(() => browser.runtime.reload(), 200);
      return ok(true as const);
    },
    async getTabPeople(tabId) {
      return ok(await tabPeopleItem(tabId).getValue());
    },
    getTabSite: async (tabId) => ok(await tabSite(tabId)),
    async enableSite(origin) {
      await enableSite(origin);
      return ok(true as const);
    },
    async disableSite(origin) {
      await disableSite(origin);
      return ok(true as const);
    },
  };
}

/** Forgets what was reported for a tab once it closes. */
export function forgetClosedTabs() {
  browser.tabs.onRemoved.addListener((tabId) => void tabPeopleItem(tabId).removeValue());
}
