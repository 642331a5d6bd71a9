// Changing a contact's fields from the card: do-not-disturb (all channels, per channel), custom
// fields by type, the owner, and the values the page knows better (name, email, phone, website,
// job title). The sidebar sends flat changes (`dndSettings.SMS`, `customFields.<id>`, …) with the
// values it showed; here they are checked, reduced to what really changed, turned into one
// contact.update of the outbox (PUT /contacts/:id with only those fields), conflict-checked there
// against the contact's dateUpdated. The same step lays such an edit over a shown record.
// Followers are a set change of their own (POST / DELETE /contacts/:id/followers), at most 10.
import { i18n } from '#i18n';
import { contactValueProblem } from '../page-values';
import { queueForRecord, sameValue, type ContactEdit, type WriteServices } from '../outbox';
import {
  DND_CHANNELS,
  invalidInput,
  type ContactDetails,
  type ContactView,
  type CustomFieldDefinition,
  type CustomValue,
  type DndChannel,
  type FieldChanges,
  type UserOption,
} from '../protocol';
import { checkCustomValue, customValueText, readCustomValue } from './custom-fields';

/** HighLevel's limit of followers per record (§14). */
export const MAX_FOLLOWERS = 10;

const PLAIN = new Set(['firstName', 'lastName', 'email', 'phone', 'website']);
const DND = 'dndSettings.';
const CUSTOM = 'customFields.';

export interface EditContext {
  fields: CustomFieldDefinition[];
  users: UserOption[];
}

/** A checked edit: what the outbox sends, the values the user saw, and names for the activity log. */
export interface CheckedEdit {
  fields: ContactEdit;
  values: Record<string, unknown>;
  labels: Record<string, string>;
}

/** Checks flat changes and keeps those that differ from what the user saw; throws the first problem in words. */
export function checkEdit(changes: FieldChanges, seen: FieldChanges, ctx: EditContext): CheckedEdit {
  const fields: Record<string, unknown> = {};
  const dnd: NonNullable<ContactEdit['dndSettings']> = {};
  const custom: NonNullable<ContactEdit['customFields']> = [];
  const values: Record<string, unknown> = {};
  const labels: Record<string, string> = {};
  for (const [key, value] of Object.entries(changes)) {
    const before = seen[key] ?? null;
    if (PLAIN.has(key)) {
      const text = typeof value === 'string' ? value.trim() : '';
      if (sameValue(key, text, before)) continue;
      const problem = key === 'email' || key === 'phone' ? contactValueProblem(key, text) : undefined;
      if (problem) throw invalidInput(problem);
      fields[key] = text;
    } else if (key === 'assignedTo') {
      if (value !== null && !ctx.users.some((u) => u.id === value)) throw invalidInput(i18n.t('owner.errors.notAUser'));
      if ((value ?? null) === before) continue;
      fields.assignedTo = value;
    } else if (key === 'dnd') {
      if (typeof value !== 'boolean') throw invalidInput(i18n.t('dnd.errors.status'));
      if (value === before) continue;
      fields.dnd = value;
    } else if (key.startsWith(DND)) {
      const channel = key.slice(DND.length) as DndChannel;
      if (!DND_CHANNELS.includes(channel) || (value !== 'active' && value !== 'inactive')) throw invalidInput(i18n.t('dnd.errors.status'));
      if (before === 'permanent') throw invalidInput(i18n.t('dnd.errors.permanent', [channel]));
      if (sameValue(key, value, before)) continue;
      dnd[channel] = { status: value };
    } else if (key.startsWith(CUSTOM)) {
      const def = ctx.fields.find((f) => f.id === key.slice(CUSTOM.length));
      if (!def) throw invalidInput(i18n.t('customFields.errors.unknown'));
      const checked = checkCustomValue(def, value as CustomValue | null);
      if (!checked.ok) throw invalidInput(checked.message);
      if (sameValue(key, checked.value, before)) continue;
      custom.push({ id: def.id, field_value: checked.value });
      labels[key] = def.name;
    } else {
      throw invalidInput(i18n.t('errors.unknownField', [key]));
    }
    values[key] = before;
  }
  if (Object.keys(dnd).length) fields.dndSettings = dnd;
  if (custom.length) fields.customFields = custom;
  return { fields: fields as ContactEdit, values, labels };
}

/** Queues the checked edit (nothing when nothing changed); answers the record as shown. */
export async function editContactFields(
  w: WriteServices,
  contactId: string,
  input: { changes: FieldChanges; base: { dateUpdated: string | null; values: FieldChanges } },
  ctx: EditContext,
): Promise<ContactDetails> {
  const edit = checkEdit(input.changes, input.base.values, ctx);
  if (Object.keys(edit.fields).length === 0) return (await w.records.get(contactId)).details;
  return queueForRecord(w, {
    kind: 'contact.update',
    connectionId: w.connectionId,
    contactId,
    fields: edit.fields,
    base: { dateUpdated: input.base.dateUpdated, values: edit.values },
    ...(Object.keys(edit.labels).length ? { labels: edit.labels } : {}),
  });
}

/** Adds and removes followers (users of the location), at most MAX_FOLLOWERS in all. */
export async function changeFollowers(
  w: WriteServices,
  contactId: string,
  change: { add: string[]; remove: string[] },
  current: string[],
  users: UserOption[],
): Promise<ContactDetails> {
  const known = new Set(users.map((u) => u.id));
  const add = [...new Set(change.add)].filter((id) => !current.includes(id));
  const remove = [...new Set(change.remove)].filter((id) => current.includes(id));
  if (add.some((id) => !known.has(id))) throw invalidInput(i18n.t('owner.errors.notAUser'));
  if (current.length - remove.length + add.length > MAX_FOLLOWERS) throw invalidInput(i18n.t('owner.errors.tooManyFollowers', [MAX_FOLLOWERS]));
  if (!add.length && !remove.length) return (await w.records.get(contactId)).details;
  return queueForRecord(w, { kind: 'contact.followers', connectionId: w.connectionId, contactId, add, remove });
}

/** The contact with an edit laid over it (the one optimistic rule, lib/record/optimistic.ts). */
export function applyEdit(contact: ContactView, fields: ContactEdit, ctx: Partial<EditContext>): ContactView {
  const { dndSettings, customFields, assignedTo, ...plain } = fields;
  let next: ContactView = { ...contact, ...(plain as Partial<ContactView>) };
  if (assignedTo !== undefined) {
    next = { ...next, assignedTo: assignedTo ?? undefined, ownerName: assignedTo ? ctx.users?.find((u) => u.id === assignedTo)?.name : undefined };
  }
  if (dndSettings) next = { ...next, dndSettings: { ...next.dndSettings, ...dndSettings } as ContactView['dndSettings'] };
  if (customFields) {
    let list = next.customFields;
    for (const f of customFields) {
      const def = ctx.fields?.find((d) => d.id === f.id);
      const raw = readCustomValue(def, f.field_value);
      const others = list.filter((x) => x.id !== f.id);
      list = raw === undefined ? others : [...others, { id: f.id, name: def?.name ?? i18n.t('fields.customField'), value: customValueText(def, raw), raw }];
    }
    const order = new Map((ctx.fields ?? []).map((d, i) => [d.id, i]));
    next = { ...next, customFields: [...list].sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0)) };
  }
  return next;
}
