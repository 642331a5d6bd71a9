// Every persisted item of the extension, typed and versioned, in one place.
// Secrets never live here: tokens and client secrets are in the encrypted vault (lib/auth/vault.ts).
// `local:` items survive restarts; `session:` items live until the browser closes and are readable
// only by extension pages and the background (never by content scripts).
import { storage } from 'wxt/utils/storage';
import type { PageDetection } from './detect/types';
import { HIGHLEVEL_API_ORIGIN, HIGHLEVEL_CONSENT_URL } from './hosts';
import type { ContactDetails, OutboxStatus } from './messaging';

/** Where the detected fields go when the sidebar creates a contact (name, email, phone always). */
export interface CreateMapping {
  /** the detected job title: into this contact custom field (its id), or not kept (null) */
  titleField: string | null;
  /** the LinkedIn profile URL */
  linkedinTo: 'website' | 'none';
  /** the detected company */
  companyTo: 'companyName' | 'none';
}

export interface Settings {
  /** where the HighLevel API lives; only changed for the sandbox or a proxy (advanced) */
  apiBaseUrl: string;
  /** OAuth consent page (HighLevel's marketplace by default) */
  oauthConsentUrl: string;
  /** partner adapters the user switched off, by adapter id */
  disabledPartners: string[];
  /** origins where the user enabled generic detection (optional host permission granted) */
  genericSites: string[];
  /** tags added to every contact the sidebar creates */
  defaultTagsForNewContacts: string[];
  createMapping: CreateMapping;
}

export const defaultSettings: Settings = {
  apiBaseUrl: HIGHLEVEL_API_ORIGIN,
  oauthConsentUrl: HIGHLEVEL_CONSENT_URL,
  disabledPartners: [],
  genericSites: [],
  defaultTagsForNewContacts: [],
  createMapping: { titleField: null, linkedinTo: 'website', companyTo: 'companyName' },
};

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: defaultSettings,
  version: 1,
});

export async function readSettings(): Promise<Settings> {
  return { ...defaultSettings, ...(await settingsItem.getValue()) };
}

export async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = { ...(await readSettings()), ...patch };
  await settingsItem.setValue(next);
  return next;
}

/** What the content script of a tab last reported, with the page it was on. */
export interface TabPeople extends PageDetection {
  tabId: number;
  url: string;
  reportedAt: number;
}

export const tabPeopleItem = (tabId: number) =>
  storage.defineItem<TabPeople | null>(`session:tabPeople:${tabId}`, { fallback: null });

/** A person the user linked by hand to a GHL contact: key of the person -> contact id. */
export const relinksItem = storage.defineItem<Record<string, string>>('local:relinks', {
  fallback: {},
  version: 1,
});

/** Tags the user added lately, newest first, per location id (the tag box suggests them first). */
export const recentTagsItem = storage.defineItem<Record<string, string[]>>('local:recentTags', {
  fallback: {},
  version: 1,
});

/**
 * The last record the background read of a contact. The background answers from it at once
 * (also after the worker restarted), fetches a fresh one and writes it here: the sidebar watches
 * the item of the contact it shows, so the fresh record reaches it without asking again.
 */
export const contactRecordItem = (locationId: string, contactId: string) =>
  storage.defineItem<ContactDetails | null>(`session:contact:${locationId}:${contactId}`, { fallback: null });

/** A contact's record as the sidebar shows it: the record above with the unsent writes applied. */
export const contactViewItem = (locationId: string, contactId: string) =>
  storage.defineItem<ContactDetails | null>(`session:contactView:${locationId}:${contactId}`, { fallback: null });

/** The outbox at a glance, rewritten by the background on every change of it (the sidebar watches it). */
export const outboxStatusItem = storage.defineItem<OutboxStatus | null>('session:outboxStatus', { fallback: null });

/** Set by the quick-tag shortcut: the sidebar focuses its tag box when this changes (or is recent). */
export const quickTagItem = storage.defineItem<{ at: number } | null>('session:quickTag', { fallback: null });
