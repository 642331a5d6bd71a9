// The persisted items that are not part of the protocol (the items the pages watch are in
// lib/protocol.ts; the outbox's records in lib/outbox/store.ts; the kept contact records in
// lib/record/keep.ts; the links made by hand in lib/match/link-store.ts): settings, recent tags.
// Typed and versioned.
// Secrets never live here: tokens and client secrets are in the encrypted vault (lib/auth/vault.ts).
import { storage } from 'wxt/utils/storage';
import { HIGHLEVEL_API_ORIGIN, HIGHLEVEL_CONSENT_URL } from './hosts';

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

/**
 * People whose contact is queued to be created, by person key -> the create's temporary id: they
 * show as being created, and are linked to the contact once its create lands (lib/match/links.ts).
 */
export const pendingCreatesItem = storage.defineItem<Record<string, string>>('local:pendingCreates', {
  fallback: {},
  version: 1,
});

/** Tags the user added lately, newest first, per location id (the tag box suggests them first). */
export const recentTagsItem = storage.defineItem<Record<string, string[]>>('local:recentTags', {
  fallback: {},
  version: 1,
});
