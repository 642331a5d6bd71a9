// Detected person -> GHL contact. Rules in order: a link the user made by hand, then email, then
// phone (E.164), then LinkedIn URL (website or social field), then name + company. The first rule
// that finds anything decides: one contact is a match, several are ambiguous. Each match records
// why it matched and how sure it is.
import { i18n } from '#i18n';
import type { DetectedPerson } from '../detect';
import type { ContactSummary, MatchReason, PersonMatch, SkippedValue } from '../protocol';

/** How the matcher asks GHL; the background implements it with the HighLevel client. */
export interface ContactLookup {
  byId(contactId: string): Promise<ContactSummary | undefined>;
  byEmail(email: string): Promise<ContactSummary[]>;
  byPhone(e164: string): Promise<ContactSummary[]>;
  byLinkedIn(profileUrl: string): Promise<ContactSummary[]>;
  byNameAndCompany(name: string, company: string): Promise<ContactSummary[]>;
}

const confidenceOf: Record<MatchReason, number> = {
  'linked-by-you': 1,
  email: 0.98,
  phone: 0.9,
  linkedin: 0.9,
  'name+company': 0.6,
};

/**
 * A stable key for a person, used to remember links the user made by hand: the partner app's own
 * id of their record where the page shows one (it outlives an email or name changed on the
 * partner's page, and tells two people of one name apart), else their details (`contactKey`).
 */
export function personKey(p: DetectedPerson): string {
  return p.partnerId ? `partner:${p.partnerId}` : contactKey(p);
}

/** The key of a person by their details: links made before partner ids, and on pages that show none, are kept under it. */
export function contactKey(p: DetectedPerson): string {
  if (p.email) return `email:${p.email.toLowerCase()}`;
  if (p.linkedin) return `linkedin:${p.linkedin.toLowerCase()}`;
  if (p.phone) return `phone:${p.phone}`;
  return `name:${(p.name ?? '').toLowerCase()}|${(p.company ?? '').toLowerCase()}`;
}

function decided(person: DetectedPerson, reason: MatchReason, found: ContactSummary[]): PersonMatch {
  const unique = [...new Map(found.map((c) => [c.id, c])).values()];
  if (unique.length === 1) {
    return { person, key: personKey(person), state: 'matched', contact: unique[0], reason, confidence: confidenceOf[reason] };
  }
  const confidence = confidenceOf[reason] / unique.length;
  return { person, key: personKey(person), state: 'ambiguous', candidates: unique, reason, confidence };
}

export async function matchPerson(
  person: DetectedPerson,
  lookup: ContactLookup,
  relinks: Record<string, string> = {},
): Promise<PersonMatch> {
  // the link kept under the person's key, else one kept under their details (before partner ids)
  const key = personKey(person);
  const linkKey = [key, contactKey(person)].find((k) => relinks[k]);
  if (linkKey) {
    const linked = await lookup.byId(relinks[linkKey]!);
    if (linked) return { ...decided(person, 'linked-by-you', [linked]), ...(linkKey !== key ? { linkKey } : {}) };
  }
  const rules: [MatchReason, (() => Promise<ContactSummary[]>) | undefined][] = [
    ['email', person.email ? () => lookup.byEmail(person.email!) : undefined],
    ['phone', person.phone ? () => lookup.byPhone(person.phone!) : undefined],
    ['linkedin', person.linkedin ? () => lookup.byLinkedIn(person.linkedin!) : undefined],
    [
      'name+company',
      person.name && person.company ? () => lookup.byNameAndCompany(person.name!, person.company!) : undefined,
    ],
  ];
  for (const [reason, run] of rules) {
    if (!run) continue;
    const found = await run();
    if (found.length > 0) return decided(person, reason, found);
  }
  return { person, key: personKey(person), state: 'missing', confidence: 0 };
}

const matchedBy: Record<MatchReason, (percent: number) => string> = {
  email: (percent) => i18n.t('match.byEmail', [percent]),
  phone: (percent) => i18n.t('match.byPhone', [percent]),
  linkedin: (percent) => i18n.t('match.byLinkedIn', [percent]),
  'name+company': (percent) => i18n.t('match.byNameAndCompany', [percent]),
  'linked-by-you': () => i18n.t('match.linkedByYou'),
};

/** A link made by hand names one contact: it is never ambiguous. */
const sharedBy: Record<Exclude<MatchReason, 'linked-by-you'>, () => string> = {
  email: () => i18n.t('match.sharedEmail'),
  phone: () => i18n.t('match.sharedPhone'),
  linkedin: () => i18n.t('match.sharedLinkedIn'),
  'name+company': () => i18n.t('match.sharedNameAndCompany'),
};

/** How the sidebar says why a person matched, e.g. "matched by email · 98% sure". */
export function describeMatch(m: Pick<PersonMatch, 'state' | 'reason' | 'confidence'>): string {
  if (m.state === 'pending') return i18n.t('match.lookingUp');
  if (m.state === 'missing' || !m.reason) return i18n.t('match.notFound');
  if (m.state === 'ambiguous' && m.reason !== 'linked-by-you') return sharedBy[m.reason]();
  return matchedBy[m.reason](Math.round(m.confidence * 100));
}

const fieldName: Record<SkippedValue['field'], () => string> = {
  name: () => i18n.t('match.skippedField.name'),
  email: () => i18n.t('match.skippedField.email'),
  phone: () => i18n.t('match.skippedField.phone'),
  linkedin: () => i18n.t('match.skippedField.linkedin'),
  company: () => i18n.t('match.skippedField.company'),
  title: () => i18n.t('match.skippedField.title'),
};

const skippedBecause: Record<SkippedValue['why'], (field: string) => string> = {
  'too-long': (field) => i18n.t('match.skipped.tooLong', [field]),
  malformed: (field) => i18n.t('match.skipped.malformed', [field]),
  markup: (field) => i18n.t('match.skipped.markup', [field]),
};

/** Why a value the page showed was not used, e.g. "The page’s email is longer than HighLevel takes: it was not used." */
export const describeSkipped = (s: SkippedValue): string => skippedBecause[s.why](fieldName[s.field]());
