// THE protocol between content scripts, extension pages (sidebar, options) and the background.
// Every message answers with an Outcome: errors are values the user can act on, never tokens.
// The background checks the browser-stamped sender of each message (`allowedSenders`): content
// scripts may only report what they detected on their own tab; only extension pages may read
// GHL data or ask for writes. Nothing in these types can carry a token or a secret.
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { PageDetection, DetectedPerson } from './detect/types';
import type { Settings, TabPeople } from './storage';

export type UserAction = 'reconnect' | 'retry' | 'none' | 'switch-location' | 'grant-access' | 'connect';

export interface UserError {
  kind: string;
  /** plain words, shown to the user as text */
  message: string;
  action: UserAction;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: UserError };

export const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const fail = (error: UserError): Outcome<never> => ({ ok: false, error });

/** A connected HighLevel location, as the pages may see it (no token, no secret). */
export interface ConnectionView {
  id: string;
  locationId: string;
  locationName: string;
  kind: 'token' | 'oauth';
  active: boolean;
}

export interface AppState {
  connections: ConnectionView[];
  settings: Settings;
  /** the address to register as redirect URL in a HighLevel marketplace app */
  oauthRedirectUrl: string;
}

/** How the OAuth code is exchanged: the user's own marketplace app, or their token broker. */
export type OAuthModeInput = { kind: 'own-app'; clientSecret: string } | { kind: 'broker'; brokerUrl: string };

export interface OAuthConnectRequest {
  baseUrl: string;
  consentUrl: string;
  clientId: string;
  mode: OAuthModeInput;
}

export interface ContactSummary {
  id: string;
  name: string;
  email?: string;
  phone?: string;
  companyName?: string;
}

export interface ContactView extends ContactSummary {
  locationId: string;
  firstName?: string;
  lastName?: string;
  website?: string;
  tags: string[];
  dnd: boolean;
  assignedTo?: string;
  ownerName?: string;
  businessId?: string;
  dateUpdated?: string;
  customFields: { id: string; name: string; value: string }[];
  /** opens the contact in HighLevel's web app */
  appUrl: string;
}

export interface TaskView {
  id: string;
  title: string;
  body?: string;
  dueDate?: string;
  completed: boolean;
  assignedTo?: string;
  assigneeName?: string;
}

export interface NoteView {
  id: string;
  body: string;
  dateAdded?: string;
}

export interface AppointmentView {
  id: string;
  title: string;
  startTime: string;
  endTime?: string;
  status?: string;
}

export interface ContactDetails {
  contact: ContactView;
  tasks: TaskView[];
  notes: NoteView[];
  appointments: AppointmentView[];
  /** when the background fetched this from HighLevel */
  fetchedAt: number;
}

export type MatchReason = 'email' | 'phone' | 'linkedin' | 'name+company' | 'linked-by-you';

export interface PersonMatch {
  person: DetectedPerson;
  state: 'matched' | 'missing' | 'ambiguous';
  contact?: ContactSummary;
  candidates?: ContactSummary[];
  reason?: MatchReason;
  /** 0..1: how sure the match is */
  confidence: number;
}

export interface ProtocolMap {
  /** content script -> background: the people on the sender's own tab */
  reportPeople(detection: PageDetection): Outcome<true>;

  /** extension pages -> background */
  getState(): Outcome<AppState>;
  saveSettings(patch: Partial<Settings>): Outcome<Settings>;
  connectWithToken(input: { baseUrl: string; locationId: string; token: string }): Outcome<ConnectionView>;
  connectWithOAuth(input: OAuthConnectRequest): Outcome<ConnectionView>;
  setActiveConnection(connectionId: string): Outcome<true>;
  signOut(connectionId: string): Outcome<true>;
  getTabPeople(tabId: number): Outcome<TabPeople | null>;
  matchPeople(people: DetectedPerson[]): Outcome<PersonMatch[]>;
  getContactDetails(input: { contactId: string; fresh?: boolean }): Outcome<ContactDetails>;
  addTag(input: { contactId: string; tag: string }): Outcome<string[]>;
}

export type MessageType = keyof ProtocolMap;

export type SenderKind = 'extension-page' | 'content-script';

/** Who may send each message. Anything not listed for a sender kind is refused. */
export const allowedSenders: Record<MessageType, SenderKind> = {
  reportPeople: 'content-script',
  getState: 'extension-page',
  saveSettings: 'extension-page',
  connectWithToken: 'extension-page',
  connectWithOAuth: 'extension-page',
  setActiveConnection: 'extension-page',
  signOut: 'extension-page',
  getTabPeople: 'extension-page',
  matchPeople: 'extension-page',
  getContactDetails: 'extension-page',
  addTag: 'extension-page',
};

/** The fields of a browser-stamped sender that decide who it is. */
export interface SenderFacts {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number };
  frameId?: number;
}

/**
 * Decides what sent a message from what the browser stamped on it. `extensionBaseUrl` is
 * `browser.runtime.getURL('/')`. Returns undefined for anything that is not this extension.
 */
export function classifySender(
  sender: SenderFacts,
  extensionId: string,
  extensionBaseUrl: string,
): SenderKind | undefined {
  if (sender.id !== extensionId) return undefined;
  const from = sender.url ?? sender.origin ?? '';
  if (from.startsWith(extensionBaseUrl)) return 'extension-page';
  if (sender.tab?.id != null && sender.tab.id >= 0 && /^https?:/.test(from)) return 'content-script';
  return undefined;
}

export function refusal(type: MessageType, kind: SenderKind | undefined): UserError {
  return {
    kind: 'refused',
    message: `“${type}” is not accepted from ${kind ?? 'an unknown sender'}.`,
    action: 'none',
  };
}

export const messenger = defineExtensionMessaging<ProtocolMap>({
  // no logger: a message from the options page can carry the token the user pasted
  logger: undefined,
});
export const { sendMessage, onMessage } = messenger;
