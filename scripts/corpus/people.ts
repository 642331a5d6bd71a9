// Made-up people for the corpus: a seeded PRNG, invented names, companies on invented domains,
// and phone numbers from the ranges regulators keep for drama and examples (never assigned to
// anyone). Every number is checked with the metadata the detector's normaliser uses.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/core';
import metadata from 'libphonenumber-js/min/metadata';

/** mulberry32: small, fast, and the same sequence for the same seed on every machine */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    pick: <T>(list: readonly T[]): T => list[int(list.length)]!,
    chance: (p: number) => next() < p,
    shuffle<T>(list: readonly T[]): T[] {
      const out = [...list];
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(i + 1);
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    },
  };
}
export type Rng = ReturnType<typeof prng>;

/** a string's own seed, so each page draws the same people whatever other pages exist */
export function seedOf(text: string, base: number): number {
  let h = 2166136261 ^ base;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

const FIRST = ['Amara', 'Bastian', 'Chiara', 'Dmitri', 'Elif', 'Farah', 'Gideon', 'Hana', 'Idris', 'Johanna', 'Kenji', 'Leonie',
  'Mateo', 'Nkechi', 'Oskar', 'Priya', 'Quentin', 'Rosalind', 'Soren', 'Tamsin', 'Ulrich', 'Valentina', 'Wendell', 'Ximena',
  'Yusuf', 'Zofia', 'Anouk', 'Benedikt', 'Cormac', 'Delphine', 'Emeka', 'Freya', 'Gustavo', 'Hiroko', 'Ines', 'Jasper',
  'Kalani', 'Lucian', 'Marisol', 'Nils', 'Odette', 'Pavel', 'Rafaela', 'Sanjay', 'Thea', 'Ugo', 'Vesna', 'Wilhelmina',
  'Aurelio', 'Bronwyn', 'Caspian', 'Dagny', 'Eamon', 'Fenna', 'Griffin', 'Halima', 'Ivo', 'Juno', 'Kasimir', 'Linnea',
  'Malik', 'Noemi', 'Orla', 'Pilar', 'Rhiannon', 'Stellan', 'Tobiah', 'Una', 'Vikram', 'Willa', 'Yara', 'Zeno'];
const LAST = ['Okafor', 'Lindqvist', 'Moreau', 'Castellanos', 'Whitcombe', 'Nakagawa', 'Brennan', 'Achterberg', 'Szabo',
  'Delacroix', 'Marchetti', 'Oyelaran', 'Halvorsen', 'Quintero', 'Ashworth', 'Petrakis', 'Vandersloot', 'Iwasaki', 'Fairbairn',
  'Ferreira', 'Kowalczyk', 'Mbeki', 'Thorne', 'Abernathy', 'Rasmussen', 'Esposito', 'Galbraith', 'Haddad', 'Ivanova',
  'Jorgensen', 'Kettering', 'Laurent', 'Montague', 'Nakamura', 'Ollerenshaw', 'Pemberton', 'Ruiz-Salas', 'Strand', 'Tremblay',
  'Underhill', 'Varga', 'Wexford', 'Yilmaz', 'Zimmermann', 'Bellweather', 'Carrow', 'Dunmore', 'Eriksen', 'Fontaine',
  'Grealish', 'Holloway', 'Idowu', 'Jablonski', 'Krüger', 'Lachance', 'McAllister', 'Nwosu', "O'Rourke", 'Papadakis',
  'Rosenqvist', 'Sadowski', 'Takahashi', 'Ulloa', 'Voss', 'Winterbourne', 'Achebe', 'Blackwood', 'Cardenas', 'Draper'];
const COMPANY_A = ['Harbourlight', 'Copperfield', 'Northwind', 'Bramble', 'Tidewater', 'Quillstone', 'Larkspur', 'Ironbark',
  'Saltmarsh', 'Bluefjord', 'Kestrel', 'Marrowgate', 'Oakhaven', 'Pinecrest', 'Redwater', 'Silverline', 'Thistle', 'Umberfield',
  'Vantage Loop', 'Wrenfield', 'Ashgrove', 'Brightwell', 'Cinderpath', 'Driftwood', 'Emberly', 'Foxglove', 'Glasshouse', 'Hollowtree'];
const COMPANY_B = ['Analytics', 'Logistics', 'Labs', 'Robotics', 'Studio', 'Partners', 'Health', 'Foods', 'Energy', 'Capital',
  'Software', 'Media', 'Outdoor', 'Dental', 'Architects', 'Legal', 'Freight', 'Biotech', 'Interiors', 'Consulting'];
const TITLES = ['Head of Marketing', 'VP Sales', 'Operations Manager', 'Chief Financial Officer', 'Procurement Lead',
  'Account Executive', 'Founder & CEO', 'Product Designer', 'Office Manager', 'Growth Lead', 'Head of Partnerships',
  'Customer Success Manager', 'Engineering Manager', 'Marketing Coordinator', 'Managing Director', 'Talent Acquisition Partner',
  'Brand Manager', 'Sales Director', 'Chief Operating Officer', 'Content Strategist', 'IT Administrator', 'Purchasing Manager'];
const CITIES: Record<Country, string[]> = {
  GB: ['London', 'Manchester', 'Leeds', 'Birmingham', 'Edinburgh', 'Bristol'],
  US: ['New York', 'San Francisco', 'Chicago', 'Boston', 'Seattle', 'Austin'],
  AU: ['Sydney', 'Melbourne', 'Brisbane', 'Perth', 'Adelaide'],
  DE: ['Berlin', 'Frankfurt', 'Hamburg', 'Köln', 'München'],
  FR: ['Paris', 'Lyon', 'Marseille', 'Bordeaux', 'Lille'],
};
export const COUNTRY_NAMES: Record<Country, string> = {
  GB: 'United Kingdom', US: 'United States', AU: 'Australia', DE: 'Germany', FR: 'France',
};

export type Country = 'GB' | 'US' | 'AU' | 'DE' | 'FR';
export const DIAL: Record<Country, string> = { GB: '+44', US: '+1', AU: '+61', DE: '+49', FR: '+33' };

/**
 * Fictional ranges, written nationally with `#` for the free digits:
 * - GB, Ofcom's drama numbers: 020 7946 0xxx, 0113/0121/0161 496 0xxx (07700 900xxx is left out:
 *   libphonenumber reports it as not a valid number, so no detector could report it in E.164);
 * - US, NANP's fictional 555-0100..0199 under real area codes;
 * - AU, ACMA's numbers for film and TV: 02 5550 xxxx, 03 7010 xxxx, 0491 57x xxx;
 * - DE, Bundesnetzagentur's drama numbers: 030 23125 xxx, 069 90009 xxx, 040 66969 xxx, 089 99998 xxx;
 * - FR, ARCEP's numbers for fiction: 01 99 00 xx xx, 04 65 71 xx xx, 06 39 98 xx xx.
 */
const RANGES: Record<Country, string[]> = {
  GB: ['020 7946 0###', '0113 496 0###', '0121 496 0###', '0161 496 0###'],
  US: ['(212) 555-01##', '(415) 555-01##', '(312) 555-01##', '(617) 555-01##', '(206) 555-01##'],
  AU: ['02 5550 ####', '03 7010 ####', '0491 570 1##', '0491 578 ###'],
  DE: ['030 23125 ###', '069 90009 ###', '040 66969 ###', '089 99998 ###'],
  FR: ['01 99 00 ## ##', '04 65 71 ## ##', '06 39 98 ## ##'],
};

export interface Phone {
  country: Country;
  /** as dialled in the country: "020 7946 0123", "(212) 555-0147" */
  national: string;
  /** the national number without its trunk prefix, as written after "+44": "20 7946 0123" */
  subscriber: string;
  /** "+44 20 7946 0123" */
  international: string;
  e164: string;
  /** the digits of the national form: what a page with no country says ("02079460123") */
  nationalDigits: string;
}

export function phoneIn(rng: Rng, country: Country, usedPhones = new Set<string>()): Phone {
  for (;;) {
    const national = rng.pick(RANGES[country]).replace(/#/g, () => String(rng.int(10)));
    const parsed = parsePhoneNumberFromString(national, country as CountryCode, metadata);
    if (!parsed?.isValid()) throw new Error(`corpus phone range gives an invalid number: ${national} (${country})`);
    if (usedPhones.has(parsed.number)) continue;
    usedPhones.add(parsed.number);
    const subscriber = country === 'US' ? national.replace(/[()]/g, '').replace(/^(\d{3}) /, '$1 ') : national.replace(/^0/, '');
    return {
      country,
      national,
      subscriber,
      international: `${DIAL[country]} ${subscriber}`,
      e164: parsed.number,
      nationalDigits: national.replace(/\D/g, ''),
    };
  }
}

export interface Person {
  first: string;
  last: string;
  name: string;
  email: string;
  phone: Phone;
  /** the LinkedIn slug; the profile is https://www.linkedin.com/in/<slug> */
  slug: string;
  company: string;
  domain: string;
  title: string;
  city: string;
  country: Country;
  /** noise beside a person: an id, a date, an amount */
  id: string;
  date: string;
  amount: number;
}

const slugify = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

export const linkedinOf = (p: Person) => `https://www.linkedin.com/in/${p.slug}`;

/** the top-level domains companies of a country use (invented names under real TLDs) */
const TLDS: Record<Country, string[]> = { GB: ['co.uk', 'com', 'io'], US: ['com', 'io', 'co'], AU: ['com.au', 'com'], DE: ['de', 'com'], FR: ['fr', 'com'] };

/**
 * a company name and its domain: invented names under real top-level domains, because a
 * detector rightly ignores addresses on the reserved example domains (they mark example data)
 */
export function companyIn(rng: Rng, country: Country): { company: string; domain: string } {
  const company = `${rng.pick(COMPANY_A)} ${rng.pick(COMPANY_B)}`;
  return { company, domain: `${slugify(company.split(' ')[0]!)}-${slugify(company.split(' ').slice(1).join(' '))}.${rng.pick(TLDS[country])}` };
}

/** `n` different made-up people, their countries drawn from `countries` */
export function people(rng: Rng, n: number, countries: readonly Country[] = ['GB', 'US', 'AU', 'DE', 'FR']): Person[] {
  const names = new Set<string>();
  const phones = new Set<string>();
  const out: Person[] = [];
  while (out.length < n) {
    const first = rng.pick(FIRST);
    const last = rng.pick(LAST);
    const name = `${first} ${last}`;
    if (names.has(name)) continue;
    names.add(name);
    const country = rng.pick(countries);
    const { company, domain } = companyIn(rng, country);
    const local = rng.pick([`${first}.${last}`, `${first[0]}${last}`, `${first}`, `${first}_${last[0]}`]);
    const email = `${slugify(local).replace(/-/g, rng.chance(0.5) ? '.' : '')}@${domain}`;
    const slug = rng.pick([`${slugify(first)}-${slugify(last)}`, `${slugify(first)}${slugify(last)}`, `${slugify(first)}-${slugify(last)}-${rng.int(0xfff).toString(16)}`]);
    out.push({
      first, last, name, email, slug, company, domain, country,
      phone: phoneIn(rng, country, phones),
      title: rng.pick(TITLES),
      city: rng.pick(CITIES[country]),
      id: `${rng.pick(['C', 'L', 'P'])}-${100000 + rng.int(900000)}`,
      date: `2026-${String(1 + rng.int(12)).padStart(2, '0')}-${String(1 + rng.int(28)).padStart(2, '0')}`,
      amount: 500 + rng.int(95) * 500,
    });
  }
  return out;
}

/** the signed-in user of a made-up app: never a contact */
export function user(rng: Rng, appDomain: string): Person {
  const p = people(rng, 1, ['GB'])[0]!;
  return { ...p, email: `${slugify(p.first)}@${appDomain}`, company: appDomain };
}

export const HEADLINES = ['Helping B2B teams grow pipeline | Speaker | Mentor', 'Building calmer sales teams · ex-consultant',
  'Data, dashboards and decent coffee', 'I turn cold leads into warm conversations', 'Operator. Writer. Occasional runner.',
  'Scaling customer success from 0 to 1', 'Making procurement less painful for everyone'];

export const ROLE_MAILBOXES = ['support', 'hello', 'info', 'sales', 'noreply', 'help', 'billing', 'team', 'contact', 'careers'];

/** a company's switchboard, in a range no person of the corpus is drawn from */
export const SWITCHBOARD: Record<Country, Phone> = {
  GB: fixed('0117 496 0500', 'GB'),
  US: fixed('(202) 555-0100', 'US'),
  AU: fixed('03 5550 1000', 'AU'),
  DE: fixed('0221 4710 500', 'DE'),
  FR: fixed('01 99 00 00 00', 'FR'),
};

function fixed(national: string, country: Country): Phone {
  const parsed = parsePhoneNumberFromString(national, country as CountryCode, metadata);
  if (!parsed?.isValid()) throw new Error(`switchboard number not valid: ${national}`);
  const subscriber = country === 'US' ? national.replace(/[()]/g, '') : national.replace(/^0/, '');
  return { country, national, subscriber, international: `${DIAL[country]} ${subscriber}`, e164: parsed.number, nationalDigits: national.replace(/\D/g, '') };
}

/** both forms a reported phone could take, for a truth's `excluded` */
export const phoneForms = (p: Phone) => [p.e164, p.nationalDigits];
