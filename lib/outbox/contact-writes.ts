// Every change the extension makes in HighLevel, in one place and with business names: tags,
// tasks, notes, contact edits and new contacts. Each is checked, stored in the durable outbox
// and answered with the contact's record as shown (lib/record): HighLevel's answer when it comes
// within CONFIRM_WAIT_MS, else the record with the write applied optimistically (the outbox keeps
// sending it, also after a restart). A write HighLevel refuses is answered as an error, in words.
import { i18n } from '#i18n';
import type { ContactFields } from '../ghl';
import type { DetectedPerson } from '../detect';
import { cleanPerson, cleanText, contactValueProblem } from '../page-values';
import { invalidInput, writeRefused, type BulkStart, type BulkView, type ContactDetails, type ContactEditInput, type ContactRecordAnswer, type TaskInput } from '../protocol';
import type { Settings } from '../storage';
import type { Outbox } from './queue';
import { checkedTags } from './tag-rules';
import { heldWrites, type NewWrite, type WriteRecord } from './types';

/** How long a write's answer waits for HighLevel before answering the optimistic record. */
export const CONFIRM_WAIT_MS = 3_000;
/** A new contact is needed at once (the person is matched to it): it waits longer. */
const CREATE_WAIT_MS = 10_000;

/** What a write needs of the connection: its outbox, and its records and lists (lib/record). */
export interface WriteServices {
  connectionId: string;
  outbox: Outbox;
  records: {
    get(contactId: string): Promise<ContactRecordAnswer>;
    /** the kept record shown again with the outbox's writes; undefined when none is kept */
    repaint(contactId: string): Promise<ContactDetails | undefined>;
  };
  /** shows a write's new state in its contact's kept record */
  showWrite(r: WriteRecord): Promise<void>;
  lists: { tagsUsed(tags: string[]): Promise<void> };
}

const STOPPED = new Set<WriteRecord['state']>(['done', 'failed', 'conflict', 'discarded']);

/** The write once HighLevel answered it (done, failed, conflict), or undefined after `waitMs`. */
export function outcomeOf(outbox: Outbox, id: string, waitMs: number): Promise<WriteRecord | undefined> {
  return new Promise((resolve) => {
    const stop = outbox.onChange(({ writes }) => {
      const record = writes.find((r) => r.id === id && STOPPED.has(r.state));
      if (!record) return;
      clearTimeout(timer);
      stop();
      resolve(record);
    });
    const timer = setTimeout(() => {
      stop();
      resolve(undefined);
    }, waitMs);
  });
}

/**
 * Queues the write, shows it at once, and answers the record once HighLevel took it (or it waits);
 * a write held behind one of its contact's that needs the user is not sent now: answered at once.
 */
export async function queue(w: WriteServices, input: NewWrite, waitMs = CONFIRM_WAIT_MS): Promise<WriteRecord | undefined> {
  const record = await w.outbox.enqueue(input);
  const held = input.contactId !== undefined && [...heldWrites(await w.outbox.unanswered(input.contactId)).keys()].some((r) => r.id === record.id);
  const outcome = outcomeOf(w.outbox, record.id, held ? 0 : waitMs);
  await w.records.repaint(input.contactId ?? '');
  const settled = await outcome;
  if (settled) await w.showWrite(settled);
  if (settled?.state === 'failed') throw writeRefused(settled.reason ?? i18n.t('errors.changeRefused'));
  return settled;
}

/** Queues the write and answers the contact's record as shown (HighLevel's answer, or the write laid over it). */
export async function queueForRecord(w: WriteServices, input: NewWrite & { contactId: string }): Promise<ContactDetails> {
  await queue(w, input);
  return (await w.records.repaint(input.contactId)) ?? (await w.records.get(input.contactId)).details;
}

function checkTask(task: Partial<TaskInput>, creating: boolean): Partial<TaskInput> {
  const title = task.title?.trim();
  if ((creating || task.title !== undefined) && !title) throw invalidInput(i18n.t('errors.taskNeedsTitle'));
  if ((creating || task.dueDate !== undefined) && Number.isNaN(Date.parse(task.dueDate ?? ''))) {
    throw invalidInput(i18n.t('errors.taskNeedsDueDate'));
  }
  const checked = { ...task, ...(title !== undefined ? { title } : {}) };
  if (!checked.assignedTo) delete checked.assignedTo;
  return checked;
}

