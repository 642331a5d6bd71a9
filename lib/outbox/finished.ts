// What is kept of a finished write (done or discarded): what the activity log shows of it, and the
// ids later writes may still ask for, nothing more. The outbox keeps up to 500 finished writes in
// storage.local across restarts; a note's whole body, a new contact's email and phone, the values
// of an edit or the contact's whole tag list are not needed once HighLevel has them (or the user
// dropped them), so they are not kept. The full record is still handed to the outbox's listeners
// at the moment it finishes (the kept contact record takes its fields from it).
import type { Write, WriteRecord } from './types';

/** As many characters of a note as the activity log shows (`activity.addNote`). */
export const NOTE_EXCERPT = 40;

/** The write with only what `describeWrite` (activity.ts) reads, and its ids. */
function shownOnly(w: Write): Write {
  switch (w.kind) {
    case 'task.create':
      return { ...w, fields: { title: w.fields.title, dueDate: '' } };
    case 'task.update':
      return { ...w, fields: w.fields.title === undefined ? {} : { title: w.fields.title } };
    case 'note.create':
      return { ...w, fields: { body: w.fields.body.slice(0, NOTE_EXCERPT) } };
    case 'note.update':
      return { ...w, fields: {} };
    case 'contact.create': {
      const { firstName, lastName, email, phone } = w.fields;
      // the log names the contact by its name, else its email, else its phone
      const named = firstName || lastName ? { firstName, lastName } : email ? { email } : phone ? { phone } : {};
      return { ...w, fields: Object.fromEntries(Object.entries(named).filter(([, v]) => v !== undefined)) };
    }
    case 'contact.update': {
      // the log says which fields changed (do-not-disturb channels and custom fields included), not to what
      const { dndSettings, customFields, ...plain } = w.fields;
      const fields = {
        ...Object.fromEntries(Object.keys(plain).map((field) => [field, ''])),
        ...(dndSettings ? { dndSettings: Object.fromEntries(Object.keys(dndSettings).map((channel) => [channel, { status: '' }])) } : {}),
        ...(customFields ? { customFields: customFields.map((f) => ({ id: f.id, field_value: '' })) } : {}),
      } as typeof w.fields;
      return { ...w, fields, base: { dateUpdated: null, values: {} } };
    }
    default:
      return w; // tags (the log names them), completions and deletes (ids only)
  }
}

/** The record as kept once finished: its description, state, reason and ids; no bodies, values or snapshots. */
export function keptOfFinished(r: WriteRecord): WriteRecord {
  const { snapshot: _snapshot, conflict: _conflict, result, ...rest } = r;
  const kept: WriteRecord = { ...rest, write: shownOnly(r.write) };
  // a create's id answers later writes that still name its temporary id; a tag list is not needed
  if (result && (result.id !== undefined || result.created !== undefined)) {
    kept.result = result.created === undefined ? { id: result.id } : { id: result.id, created: result.created };
  }
  return kept;
}
