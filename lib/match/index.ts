// Detected person -> GHL contact. Rules in order: a link the user made by hand, then email, then
// phone (E.164), then LinkedIn URL (website or social field), then name + company. The first rule
// that finds anything decides: one contact is a match, several are ambiguous. Each match records
// why it matched and how sure it is.
import type { DetectedPerson } from '../detect/types';
import type { ContactSummary, MatchReason, PersonMatch } from '../messaging';

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

/** A stable key for a person, used to remember links the user made by hand. */
export function personKey(p: DetectedPerson): string {
  if (p.email) return `email:${p.email.toLowerCase()}`;
  if (p.linkedin) return `linkedin:${p.linkedin.toLowerCase()}`;
  if (p.phone) return `phone:${p.phone}`;
  return `name:${(p.name ?? '').toLowerCase()}|${(p.company ?? '').toLowerCase()}`;
}

function decided(person: DetectedPerson, reason: MatchReason, found: ContactSummary[]): PersonMatch {
  const unique = [...new Map(found.map((c) => [c.id, c])).values()];
  if (unique.length === 1) {
    return { person, state: 'matched', contact: unique[0], reason, confidence: confidenceOf[reason] };
  }
  return { person, state: 'ambiguous', candidates: unique, reason, confidence: confidenceOf[reason] / unique.length };
}

export async function matchPerson(
  person: DetectedPerson,
  lookup: ContactLookup,
  relinks: Record<string, string> = {},
): Promise<PersonMatch> {
  const linkedId = relinks[personKey(person)];
  if (linkedId) {
    const linked = await lookup.byId(linkedId);
    if (linked) return decided(person, 'linked-by-you', [linked]);
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
  return { person, state: 'missing', confidence: 0 };
}
