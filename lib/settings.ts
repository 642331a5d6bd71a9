// The settings as the options page saves them: checked first (an API address must be a web
// address), default tags by the same rules as every tag (lib/outbox/tag-rules.ts), then stored.
// An API address saved here was typed by the user: tokens may go there (lib/trust/destinations.ts).
import { i18n } from '#i18n';
import { tagNames } from './outbox';
import { invalidInput } from './protocol';
import { updateSettings, type Settings } from './storage';
import { trust } from './trust';

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  if (patch.apiBaseUrl !== undefined && !/^https?:\/\/[^/]+/.test(patch.apiBaseUrl)) {
    throw invalidInput(i18n.t('errors.apiBaseUrl'));
  }
  if (patch.defaultTagsForNewContacts) patch = { ...patch, defaultTagsForNewContacts: tagNames(patch.defaultTagsForNewContacts) };
  // typed in the options page: tokens may go to this API address from now on
  if (patch.apiBaseUrl !== undefined) await trust().destinations.allow(patch.apiBaseUrl);
  return updateSettings(patch);
}
