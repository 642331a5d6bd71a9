// What the page knows that HighLevel does not: for the selected person, each field the page shows
// (name, email, phone, company, job title, LinkedIn profile) whose value differs from the contact's
// in HighLevel, or that HighLevel lacks (an addition). Each comes with the flat changes that
// would make HighLevel say what the page says ("Update GHL"), sent as a conflict-checked contact
// edit; the company has none (HighLevel's contact update refuses companyName), the title none when
// no custom field holds it. Pure.
import type { DetectedPerson } from '../detect';
import type { ContactView, CustomFieldDefinition, FieldChanges } from '../protocol';

export type PageField = 'name' | 'email' | 'phone' | 'company' | 'title' | 'linkedin';

export interface PageDifference {
  field: PageField;
  page: string;
  /** HighLevel's value; absent: HighLevel lacks it (the page's value is an addition) */
  ghl?: string;
  /** the changes that make HighLevel say what the page says, with the values HighLevel has now */
  update?: { changes: FieldChanges; seen: FieldChanges };
  /** why it cannot be updated from here */
  readOnly?: 'company' | 'noTitleField';
}

const squash = (s: string | undefined) => (s ?? '').trim().replace(/\s+/g, ' ');
const lower = (s: string | undefined) => squash(s).toLowerCase();
const digits = (s: string | undefined) => (s ?? '').replace(/\D/g, '');
const linkedinSlug = (url: string | undefined) => /linkedin\.com\/in\/([^/?#]+)/i.exec(url ?? '')?.[1]?.toLowerCase();

export function pageDifferences(person: DetectedPerson, contact: ContactView, opts: { titleField?: CustomFieldDefinition; linkedinToWebsite: boolean }): PageDifference[] {
  const out: PageDifference[] = [];
  const add = (d: PageDifference) => out.push(d.ghl === '' ? { ...d, ghl: undefined } : d);

  const pageName = squash(person.name);
  const ghlName = squash([contact.firstName, contact.lastName].filter(Boolean).join(' '));
  if (pageName && lower(pageName) !== lower(ghlName)) {
    const [firstName, ...rest] = pageName.split(' ');
    add({
      field: 'name', page: pageName, ghl: ghlName,
      update: { changes: { firstName: firstName!, lastName: rest.join(' ') }, seen: { firstName: contact.firstName ?? '', lastName: contact.lastName ?? '' } },
    });
  }
  if (person.email && lower(person.email) !== lower(contact.email)) {
    add({ field: 'email', page: person.email, ghl: contact.email ?? '', update: { changes: { email: person.email }, seen: { email: contact.email ?? '' } } });
  }
  if (person.phone && !(digits(contact.phone) && (digits(contact.phone).endsWith(digits(person.phone)) || digits(person.phone).endsWith(digits(contact.phone))))) {
    add({ field: 'phone', page: person.phone, ghl: contact.phone ?? '', update: { changes: { phone: person.phone }, seen: { phone: contact.phone ?? '' } } });
  }
  if (person.company && lower(person.company) !== lower(contact.companyName)) {
    add({ field: 'company', page: squash(person.company), ghl: contact.companyName ?? '', readOnly: 'company' });
  }
  if (person.title) {
    const field = opts.titleField;
    const current = field ? contact.customFields.find((f) => f.id === field.id)?.value : undefined;
    if (!field) add({ field: 'title', page: squash(person.title), readOnly: 'noTitleField' });
    else if (lower(person.title) !== lower(current)) {
      const key = `customFields.${field.id}`;
      add({ field: 'title', page: squash(person.title), ghl: current ?? '', update: { changes: { [key]: squash(person.title) }, seen: { [key]: current ?? '' } } });
    }
  }
  const website = contact.website;
  const onLinkedIn = !website || linkedinSlug(website) !== undefined;
  if (person.linkedin && opts.linkedinToWebsite && onLinkedIn && linkedinSlug(person.linkedin) !== linkedinSlug(website)) {
    add({ field: 'linkedin', page: person.linkedin, ghl: website ?? '', update: { changes: { website: person.linkedin }, seen: { website: website ?? '' } } });
  }
  return out;
}

/** Every update of the differences in one edit ("Update all"). */
export function allUpdates(differences: PageDifference[]): { changes: FieldChanges; seen: FieldChanges } {
  const changes: FieldChanges = {};
  const seen: FieldChanges = {};
  for (const d of differences) {
    if (!d.update) continue;
    Object.assign(changes, d.update.changes);
    Object.assign(seen, d.update.seen);
  }
  return { changes, seen };
}
