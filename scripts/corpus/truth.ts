// Ground truth from what a page shows of each person: the fields it shows, each in the form the
// detector must report (email lowercase, phone E.164 when the page says the country, otherwise
// the national digits, LinkedIn as https://www.linkedin.com/in/<slug>).
import type { DetectedPerson } from '../../lib/detect/types';
import { linkedinOf, type Person } from './people';

export type Field = 'name' | 'email' | 'phone' | 'linkedin' | 'company' | 'title';

/**
 * the person as the page shows them; `phone`: 'e164' when the page gives the country (an
 * international number, a code cell, a country column, <html lang> with a region), 'national'
 * when it gives none (the national digits, never a guessed country)
 */
export function shown(p: Person, fields: readonly Field[], phone: 'e164' | 'national' = 'e164'): DetectedPerson {
  const out: DetectedPerson = {};
  for (const f of fields) {
    if (f === 'name') out.name = p.name;
    else if (f === 'email') out.email = p.email.toLowerCase();
    else if (f === 'phone') out.phone = phone === 'e164' ? p.phone.e164 : p.phone.nationalDigits;
    else if (f === 'linkedin') out.linkedin = linkedinOf(p);
    else if (f === 'company') out.company = p.company;
    else out.title = p.title;
  }
  return out;
}

/** the values of a person that must never be reported (the signed-in user, a hidden person) */
export function never(p: Person, fields: readonly Field[] = ['name', 'email']): string[] {
  return fields.map((f) => String(shown(p, [f])[f as keyof DetectedPerson]));
}

/** role mailboxes of a domain: support@, hello@… */
export const mailboxes = (domain: string, locals: readonly string[]) => locals.map((l) => `${l}@${domain}`);
