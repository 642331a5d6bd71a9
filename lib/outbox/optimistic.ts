// What the user should see before HighLevel confirms: the contact's last-known record (tags,
// fields, tasks, notes) with its unfinished writes applied in order. Pure, so the sidebar shows
// the same optimistic state after a restart as before it. Objects not created yet carry their
// temporary id (`tmp-…`, see isTempId).
import type { Contact, Note, Task } from '../ghl/schemas';
import type { WriteRecord } from './types';

export interface ContactView {
  contact: Contact;
  tasks: Task[];
  notes: Note[];
  /** Set when a queued write deletes the contact. */
  deleted?: boolean;
}

/** HighLevel stores tags trimmed and lower-case. */
const tagKey = (tag: string) => tag.trim().toLowerCase();

/** Shown optimistically: writes not applied yet and not stopped for the user's attention. */
const SHOWN = new Set<WriteRecord['state']>(['pending', 'sending']);

export function applyWrites(view: ContactView, records: Iterable<WriteRecord>): ContactView {
  let { contact, tasks, notes, deleted } = view;
  const patchTask = (id: string, patch: Partial<Task>) => (tasks = tasks.map((t) => (t.id === id ? { ...t, ...patch } : t)));
  const patchNote = (id: string, patch: Partial<Note>) => (notes = notes.map((n) => (n.id === id ? { ...n, ...patch } : n)));
  const ordered = [...records].filter((r) => SHOWN.has(r.state)).sort((a, b) => a.seq - b.seq);
  for (const { write: w } of ordered) {
    if (w.contactId !== contact.id) continue;
    switch (w.kind) {
      case 'tag.add': {
        const tags = contact.tags ?? [];
        contact = { ...contact, tags: [...tags, ...w.tags.map(tagKey).filter((t) => t && !tags.includes(t))] };
        break;
      }
      case 'tag.remove': {
        const gone = new Set(w.tags.map(tagKey));
        contact = { ...contact, tags: (contact.tags ?? []).filter((t) => !gone.has(t)) };
        break;
      }
      case 'task.create':
        tasks = [...tasks, { completed: false, ...w.fields, id: w.tempId, contactId: w.contactId }];
        break;
      case 'task.update':
        patchTask(w.taskId, w.fields);
        break;
      case 'task.complete':
        patchTask(w.taskId, { completed: w.completed });
        break;
      case 'task.delete':
        tasks = tasks.filter((t) => t.id !== w.taskId);
        break;
      case 'note.create':
        notes = [{ ...w.fields, id: w.tempId, contactId: w.contactId }, ...notes];
        break;
      case 'note.update':
        patchNote(w.noteId, w.fields);
        break;
      case 'note.delete':
        notes = notes.filter((n) => n.id !== w.noteId);
        break;
      case 'contact.create':
        contact = { ...contact, ...w.fields, tags: [...(contact.tags ?? []), ...(w.fields.tags ?? []).map(tagKey)] };
        break;
      case 'contact.update':
        contact = { ...contact, ...w.fields };
        break;
      case 'contact.delete':
        deleted = true;
        break;
    }
  }
  return { contact, tasks, notes, ...(deleted ? { deleted } : {}) };
}
