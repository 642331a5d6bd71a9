// Request-body validation producing HighLevel's (NestJS class-validator style) 422 message arrays,
// including "property x should not exist" for fields the DTO does not declare.
import { unprocessable } from './http.ts';

export type FieldType = 'string' | 'boolean' | 'number' | 'string[]' | 'object' | 'array' | 'email' | 'isoDate' | 'any';

export interface Rule {
  type: FieldType;
  required?: boolean;
  nullable?: boolean;
  oneOf?: readonly string[];
  max?: number;
}

export type Rules = Record<string, Rule>;

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function check(name: string, v: unknown, r: Rule): string[] {
  switch (r.type) {
    case 'string':
      if (typeof v !== 'string') return [`${name} must be a string`];
      break;
    case 'email':
      if (typeof v !== 'string' || !EMAIL_RE.test(v)) return [`${name} must be an email`];
      break;
    case 'isoDate':
      if (typeof v !== 'string' || Number.isNaN(Date.parse(v))) return [`${name} must be a valid ISO 8601 date string`];
      break;
    case 'boolean':
      if (typeof v !== 'boolean') return [`${name} must be a boolean value`];
      break;
    case 'number':
      if (typeof v !== 'number' || !Number.isFinite(v)) return [`${name} must be a number conforming to the specified constraints`];
      if (r.max !== undefined && v > r.max) return [`${name} must not be greater than ${r.max}`];
      break;
    case 'string[]':
      if (!Array.isArray(v)) return [`${name} must be an array`];
      if (v.some((x) => typeof x !== 'string')) return [`each value in ${name} must be a string`];
      break;
    case 'array':
      if (!Array.isArray(v)) return [`${name} must be an array`];
      break;
    case 'object':
      if (!v || typeof v !== 'object' || Array.isArray(v)) return [`${name} must be an object`];
      break;
    case 'any':
      break;
  }
  if (r.oneOf && !r.oneOf.includes(v as string)) return [`${name} must be one of the following values: ${r.oneOf.join(', ')}`];
  return [];
}

/** Returns the messages; empty when valid. */
export function validate(body: Record<string, unknown>, rules: Rules, whitelist = true): string[] {
  const out: string[] = [];
  if (whitelist) for (const k of Object.keys(body)) if (!(k in rules)) out.push(`property ${k} should not exist`);
  for (const [name, rule] of Object.entries(rules)) {
    const v = body[name];
    if (v === undefined || (v === null && rule.nullable)) {
      if (rule.required) out.push(`${name} should not be empty`, ...check(name, undefined, rule));
      continue;
    }
    out.push(...check(name, v, rule));
  }
  return out;
}

/** Validate and throw a 422 with the messages when invalid. */
export function validOrThrow(body: Record<string, unknown>, rules: Rules, whitelist = true): void {
  const messages = validate(body, rules, whitelist);
  if (messages.length) unprocessable(messages);
}