function noteBody(body: string): string {
  const text = body.trim();
  if (!text) throw invalidInput(i18n.t('errors.noteEmpty'));
  return text;
}

const ids = (w: WriteServices, contactId: string) => ({ connectionId: w.connectionId, contactId });

async function tagWrite(w: WriteServices, contactId: string, op: 'tag.add' | 'tag.remove', tags: string[]): Promise<string[]> {
  const done = await queue(w, { kind: op, ...ids(w, contactId), tags });
  const shown = await w.records.repaint(contactId);
  return shown?.contact.tags ?? done?.result?.tags ?? [];
}

export async function addTagsToContact(w: WriteServices, contactId: string, tags: string[]): Promise<string[]> {
  const wanted = checkedTags(tags);
  const [now] = await Promise.all([tagWrite(w, contactId, 'tag.add', wanted), w.lists.tagsUsed(wanted)]);
  return now;
}

export const removeTagsFromContact = (w: WriteServices, contactId: string, tags: string[]) =>
  tagWrite(w, contactId, 'tag.remove', checkedTags(tags));

export const createTaskForContact = (w: WriteServices, contactId: string, input: TaskInput) =>
  queueForRecord(w, { kind: 'task.create', ...ids(w, contactId), fields: checkTask(input, true) as TaskInput });

export const changeTask = (w: WriteServices, contactId: string, taskId: string, patch: Partial<TaskInput>) =>
  queueForRecord(w, { kind: 'task.update', ...ids(w, contactId), taskId, fields: checkTask(patch, false) });

export const markTaskCompleted = (w: WriteServices, contactId: string, taskId: string, completed: boolean) =>
  queueForRecord(w, { kind: 'task.complete', ...ids(w, contactId), taskId, completed });

export const deleteTask = (w: WriteServices, contactId: string, taskId: string) =>
  queueForRecord(w, { kind: 'task.delete', ...ids(w, contactId), taskId });

export const addNoteToContact = (w: WriteServices, contactId: string, body: string) =>
  queueForRecord(w, { kind: 'note.create', ...ids(w, contactId), fields: { body: noteBody(body) } });

export const changeNote = (w: WriteServices, contactId: string, noteId: string, body: string) =>
  queueForRecord(w, { kind: 'note.update', ...ids(w, contactId), noteId, fields: { body: noteBody(body) } });

export const deleteNote = (w: WriteServices, contactId: string, noteId: string) =>
  queueForRecord(w, { kind: 'note.delete', ...ids(w, contactId), noteId });

/** Sends only the fields that changed, with the version the user edited (conflicts: see lib/outbox/conflicts.ts). */
export async function editContact(
  w: WriteServices,
  contactId: string,
  fields: ContactEditInput,
  base: { dateUpdated: string | null; values: ContactEditInput },
): Promise<ContactDetails> {
  const values = base.values as Record<string, string | undefined>;
  const changed = Object.fromEntries(
    Object.entries(fields)
      .map(([k, v]) => [k, (v ?? '').trim()] as const)
      .filter(([k, v]) => v !== (values[k] ?? '')),
  );
  if (Object.keys(changed).length === 0) return (await w.records.get(contactId)).details;
  for (const field of ['email', 'phone'] as const) {
    const problem = changed[field] === undefined ? undefined : contactValueProblem(field, changed[field]);
    if (problem) throw invalidInput(problem);
  }
  return queueForRecord(w, { kind: 'contact.update', ...ids(w, contactId), fields: changed, base: { dateUpdated: base.dateUpdated, values: { ...values } } });
}

/**
 * The GHL fields of a detected person, as the user's field mapping says. Its values came from a
 * page: they are cleaned here again, where they leave for HighLevel (no controls or bidi
 * overrides, no markup in names, a LinkedIn profile only with a valid slug).
 */
