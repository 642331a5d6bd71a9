// Phone numbers, validated and normalised to E.164 with libphonenumber-js (core + the "min"
// metadata, the smallest set that still knows every country's lengths).
// Rule: free text only yields numbers written internationally ("+44 20 7946 0123", "0049 …").
// A national number ("020 7946 0123") is accepted only where the page says it is a phone
// (a tel: link, a "Phone"/"Mobile" label or column) AND a country is known (the caller's
// `country`, or the page's <html lang="en-GB"> region). Dates, ids, prices, versions and zip
// codes are rejected before parsing.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/core';
import metadata from 'libphonenumber-js/min/metadata';

export type { CountryCode };

const DATE = /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}(?:[ T]\d{1,2}:\d{2}.*)?$/;
const VERSION = /^v?\d+\.\d+\.\d+/i;
const PRICE = /[$€£¥₹%]|\d[.,]\d{2}$|\b(usd|eur|gbp|inr)\b/i;
const DIGITS_ONLY_SHORT = /^\d{1,7}$/;
const PHONE_CHARS = /^[+(]?[\d\s().\-/]{6,24}$/;
/** an international number inside free text */
const IN_TEXT = /(?:\+|\b00)\d[\d\s().\-/]{6,20}\d/g;

/** where the text came from: free text needs "+", a labelled phone field may be national */
export interface PhoneContext {
  labelled: boolean;
  country?: CountryCode;
}

/** one value ("+1 (415) 555-0134", "tel:+14155550134") to E.164, or undefined */
export function phoneOf(raw: string, ctx: PhoneContext): string | undefined {
  let v = raw.trim().replace(/^tel:/i, '').replace(/[;,]?\s*(ext\.?|x)\s*\d+$/i, '');
  try { v = decodeURIComponent(v); } catch { /* keep as is */ }
  v = v.replace(/^(phone|mobile|tel)\s*[:.]?\s*/i, '').trim();
  if (!PHONE_CHARS.test(v) || DATE.test(v) || VERSION.test(v) || DIGITS_ONLY_SHORT.test(v)) return undefined;
  if (!/^(\+|00)/.test(v) && PRICE.test(raw)) return undefined;
  const digits = v.replace(/\D/g, '');
  if (digits.length < 8 || digits.length > 15) return undefined;
  if (v.startsWith('00')) v = '+' + v.slice(2);
  const international = v.startsWith('+');
  if (!international && !(ctx.labelled && ctx.country)) return undefined;
  try {
    const parsed = international ? parsePhoneNumberFromString(v, metadata) : parsePhoneNumberFromString(v, ctx.country!, metadata);
    return parsed?.isValid() ? parsed.number : undefined;
  } catch {
    return undefined;
  }
}

/** the international phone numbers written in a free text */
export function findPhones(text: string): string[] {
  if (!/[+]|00/.test(text)) return [];
  const out: string[] = [];
  for (const m of text.matchAll(IN_TEXT)) {
    const next = text[m.index + m[0].length];
    if (next && /[\d.,]/.test(next) && /\d/.test(text[m.index + m[0].length + 1] ?? '')) continue;
    const phone = phoneOf(m[0], { labelled: false });
    if (phone) out.push(phone);
  }
  return out;
}

/** the region of <html lang="en-GB">, as a default country for national numbers */
export function countryFromLang(lang: string | null | undefined): CountryCode | undefined {
  const region = /^[a-z]{2,3}[-_]([a-z]{2})\b/i.exec(lang ?? '')?.[1]?.toUpperCase();
  return region && region in (metadata as { countries: Record<string, unknown> }).countries ? (region as CountryCode) : undefined;
}
