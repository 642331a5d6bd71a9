// HighLevel records -> what the sidebar shows. Sorting for display happens here once: open tasks
// first then by due date, notes newest first, appointments upcoming first.
import type { Appointment, Contact, Note, Task, User } from '../ghl/schemas';
import type { AppointmentView, ContactSummary, ContactView, NoteView, TaskView } from '../messaging';
import { HIGHLEVEL_APP_ORIGIN } from '../hosts';

const some = (s: string | null | undefined) => (s ? s : undefined);

function titleCase(s: string): string {
  return s.replace(/\b\p{L}/gu, (c) => c.toUpperCase());
}

export function displayName(c: Pick<Contact, 'firstName' | 'lastName' | 'name' | 'email' | 'phone'>): string {
  const full = [c.firstName, c.lastName].filter(Boolean).join(' ').trim();
  if (full) return full;
  if (c.name) return titleCase(c.name);
  return c.email ?? c.phone ?? 'Unnamed contact';
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

export function contactView(c: Contact, users: Map<string, User>, locationId: string): ContactView {
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
    customFields: (c.customFields ?? []).map((f) => ({ id: f.id, name: f.id, value: String(f.value ?? '') })),
    appUrl: `${HIGHLEVEL_APP_ORIGIN}/v2/location/${c.locationId ?? locationId}/contacts/detail/${c.id}`,
  };
}

const time = (s: string | null | undefined) => (s ? Date.parse(s.replace(' ', 'T')) : Number.NaN);

export function taskViews(tasks: Task[], users: Map<string, User>): TaskView[] {
  return tasks
    .map((t) => ({
      id: t.id,
      title: t.title ?? '(untitled task)',
      body: some(t.body),
      dueDate: some(t.dueDate),
      completed: t.completed ?? false,
      assignedTo: some(t.assignedTo),
      assigneeName: t.assignedTo ? userName(users.get(t.assignedTo)) : undefined,
    }))
    .sort((a, b) => Number(a.completed) - Number(b.completed) || (time(a.dueDate) || 0) - (time(b.dueDate) || 0));
}

export function noteViews(notes: Note[]): NoteView[] {
  return notes
    .map((n) => ({ id: n.id, body: n.body ?? '', dateAdded: some(n.dateAdded) }))
    .sort((a, b) => (time(b.dateAdded) || 0) - (time(a.dateAdded) || 0));
}

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