export function contactFieldsFor(detected: DetectedPerson, site: string, settings: Settings, names?: NameSplit): ContactFields {
  const { person } = cleanPerson({ ...detected });
  // the name split into first and last at its first space, unless the user split it themselves
  const split = names ? [cleanPerson({ name: names.first }).person.name ?? '', cleanPerson({ name: names.last }).person.name ?? ''] : undefined;
  const [firstName, ...rest] = split ? split.filter((p, i) => p || i === 0) : (person.name ?? '').split(' ');
  const map = settings.createMapping;
  const fields: ContactFields = { source: `GHL Sidebar – ${cleanText(site).slice(0, 40)}` };
  if (firstName) fields.firstName = firstName;
  if (rest.length) fields.lastName = rest.join(' ');
  if (person.email) fields.email = person.email;
  if (person.phone) fields.phone = person.phone;
  if (map.companyTo === 'companyName' && person.company) fields.companyName = person.company;
  if (map.linkedinTo === 'website' && person.linkedin) fields.website = person.linkedin;
  if (map.titleField && person.title) fields.customFields = [{ id: map.titleField, field_value: person.title }];
  if (settings.defaultTagsForNewContacts.length) fields.tags = [...settings.defaultTagsForNewContacts];
  return fields;
}

/** A name as the user split it into first and last name (the form that corrects a detected person). */
export interface NameSplit {
  first: string;
  last: string;
}

/** Queues the contact of a detected person (an upsert: HighLevel's duplicate rules apply). */
export function queueContactForPerson(w: WriteServices, person: DetectedPerson, site: string, settings: Settings, extraTags: string[] = [], names?: NameSplit) {
  const fields = contactFieldsFor(person, site, settings, names);
  if (!fields.firstName && !fields.email && !fields.phone) {
    throw invalidInput(i18n.t('errors.nothingToCreate'));
  }
  if (extraTags.length) fields.tags = [...new Set([...(fields.tags ?? []), ...extraTags])];
  return w.outbox.enqueue({ kind: 'contact.create', connectionId: w.connectionId, fields: fields as Extract<NewWrite, { kind: 'contact.create' }>['fields'] });
}

/**
 * Creates (or, by the location's duplicate rules, updates) the contact of a detected person:
 * answers its id, or, when HighLevel has not answered in time (offline, rate limited), the
 * temporary id the outbox knows it by until its create lands.
 */
export async function createContactForPerson(
  w: WriteServices,
  person: DetectedPerson,
  site: string,
  settings: Settings,
  names?: NameSplit,
): Promise<{ id: string } | { pending: string }> {
  const record = await queueContactForPerson(w, person, site, settings, [], names);
  const done = await outcomeOf(w.outbox, record.id, CREATE_WAIT_MS);
  if (done?.state === 'failed') throw writeRefused(done.reason ?? i18n.t('errors.contactRefused'));
  if (done?.state === 'discarded') throw writeRefused(i18n.t('errors.contactRefused'));
  return done?.result?.id ? { id: done.result.id } : { pending: record.write.contactId };
}

/** Deletes a contact in HighLevel through the outbox; answers once HighLevel took it (or it is queued). */
export async function deleteContact(w: WriteServices, contactId: string): Promise<true> {
  await queue(w, { kind: 'contact.delete', ...ids(w, contactId) });
  return true;
}

export interface BulkTagsRequest {
  contactIds: string[];
  tags: string[];
  op: 'add' | 'remove';
  /** also creates these people (not in GHL yet) with the tags, before the bulk change */
  create?: { people: DetectedPerson[]; site: string };
  startedOn?: BulkStart;
}

/** Tags (or untags) contacts in bulk through the outbox, with the same tag rules as one contact's tags. */
export async function startBulkTags(w: WriteServices, input: BulkTagsRequest, settings: () => Promise<Settings>): Promise<BulkView> {
  const { contactIds, op, create, startedOn } = input;
  const tags = checkedTags(input.tags);
  if (create && op === 'add') {
    const known = await settings();
    // upserts through the outbox, with the tags: HighLevel's duplicate rules keep them single
    for (const person of create.people) await queueContactForPerson(w, person, create.site, known, tags);
  }
  const progress = await w.outbox.enqueueBulkTags({ connectionId: w.connectionId, contactIds, tags, op, startedOn });
  return { ...progress, op, tags, createdAt: Date.now() };
}
