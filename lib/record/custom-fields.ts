// Custom fields as the sidebar edits them: the location's definitions with the control of each type,
// a value as HighLevel reads it (text, number, list) made ready for its control, shown as text, and
// checked and turned into the write format before it is sent. Types the sidebar cannot edit
// (files, lists of text boxes, signatures, …) show read-only and are never sent.
import { i18n } from '#i18n';
import type { CustomField } from '../ghl';
import { isEmail, isPhone } from '../page-values';
import type { CustomFieldDefinition, CustomValue } from '../protocol';

const KINDS: Record<string, CustomFieldDefinition['kind']> = {
  TEXT: 'text',
  LARGE_TEXT: 'largeText',
  NUMERICAL: 'number',
  FLOAT: 'number',
  MONETORY: 'money',
  DATE: 'date',
  SINGLE_OPTIONS: 'single',
  RADIO: 'single',
  MULTIPLE_OPTIONS: 'multiple',
  CHECKBOX: 'multiple',
  PHONE: 'phone',
  EMAIL: 'email',
  URL: 'url',
};

/** The location's contact fields, in its order (fields of other models are left out). */
export function fieldDefinitions(fields: CustomField[]): CustomFieldDefinition[] {
  return fields
    .filter((f) => !f.model || f.model === 'contact')
    .sort((a, b) => (a.position ?? 0) - (b.position ?? 0))
    .map((f) => {
      const dataType = f.dataType ?? 'TEXT';
      const kind = KINDS[dataType] ?? 'unsupported';
      return { id: f.id, name: f.name ?? f.id, kind, dataType, ...(kind === 'single' || kind === 'multiple' ? { options: f.picklistOptions ?? [] } : {}) };
    });
}

/** A list value answered as text ("SEO, Video"): its options, matched against the field's own. */
function optionsOf(text: string, options: string[]): string[] {
  const found: string[] = [];
  let rest = `, ${text}, `;
  for (const option of [...options].sort((a, b) => b.length - a.length)) {
    const at = rest.indexOf(`, ${option}, `);
    if (at < 0) continue;
    found.push(option);
    rest = rest.slice(0, at) + rest.slice(at + option.length + 2);
  }
  const unknown = rest.split(',').map((s) => s.trim()).filter(Boolean);
  return [...options.filter((o) => found.includes(o)), ...unknown];
}

/** HighLevel's value (its answers type it as text, numbers and lists also occur) made ready for the field's control. */
export function readCustomValue(def: CustomFieldDefinition | undefined, raw: unknown): CustomValue | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  if (def?.kind === 'multiple') return Array.isArray(raw) ? raw.map(String) : optionsOf(String(raw), def.options ?? []);
  if (def?.kind === 'number' || def?.kind === 'money') {
    const n = typeof raw === 'number' ? raw : Number(String(raw).replace(/,/g, ''));
    return Number.isFinite(n) ? n : String(raw);
  }
  if (def?.kind === 'date' && typeof raw === 'string' && /^\d{4}-\d\d-\d\d/.test(raw)) return raw.slice(0, 10);
  if (Array.isArray(raw)) return raw.map(String);
  if (typeof raw === 'object') return JSON.stringify(raw);
  return typeof raw === 'number' ? raw : String(raw);
}

/** A value as text on the card. */
export function customValueText(def: CustomFieldDefinition | undefined, value: CustomValue | undefined): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.join(', ');
  if (def?.kind === 'money' && typeof value === 'number') return value.toLocaleString(undefined, { minimumFractionDigits: 0, maximumFractionDigits: 2 });
  return String(value);
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day that exists ("2027-02-30" does not). */
function isDay(text: string): boolean {
  const m = DAY.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}

/** The write format's `field_value`: '' (or []) clears the field. */
export type FieldValueOut = string | number | string[];

/** Checks a value typed into a field's control; answers the write format's value or the problem in words. */
export function checkCustomValue(def: CustomFieldDefinition, input: CustomValue | null): { ok: true; value: FieldValueOut } | { ok: false; message: string } {
  const bad = (message: string) => ({ ok: false as const, message });
  if (def.kind === 'unsupported') return bad(i18n.t('customFields.errors.readOnly', [def.name]));
  if (input === null || input === '' || (Array.isArray(input) && input.length === 0)) return { ok: true, value: def.kind === 'multiple' ? [] : '' };
  switch (def.kind) {
    case 'number':
    case 'money': {
      const n = typeof input === 'number' ? input : Number(String(input).trim());
      return Number.isFinite(n) ? { ok: true, value: n } : bad(i18n.t('customFields.errors.number', [def.name]));
    }
    case 'date': {
      const text = String(input).trim();
      return isDay(text) ? { ok: true, value: text } : bad(i18n.t('customFields.errors.date', [def.name]));
    }
    case 'single':
      return typeof input === 'string' && (def.options ?? []).includes(input) ? { ok: true, value: input } : bad(i18n.t('customFields.errors.option', [def.name]));
    case 'multiple': {
      const list = Array.isArray(input) ? input : [String(input)];
      return list.every((x) => (def.options ?? []).includes(x)) ? { ok: true, value: list } : bad(i18n.t('customFields.errors.option', [def.name]));
    }
    case 'email':
      return isEmail(String(input)) ? { ok: true, value: String(input).trim() } : bad(i18n.t('customFields.errors.email', [def.name]));
    case 'phone':
      return isPhone(String(input)) ? { ok: true, value: String(input).trim() } : bad(i18n.t('customFields.errors.phone', [def.name]));
    case 'url': {
      const text = String(input).trim();
      try {
        if (/^https?:$/.test(new URL(text).protocol)) return { ok: true, value: text };
      } catch {
        /* not an address */
      }
      return bad(i18n.t('customFields.errors.url', [def.name]));
    }
    default:
      return { ok: true, value: String(input) };
  }
}

/** The custom field that holds the job title: the one chosen in the options, else one named "Job title" or "Title". */
export function titleFieldOf(fields: CustomFieldDefinition[], chosen: string | null | undefined): CustomFieldDefinition | undefined {
  const usable = fields.filter((f) => f.kind === 'text');
  return (chosen ? usable.find((f) => f.id === chosen) : undefined) ?? usable.find((f) => /^(job\s*)?title$/i.test(f.name.trim()));
}
