// Creating tasks, notes and contacts exactly once, although HighLevel has no idempotency keys.
//
// The marker of a create is its temporary id (`tmp-…`), kept in the outbox record; HighLevel has
// no field that would carry it without showing it to users, so it never leaves the extension.
// What makes a replay safe is this:
// - Task / note create: before the FIRST send, the ids of the contact's existing tasks (notes)
//   are stored in the record (`snapshot`), in the same storage write that marks it `sending`
//   or before. No POST ever leaves without a stored snapshot. After an attempt that may have
//   reached HighLevel (timeout, dropped connection, 5xx, or a `sending` record found when the
//   worker starts), the next attempt lists the contact's tasks (notes) again and looks for one
//   that is NOT in the snapshot and has the same fields (task: title, due date, body, assignee;
//   note: body, title). Found: that is ours, the write is done with its id. Not found: send again.
// - Contact create with an email or phone: sent as `POST /contacts/upsert`, which HighLevel keys
//   by email / phone, so a replay finds the contact the first send made and changes nothing new.
//   If a contact with that email / phone already existed, the fields are merged into it and the
//   record says `created: false`.
// - Contact create with neither: there is no reliable look-up (search lags writes), so after an
//   ambiguous attempt the write stops as `failed` and asks the user to look in HighLevel first.
// Honest limits: if someone else creates a task (note) with identical fields on the same contact
// between our lost answer and our check, we take theirs for ours and do not create ours. A request
// still travelling when the worker died could land after the new worker's check: the scheduler
// therefore waits `settleMs` (longer than the client's request timeout) after the last send
// before checking a write found `sending` at start-up. Task and note lists are read directly
// (not from the search index), so a landed create is visible to the check at once.
import { i18n } from '#i18n';
import type { GhlClient, Note, Task } from '../ghl';
import type { Conflict, Write, WriteRecord } from './types';

export const NO_RETRY = { retry: false } as const;
/**
 * The reads an attempt makes before it writes (a create's check, a contact edit's version) retry
 * in place like any read: they change nothing, and failing the whole attempt for a lost read would
 * make a create face the network's odds twice per attempt.
 */
export const READ = {} as const;

export type Outcome =
  | { state: 'done'; result?: WriteRecord['result'] }
  | { state: 'conflict'; conflict: Conflict }
  | { state: 'failed'; reason: string; action: 'retry' | 'none' };

/** What an attempt may do besides calling HighLevel. */
export interface AttemptHooks {
  /** Persist part of the record before going on. */
  save(patch: Partial<WriteRecord>): Promise<void>;
  /** Called right before a request that changes HighLevel leaves. */
  dispatching(): void;
}

const blank = (value: string | null | undefined) => value ?? '';
const sameInstant = (a: string | null | undefined, b: string) => Date.parse(blank(a)) === Date.parse(b);

export async function createOnce<T extends { id: string }>(
  record: WriteRecord,
  hooks: AttemptHooks,
  api: { list(): Promise<T[]>; create(): Promise<T>; isOurs(item: T): boolean },
): Promise<Outcome> {
  if (!record.snapshot) {
    // No POST has left without a snapshot: nothing of ours can exist yet.
    await hooks.save({ snapshot: (await api.list()).map((item) => item.id) });
  } else if (record.mayHaveLanded) {
    const before = new Set(record.snapshot);
    const ours = (await api.list()).find((item) => !before.has(item.id) && api.isOurs(item));
    if (ours) return { state: 'done', result: { id: ours.id, created: true } };
  }
  hooks.dispatching();
  const created = await api.create();
  return { state: 'done', result: { id: created.id, created: true } };
}

type Create<K extends string> = Extract<Write, { kind: K }>;

export function createTaskOnce(client: GhlClient, record: WriteRecord, write: Create<'task.create'>, hooks: AttemptHooks) {
  const f = write.fields;
  return createOnce<Task>(record, hooks, {
    list: () => client.tasks.list(write.contactId, READ),
    create: () => client.tasks.create(write.contactId, f, NO_RETRY),
    isOurs: (t) =>
      blank(t.title) === f.title &&
      sameInstant(t.dueDate, f.dueDate) &&
      blank(t.body) === blank(f.body) &&
      (f.assignedTo === undefined || t.assignedTo === f.assignedTo),
  });
}

export function createNoteOnce(client: GhlClient, record: WriteRecord, write: Create<'note.create'>, hooks: AttemptHooks) {
  const f = write.fields;
  return createOnce<Note>(record, hooks, {
    list: () => client.notes.list(write.contactId, READ),
    create: () => client.notes.create(write.contactId, f, NO_RETRY),
    isOurs: (n) => blank(n.body) === f.body && (f.title === undefined || n.title === f.title),
  });
}

export async function createContactOnce(
  client: GhlClient,
  record: WriteRecord,
  write: Create<'contact.create'>,
  hooks: AttemptHooks,
): Promise<Outcome> {
  const { fields } = write;
  if (fields.email || fields.phone) {
    hooks.dispatching();
    const { contact, created } = await client.contacts.upsert(fields, NO_RETRY);
    return { state: 'done', result: { id: contact.id, created } };
  }
  if (record.mayHaveLanded) {
    return {
      state: 'failed',
      action: 'retry',
      reason: i18n.t('outbox.contactMayExist'),
    };
  }
  hooks.dispatching();
  const contact = await client.contacts.create(fields, NO_RETRY);
  return { state: 'done', result: { id: contact.id, created: true } };
}
