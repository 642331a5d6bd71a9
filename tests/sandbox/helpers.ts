// Helpers for the sandbox tests: a small HTTP client for the sandbox and response validation against
// HighLevel's official OpenAPI specs (/work/shared/ghl-api/openapi, $refs across files resolved by ajv).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { expect } from 'vitest';
import type { Sandbox } from '../../sandbox/server.ts';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const specDir = path.resolve(repoRoot, '../shared/ghl-api/openapi');
const ID_BASE = 'https://ghl-spec.local/';

type Json = Record<string, unknown>;

/** OpenAPI 3.0 `nullable: true` → JSON Schema null type (in place). */
function convertNullable(node: unknown): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) return node.forEach(convertNullable);
  const o = node as Json;
  for (const v of Object.values(o)) convertNullable(v);
  if (o.nullable === true) {
    delete o.nullable;
    if (typeof o.type === 'string') o.type = [o.type, 'null'];
    if (Array.isArray(o.enum)) o.enum = [...o.enum, null];
    if (!o.type && (o.$ref || o.allOf || o.anyOf || o.oneOf)) {
      const copy = { ...o };
      for (const k of Object.keys(o)) delete o[k];
      o.anyOf = [copy, { type: 'null' }];
    }
  }
}

const docs = new Map<string, Json>();
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
(addFormatsModule as unknown as (a: Ajv) => void)(ajv);

function loadSpec(rel: string): Json {
  let doc = docs.get(rel);
  if (!doc) {
    doc = JSON.parse(readFileSync(path.join(specDir, rel), 'utf8')) as Json;
    convertNullable(doc);
    if (rel === 'apps/contacts.json') {
      // The spec contradicts itself: UpdateTagsResponseDTO.responses declares string items but its own
      // example (and HighLevel's behaviour) are objects. Validate against the example's shape instead.
      const dto = (doc.components as { schemas: Record<string, { properties: Record<string, Json> }> }).schemas.UpdateTagsResponseDTO!;
      dto.properties.responses!.items = {
        type: 'object', required: ['contactId', 'message', 'type'],
        properties: { contactId: { type: 'string' }, message: { type: 'string' }, type: { type: 'string', enum: ['success', 'error'] }, oldTags: { type: 'array', items: { type: 'string' } }, tagsAdded: { type: 'array', items: { type: 'string' } }, tagsRemoved: { type: 'array', items: { type: 'string' } } },
      };
    }
    if (rel === 'apps/opportunities.json') {
      // PipelinesResponseSchema types `stages` as an array of arrays; the same spec names a stage by
      // an id (`pipelineStageId`), and HighLevel answers stages as objects with their id and name.
      // Validate stages as such objects.
      const schemas = (doc.components as { schemas: Record<string, { properties: Record<string, Json> }> }).schemas;
      schemas.PipelinesResponseSchema!.properties.stages!.items = {
        type: 'object', required: ['id', 'name'], properties: { id: { type: 'string' }, name: { type: 'string' }, position: { type: 'number' } },
      };
    }
    ajv.addSchema(doc, ID_BASE + rel);
    docs.set(rel, doc);
  }
  return doc;
}
loadSpec('common/common-schemas.json');

const validators = new Map<string, ValidateFunction | null>();

/** The validator for one documented response, or null when the spec gives no schema for it. */
export function responseValidator(service: string, method: string, specPath: string, status: number): ValidateFunction | null {
  const key = `${service} ${method} ${specPath} ${status}`;
  if (validators.has(key)) return validators.get(key)!;
  const rel = `apps/${service}.json`;
  const doc = loadSpec(rel);
  const op = (doc.paths as Record<string, Record<string, Json>>)[specPath]?.[method.toLowerCase()];
  if (!op) throw new Error(`spec ${rel} has no ${method} ${specPath}`);
  const response = (op.responses as Record<string, Json>)[String(status)];
  if (!response) throw new Error(`spec ${rel} ${method} ${specPath} documents no ${status} response`);
  const schema = (response.content as Record<string, { schema?: Json }> | undefined)?.['application/json']?.schema;
  let fn: ValidateFunction | null = null;
  if (schema) {
    // Relative refs ("#/components/…", "../common/common-schemas.json#/…") resolve against the file's id.
    fn = ajv.compile(typeof schema.$ref === 'string' ? { $ref: new URL(schema.$ref, ID_BASE + rel).href } : { ...schema });
  }
  validators.set(key, fn);
  return fn;
}

