// THE optimistic rule, written once: the record the sidebar shows = the record HighLevel last sent
// (the "confirmed" record) with the writes it has not answered yet laid over it, in order. Pure, so
// the same record shows after a restart as before it. Objects not created yet carry their
// temporary id (`tmp-…`). Two callers, one rule: the background lays the outbox's unfinished writes
// over each kept record (keep.ts), and the sidebar lays the tag writes it has just sent and not yet
// seen answered over the record the background gave it, so a chip shows in the same frame as the
// key press (components/state/contact.ts) without waiting for a message.
// The same step also folds a write that just succeeded into the confirmed record, with HighLevel's
// ids, so the record stays right without reading the contact again after every write.
import { layOpportunityWrite, type OpportunityNames } from '../opportunities';
import { heldWrites, type WriteRecord } from '../outbox';
import type { ContactDetails, ContactView, CustomFieldDefinition, NoteView, PipelineView, TaskView, UserOption } from '../protocol';
import { layWorkflowWrite } from '../workflows';
import { applyEdit } from './contact-edit';
import { displayName, sortNotes, sortTasks } from './shape';

type Write = WriteRecord['write'];
/** A write as the record sees it: which connection sends it does not change what it shows. */
export type ShownWrite = Write extends infer W ? (W extends Write ? Omit<W, 'connectionId'> : never) : never;

/**
 * Tags compare without case (HighLevel keeps them trimmed and lower-case): a tag is shown as typed
 * (trimmed) until HighLevel's answer brings its spelling (withDoneWrite, or the answer to addTags).
 */
export const tagKey = (tag: string) => tag.trim().toLowerCase();

/** Shown optimistically: writes not applied yet and not stopped for the user's attention. */
const SHOWN = new Set<WriteRecord['state']>(['pending', 'sending']);

const some = (value: unknown) => (typeof value === 'string' && value ? value : undefined);

/** What names the ids writes bring: the location's lists, when at hand. */
export interface ShownLists {
  customFields?: CustomFieldDefinition[];
  pipelines?: PipelineView[];
  lostReasons?: { id: string; name: string }[];
}

/**
 * The record with `writes` laid over it, in the order given. `users` names the assignees of tasks
 * the writes create or reassign and owners; `at` dates the notes they create; `lists` names custom
 * fields, pipelines and stages. `answers`: HighLevel's answer to each write that is done (absent:
 * the writes wait, and what they change shows as pending).
 */
