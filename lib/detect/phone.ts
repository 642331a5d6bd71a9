// Phone candidates, recognised by their shape alone (no phone metadata: the content script stays
// small). The background turns candidates into E.164 with libphonenumber-js (./normalise.ts).
// Rule: free text only yields numbers written internationally ("+44 20 7946 0123", "0049 …").
// A national number ("020 7946 0123") is a candidate only where the page says it is a phone (a
// tel: link, a "Phone"/"Mobile" label or column); it travels with the country it is dialled in
// (the caller's `country`, or the page's <html lang="en-GB"> region), added to it when its person
// is put together (group.ts). Dates, ids, prices, versions and zip codes are rejected here, before
// any parsing.
import { decoded } from './text';

/** a region code that libphonenumber-js knows ("GB", "US", "IN") */
export type CountryCode = string;

/** a phone as read from the page: international ("+44 20 7946 0123"), or national with its country */
export interface PhoneCandidate {
  value: string;
  /** set for a national number: the country it is dialled in */
  country?: CountryCode;
}

const LETTERS = /[a-z%]/i;
const INTERNATIONAL = /^(\+|00)/;
const DIGITS_8_TO_15 = /^\D*(?:\d\D*){8,15}$/;
/** what phoneDigits drops: every non-digit, and the zeros before the first other digit */
const NOT_DIGITS_OR_LEADING_ZEROS = /^[\D0]+|\D/g;
const DATE = /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}(?:[ T]\d{1,2}:\d{2}.*)?$/;
const VERSION = /^v?\d+\.\d+\.\d+/i;
const PRICE = /[$€£¥₹%]|\d[.,]\d{2}$|\b(usd|eur|gbp|inr)\b/i;
const FLAGS = /[\u{1F1E6}-\u{1F1FF}]/gu;
/** a number in groups set apart by dots ("01.23.45.67.89"): no price has more than one decimal point */
const DOTTED = /^\d{1,4}(?:\.\d{2,4}){2,}$/;
const PHONE_CHARS = /^[+(]?[\d\s().\-/]{6,24}$/;
/** an international number inside free text */
const IN_TEXT = /(?:\+|\b00)\d[\d\s().\-/]{6,20}\d/g;

/**
 * one value ("+1 (415) 555-0134", "tel:+14155550134", "Mobile: 020 7946 0123") to a candidate, or
 * undefined; `labelled`: the page says it is a phone (national numbers allowed). The detector reads
 * without a country: the page's is added when the person is put together (group.ts).
 */
export function phoneCandidate(raw: string, labelled: boolean): PhoneCandidate | undefined {
  let v = raw.trim();
  if (LETTERS.test(v)) {
    v = v.replace(/^tel:/i, '').replace(/[;,]?\s*(ext\.?|x)\s*\d+$/i, '');
    v = decoded(v).replace(/^(phone|mobile|tel)\s*[:.]?\s*/i, '').trim();
  }
  if (!PHONE_CHARS.test(v)) {
    // "🇬🇧 +44 20 …", "(+44) 20 …": the flag and the brackets say nothing the calling code does not
    v = v.replace(FLAGS, '').replace(/^\((\+\d{1,4})\)/, '$1').trim();
    if (!PHONE_CHARS.test(v)) return undefined;
  }
  // "212.555.0134" where the page says it is a phone; elsewhere "1.20.300.4000" is a version
  if (DATE.test(v) || (!labelled && VERSION.test(v))) return undefined;
  if (!INTERNATIONAL.test(v) && PRICE.test(raw) && !DOTTED.test(v)) return undefined;
  if (!DIGITS_8_TO_15.test(v)) return undefined;
  if (v.startsWith('00')) v = '+' + v.slice(2);
  return v.startsWith('+') || labelled ? { value: v } : undefined;
}

/** the international phone numbers written in a free text */
export function findPhones(text: string): PhoneCandidate[] {
  return /[+]|00/.test(text) ? [...text.matchAll(IN_TEXT)].flatMap((m) => {
    // a longer number or a decimal runs on past it: not a phone
    const end = m.index + m[0].length;
    return /[\d.,]/.test(text.charAt(end)) && /\d/.test(text.charAt(end + 1)) ? [] : phoneCandidate(m[0], false) ?? [];
  }) : [];
}

/**
 * The digits that identify a phone however it is written: no "(0)", no leading zeros
 * ("+49 (0)151 1234 5678" → "4915112345678", "0151 1234 5678" → "15112345678"). Used to group and
 * merge phones, never reported.
 */
export function phoneDigits(phone: string): string {
  return phone.replace('(0)', '').replace(NOT_DIGITS_OR_LEADING_ZEROS, '');
}

/** whether two phones' digits are one number, written alike or once nationally and once internationally (one ends the other) */
export function sameNumber(x: string, y: string): boolean {
  return x.length < y.length ? y.endsWith(x) : x.endsWith(y);
}

/**
 * the region of <html lang="en-GB">, as a default country for national numbers; whether the
 * region exists ("en-UK" names none) is for the background to say, which has the metadata
 */
export function countryFromLang(lang: string | null | undefined): CountryCode | undefined {
  return /^[a-z]{2,3}[-_]([a-z]{2})\b/i.exec(lang ?? '')?.[1]?.toUpperCase();
}

/** a calling code written on its own: "+44", "(+44)" */
export const DIAL_CODE = /^\(?\+\d{1,4}\)?$/;
/** a flag emoji: two regional indicator symbols */
export const FLAG = /([\u{1F1E6}-\u{1F1FF}])([\u{1F1E6}-\u{1F1FF}])/u;

/** "+44", "(+44)", "44", "0044" (dialled from abroad), "GB +44", "+44 (GB)" as a calling code "+44", or undefined */
export function dialCodeOf(text: string): string | undefined {
  const digits = /^\s*(?:[A-Z]{2}\s*)?\(?(?:\+|00)?([1-9]\d{0,3})\)?(?:\s*\([A-Z]{2}\))?\s*$/.exec(text.replace(FLAG, ''))?.[1];
  return digits ? `+${digits}` : undefined;
}
