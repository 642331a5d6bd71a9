// Values read from a page, made harmless before the background keeps, looks up or sends them:
// control characters, bidi overrides and invisible format characters go (they reorder or hide text
// in the sidebar and in HighLevel), markup in a name refuses that name, an email must look like
// one, a LinkedIn URL is kept only when its profile slug is a valid slug (a percent-decoded slug
// could carry `"><svg onload=…>` into a contact's website), and a value longer than HighLevel
// takes is left out. Each value left out is named with why; the person keeps the rest. A name loses
// what is shown beside it (emoji, pronouns, a title before it).
import { linkedinOf, type DetectedPerson } from '../detect';
import type { SkippedValue } from '../protocol';
import { contactValueProblem } from './contact-values';

/** The longest value HighLevel's contact search takes (../shared/ghl-api/README.md §5). */
export const SEARCH_VALUE_MAX = 75;

/** The longest company or job title kept (shown and sent, never searched). */
const TEXT_MAX = 200;

/** A value this long is left out unread (cleaning 10 KB of page text per field is not worth it). */
const RAW_MAX = 1_000;

// Controls (C0, DEL, C1) read as spaces: a tab or a line break between two words keeps them apart.
const CONTROLS = /\p{Cc}/gu;
// Invisible format characters (\p{Cf}: bidi embeddings, overrides, isolates and marks, zero-width
// spaces, word joiners, BOM, tag characters, …) go, except a zero-width (non-)joiner between two
// letters, which scripts such as Persian and Devanagari need to spell a name.
const FORMAT = /\p{Cf}/gu;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const MARKUP = /[<>]/;
const EMAIL = /^[^\s@<>()[\]\\,;:"']+@[^\s@<>()[\]\\,;:"']+\.[^\s@<>()[\]\\,;:"'.]+$/;
/** LinkedIn's custom profile URLs: 3–100 letters or digits, and hyphens; Sales Navigator ids also `_`. */
const SLUG = /^[\p{L}\p{N}_-]{3,100}$/u;

/** What a page shows beside a person's name: emoji (and their skin tones and joiners), pronouns in brackets, a title before it. */
const PICTOGRAPHS = /\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}]|\u{FE0F}|\u{20E3}/gu;
const PRONOUNS = /\s*\((?:she|he|they|ze|xe|ey)\s*\/\s*[a-z]+(?:\s*\/\s*[a-z]+)?\)/gi;
const HONORIFIC = /^(?:mr|mrs|ms|miss|mx|dr|prof)\.?\s+(?=\S+\s\S)/i;
/** "Park, Ada" as lists sorted by surname write it; not "Park, PhD" nor "Park, Jr." */
const SURNAME_FIRST = /^(\p{Lu}[\p{L}'’-]+), (\p{Lu}[\p{L}'’-]*\.?(?: \p{Lu}[\p{L}'’-]*\.?)?)$/u;
const AFTER_A_NAME = /^(?:jr|sr|ii|iii|iv|phd|md|mba|cpa|esq|dds|rn)\.?$/i;

/**
 * A name as a contact's: "Ada Park 🚀", "Ada Park (she/her)", "Dr. Ada Park" and "Park, Ada" are Ada
 * Park (so the search finds her and a new contact's first name is not "Dr."); a name that is nothing
 * else is kept
 */
export function plainName(name: string): string {
  const plain = name.replace(PICTOGRAPHS, ' ').replace(PRONOUNS, '').replace(/\s+/g, ' ').trim().replace(HONORIFIC, '');
  const sorted = SURNAME_FIRST.exec(plain);
  if (sorted && !AFTER_A_NAME.test(sorted[2]!)) return `${sorted[2]} ${sorted[1]}`;
  return plain || name;
}

/** Page text made inert: no controls, bidi overrides or invisible characters; spaces collapsed. */
export function cleanText(text: string): string {
  return text
    .replace(LONE_SURROGATE, '\ufffd')
    .replace(CONTROLS, ' ')
    .replace(FORMAT, (ch: string, at: number, all: string) => (isJoinerBetweenLetters(all, at) ? ch : ''))
    .replace(/\s+/g, ' ')
    .trim();
}

const LETTER = /[\p{L}\p{M}]/u;

function isJoinerBetweenLetters(all: string, at: number): boolean {
  const ch = all[at];
  return (ch === '\u200c' || ch === '\u200d') && LETTER.test(all[at - 1] ?? '') && LETTER.test(all[at + 1] ?? '');
}

/** The LinkedIn profile in normal form, or undefined when it is not one with a valid slug. */
export function cleanLinkedin(url: string): string | undefined {
  const profile = linkedinOf(cleanText(url));
  const slug = profile?.split('/').pop() ?? '';
  return profile && SLUG.test(slug) ? profile : undefined;
}

export interface CleanedPerson {
  /** the values that are fine */
  person: DetectedPerson;
  /** the values left out, and why */
  skipped: SkippedValue[];
}

type Field = SkippedValue['field'];

/**
 * One person of a page with every value checked: the fine ones kept (cleaned), the others named
 * in `skipped`. Values that are not text are skipped as malformed. The phone is cleaned here and
 * checked as a number where it is normalised (lib/detect's normaliser).
 */
export function cleanPerson(raw: Readonly<Record<string, unknown>>): CleanedPerson {
  const person: DetectedPerson = {};
  const skipped: SkippedValue[] = [];
  const skip = (field: Field, why: SkippedValue['why']) => void skipped.push({ field, why });
  const text = (field: Field, max: number): string | undefined => {
    const value = raw[field];
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value !== 'string') return void skip(field, 'malformed');
    if (value.length > RAW_MAX) return void skip(field, 'too-long');
    const clean = cleanText(value);
    if (!clean) return undefined;
    if (clean.length > max) return void skip(field, 'too-long');
    return clean;
  };
  const words = (field: 'name' | 'company' | 'title', max: number) => {
    const value = text(field, max);
    if (value !== undefined && MARKUP.test(value)) return void skip(field, 'markup');
    return value;
  };

  const name = words('name', SEARCH_VALUE_MAX);
  if (name) person.name = plainName(name);
  const email = text('email', 254)?.toLowerCase();
  if (email !== undefined) {
    if (!EMAIL.test(email)) skip('email', 'malformed');
    else if (email.length > SEARCH_VALUE_MAX) skip('email', 'too-long');
    else person.email = email;
  }
  const phone = text('phone', 40);
  if (phone && contactValueProblem('phone', phone)) skip('phone', 'malformed');
  else if (phone) person.phone = phone;
  const linkedin = text('linkedin', 300);
  if (linkedin !== undefined) {
    const profile = cleanLinkedin(linkedin);
    if (profile) person.linkedin = profile;
    else skip('linkedin', 'malformed');
  }
  const company = words('company', TEXT_MAX);
  if (company) person.company = company;
  const title = words('title', TEXT_MAX);
  if (title) person.title = title;
  return { person, skipped };
}