export function layWrites(
  d: ContactDetails,
  writes: Iterable<ShownWrite>,
  opts: { users: UserOption[]; at: number; lists?: ShownLists; answers?: Map<ShownWrite, WriteRecord['result'] | null> },
): ContactDetails {
  let contact = d.contact;
  let tasks = d.tasks;
  let notes = d.notes;
  let opportunities = d.opportunities;
  let workflowsAdded = d.workflowsAdded;
  let named = false;
  const names: OpportunityNames = {
    pipelines: opts.lists?.pipelines ?? [],
    lostReasons: opts.lists?.lostReasons ?? [],
    userName: (id) => opts.users.find((u) => u.id === id)?.name,
  };
  const assignee = (assignedTo: string | undefined) => (assignedTo ? opts.users.find((u) => u.id === assignedTo)?.name : undefined);
  const patchTask = (id: string, patch: Partial<TaskView>) => (tasks = tasks.map((t) => (t.id === id ? { ...t, ...patch } : t)));
  const addTags = (add: string[]) => {
    const tags = [...contact.tags];
    for (const tag of add.map((t) => t.trim())) if (tag && !tags.some((t) => tagKey(t) === tagKey(tag))) tags.push(tag);
    contact = { ...contact, tags };
  };
  for (const w of writes) {
    if (w.contactId !== contact.id) continue;
    switch (w.kind) {
      case 'tag.add':
        addTags(w.tags);
        break;
      case 'tag.remove': {
        const gone = new Set(w.tags.map(tagKey));
        contact = { ...contact, tags: contact.tags.filter((t) => !gone.has(tagKey(t))) };
        break;
      }
      case 'task.create': {
        const { title, dueDate, body, completed, assignedTo } = w.fields;
        tasks = [...tasks, { id: w.tempId, title, dueDate, body, completed: completed ?? false, assignedTo, assigneeName: assignee(assignedTo) }];
        break;
      }
      case 'task.update': {
        const patch: Partial<TaskView> = { ...w.fields };
        if ('assignedTo' in w.fields) patch.assigneeName = assignee(w.fields.assignedTo);
        patchTask(w.taskId, patch);
        break;
      }
      case 'task.complete':
        patchTask(w.taskId, { completed: w.completed });
        break;
      case 'task.delete':
        tasks = tasks.filter((t) => t.id !== w.taskId);
        break;
      case 'note.create':
        notes = [{ id: w.tempId, body: w.fields.body, dateAdded: new Date(opts.at).toISOString() }, ...notes];
        break;
      case 'note.update':
        notes = notes.map((n): NoteView => (n.id === w.noteId ? { ...n, body: w.fields.body ?? n.body } : n));
        break;
      case 'note.delete':
        notes = notes.filter((n) => n.id !== w.noteId);
        break;
      case 'contact.create': {
        const { tags = [], customFields: _fields, ...fields } = w.fields;
        contact = { ...contact, ...(fields as Partial<ContactView>) };
        addTags(tags);
        named = true;
        break;
      }
      case 'contact.update':
        contact = applyEdit(contact, w.fields, { users: opts.users, fields: opts.lists?.customFields });
        named = true;
        break;
      case 'contact.delete':
        break; // the sidebar shows the record until HighLevel answers
      case 'contact.followers': {
        const answered = opts.answers?.get(w)?.followers;
        const followers = answered ?? [...(contact.followers ?? []).filter((id) => !w.remove.includes(id)), ...w.add.filter((id) => !contact.followers?.includes(id))];
        contact = { ...contact, followers };
        break;
      }
      case 'opportunity.create':
      case 'opportunity.update':
      case 'opportunity.status': {
        const answer = opts.answers?.get(w);
        opportunities = layOpportunityWrite(opportunities ?? [], w, names, answer === null ? {} : answer);
        break;
      }
      case 'workflow.add':
      case 'workflow.remove':
        workflowsAdded = layWorkflowWrite(workflowsAdded ?? [], w, opts.answers?.has(w) ? opts.at : undefined);
        break;
    }
  }
  if (named) {
    contact = { ...contact, name: displayName({ firstName: some(contact.firstName), lastName: some(contact.lastName), name: some(contact.name), email: some(contact.email), phone: some(contact.phone) }) };
  }
  if (contact === d.contact && tasks === d.tasks && notes === d.notes && opportunities === d.opportunities && workflowsAdded === d.workflowsAdded) return d;
  return {
    ...d,
    contact,
    tasks: tasks === d.tasks ? tasks : sortTasks(tasks),
    notes: notes === d.notes ? notes : sortNotes(notes),
    ...(opportunities !== d.opportunities ? { opportunities } : {}),
    ...(workflowsAdded !== d.workflowsAdded ? { workflowsAdded } : {}),
  };
}

/** The confirmed record with the contact's unfinished writes of the outbox applied (pending and sending ones). */
export function withWrites(d: ContactDetails, records: WriteRecord[], users: UserOption[], lists?: ShownLists): ContactDetails {
  const own = records.filter((r) => r.write.contactId === d.contact.id).sort((a, b) => a.seq - b.seq);
  const mine = own.filter((r) => SHOWN.has(r.state));
  if (mine.length === 0) return d;
  const laid = layWrites(d, mine.map((r) => r.write), { users, lists, at: Math.max(...mine.map((r) => r.createdAt)) });
  // a running bulk job's tag (outbox.unanswered gives it the last seq) goes beside the contact's writes, never behind them
  const held = [...heldWrites(own.filter((r) => r.seq < Number.MAX_SAFE_INTEGER)).keys()];
  if (!held.length) return laid;
  const heldTags = held.flatMap((r) => (r.write.kind === 'tag.add' ? r.write.tags : []));
  return { ...laid, held: held.length, ...(heldTags.length ? { heldTags } : {}) };
}

/** The confirmed record after a write HighLevel accepted, with the ids HighLevel gave. */
export function withDoneWrite(d: ContactDetails, record: WriteRecord, users: UserOption[], lists?: ShownLists): ContactDetails {
  let write = record.write;
  const realId = record.result?.id;
  // idempotent: a create already folded in is replaced, not added twice
  if (realId && write.kind === 'task.create') {
    write = { ...write, tempId: realId };
    d = { ...d, tasks: d.tasks.filter((t) => t.id !== realId) };
  }
  if (realId && write.kind === 'note.create') {
    write = { ...write, tempId: realId };
    d = { ...d, notes: d.notes.filter((n) => n.id !== realId) };
  }
  const answers = new Map<ShownWrite, WriteRecord['result'] | null>([[write, record.result ?? null]]);
  let next = layWrites(d, [write], { users, lists, at: record.updatedAt, answers });
  // tag writes answer HighLevel's tag list: take its spelling
  if (record.result?.tags && (write.kind === 'tag.add' || write.kind === 'tag.remove')) {
    next = { ...next, contact: { ...next.contact, tags: record.result.tags } };
  }
  return next;
}
