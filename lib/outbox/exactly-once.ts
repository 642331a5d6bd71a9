// Creating tasks, notes, opportunities and contacts exactly once, although HighLevel has no idempotency keys.
//
// The marker of a create is its temporary id (`tmp-…`), kept in the outbox record; HighLevel has
// no field that would carry it without showing it to users, so it never leaves the extension.
// What makes a replay safe is this:
// - Task / note create: before the FIRST send, the ids of the contact's existing tasks (notes)
//   are stored in the record (`snapshot`), in the same storage write that marks it `sending`
//   or before. No POST ever leaves without a stored snapshot. After an attempt that may have
//   reached HighLevel (timeout, dropped connection, 5xx, or a `sending` record found when the
//   worker starts), the next attempt lists the contact's tasks (notes) again and looks for those
//   that are NOT in the snapshot and have the same fields (task: title, due date, body, assignee;
//   note: body, title). Found: that is ours, the write is done with its id. Not found: send again.
// - Every copy is accounted for: the browser itself sends a POST again, unseen by the extension,
//   when a kept-alive connection closes before any byte of the answer came back (Chromium's
//   HttpNetworkTransaction::ShouldResendRequest: a reused connection, no response headers; it does
//   so for any method, POST included; measured against the sandbox: one fetch() whose kept-alive
//   connection was dropped after the server acted made two notes, and answered 201). So after a
//   create is answered (or found by the check above), the contact's tasks (notes) are listed once
//   more, and any other copy of ours that appeared after the snapshot is deleted. The answered id
//   is remembered first (`result`), so a worker stopped in between only finishes the accounting.
// - Opportunity create (lib/opportunities): the same check and accounting (a copy is deleted). A
//   location that refuses duplicate opportunities refuses the browser's second send instead (400,
//   "duplicate opportunity"): that refusal is answered by looking for ours; found, it is done.
// - Contact create with an email or phone: sent as `POST /contacts/upsert`, which HighLevel keys
//   by email / phone, so a replay (ours or the browser's) finds the contact the first send made
//   and changes nothing new. If a contact with that email / phone already existed, the fields are
//   merged into it and the record says `created: false`.
// - Contact create with neither: there is no reliable look-up (search lags writes), so after an
//   ambiguous attempt the write stops as `failed` and asks the user to look in HighLevel first; a
//   copy the browser sent again unseen cannot be found either (the honest limit of this case).
// Honest limits: if someone else creates a task (note) with identical fields on the same contact
// between our snapshot and our last listing, we take theirs for ours (and keep one of the two). A
// request still travelling when the worker died could land after the new worker's check: the
// scheduler therefore waits before checking a write found `sending` at start-up (queue.ts), and a
// copy that still lands later is found by the accounting after the new worker's create. Task and
// note lists are read directly (not from the search index), so a landed create is visible at once.
import { i18n } from '#i18n';
import { isGhlError, type GhlClient, type Note, type Task } from '../ghl';
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
  /** Persist part of the record before going on (nothing leaves unless it is stored). */
  save(patch: Partial<WriteRecord>): Promise<void>;
  /** Keep part of the record (stored when storage allows: what HighLevel answered). */
  remember(patch: Partial<WriteRecord>): Promise<void>;
  /** Called right before a request that changes HighLevel leaves. */
  dispatching(): void;
}

const blank = (value: string | null | undefined) => value ?? '';
const sameInstant = (a: string | null | undefined, b: string) => Date.parse(blank(a)) === Date.parse(b);

interface CreateApi<T extends { id: string }> {
  list(): Promise<T[]>;
  create(): Promise<T>;
  /** Deletes one of ours; absent where a copy cannot be told from ours or removed (then none is). */
  remove?(id: string): Promise<void>;
  isOurs(item: T): boolean;
  /**
   * The create was refused because one like it exists (a location that refuses duplicate
   * opportunities): the one that exists may be ours, made by a send the browser repeated unseen.
   */
  refusedAsCopy?(error: unknown): boolean;
}

/** Deletes the copies of ours beside `kept` (made by a resend we never saw); one already gone is fine. */
async function removeCopies<T extends { id: string }>(api: CreateApi<T>, ours: T[], kept: string): Promise<void> {
  if (!api.remove) return;
  for (const copy of ours.filter((item) => item.id !== kept)) {
    await api.remove!(copy.id).catch((error: unknown) => {
      if (!(isGhlError(error) && error.kind === 'not_found')) throw error;
    });
  }
}

/** Failures worth another attempt: HighLevel did not answer, or answered "later". */
const passing = (error: unknown) => isGhlError(error) && ['network', 'server', 'rate_limited', 'malformed'].includes(error.kind);

/**
 * Lists the contact's items and removes our copies but `kept`. The create itself is done: if the
 * accounting cannot be finished for good (the contact was deleted meanwhile, a permission), the
 * write is still done; if it could be finished later, the attempt fails and the next one does it.
 */
async function accountFor<T extends { id: string }>(api: CreateApi<T>, oursNow: () => Promise<T[]>, kept: string): Promise<void> {
  try {
    await removeCopies(api, await oursNow(), kept);
  } catch (error) {
    if (passing(error)) throw error;
  }
}

export async function createOnce<T extends { id: string }>(record: WriteRecord, hooks: AttemptHooks, api: CreateApi<T>): Promise<Outcome> {
  const before = new Set(record.snapshot ?? []);
  const oursNow = async () => (await api.list()).filter((item) => !before.has(item.id) && api.isOurs(item));
  const done = (id: string): Outcome => ({ state: 'done', result: { id, created: true } });
  const answered = record.result?.id;
  if (answered) {
    // created and answered before; only its copies were not accounted for yet
    await accountFor(api, oursNow, answered);
    return done(answered);
  }
  if (!record.snapshot) {
    // No POST has left without a snapshot: nothing of ours can exist yet.
    const snapshot = (await api.list()).map((item) => item.id);
    await hooks.save({ snapshot });
    for (const id of snapshot) before.add(id);
  } else if (record.mayHaveLanded) {
    const ours = await oursNow();
    if (ours[0]) {
      await hooks.remember({ result: { id: ours[0].id, created: true } });
      await accountFor(api, async () => ours, ours[0].id);
      return done(ours[0].id);
    }
  }
  hooks.dispatching();
  let created: T;
  try {
    created = await api.create();
  } catch (error) {
    // refused as a copy: if one of ours is there, the browser's first send made it; else the refusal stands
    const ours = api.refusedAsCopy?.(error) ? await oursNow() : [];
    if (!ours[0]) throw error;
    await hooks.remember({ result: { id: ours[0].id, created: true } });
    await accountFor(api, async () => ours, ours[0].id);
    return done(ours[0].id);
  }
  await hooks.remember({ result: { id: created.id, created: true } });
  await accountFor(api, oursNow, created.id);
  return done(created.id);
}

type Create<K extends string> = Extract<Write, { kind: K }>;

export function createTaskOnce(client: GhlClient, record: WriteRecord, write: Create<'task.create'>, hooks: AttemptHooks) {
  const f = write.fields;
  return createOnce<Task>(record, hooks, {
    list: () => client.tasks.list(write.contactId, READ),
    create: () => client.tasks.create(write.contactId, f, NO_RETRY),
    remove: (id) => client.tasks.remove(write.contactId, id, READ),
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
    remove: (id) => client.notes.remove(write.contactId, id, READ),
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
