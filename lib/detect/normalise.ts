// Phone candidates to E.164 with libphonenumber-js (core + the "min" metadata, the smallest set
// that still knows every country's lengths), and a page report to the people the background
// keeps: a row's country as written resolved to the region a national phone is read in, phones
// normalised, invalid ones dropped, a person left with no name, email, phone or LinkedIn dropped. Runs in the background and in the detect CLI, never in the content script.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/core';
import metadata from 'libphonenumber-js/min/metadata';
import { countryCode } from './country';
import type { PhoneCandidate } from './phone';
import type { DetectedPerson, PageDetection, PageReport, ReportedPerson } from './types';

/** the regions libphonenumber-js has metadata for ("GB"; not "UK") */
const regions = (metadata as { countries: Record<string, unknown> }).countries;

/** a candidate ("+44 20 7946 0123", or "020 7946 0123" in GB) in E.164, or undefined when it is no valid number */
export function e164Of(candidate: PhoneCandidate): string | undefined {
  const { value, country } = candidate;
  const international = value.startsWith('+');
  if (!international && !(country && country in regions)) return undefined;
  try {
    const parsed = international ? parsePhoneNumberFromString(value, metadata) : parsePhoneNumberFromString(value, country as CountryCode, metadata);
    return parsed?.isValid() ? parsed.number : undefined;
  } catch {
    return undefined;
  }
}


/**
 * one reported person with its phone in E.164 (or none), or undefined when nothing identifies
 * them: no name, email, phone or LinkedIn left, or only a phone that is not a valid number. A
 * national number whose country the page does not say is kept as its digits ("020 7946 0123" →
 * "02079460123"): its country is never guessed.
 */
export function normalisePerson(reported: ReportedPerson, lang?: string): DetectedPerson | undefined {
  const { phoneCountry: pageCountry, countryText, phoneOnly, ...person } = reported;
  if (person.phone !== undefined) {
    // the person's own country first ("United Kingdom" in their row), else the page's
    const phoneCountry = (countryText && countryCode(countryText, lang)) || pageCountry;
    const national = !person.phone.startsWith('+') && !phoneCountry;
    const phone = e164Of({ value: person.phone, country: phoneCountry });
    if (phone) person.phone = phone;
    else if (phoneOnly) return undefined;
    else if (national) person.phone = person.phone.replace(/\D/g, '');
    else delete person.phone;
  }
  return person.name || person.email || person.phone || person.linkedin ? person : undefined;
}

/** a page report as the background keeps it; the focused index follows its person */
export function normaliseReport(report: PageReport): PageDetection {
  const people: DetectedPerson[] = [];
  let focused: number | undefined;
  report.people.forEach((reported, i) => {
    const person = normalisePerson(reported, report.lang);
    if (!person) return;
    if (i === report.focused) focused = people.length;
    people.push(person);
  });
  const detection: PageDetection = { people, view: report.view, site: report.site };
  if (focused !== undefined) detection.focused = focused;
  return detection;
}
