// HighLevel records -> what the sidebar shows (the shape of the record in lib/protocol.ts). Sorting
// for display happens here once: open tasks first then by due date, notes newest first, appointments upcoming first.
import { i18n } from '#i18n';
import type { Appointment, Contact, Note, Task, User } from '../ghl';
import { DND_CHANNELS, type AppointmentView, type ContactSummary, type ContactView, type CustomFieldDefinition, type DndStatus, type NoteView, type TaskView, type UserOption } from '../protocol';
import { HIGHLEVEL_APP_ORIGIN } from '../hosts';
import { customValueText, readCustomValue } from './custom-fields';

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
  const unnamed = !c.firstName && !c.lastName && !c.name;
  return {
    id: c.id,
    name: displayName(c),
    email: some(c.email),
    phone: some(c.phone),
    companyName: some(c.companyName),
    ...(unnamed ? { unnamed: true } : {}),
  };
}

export function userName(u: User | undefined): string | undefined {
  if (!u) return undefined;
  return some(u.name) ?? ([u.firstName, u.lastName].filter(Boolean).join(' ') || some(u.email));
}

const DND_STATUSES: readonly string[] = ['active', 'inactive', 'permanent'];

function dndView(c: Contact): ContactView['dndSettings'] {
  const out: NonNullable<ContactView['dndSettings']> = {};
  for (const channel of DND_CHANNELS) {
    const setting = c.dndSettings?.[channel];
    if (setting && DND_STATUSES.includes(setting.status)) out[channel] = { status: setting.status as DndStatus, ...(setting.message ? { message: setting.message } : {}) };
  }
  return out;
}

/**
 * The values of the fields the location lists, by its definitions (`fields`); values of fields it
 * does not list stay hidden. Without definitions (scope missing, list unreadable) none are shown.
 */
function customFieldViews(c: Contact, fields: CustomFieldDefinition[] | undefined): ContactView['customFields'] {
  if (!fields) return [];
  const values = new Map((c.customFields ?? []).map((f) => [f.id, f.value]));
  return fields.flatMap((def) => {
    const raw = readCustomValue(def, values.get(def.id));
    return raw === undefined ? [] : [{ id: def.id, name: def.name, value: customValueText(def, raw), raw }];
  });
}

export const userOptions = (users: Map<string, User>): UserOption[] =>
  [...users.values()].map((u) => ({ id: u.id, name: userName(u) ?? u.id })).sort((a, b) => a.name.localeCompare(b.name));

export function contactView(
  c: Contact,
  users: Map<string, User>,
  locationId: string,
  fields?: CustomFieldDefinition[],
): ContactView {
  return {
    ...contactSummary(c),
    locationId: c.locationId ?? locationId,
    firstName: some(c.firstName),
    lastName: some(c.lastName),
    website: some(c.website),
    tags: c.tags ?? [],
    dnd: c.dnd ?? false,
    dndSettings: dndView(c),
    assignedTo: some(c.assignedTo),
    ownerName: c.assignedTo ? userName(users.get(c.assignedTo)) : undefined,
    followers: c.followers ?? [],
    businessId: some(c.businessId),
    dateUpdated: some(c.dateUpdated),
    customFields: customFieldViews(c, fields),
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
