// In-memory state of one sandbox run: locations, users, contacts and their tasks, notes and
// appointments, tag catalogues, custom fields and businesses. Routes and the admin API use it.
import type { Appointment, Business, Contact, CustomFieldDef, Enrolment, Location, LocationTag, LostReason, Note, Opportunity, Pipeline, Task, User, Workflow } from './types.ts';

export const phoneDigits = (p: string | undefined): string => (p ?? '').replace(/\D/g, '');

/** Normalise a phone the way HighLevel stores it: E.164, defaulting to +1 for 10-digit numbers. */
export function normalizePhone(input: string): string {
  const trimmed = input.trim();
  const digits = phoneDigits(trimmed);
  if (trimmed.startsWith('+')) return `+${digits}`;
  if (digits.length === 10) return `+1${digits}`;
  return `+${digits}`;
}

export class Store {
  readonly locations = new Map<string, Location>();
  readonly users = new Map<string, User>();
  readonly contacts = new Map<string, Contact>();
  readonly tasks = new Map<string, Task[]>(); // by contactId
  readonly notes = new Map<string, Note[]>(); // by contactId
  readonly appointments = new Map<string, Appointment[]>(); // by contactId
  readonly tags = new Map<string, LocationTag[]>(); // by locationId
  readonly customFields = new Map<string, CustomFieldDef[]>(); // by locationId
  readonly businesses = new Map<string, Business>();
  readonly opportunities = new Map<string, Opportunity>();
  readonly pipelines = new Map<string, Pipeline[]>(); // by locationId
  readonly lostReasons = new Map<string, LostReason[]>(); // by locationId
  readonly workflows = new Map<string, Workflow[]>(); // by locationId
  readonly enrolments = new Map<string, Enrolment[]>(); // by contactId
  /** Source of ids for records created at runtime. */
  newId: () => string = () => {
    throw new Error('store id source not set');
  };

  /** Take over another store's records in place (used to reset to the seeded state). */
  replaceWith(o: Store): void {
    const pairs: [Map<string, unknown>, Map<string, unknown>][] = [
      [this.locations, o.locations], [this.users, o.users], [this.contacts, o.contacts], [this.tasks, o.tasks], [this.notes, o.notes],
      [this.appointments, o.appointments], [this.tags, o.tags], [this.customFields, o.customFields], [this.businesses, o.businesses],
      [this.opportunities, o.opportunities], [this.pipelines, o.pipelines], [this.lostReasons, o.lostReasons], [this.workflows, o.workflows],
      [this.enrolments, o.enrolments],
    ];
    for (const [mine, theirs] of pairs) {
      mine.clear();
      for (const [k, v] of theirs) mine.set(k, v);
    }
    this.newId = o.newId;
  }

  contactsOf(locationId: string): Contact[] {
    const out: Contact[] = [];
    for (const c of this.contacts.values()) if (c.locationId === locationId) out.push(c);
    return out;
  }

  usersOf(locationId: string): User[] {
    return [...this.users.values()].filter((u) => !u.deleted && u.roles.locationIds.includes(locationId));
  }

  tasksOf(contactId: string): Task[] {
    let list = this.tasks.get(contactId);
    if (!list) this.tasks.set(contactId, (list = []));
    return list;
  }

  notesOf(contactId: string): Note[] {
    let list = this.notes.get(contactId);
    if (!list) this.notes.set(contactId, (list = []));
    return list;
  }

  appointmentsOf(contactId: string): Appointment[] {
    return this.appointments.get(contactId) ?? [];
  }

  addContact(c: Contact): Contact {
    this.contacts.set(c.id, c);
    this.ensureTags(c.locationId, c.tags);
    return c;
  }

  opportunitiesOf(contactId: string): Opportunity[] {
    return [...this.opportunities.values()].filter((o) => o.contactId === contactId);
  }

  enrolmentsOf(contactId: string): Enrolment[] {
    let list = this.enrolments.get(contactId);
    if (!list) this.enrolments.set(contactId, (list = []));
    return list;
  }

  deleteContact(id: string): void {
    this.contacts.delete(id);
    this.enrolments.delete(id);
    for (const o of this.opportunitiesOf(id)) this.opportunities.delete(o.id);
    this.tasks.delete(id);
    this.notes.delete(id);
    this.appointments.delete(id);
  }

  /** HighLevel adds any tag put on a contact to the location's tag catalogue. */
  ensureTags(locationId: string, names: string[]): void {
    let list = this.tags.get(locationId);
    if (!list) this.tags.set(locationId, (list = []));
    for (const name of names) {
      if (!list.some((t) => t.name === name)) list.push({ id: this.newId(), name, locationId });
    }
  }

  findByEmail(locationId: string, email: string): Contact[] {
    const e = email.trim().toLowerCase();
    return this.contactsOf(locationId).filter((c) => c.emailLowerCase === e || c.additionalEmails.some((a) => a.email.toLowerCase() === e));
  }

  findByPhone(locationId: string, phone: string): Contact[] {
    const d = phoneDigits(phone);
    if (!d) return [];
    return this.contactsOf(locationId).filter((c) => phoneDigits(c.phone) === d);
  }

  counts() {
    return [...this.locations.values()].map((l) => {
      const contacts = this.contactsOf(l.id);
      const sum = (m: Map<string, unknown[]>) => contacts.reduce((n, c) => n + (m.get(c.id)?.length ?? 0), 0);
      return {
        id: l.id,
        name: l.name,
        contacts: contacts.length,
        tasks: sum(this.tasks),
        notes: sum(this.notes),
        appointments: sum(this.appointments),
        users: this.usersOf(l.id).length,
        tags: this.tags.get(l.id)?.length ?? 0,
      };
    });
  }
}
