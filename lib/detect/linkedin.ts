// LinkedIn profile links to one form: https://www.linkedin.com/in/<slug> (lowercase, no query, no
// trailing slash, any country subdomain). Sales Navigator leads (/sales/lead/<id>,…) keep their
// lead id, lowercased the same way, as https://www.linkedin.com/sales/lead/<id>.

import { decoded } from './text';

const PROFILE = /(?:https?:\/\/)?(?:[a-z]{2,3}\.|www\.|m\.)?linkedin\.com\/(in|sales\/lead|sales\/people)\/([^/?#\s"'<>,]+)/i;
const IN_TEXT = new RegExp(PROFILE.source, 'gi');

/** a LinkedIn profile URL in normal form, or undefined when the value is not one */
export function linkedinOf(url: string): string | undefined {
  const m = PROFILE.exec(url);
  if (!m) return undefined;
  const slug = decoded(m[2] ?? '').toLowerCase().trim();
  if (!slug || slug.length > 100 || /\s/.test(slug)) return undefined;
  const kind = m[1]!.toLowerCase() === 'in' ? 'in' : 'sales/lead';
  return `https://www.linkedin.com/${kind}/${slug}`;
}

/** LinkedIn profile URLs written as plain text */
export function findLinkedins(text: string): string[] {
  return /linkedin\.com/i.test(text) ? [...text.matchAll(IN_TEXT)].flatMap((m) => linkedinOf(m[0]) ?? []) : [];
}
