// A text the user selected on a page (or a link they right-clicked), read as detection reads a
// value: the same email, phone, LinkedIn and name readers (lib/detect) after the same cleaning as
// every page value (lib/page-values). The page chose that text, so it is data: a huge selection is
// refused unread, a long one is cut to what HighLevel takes, and what is kept is cleaned and
// rendered as text. Nothing here is sent anywhere: the sidebar shows it for the user to act on.
import { i18n } from '#i18n';
import { e164Of, emailOf, looksLikeName, phoneCandidate, type DetectedPerson } from '../detect';
import { SEARCH_VALUE_MAX, cleanLinkedin, cleanPerson, cleanText } from '../page-values';

/** A selection longer than this is refused unread (a page can hand over megabytes). */
export const SELECTION_MAX = 10_000;

/** What the sidebar is given: the words to look up, the person to pre-fill, what happened on the way. */
export interface SelectionRead {
  query: string;
  person: DetectedPerson;
  notice?: string;
}

export type SelectionOutcome = { ok: true; read: SelectionRead } | { ok: false; notice: string };

/** Reads a selected text or a right-clicked link (mailto:, tel:, a LinkedIn profile). */
export function readSelection(raw: unknown, from: 'selection' | 'link'): SelectionOutcome {
  if (typeof raw !== 'string') return { ok: false, notice: i18n.t('find.selection.nothing') };
  if (raw.length > SELECTION_MAX) return { ok: false, notice: i18n.t('find.selection.tooLong', [raw.length.toLocaleString('en')]) };
  const text = cleanText(raw);
  if (!text) return { ok: false, notice: i18n.t('find.selection.nothing') };

  const email = emailOf(text);
  const candidate = email ? undefined : phoneCandidate(text, from === 'link');
  const phone = candidate ? e164Of(candidate) : undefined;
  const linkedin = email || phone ? undefined : cleanLinkedin(text);
  if (from === 'link' && !email && !phone && !linkedin) return { ok: false, notice: i18n.t('find.selection.notALink') };

  const cut = text.length > SEARCH_VALUE_MAX;
  const words = text.slice(0, SEARCH_VALUE_MAX).trim();
  const name = !email && !phone && !linkedin && looksLikeName(words) ? words : undefined;
  const { person } = cleanPerson({ email, phone, linkedin, name });
  const query = person.email ?? person.phone ?? person.linkedin?.split('/').pop() ?? words;
  const notice = cut && !email && !phone && !linkedin ? i18n.t('find.selection.cut', [SEARCH_VALUE_MAX]) : undefined;
  return { ok: true, read: { query, person, ...(notice ? { notice } : {}) } };
}
