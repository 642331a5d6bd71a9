// Plain-text signals: emails (rejecting masked "j***@" and example addresses), clean short texts,
// and whether a text looks like a person's name.

const EMAIL = /[a-z0-9][a-z0-9._%+'-]*@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,24}/gi;
/** a character that, right before an address, means it is masked or part of something else (a longer word, a path, a query) */
const MASKED_BEFORE = /[*•·…#×/\\=&?%$a-z0-9_@]/i;
const MAILTO = /^mailto:/i;
/** a value that is exactly one plain address (nothing masked around it: it has no other characters) */
const WHOLE_EMAIL = new RegExp(`^${EMAIL.source}$`, 'i');
const SPACES = /[\s\u00a0\u200b]+/g;
const URL_LIKE = /^https?:/i;
const NOT_IN_NAMES = /[\d@/:|#()[\]{}<>_=+]/;
/** an example or placeholder domain ("you@yourcompany.com"), read on the whole address */
const FAKE_DOMAIN = /[@.](example\.(com|org|net)|test|invalid|localhost|example)$|@(your-?(company|domain|business|site|email)\.[a-z.]+|(company|domain)\.com)$/;
/**
 * a role mailbox: an address that reaches a team, a function or a machine, never one person
 * (support@, hello@, info@, sales@, noreply@…), wherever it is shown. Its local part is one of
 * these words, alone or followed by + . - (so "name" also covers name.surname@)
 */
const NOT_PERSON = new RegExp('^(?:no-?reply|do-?not-?reply|mailer-daemon|postmaster|hostmaster|webmaster|bounces?|support|help|helpdesk|' +
  'hello|hi|hey|info|information|contact|contactus|enquiries|inquiries|enquiry|inquiry|sales|marketing|press|media|pr|news|newsletter|' +
  'admin|administrator|office|team|staff|hr|jobs|careers|recruiting|billing|accounts|accounting|finance|invoices?|payments?|orders?|' +
  'services?|customerservice|customer-?care|care|feedback|privacy|security|abuse|legal|compliance|partners?|partnerships|' +
  'notifications?|alerts?|updates|reply|mail|email|general|reception|bookings?|reservations?|shop|store|events?|community|' +
  'developers?|api|ops|it|tech|root|dpo|gdpr|user|username|name|yourname|your\\.name|you|someone|' +
  'firstname|first\\.last|john\\.doe|jane\\.doe)(?:[+.@-]|$)');
const FILE_LIKE = /\.(png|jpe?g|gif|svg|webp|js|css)$/;

/** the emails in a text, lowercase; masked ("j***@acme.com"), example and no-reply addresses are left out */
export function findEmails(text: string): string[] {
  return text.includes('@') ? [...text.matchAll(EMAIL)].flatMap((m) => {
    // charAt: '' at either end (reading a string past its end is slow)
    const before = text.charAt(m.index - 1);
    const after = text.charAt(m.index + m[0].length);
    const email = m[0].toLowerCase(); // it ends with a letter: no trailing dot to trim
    return MASKED_BEFORE.test(before) || after === '*' || after === '@' || !isPersonalEmail(email) ? [] : [email];
  }) : [];
}

/** a single email for a whole value ("Email: X"), or undefined when the value is not exactly one address */
export function emailOf(value: string): string | undefined {
  let v = value.trim();
  // most values are one plain address (an email column's cell): checked whole, without a search
  if (WHOLE_EMAIL.test(v)) {
    const email = v.toLowerCase();
    return isPersonalEmail(email) ? email : undefined;
  }
  // a mailto: link's address, without its query (?subject=…)
  v = v.replace(MAILTO, '').split('?')[0]!;
  const found = findEmails(v);
  return found.length === 1 && found[0]!.length >= v.length - 2 ? found[0] : undefined;
}

function isPersonalEmail(email: string): boolean {
  return !FAKE_DOMAIN.test(email) && !NOT_PERSON.test(email.slice(0, email.indexOf('@') + 1)) && !FILE_LIKE.test(email);
}

/** a URL's part decoded (%20, %2B), or as it is when it is not validly encoded */
export function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** a URL parsed (relative to `base`), or undefined when it is none */
export function urlOf(url: string, base?: string): URL | undefined {
  try {
    return new URL(url, base);
  } catch {
    return undefined;
  }
}

/** what separates the parts of a line once it is clean(): "Ada Park · See you then", "Acme | Full-time" */
export const SEPARATOR = / [·•|] /;

/** whitespace collapsed and trimmed; long texts cut */
export function clean(text: string, max = 200): string {
  return text.slice(0, max * 4).replace(SPACES, ' ').trim().slice(0, max);
}

const EMPTY = /^(-|–|—|n\/?a|none|null|undefined|not set|unknown|\.\.\.)$/i;

/** a short free-text value (company, title, name) worth keeping, or undefined */
export function plainValue(text: string): string | undefined {
  const v = clean(text, 120);
  if (!v || v.length > 100 || EMPTY.test(v) || v.includes('@') || URL_LIKE.test(v)) return undefined;
  return v;
}

/** the words job titles are made of (in the languages partner apps are used in) */
const TITLE_WORDS = new Set(('ceo cfo cto coo cmo cio cpo ciso cro vp svp evp avp head director manager lead founder cofounder co-founder ' +
  'president chief officer engineer developer designer analyst consultant specialist coordinator strategist executive administrator ' +
  'associate assistant recruiter buyer architect accountant advisor adviser principal scientist researcher editor writer producer ' +
  'intern representative agent broker attorney lawyer counsel paralegal supervisor controller treasurer secretary chair chairman ' +
  'chairwoman partner owner operator technician directeur directrice gérant gérante responsable chef ingénieur commercial ' +
  'geschäftsführer geschäftsführerin leiter leiterin berater beraterin gerente jefe').split(' '));

const WORDS = /[\p{L}&'’.-]+/gu;

/** whether a text reads like a job title ("Head of Procurement", "Founder & CEO", "Gérant") */
export function looksLikeTitle(text: string): boolean {
  const words = text.toLowerCase().match(WORDS) ?? [];
  return words.length <= 7 && words.some((w) => TITLE_WORDS.has(w));
}

/** badges shown beside a name: roles and states, never part of a name, a company or a position */
export const BADGES = new Set(('admin owner member viewer editor creator pending active invited inactive guest you me online offline away busy verified ' +
  'accepted declined tentative confirmed lead prospect customer').split(' '));

/** words that make a heading a page title, not a person ("Campaign leads", "Team members"); the title words and badges too ("Lead", "Owner", "Member") */
const NOT_NAME = new Set(('leads contacts contact members settings dashboard inbox campaign campaigns ' +
  'video videos analytics profile details detail overview account workspace recipients recipient team logins login ' +
  'lists list prospects home report reports billing help new all my your our the sign about welcome messages ' +
  'conversation conversations viewers users user activity company companies people directory search ' +
  'linkedin email phone website twitter view send call message open edit delete add ' +
  // what companies are called: a logo's alt text or a company's name is no person's
  'inc ltd llc plc corp corporation co gmbh ag sa bv labs lab group holdings technologies tech solutions systems partners ' +
  'capital ventures media studio studios agency software consulting industries international global bank ' +
  'logistics freight digital foundation institute university school hospital clinic').split(' ').concat([...TITLE_WORDS, ...BADGES]));

// module constants: a build that lowers Unicode property escapes turns them into `new RegExp(...)`
/** an avatar's initials ("MO"): one to three capitals */
export const INITIALS = /^\p{Lu}{1,3}$/u;
/** a word that starts with a capital */
export const CAPITALISED = /^\p{Lu}/u;
const PARTICLE = /^(van|von|de|da|del|der|la|le|bin|al)$/;

/**
 * a day or moment shown beside a name in a conversation list ("Mon", "Yesterday"): never part of a
 * name, never a company ("Sun" alone is left out: it is also a family name)
 */
export const WHEN = /^((mon|tues?|wed(nes)?|thu(rs)?|fri|sat(ur)?)(day)?\.?|sunday|yesterday|today|now)$/i;

/** the names forms and docs fill in for anyone */
const PLACEHOLDER_NAME = /^(john|jane) (doe|q\.? public)$|^first last$|^firstname lastname$/i;

/** whether a text looks like a person's name: 1–4 words, letters only, capitalised, no page-title words or placeholders */
export function looksLikeName(text: string): boolean {
  const t = clean(text, 80);
  if (t.length < 2 || t.length > 60 || NOT_IN_NAMES.test(t) || PLACEHOLDER_NAME.test(t)) return false;
  const words = t.split(' ');
  if (words.length > 4 || INITIALS.test(t)) return false; // avatar initials ("MO")
  return words.every((w) => CAPITALISED.test(w) || PARTICLE.test(w)) &&
    !words.some((w) => NOT_NAME.has(w.toLowerCase()) || WHEN.test(w));
}

/** whether a text looks like a full name: a name of two words or more ("Ada Park"; "Ada" alone names no one for sure) */
export function looksLikeFullName(text: string): boolean {
  return text.includes(' ') && looksLikeName(text);
}

/** "Jane Doe <jane@acme.com>", "Jane Doe (jane@acme.com)"; a reply header's time is no part of the name ("10:02 AM Jane Doe <…> wrote:") */
const NAME_BEFORE_EMAIL = /(?<!\p{L})(["']?)(?!(?:AM|PM) )([\p{Lu}][\p{L}'’.-]*(?: [\p{L}'’.-]+){0,3})\1\s*(?:<\s*([^<>\s]+@[^<>\s]+)\s*>|\(([^()\s]+@[^()\s]+)\))/gu;

/** "Jane Doe <jane@acme.com>" pairs, as in mail headers, or with the address in brackets */
export function findNamedEmails(text: string): { name: string; email: string }[] {
  return (text.includes('<') || text.includes('(')) && text.includes('@') ? [...text.matchAll(NAME_BEFORE_EMAIL)].flatMap(([, , name, angled, bracketed]) => {
    const email = emailOf((angled ?? bracketed)!);
    return email && looksLikeName(name!) ? [{ name: clean(name!), email }] : [];
  }) : [];
}
