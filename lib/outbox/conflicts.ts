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
// Fields are compared flat: a plain field by its name (`email`, `assignedTo`, `dnd`), one channel
// of do-not-disturb as `dndSettings.<channel>` (its status), one custom field as
// `customFields.<id>` (its value). So a change of SMS do-not-disturb does not meet a change of the
// Email channel, nor one custom field another.
//
// Default ("latest wins unless the user overrides"): `conflict.latest` names the later of the
// two changes (HighLevel's dateUpdated vs the time of the user's edit); `resolveConflict(id)`
// without a choice applies it. Since a queued edit waits, HighLevel's change is usually the later
// one, so the default normally keeps theirs. 'mine' / 'theirs' / a per-field choice override it.
// Fields of the same edit that are not in conflict are always sent. Limit: HighLevel has no
// conditional update, so a change landing between our read and our PUT is overwritten.
import type { Contact, ContactUpdateFields } from '../ghl';
import type { Conflict, ConflictField, ContactEdit, Write } from './types';

export type ConflictChoice = 'mine' | 'theirs' | Record<string, 'mine' | 'theirs'>;
type Update = Extract<Write, { kind: 'contact.update' }>;

const DND = 'dndSettings.';
const CUSTOM = 'customFields.';

const digits = (value: unknown) => String(value).replace(/\D/g, '');
const empty = (value: unknown) => value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
/** A custom field's value as text, whatever its format: HighLevel reads "SEO, Video" or ["SEO", "Video"], 2500 or "2500". */
const asText = (value: unknown) => (Array.isArray(value) ? [...value].map(String).sort().join(', ') : String(value).trim());
const listText = (value: unknown) =>
  Array.isArray(value) ? asText(value) : String(value).split(',').map((s) => s.trim()).filter(Boolean).sort().join(', ');

