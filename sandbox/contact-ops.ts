// Contact write rules and helpers shared by the contact routes: DTO rules (create / update / upsert),
// applying a body onto a contact, duplicate matching, and the response shapes of each endpoint.
import type { AppCtx } from './context.ts';
import { fail, unprocessable } from './http.ts';
import { normalizePhone } from './store.ts';
import type { Contact, CustomFieldDef, DndChannel } from './types.ts';
import type { Rules } from './validate.ts';

const str = { type: 'string', nullable: true } as const;
const updateRules: Rules = {
  firstName: str, lastName: str, name: str, email: { type: 'email', nullable: true }, phone: str, address1: str, city: str,
  state: str, postalCode: { type: 'string' }, website: str, timezone: str, dnd: { type: 'boolean' }, dndSettings: { type: 'object' },
  inboundDndSettings: { type: 'object' }, tags: { type: 'string[]' }, customFields: { type: 'array' }, source: { type: 'string' },
  dateOfBirth: { type: 'any', nullable: true }, country: { type: 'string' }, assignedTo: { type: 'string', nullable: true },
};
const createRules: Rules = { ...updateRules, locationId: { type: 'string', required: true }, gender: { type: 'string' }, companyName: str };
export const contactRules = {
  create: createRules,
  update: updateRules,
  upsert: { ...createRules, createNewIfDuplicateAllowed: { type: 'boolean' } } as Rules,
};

const CHANNELS: DndChannel[] = ['Call', 'Email', 'SMS', 'WhatsApp', 'GMB', 'FB'];
const SIMPLE = ['firstName', 'lastName', 'address1', 'city', 'state', 'postalCode', 'website', 'timezone', 'source', 'country', 'assignedTo', 'companyName', 'gender'] as const;

/**
 * Apply a validated create/update/upsert body onto `target`. `tags`: replace (create/update) or merge
 * (upsert). All or nothing: a value refused half-way (422) leaves the contact as it was.
 */
export function applyWrite(ctx: AppCtx, target: Contact, body: Record<string, unknown>, tagMode: 'replace' | 'merge'): void {
  const c = structuredClone(target);
  applyTo(ctx, c, body, tagMode);
  for (const k of Object.keys(target)) delete (target as unknown as Record<string, unknown>)[k];
  Object.assign(target, c);
}

function applyTo(ctx: AppCtx, c: Contact, body: Record<string, unknown>, tagMode: 'replace' | 'merge'): void {
  const set = (k: string, v: unknown) => {
    if (v === null || v === '') delete (c as unknown as Record<string, unknown>)[k];
    else (c as unknown as Record<string, unknown>)[k] = v;
  };
  for (const k of SIMPLE) if (k in body) set(k, body[k]);
  if (body.assignedTo !== undefined && body.assignedTo !== null && !ctx.store.users.has(body.assignedTo as string)) unprocessable(['assignedTo must be a valid user id']);
  if ('name' in body && !('firstName' in body) && !('lastName' in body) && typeof body.name === 'string') {
    const [first, ...rest] = body.name.trim().split(/\s+/);
    set('firstName', first);
    set('lastName', rest.join(' '));
  }
  if ('email' in body) {
    set('email', body.email);
    set('emailLowerCase', typeof body.email === 'string' ? body.email.toLowerCase() : null);
  }
  if ('phone' in body) set('phone', typeof body.phone === 'string' && body.phone.trim() ? normalizePhone(body.phone) : null);
  if ('dateOfBirth' in body) set('dateOfBirth', body.dateOfBirth == null ? null : String(body.dateOfBirth));
  if ('dnd' in body) c.dnd = body.dnd as boolean;
  if ('dndSettings' in body) c.dndSettings = dndSettings(body.dndSettings as Record<string, unknown>);
  if ('inboundDndSettings' in body) c.inboundDndSettings = body.inboundDndSettings as Contact['inboundDndSettings'];
  if ('customFields' in body) applyCustomFields(ctx, c, body.customFields as unknown[]);
  if (Array.isArray(body.tags)) {
    const tags = (body.tags as string[]).map((t) => t.trim().toLowerCase()).filter(Boolean);
    c.tags = tagMode === 'replace' ? [...new Set(tags)] : [...new Set([...c.tags, ...tags])];
    ctx.store.ensureTags(c.locationId, c.tags);
  }
  const full = [c.firstName, c.lastName].filter(Boolean).join(' ');
  set('firstNameLowerCase', c.firstName?.toLowerCase() ?? null);
  set('lastNameLowerCase', c.lastName?.toLowerCase() ?? null);
  set('fullNameLowerCase', full.toLowerCase() || null);
  set('name', full.toLowerCase() || null);
  set('contactName', full.toLowerCase() || null);
  c.dateUpdated = new Date(ctx.now()).toISOString();
}

