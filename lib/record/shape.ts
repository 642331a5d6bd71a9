// HighLevel records -> what the sidebar shows (the shape of the record in lib/protocol.ts). Sorting
// for display happens here once: open tasks first then by due date, notes newest first, appointments upcoming first.
import { i18n } from '#i18n';
import type { Appointment, Contact, Note, Task, User } from '../ghl';
import type { AppointmentView, ContactSummary, ContactView, NoteView, TaskView, UserOption } from '../protocol';
import { HIGHLEVEL_APP_ORIGIN } from '../hosts';

const some = (s: string | null | undefined) => (s ? s : undefined);

const WORD_START = /\b\p{L}/gu;

function titleCase(s: string): string {
  return s.replace(WORD_START, (c) => c.toUpperCase());
}

export function displayName(c: Pick<Contact, 'firstName' | 'lastName' | 'name' | 'email' | 'phone'>): string {
  const full = [c.firstName, c.lastName].filter(Boolean).join(' ').trim();
  if (full) return full;
  if (c.name) return titleCase(c.name);
  return c.email ?? c.phone ?? i18n.t('contact.unnamed');
}

export function contactSummary(c: Contact): ContactSummary {
  return {
    id: c.id,
    name: displayName(c),
    email: some(c.email),
    phone: some(c.phone),
    companyName: some(c.companyName),
  };
}

export function userName(u: User | undefined): string | undefined {
  if (!u) return undefined;
  return some(u.name) ?? ([u.firstName, u.lastName].filter(Boolean).join(' ') || some(u.email));
}

const fieldValue = (value: unknown) => (Array.isArray(value) ? value.join(', ') : String(value ?? ''));

export const userOptions = (users: Map<string, User>): UserOption[] =>
  [...users.values()].map((u) => ({ id: u.id, name: userName(u) ?? u.id })).sort((a, b) => a.name.localeCompare(b.name));

export function contactView(
  c: Contact,
  users: Map<string, User>,
  locationId: string,
  fieldNames: Map<string, string> = new Map(),
): ContactView {
  return {
    ...contactSummary(c),
    locationId: c.locationId ?? locationId,
    firstName: some(c.firstName),
    lastName: some(c.lastName),
    website: some(c.website),
    tags: c.tags ?? [],
    dnd: c.dnd ?? false,
    assignedTo: some(c.assignedTo),
    ownerName: c.assignedTo ? userName(users.get(c.assignedTo)) : undefined,
    businessId: some(c.businessId),
    dateUpdated: some(c.dateUpdated),
    customFields: (c.customFields ?? [])
      .map((f) => ({ id: f.id, name: fieldNames.get(f.id) ?? i18n.t('fields.customField'), value: fieldValue(f.value) }))
      .filter((f) => f.value !== ''),
    appUrl: `${HIGHLEVEL_APP_ORIGIN}/v2/location/${c.locationId ?? locationId}/contacts/detail/${c.id}`,
  };
}

const time = (s: string | null | undefined) => (s ? Date.parse(s.replace(' ', 'T')) : Number.NaN);

export function taskView(t: Task, users: Map<string, User>): TaskView {
  return {
    id: t.id,
    title: t.title ?? i18n.t('tasks.untitled'),
    body: some(t.body),
    dueDate: some(t.dueDate),
    completed: t.completed ?? false,
    assignedTo: some(t.assignedTo),
    assigneeName: t.assignedTo ? userName(users.get(t.assignedTo)) : undefined,
  };
}

/** Open tasks first, then by due date. */
export const sortTasks = (tasks: TaskView[]): TaskView[] =>
  [...tasks].sort((a, b) => Number(a.completed) - Number(b.completed) || (time(a.dueDate) || 0) - (time(b.dueDate) || 0));

export const taskViews = (tasks: Task[], users: Map<string, User>): TaskView[] => sortTasks(tasks.map((t) => taskView(t, users)));

export const noteView = (n: Note): NoteView => ({ id: n.id, body: n.body ?? '', dateAdded: some(n.dateAdded) });

/** Newest first. */
export const sortNotes = (notes: NoteView[]): NoteView[] =>
  [...notes].sort((a, b) => (time(b.dateAdded) || 0) - (time(a.dateAdded) || 0));

export const noteViews = (notes: Note[]): NoteView[] => sortNotes(notes.map(noteView));

/** Puts `item` in place of the one with its id, or adds it. */
export function appointmentViews(events: Appointment[], now = Date.now()): AppointmentView[] {
  const views = events.map((e) => ({
    id: e.id,
    title: e.title ?? 'Appointment',
    startTime: e.startTime ?? '',
    endTime: some(e.endTime),
    status: some(e.appointmentStatus) ?? some(e.status),
  }));
  const upcoming = views.filter((a) => time(a.startTime) >= now).sort((a, b) => time(a.startTime) - time(b.startTime));
  const past = views.filter((a) => !(time(a.startTime) >= now)).sort((a, b) => time(b.startTime) - time(a.startTime));
  return [...upcoming, ...past];
}