/** Equal as HighLevel stores them (it normalises phones to E.164, drops empty strings). */
export function sameValue(field: string, a: unknown, b: unknown): boolean {
  // a channel without a setting is not in do-not-disturb
  if (field.startsWith(DND)) return (empty(a) ? 'inactive' : String(a)) === (empty(b) ? 'inactive' : String(b));
  if (empty(a) || empty(b)) return empty(a) && empty(b);
  if (field === 'phone') {
    const [x, y] = [digits(a), digits(b)];
    return x.endsWith(y) || y.endsWith(x);
  }
  if (field === 'email') return String(a).toLowerCase() === String(b).toLowerCase();
  if (field.startsWith(CUSTOM)) {
    if (Array.isArray(a) || Array.isArray(b)) return listText(a) === listText(b);
    const [x, y] = [asText(a), asText(b)];
    if (x === y) return true;
    if (Number.isFinite(Number(x)) && x !== '' && Number(x) === Number(y)) return true;
    // a date answered with its time ("2027-03-01T00:00:00.000Z") is the same day
    return /^\d{4}-\d\d-\d\d/.test(x) && /^\d{4}-\d\d-\d\d/.test(y) && x.slice(0, 10) === y.slice(0, 10);
  }
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The edit's fields, flat: `{ name: value }` as conflicts compare them. */
export function flatEdit(fields: ContactEdit): Record<string, unknown> {
  const { dndSettings, customFields, ...plain } = fields;
  const flat: Record<string, unknown> = { ...plain };
  for (const [channel, setting] of Object.entries(dndSettings ?? {})) flat[`${DND}${channel}`] = setting.status;
  for (const f of customFields ?? []) flat[`${CUSTOM}${f.id}`] = f.field_value;
  return flat;
}

/** Flat fields back into the structure PUT /contacts/:id takes. */
function unflatten(flat: Record<string, unknown>, from: ContactEdit): ContactEdit {
  const out: Record<string, unknown> = {};
  const dnd: NonNullable<ContactEdit['dndSettings']> = {};
  const custom: NonNullable<ContactEdit['customFields']> = [];
  for (const [field, value] of Object.entries(flat)) {
    if (field.startsWith(DND)) {
      const channel = field.slice(DND.length);
      dnd[channel] = from.dndSettings?.[channel] ?? { status: value as 'active' };
    } else if (field.startsWith(CUSTOM)) {
      custom.push({ id: field.slice(CUSTOM.length), field_value: value as string });
    } else out[field] = value;
  }
  if (Object.keys(dnd).length) out.dndSettings = dnd;
  if (custom.length) out.customFields = custom;
  return out as ContactEdit;
}

/** The contact's value of a flat field, as HighLevel answers it. */
export function valueOf(contact: Contact, field: string): unknown {
  if (field.startsWith(DND)) return contact.dndSettings?.[field.slice(DND.length)]?.status;
  if (field.startsWith(CUSTOM)) return contact.customFields?.find((f) => f.id === field.slice(CUSTOM.length))?.value;
  return (contact as Record<string, unknown>)[field];
}

/** The conflict between the queued edit and the contact as HighLevel has it now, or null. */
export function findConflict(write: Update, current: Contact, editedAt: number): Conflict | null {
  const theirsAt = current.dateUpdated ?? null;
  if (theirsAt === write.base.dateUpdated) return null;
  const fields: ConflictField[] = [];
  for (const [field, ours] of Object.entries(flatEdit(write.fields))) {
    const theirs = valueOf(current, field);
    const base = write.base.values[field];
    if (!sameValue(field, theirs, base) && !sameValue(field, theirs, ours)) fields.push({ field, base, theirs, ours });
  }
  if (fields.length === 0) return null;
  const theirsTime = theirsAt ? Date.parse(theirsAt) : 0;
  return { theirsAt, oursAt: editedAt, latest: theirsTime > editedAt ? 'theirs' : 'mine', fields };
}

/**
 * The PUT body of an edit, given the contact as HighLevel has it now (read just before): the
 * channels of do-not-disturb the user did not change are sent as HighLevel has them, so an update
 * that replaces the whole `dndSettings` changes only the channel the user changed.
 */
export function updateBody(write: Update, current: Contact): ContactUpdateFields {
  const { dndSettings, ...fields } = write.fields;
  // a cleared email goes as null, which HighLevel takes ("" is not an email to it)
  const rest: ContactUpdateFields = fields.email === '' ? { ...fields, email: null } : fields;
  if (!dndSettings) return rest;
  const kept: Record<string, { status: 'active' | 'inactive' | 'permanent'; message?: string }> = {};
  for (const [channel, setting] of Object.entries(current.dndSettings ?? {})) {
    if (setting && ['active', 'inactive', 'permanent'].includes(setting.status)) {
      kept[channel] = { status: setting.status as 'active', ...(setting.message ? { message: setting.message } : {}) };
    }
  }
  return { ...rest, dndSettings: { ...kept, ...dndSettings } };
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
  for (const [field, ours] of Object.entries(flatEdit(write.fields))) {
    const c = contested.get(field);
    if (c) values[field] = c.theirs;
    if (!c || pick(field) === 'mine') fields[field] = ours;
  }
  if (Object.keys(fields).length === 0) return null;
  return { ...write, fields: unflatten(fields, write.fields), base: { dateUpdated: conflict.theirsAt, values } };
}

export const describeConflict = (contactId: string, conflict: Conflict) =>
  `Outbox: contact ${contactId} changed in HighLevel meanwhile; fields in conflict: ${conflict.fields.map((f) => f.field).join(', ')}`;

/**
 * The write to send after the user settled a conflict of any kind that has one (contact edits,
 * opportunity changes), or null when nothing is left to send (their values kept).
 */
export function resolveWrite(write: Write, conflict: Conflict, choice: ConflictChoice | undefined): Write | null {
  const pick = (field: string) => {
    const chosen = choice ?? conflict.latest;
    return typeof chosen === 'string' ? chosen : (chosen[field] ?? conflict.latest);
  };
  switch (write.kind) {
    case 'contact.update':
      return resolveEdit(write, conflict, choice);
    case 'opportunity.update': {
      const contested = new Map(conflict.fields.map((f) => [f.field, f]));
      const fields = Object.fromEntries(Object.entries(write.fields).filter(([field]) => !contested.has(field) || pick(field) === 'mine'));
      if (Object.keys(fields).length === 0) return null;
      const values = { ...write.base.values, ...Object.fromEntries(conflict.fields.map((f) => [f.field, f.theirs])) };
      return { ...write, fields, base: { updatedAt: conflict.theirsAt, values } };
    }
    case 'opportunity.status': {
      if (pick('status') !== 'mine') return null;
      const theirs = conflict.fields.find((f) => f.field === 'status')?.theirs;
      return { ...write, base: { updatedAt: conflict.theirsAt, status: typeof theirs === 'string' ? theirs : write.base.status } };
    }
    default:
      return null;
  }
}