function dndSettings(input: Record<string, unknown>): Contact['dndSettings'] {
  const out: Contact['dndSettings'] = {};
  for (const [ch, v] of Object.entries(input)) {
    const status = (v as { status?: unknown } | null)?.status;
    if (!CHANNELS.includes(ch as DndChannel)) unprocessable([`property dndSettings.${ch} should not exist`]);
    if (!['active', 'inactive', 'permanent'].includes(status as string)) unprocessable([`dndSettings.${ch}.status must be one of the following values: active, inactive, permanent`]);
    out[ch as DndChannel] = v as { status: 'active' };
  }
  return out;
}

/**
 * Custom field values in the write format (`{id | key, field_value}`, apps/contacts.json TextField …
 * MultiSelectField), merged by field: fields not named keep their values. Each value is checked
 * against its field's type as the stricter reading (HighLevel documents the formats, not what it
 * refuses): numbers for NUMERICAL / MONETORY, one of the options for SINGLE_OPTIONS / RADIO, a list
 * of options for MULTIPLE_OPTIONS / CHECKBOX, a date for DATE, an email for EMAIL. An empty value
 * (or an empty list) clears the field.
 */
function applyCustomFields(ctx: AppCtx, c: Contact, items: unknown[]): void {
  const defs = (ctx.store.customFields.get(c.locationId) ?? []).filter((d) => d.model === 'contact');
  for (const item of items) {
    const f = (item ?? {}) as { id?: unknown; key?: unknown; field_value?: unknown; value?: unknown };
    const def = defs.find((d) => d.id === f.id || d.fieldKey === f.key || d.fieldKey === `contact.${String(f.key)}`);
    if (!def) return unprocessable([`customFields: unknown custom field ${String(f.id ?? f.key)}`]);
    const raw = f.field_value ?? f.value;
    c.customFields = c.customFields.filter((x) => x.id !== def.id);
    const empty = raw === undefined || raw === null || raw === '' || (Array.isArray(raw) && raw.length === 0);
    if (!empty) c.customFields.push({ id: def.id, value: typedValue(def, raw) });
  }
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}/;

function typedValue(def: CustomFieldDef, raw: unknown): Contact['customFields'][number]['value'] {
  const wrong = (what: string): never => unprocessable([`customFields: ${def.name} ${what}`]);
  const options = def.picklistOptions ?? [];
  switch (def.dataType) {
    case 'NUMERICAL':
    case 'MONETORY': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : Number.NaN;
      return Number.isFinite(n) ? n : wrong('must be a number');
    }
    case 'SINGLE_OPTIONS':
    case 'RADIO':
      return typeof raw === 'string' && options.includes(raw) ? raw : wrong(`must be one of: ${options.join(', ')}`);
    case 'MULTIPLE_OPTIONS':
    case 'CHECKBOX': {
      const list = Array.isArray(raw) ? raw : [raw];
      return list.every((x) => typeof x === 'string' && options.includes(x)) ? (list as string[]) : wrong(`must be a list of: ${options.join(', ')}`);
    }
    case 'DATE':
      return typeof raw === 'string' && ISO_DAY.test(raw) && !Number.isNaN(Date.parse(raw)) ? raw : wrong('must be a date (YYYY-MM-DD)');
    case 'EMAIL':
      return typeof raw === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(raw) ? raw : wrong('must be an email');
    case 'FILE_UPLOAD':
    case 'TEXTBOX_LIST':
      return raw as Contact['customFields'][number]['value'];
    default:
      return typeof raw === 'string' ? raw : wrong('must be a string');
  }
}

/**
 * Existing contacts of the location that match by email first, then phone: "if allowed [duplicate
 * contacts], email first, then phone" (../shared/ghl-api/README.md §4 #4, #5). The oldest wins
 * when several share the value.
 */
export function findDuplicate(ctx: AppCtx, locationId: string, email?: unknown, phone?: unknown): { contact: Contact; field: 'email' | 'phone' } | null {
  const byAge = (a: Contact, b: Contact) => a.dateAdded.localeCompare(b.dateAdded);
  if (typeof email === 'string' && email) {
    const hit = ctx.store.findByEmail(locationId, email).sort(byAge)[0];
    if (hit) return { contact: hit, field: 'email' };
  }
  if (typeof phone === 'string' && phone) {
    const hit = ctx.store.findByPhone(locationId, normalizePhone(phone)).sort(byAge)[0];
    if (hit) return { contact: hit, field: 'phone' };
  }
  return null;
}

