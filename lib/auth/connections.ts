// The connections as the pages see them (no token, no secret), and connecting through the
// browser's own sign-in window with the scopes the sidebar needs.
import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import { GhlError } from '../ghl';
import type { AppState, ConnectionView, OAuthConnectRequest } from '../protocol';
import { USED_SCOPES } from '../scopes';
import { readSettings, updateSettings } from '../storage';
import type { ConnectionSummary, Session } from './session';

/** What the sidebar needs of HighLevel, asked for at OAuth consent: exactly the scopes it uses (lib/scopes). */
export const OAUTH_SCOPES = USED_SCOPES;

export function connectionView(c: ConnectionSummary): ConnectionView {
  return {
    id: c.id,
    locationId: c.locationId ?? '',
    locationName: c.locationName ?? c.locationId ?? i18n.t('options.agency'),
    kind: c.kind === 'private-token' ? 'token' : 'oauth',
    active: c.active,
    needsReconnect: c.needsReconnect,
    reconnectReason: c.reconnectReason,
  };
}

/** The connections, the settings, and the redirect URL to register in a marketplace app. */
export async function appState(session: Session): Promise<AppState> {
  const [connections, settings] = await Promise.all([session.list(), readSettings()]);
  return { connections: connections.map(connectionView), settings, oauthRedirectUrl: browser.identity.getRedirectURL() };
}

/** Signs in with OAuth in the browser's sign-in window; the addresses used are kept in the settings. */
export async function connectInBrowser(session: Session, { baseUrl, consentUrl, clientId, mode }: OAuthConnectRequest): Promise<ConnectionView> {
  await updateSettings({ apiBaseUrl: baseUrl, oauthConsentUrl: consentUrl });
  const connection = await session.connectWithOAuth({
    baseUrl,
    consentUrl,
    clientId,
    scopes: OAUTH_SCOPES,
    redirectUri: browser.identity.getRedirectURL(),
    launchWebAuthFlow: async (url) => {
      const redirect = await browser.identity.launchWebAuthFlow({ url, interactive: true });
      if (!redirect) throw new GhlError('unauthorized', { userMessage: i18n.t('signIn.windowClosed'), action: 'retry' });
      return redirect;
    },
    mode,
  });
  return connectionView(connection);
}
