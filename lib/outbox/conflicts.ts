// Contact edits against changes made meanwhile in HighLevel.
//
// A contact.update carries only the fields the user changed, plus the version the user edited
// (HighLevel's `dateUpdated` and the values the user saw). Before sending, the outbox reads the
// contact: same `dateUpdated` -> send. Different -> compare field by field: a field is in
// conflict when HighLevel's value differs both from what the user saw and from what the user
// wants. No conflicting field (e.g. only tags changed, or our own earlier attempt landed) -> send.
// Otherwise the write stops in `conflict` with base / theirs / ours per field; nothing is
// overwritten until the caller resolves it.
//
// Default ("latest wins unless the user overrides"): `conflict.latest` names the later of the
// two changes (HighLevel's dateUpdated vs the time of the user's edit); `resolveConflict(id)`
// without a choice applies it. Since a queued edit waits, HighLevel's change is usually the later
// one, so the default normally keeps theirs. 'mine' / 'theirs' / a per-field choice override it.
// Fields of the same edit that are not in conflict are always sent. Limit: HighLevel has no
// conditional update, so a change landing between our read and our PUT is overwritten.
import type { Contact } from '../ghl';
import type { Conflict, ConflictField, ContactEdit, Write } from './types';

export type ConflictChoice = 'mine' | 'theirs' | Record<string, 'mine' | 'theirs'>;
type Update = Extract<Write, { kind: 'contact.update' }>;

const digits = (value: unknown) => String(value).replace(/\D/g, '');
const empty = (value: unknown) => value === undefined || value === null || value === '';

/** Equal as HighLevel stores them (it normalises phones to E.164, drops empty strings). */
function same(field: string, a: unknown, b: unknown): boolean {
  if (empty(a) || empty(b)) return empty(a) && empty(b);
  if (field === 'phone') {
    const [x, y] = [digits(a), digits(b)];
    return x.endsWith(y) || y.endsWith(x);
  }
  if (field === 'email') return String(a).toLowerCase() === String(b).toLowerCase();
  return JSON.stringify(a) === JSON.stringify(b);
}

const valueOf = (contact: Contact, field: string): unknown => (contact as Record<string, unknown>)[field];

/** The conflict between the queued edit and the contact as HighLevel has it now, or null. */
export function findConflict(write: Update, current: Contact, editedAt: number): Conflict | null {
  const theirsAt = current.dateUpdated ?? null;
  if (theirsAt === write.base.dateUpdated) return null;
  const fields: ConflictField[] = [];
  for (const [field, ours] of Object.entries(write.fields)) {
    const theirs = valueOf(current, field);
    const base = write.base.values[field];
    if (!same(field, theirs, base) && !same(field, theirs, ours)) fields.push({ field, base, theirs, ours });
  }
  if (fields.length === 0) return null;
  const theirsTime = theirsAt ? Date.parse(theirsAt) : 0;
  return { theirsAt, oursAt: editedAt, latest: theirsTime > editedAt ? 'theirs' : 'mine', fields };
}

/**
 * The edit to send after the user chose: conflicting fields kept as 'mine' plus the fields that
 * were not in conflict, based on HighLevel's version now. Null: nothing left to send.
 */
export function resolveEdit(write: Update, conflict: Conflict, choice: ConflictChoice | undefined): Update | null {
  const pick = (field: string) => {
    const chosen = choice ?? conflict.latest;
    return typeof chosen === 'string' ? chosen : (chosen[field] ?? conflict.latest);
  };
  const contested = new Map(conflict.fields.map((f) => [f.field, f]));
  const fields: Record<string, unknown> = {};
  const values: Record<string, unknown> = { ...write.base.values };
  for (const [field, ours] of Object.entries(write.fields)) {
    const c = contested.get(field);
    if (c) values[field] = c.theirs;
    if (!c || pick(field) === 'mine') fields[field] = ours;
  }
  if (Object.keys(fields).length === 0) return null;
  return { ...write, fields: fields as ContactEdit, base: { dateUpdated: conflict.theirsAt, values } };
}

export const describeConflict = (contactId: string, conflict: Conflict) =>
  `Outbox: contact ${contactId} changed in HighLevel meanwhile; fields in conflict: ${conflict.fields.map((f) => f.field).join(', ')}`;