const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * The query of GET /contacts/search/duplicate as HighLevel reads it. `number` is E.164 with its `+`
 * URL-encoded (%2B; §4 #4): a raw `+` arrives as a space (form decoding), and a number that is not
 * E.164 then matches nothing, silently, as the stricter reading of an undocumented case. The
 * lenient reading takes any formatting.
 */
export function duplicateQuery(ctx: AppCtx, email: string | undefined, number: string | undefined): { email?: string; number?: string } {
  if (number === undefined || ctx.config.lenient.phoneSearch) return { email, number: number?.trim() ? normalizePhone(number.replace(/^ (?=\d)/, '+')) : undefined };
  return { email, number: E164.test(number) ? number : undefined };
}

export function newContact(ctx: AppCtx, locationId: string): Contact {
  const now = new Date(ctx.now()).toISOString();
  return { id: ctx.store.newId(), locationId, type: 'lead', dnd: false, tags: [], customFields: [], dateAdded: now, dateUpdated: now, followers: [], additionalEmails: [], additionalPhones: [] };
}

export function rejectDuplicate(ctx: AppCtx, locationId: string, body: Record<string, unknown>): void {
  if (ctx.store.locations.get(locationId)?.settings.allowDuplicateContact) return;
  const dup = findDuplicate(ctx, locationId, body.email, body.phone);
  if (dup) fail(400, 'This location does not allow duplicated contacts.', { meta: { contactName: dup.contact.contactName, contactId: dup.contact.id, matchingField: dup.field } });
}

/**
 * A stored value in the read format: CustomFieldSchema types `value` as a string (apps/contacts.json),
 * so numbers, dates and option lists are answered as text ("4800", "SEO, Video"), and a file as its
 * address(es). Clients that also take HighLevel's typed values (numbers, lists) lose nothing.
 */
function readValue(value: Contact['customFields'][number]['value']): string {
  if (Array.isArray(value)) return value.join(', ');
  if (value && typeof value === 'object') {
    return Object.values(value).map((f) => (f as { url?: string }).url).filter(Boolean).join(', ');
  }
  return String(value);
}
const readFields = (c: Contact) => c.customFields.map((f) => ({ id: f.id, value: readValue(f.value) }));

/** GET /contacts/{id}, PUT, upsert: the full contact. */
export const fullView = (c: Contact) => ({ ...c, customFields: readFields(c) });
/** POST /contacts/ (CreateContactSchema adds deleted etc.). */
export const createdView = (c: Contact) => ({ ...fullView(c), deleted: false, bounceEmail: false, unsubscribeEmail: false, offers: [], products: [] });
/**
 * GET /contacts/ and /contacts/business/{id} items: ContactsSearchSchema (apps/contacts.json), which
 * lists only these fields: no names, phone or company. The lenient reading sends whole contacts.
 */
const LIST_FIELDS = ['id', 'locationId', 'email', 'timezone', 'country', 'source', 'dateAdded', 'customFields', 'tags', 'businessId', 'followers'] as const;
export const listView = (ctx: AppCtx, c: Contact) => {
  const { attributionSource, ...rest } = c;
  const attributions = attributionSource ? [attributionSource] : [];
  if (ctx.config.lenient.listFields) return { ...rest, customFields: readFields(c), attributions };
  const out: Record<string, unknown> = { attributions };
  for (const k of LIST_FIELDS) if (c[k] !== undefined) out[k] = c[k];
  out.customFields = readFields(c);
  return out;
};
/** The location's contacts as the (possibly lagging) search index shows them. */
export const indexedContacts = (ctx: AppCtx, locationId: string) => ctx.index.view(locationId, ctx.store.contactsOf(locationId));
/**
 * POST /contacts/search items: the contact's fields (names, companyName, email, phone, website…: the
 * response example of HighLevel's search documentation, quoted in its issue #43) without
 * dndSettings (issue #43: search does not return them), plus a searchAfter cursor (§5).
 */
export const searchView = (c: Contact) => {
  const { dndSettings: _omit, ...rest } = c;
  return { ...rest, customFields: readFields(c), searchAfter: [Date.parse(c.dateAdded), c.id] };
};

/** Free-text match used by GET /contacts/?query= and the business list. */
export function textMatch(c: Contact, q: string): boolean {
  const needle = q.trim().toLowerCase();
  if (!needle) return true;
  const digits = needle.replace(/\D/g, '');
  const hay = [c.fullNameLowerCase, c.emailLowerCase, c.companyName?.toLowerCase(), c.website?.toLowerCase()].filter(Boolean).join(' ');
  return hay.includes(needle) || (digits.length >= 4 && (c.phone ?? '').replace(/\D/g, '').includes(digits));
}
