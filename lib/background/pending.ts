// The record the sidebar shows = HighLevel's last answer (the "confirmed" record) with the
// contact's unfinished writes of the outbox applied. The same pure step (lib/outbox/optimistic.ts)
// also folds a write that just succeeded into the confirmed record, with HighLevel's ids, so the
// record stays right without reading the contact again after every write.
import type { Contact, Note, Task } from '../ghl/schemas';
import type { ContactDetails, NoteView, TaskView, UserOption } from '../messaging';
import { applyWrites, type ContactView as OutboxView, type WriteRecord } from '../outbox';
import { displayName, sortNotes, sortTasks } from './views';

const toOutbox = (d: ContactDetails): OutboxView => ({
  contact: d.contact as unknown as Contact,
  tasks: d.tasks as unknown as Task[],
  notes: d.notes as unknown as Note[],
});

const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);

function fromOutbox(d: ContactDetails, view: OutboxView, users: UserOption[], at: number): ContactDetails {
  const c = view.contact as unknown as Record<string, unknown>;
  const contact = { ...d.contact, ...(view.contact as unknown as ContactDetails['contact']) };
  contact.name = displayName({ firstName: text(c.firstName), lastName: text(c.lastName), name: text(c.name), email: text(c.email), phone: text(c.phone) });
  const tasks = view.tasks.map(
    (t): TaskView => ({
      ...(t as unknown as TaskView),
      completed: t.completed ?? false,
      assigneeName: t.assignedTo ? users.find((u) => u.id === t.assignedTo)?.name : undefined,
    }),
  );
  const notes = view.notes.map((n): NoteView => ({ id: n.id, body: n.body ?? '', dateAdded: n.dateAdded ?? new Date(at).toISOString() }));
  return { ...d, contact, tasks: sortTasks(tasks), notes: sortNotes(notes) };
}

/** The confirmed record with the contact's unfinished writes applied (pending and sending ones). */
export function withWrites(d: ContactDetails, writes: WriteRecord[], users: UserOption[]): ContactDetails {
  const mine = writes.filter((r) => r.write.contactId === d.contact.id);
  if (mine.length === 0) return d;
  const at = Math.max(...mine.map((r) => r.createdAt));
  return fromOutbox(d, applyWrites(toOutbox(d), mine), users, at);
}

/** The confirmed record after a write HighLevel accepted, with the ids HighLevel gave. */
export function withDoneWrite(d: ContactDetails, record: WriteRecord, users: UserOption[]): ContactDetails {
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
  let next = withWrites(d, [{ ...record, write, state: 'pending' }], users);
  // tag writes answer HighLevel's tag list: take its spelling
  if (record.result?.tags && (write.kind === 'tag.add' || write.kind === 'tag.remove')) {
    next = { ...next, contact: { ...next.contact, tags: record.result.tags } };
  }
  return next;
}
