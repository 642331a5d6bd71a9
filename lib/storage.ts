// The persisted items that are not part of the protocol (the items the pages watch are in
// lib/protocol.ts; the outbox's records in lib/outbox/store.ts; the kept contact records in
// lib/record/keep.ts; the links made by hand in lib/match/link-store.ts): settings, recent tags.
// Typed.
// Secrets never live here: tokens and client secrets are in the encrypted vault (lib/auth/vault.ts).
// The settings decide what the background sends and where (the API and consent addresses, the
// sites it reads, what new contacts get), so they are read only when the ledger vouches for them
// (lib/trust; the hand links likewise, in link-store.ts): changed by anything but the background
// (a content script can write storage.local on Firefox), they are dropped, reported in the
// activity log and read as their defaults. Recent tags only order the tag box's suggestions.
import { i18n } from '#i18n';
import { storage } from 'wxt/utils/storage';
import { HIGHLEVEL_API_ORIGIN, HIGHLEVEL_CONSENT_URL } from './hosts';
import { trustedItem } from './trust';

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

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export const settingsItem = trustedItem<Settings>('local:settings', {
  fallback: defaultSettings,
  accept: (value): value is Settings => isRecord(value),
  refused: () => ({ what: i18n.t('trust.settings'), why: i18n.t('trust.settingsWhy') }),
});

export async function readSettings(): Promise<Settings> {
  return { ...defaultSettings, ...(await settingsItem.getValue()) };
}

export async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = { ...(await readSettings()), ...patch };
  await settingsItem.setValue(next);
  return next;
}

/** Tags the user added lately, newest first, per location id (the tag box suggests them first). */
export const recentTagsItem = storage.defineItem<Record<string, string[]>>('local:recentTags', {
  fallback: {},
  version: 1,
});
