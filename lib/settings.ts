// The settings as the options page saves them: checked first (an API address must be a web
// address), default tags by the same rules as every tag (lib/outbox/tag-rules.ts), then stored.
import { i18n } from '#i18n';
import { tagNames } from './outbox';
import { invalidInput } from './protocol';
import { updateSettings, type Settings } from './storage';

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  if (patch.apiBaseUrl !== undefined && !/^https?:\/\/[^/]+/.test(patch.apiBaseUrl)) {
    throw invalidInput(i18n.t('errors.apiBaseUrl'));
  }
  if (patch.defaultTagsForNewContacts) patch = { ...patch, defaultTagsForNewContacts: tagNames(patch.defaultTagsForNewContacts) };
  return updateSettings(patch);
}
