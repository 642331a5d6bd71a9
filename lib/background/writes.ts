// Every change the extension makes in HighLevel, in one place and with business names: tags,
// tasks, notes and new contacts. Each takes the active location's services and answers the state
// after the change, applied to the kept record (which pushes it to the sidebar). A durable outbox
// can later take these over here without touching the handlers or the pages.
import type { Contact, ContactFields, GhlClient } from '../ghl';
import type { DetectedPerson } from '../detect/types';
import type { ContactDetails, TaskInput } from '../messaging';
import type { Settings } from '../storage';
import type { LocationListsReader } from './lists';
import type { ContactRecords } from './records';
import { invalidInput } from './errors';
import { noteView, sortNotes, sortTasks, taskView, upsertById } from './views';

export interface WriteServices {
  client: GhlClient;
  records: ContactRecords;
  lists: LocationListsReader;
}

function cleanTags(tags: string[]): string[] {
  const clean = [...new Set(tags.map((t) => t.trim()).filter(Boolean))];
  if (clean.length === 0) throw invalidInput('Type a tag name first.');
  if (clean.some((t) => t.length > 100)) throw invalidInput('A tag can be at most 100 characters long.');
  return clean;
}

function checkTask(task: Partial<TaskInput>, creating: boolean): Partial<TaskInput> {
  const title = task.title?.trim();
  if ((creating || task.title !== undefined) && !title) throw invalidInput('A task needs a title.');
  if ((creating || task.dueDate !== undefined) && Number.isNaN(Date.parse(task.dueDate ?? ''))) {
    throw invalidInput('A task needs a due date.');
  }
  return { ...task, ...(title !== undefined ? { title } : {}), assignedTo: task.assignedTo || undefined };
}

function noteBody(body: string): string {
  const text = body.trim();
  if (!text) throw invalidInput('A note cannot be empty.');
  return text;
}

const setTags = (tags: string[]) => (d: ContactDetails) => ({ ...d, contact: { ...d.contact, tags } });

export async function addTagsToContact(w: WriteServices, contactId: string, tags: string[]): Promise<string[]> {
  const wanted = cleanTags(tags);
  const now = await w.client.tags.add(contactId, wanted);
  await Promise.all([w.records.change(contactId, setTags(now)), w.lists.tagsUsed(wanted)]);
  return now;
}

export async function removeTagsFromContact(w: WriteServices, contactId: string, tags: string[]): Promise<string[]> {
  const now = await w.client.tags.remove(contactId, cleanTags(tags));
  await w.records.change(contactId, setTags(now));
  return now;
}

async function keepTask(w: WriteServices, contactId: string, task: Awaited<ReturnType<GhlClient['tasks']['get']>>) {
  const view = taskView(task, await w.lists.users());
  return w.records.change(contactId, (d) => ({ ...d, tasks: sortTasks(upsertById(d.tasks, view)) }));
}

export async function createTaskForContact(w: WriteServices, contactId: string, input: TaskInput): Promise<ContactDetails> {
  const task = checkTask(input, true) as TaskInput;
  return keepTask(w, contactId, await w.client.tasks.create(contactId, task));
}

export async function changeTask(w: WriteServices, contactId: string, taskId: string, patch: Partial<TaskInput>) {
  return keepTask(w, contactId, await w.client.tasks.update(contactId, taskId, checkTask(patch, false)));
}

export async function markTaskCompleted(w: WriteServices, contactId: string, taskId: string, completed: boolean) {
  return keepTask(w, contactId, await w.client.tasks.setCompleted(contactId, taskId, completed));
}

export async function deleteTask(w: WriteServices, contactId: string, taskId: string): Promise<ContactDetails> {
  await w.client.tasks.remove(contactId, taskId);
  return w.records.change(contactId, (d) => ({ ...d, tasks: d.tasks.filter((t) => t.id !== taskId) }));
}

export async function addNoteToContact(w: WriteServices, contactId: string, body: string): Promise<ContactDetails> {
  const note = noteView(await w.client.notes.create(contactId, { body: noteBody(body) }));
  return w.records.change(contactId, (d) => ({ ...d, notes: sortNotes(upsertById(d.notes, note)) }));
}

export async function changeNote(w: WriteServices, contactId: string, noteId: string, body: string): Promise<ContactDetails> {
  const note = noteView(await w.client.notes.update(contactId, noteId, { body: noteBody(body) }));
  return w.records.change(contactId, (d) => ({ ...d, notes: sortNotes(upsertById(d.notes, note)) }));
}

export async function deleteNote(w: WriteServices, contactId: string, noteId: string): Promise<ContactDetails> {
  await w.client.notes.remove(contactId, noteId);
  return w.records.change(contactId, (d) => ({ ...d, notes: d.notes.filter((n) => n.id !== noteId) }));
}

/** The GHL fields of a detected person, as the user's field mapping says. */
export function contactFieldsFor(person: DetectedPerson, site: string, settings: Settings): ContactFields {
  const [firstName, ...rest] = (person.name ?? '').trim().split(/\s+/).filter(Boolean);
  const map = settings.createMapping;
  const fields: ContactFields = {
    firstName,
    lastName: rest.length ? rest.join(' ') : undefined,
    email: person.email,
    phone: person.phone,
    source: `GHL Sidebar – ${site}`,
  };
  if (map.companyTo === 'companyName' && person.company) fields.companyName = person.company;
  if (map.linkedinTo === 'website' && person.linkedin) fields.website = person.linkedin;
  if (map.titleField && person.title) fields.customFields = [{ id: map.titleField, field_value: person.title }];
  if (settings.defaultTagsForNewContacts.length) fields.tags = [...settings.defaultTagsForNewContacts];
  return fields;
}

/** Creates (or, by the location's duplicate rules, updates) the contact of a detected person. */
export async function createContactForPerson(
  w: WriteServices,
  person: DetectedPerson,
  site: string,
  settings: Settings,
): Promise<Contact> {
  if (!person.name && !person.email && !person.phone) {
    throw invalidInput('This person has no name, email or phone to create a contact with.');
  }
  return (await w.client.contacts.upsert(contactFieldsFor(person, site, settings))).contact;
}
