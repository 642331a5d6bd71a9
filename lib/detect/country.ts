// The country a row or card says its person is in ("United Kingdom", "DE", "🇫🇷", "Lagos,
// Nigeria"), as a region code for reading a national phone number of that row. The content script
// reports the text as the page writes it (and the page's language); the background resolves it
// here, with the browser's own Intl.DisplayNames (English and the page's language): no table of
// names, and none of this in the content script.
import { FLAG } from './phone';
const TWO_LETTERS = /^[A-Za-z]{2}$/;
/** names a page may use that are not the region's own name */
const ALIASES: Record<string, string> = { uk: 'GB', 'u.k.': 'GB', england: 'GB', scotland: 'GB', wales: 'GB', 'great britain': 'GB',
  usa: 'US', 'u.s.': 'US', 'u.s.a.': 'US', us: 'US', america: 'US', 'united states of america': 'US', uae: 'AE' };

let names: Map<string, string> | undefined;
let codes: Set<string> | undefined;
let namesLang: string | undefined;

/** every region's name in English and in `lang`, lowercase, to its code (made once per page language) */
function regionNames(lang: string | undefined): Map<string, string> {
  if (names && namesLang === lang) return names;
  names = new Map(Object.entries(ALIASES));
  codes = new Set(names.values());
  namesLang = lang;
  try {
    const speakers = [new Intl.DisplayNames(['en'], { type: 'region' })];
    if (lang && !lang.startsWith('en')) speakers.push(new Intl.DisplayNames([lang], { type: 'region' }));
    for (let a = 65; a <= 90; a++) {
      for (let b = 65; b <= 90; b++) {
        // a retired or reserved code names its region's own (DD, UK, FX: DE, GB, FR)
        const code = Intl.getCanonicalLocales(`und-${String.fromCharCode(a, b)}`)[0]!.slice(4);
        for (const s of speakers) {
          const name = s.of(code);
          if (name && name !== code && !/unknown/i.test(name)) {
            names.set(name.toLowerCase(), code);
            codes.add(code);
          }
        }
      }
    }
  } catch { /* no Intl.DisplayNames: codes, flags and the aliases still work */ }
  return names;
}

/** the region code a text names ("Germany", "de", "🇩🇪", "Munich, Germany", "GB (+44)"), or undefined */
export function countryCode(text: string, lang?: string): string | undefined {
  const flag = FLAG.exec(text);
  if (flag) return String.fromCharCode(flag[1]!.codePointAt(0)! - 0x1f1e6 + 65, flag[2]!.codePointAt(0)! - 0x1f1e6 + 65);
  // "GB (+44)", "United Kingdom +44": the region without the calling code beside it
  const t = text.replace(/\(?\+\d{1,4}\)?/, '').trim();
  if (!t || t.length > 60) return undefined;
  const known = regionNames(lang);
  if (TWO_LETTERS.test(t)) {
    const code = Intl.getCanonicalLocales(`und-${t}`)[0]!.slice(4).toUpperCase();
    return codes!.has(code) ? code : undefined;
  }
  // "Munich, Germany": the last part
  const last = t.slice(t.lastIndexOf(',') + 1).trim().toLowerCase();
  return known.get(last);
}