/** Asserts status + body against the spec's schema for that response (which must exist). */
export function expectConforms(res: ApiResponse, service: string, method: string, specPath: string, status: number): void {
  expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(status);
  const validate = responseValidator(service, method, specPath, status);
  if (!validate) throw new Error(`no schema for ${method} ${specPath} ${status}`);
  const valid = validate(res.body);
  expect(valid ? [] : validate.errors, `${method} ${specPath}`).toEqual([]);
}

/** Loosely typed response body: its shape is asserted at run time against the specs. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- bodies are validated with ajv, not by the compiler
export type Body = any;

export interface ApiResponse<T = Body> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface CallOptions {
  body?: unknown;
  form?: Record<string, string>;
  token?: string | null;
  version?: string | null;
  query?: Record<string, string | number | undefined>;
  headers?: Record<string, string>;
}

/** One request to the sandbox with HighLevel's headers (Bearer token + Version 2021-07-28 by default). */
export async function call<T = Body>(sb: Sandbox, method: string, p: string, o: CallOptions = {}): Promise<ApiResponse<T>> {
  const url = new URL(sb.baseUrl + p);
  for (const [k, v] of Object.entries(o.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
  const headers: Record<string, string> = { ...o.headers };
  const token = o.token === undefined ? sb.token : o.token;
  if (token) headers.Authorization = `Bearer ${token}`;
  const version = o.version === undefined ? '2021-07-28' : o.version;
  if (version) headers.Version = version;
  let body: string | undefined;
  if (o.form) {
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(o.form).toString();
  } else if (o.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(o.body);
  }
  const res = await fetch(url, { method, headers, body, redirect: 'manual' });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, headers: res.headers, body: parsed as T, text };
}

export const admin = {
  get: async <T = Body>(sb: Sandbox, p: string): Promise<T> => (await (await fetch(`${sb.baseUrl}/__admin/${p}`)).json()) as T,
  send: async <T = Body>(sb: Sandbox, method: string, p: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${sb.baseUrl}/__admin/${p}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    return (await res.json()) as T;
  },
};

/** Walks the OAuth consent page like a browser: GET the page, parse the form, click a location's button. */
export async function authorizeCode(sb: Sandbox, o: { locationId?: string; scope?: string; state?: string; redirectUri?: string; path?: string } = {}) {
  const redirectUri = o.redirectUri ?? 'https://extension.example/callback';
  const page = new URL(sb.baseUrl + (o.path ?? '/oauth/chooselocation'));
  page.searchParams.set('response_type', 'code');
  page.searchParams.set('client_id', sb.clientId);
  page.searchParams.set('redirect_uri', redirectUri);
  if (o.scope !== undefined) page.searchParams.set('scope', o.scope);
  if (o.state !== undefined) page.searchParams.set('state', o.state);
  const html = await (await fetch(page)).text();
  const form = /<form[^>]*method="post"[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/i.exec(html);
  if (!form) throw new Error(`consent page has no form:\n${html}`);
  const unescape = (s: string) => s.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))).replace(/&amp;/g, '&');
  const fields = new URLSearchParams();
  for (const m of form[2]!.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) fields.set(m[1]!, unescape(m[2]!));
  const buttons = [...form[2]!.matchAll(/<button[^>]*name="([^"]+)" value="([^"]+)"[^>]*>([\s\S]*?)<\/button>/g)].map((m) => ({ name: m[1]!, value: unescape(m[2]!), label: m[3]! }));
  const chosen = buttons.find((b) => b.value === (o.locationId ?? sb.locationId));
  if (!chosen) throw new Error(`no button for location ${o.locationId ?? sb.locationId}`);
  fields.set(chosen.name, chosen.value);
  const res = await fetch(new URL(unescape(form[1]!), sb.baseUrl), { method: 'POST', body: fields, redirect: 'manual' });
  const location = res.headers.get('location') ?? '';
  return { html, buttons, status: res.status, location, code: location ? new URL(location).searchParams.get('code') : null };
}

/** POST /oauth/token with a form body. */
export const tokenRequest = (sb: Sandbox, form: Record<string, string>) =>
  call(sb, 'POST', '/oauth/token', { token: null, version: null, form: { client_id: sb.clientId, client_secret: sb.clientSecret, ...form } });
