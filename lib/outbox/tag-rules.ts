// The rules of a tag name, written once for everything that names tags (a contact's tags, bulk
// changes, the default tags of new contacts): trimmed, no empty name, each name once, and for a
// write at least one name of at most TAG_MAX_LENGTH characters.
import { i18n } from '#i18n';
import { invalidInput } from '../protocol';

/** The longest tag name HighLevel keeps. */
export const TAG_MAX_LENGTH = 100;

/** Trimmed, without empty names, each once (first spelling kept). */
export const tagNames = (tags: string[]): string[] => [...new Set(tags.map((t) => t.trim()).filter(Boolean))];

/** The tags of a write: `tagNames`, refused in words when none is left or one is too long. */
export function checkedTags(tags: string[]): string[] {
  const clean = tagNames(tags);
  if (clean.length === 0) throw invalidInput(i18n.t('errors.tagNameFirst'));
  if (clean.some((t) => t.length > TAG_MAX_LENGTH)) throw invalidInput(i18n.t('errors.tagTooLong'));
  return clean;
}
