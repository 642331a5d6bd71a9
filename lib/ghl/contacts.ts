// Contacts: read one, search (the typed /contacts/search body), find a duplicate by email or
// phone, create, upsert, update, delete, and the deprecated list kept for fuzzy lookups.
import { API_VERSION, path, type CallOptions, type GhlHttp } from './http';
import {
  ContactEnvelopeSchema,
  ContactListSchema,
  ContactSearchSchema,
  ContactUpdatedSchema,
  DeletedSchema,
  DuplicateSchema,
  FollowersSchema,
  UpsertSchema,
  type Contact,
} from './schemas';

const version = API_VERSION.contacts;

export type FilterOperator =
  | 'eq'
  | 'not_eq'
  | 'contains'
  | 'not_contains'
  | 'exists'
  | 'not_exists'
  | 'range'
  | 'nested';

export interface SearchFilter {
  field: string;
  operator: FilterOperator;
  /** Omitted for exists/not_exists; `{gte, lte, gt, lt}` for range. */
  value?: string | number | boolean | string[] | { gte?: unknown; lte?: unknown; gt?: unknown; lt?: unknown };
}
export interface SearchGroup {
  group: 'AND' | 'OR';
  filters: Array<SearchFilter | SearchGroup>;
}

/** Body of POST /contacts/search; the client fills `locationId`. Top-level filters are ANDed. */
export interface ContactSearchBody {
  locationId: string;
  /** Up to 500. */
  pageLimit: number;
  /** Page number; reaches the first 10,000 records only. Do not combine with `searchAfter`. */
  page?: number;
  searchAfter?: Array<string | number>;
  /** Full-text, at most 75 characters. */
  query?: string;
  filters?: Array<SearchFilter | SearchGroup>;
  sort?: Array<{ field: string; direction: 'asc' | 'desc' }>;
}
export type ContactSearch = Omit<ContactSearchBody, 'locationId'>;

/** Write format of a custom field value. */
export interface CustomFieldInput {
  id: string;
  key?: string;
  field_value: string | string[] | number | Record<string, unknown>;
}

/** Fields accepted by create and upsert (update takes `ContactUpdateFields`). */
export interface ContactFields {
  firstName?: string;
  lastName?: string;
  name?: string;
  email?: string;
  phone?: string;
  companyName?: string;
  website?: string;
  address1?: string;
  city?: string;
  state?: string;
  postalCode?: string;
  country?: string;
  timezone?: string;
  source?: string;
  dateOfBirth?: string;
  assignedTo?: string;
  dnd?: boolean;
  /** On update this REPLACES every tag: prefer tags.add / tags.remove. */
  tags?: string[];
  customFields?: CustomFieldInput[];
}

/** One channel's do-not-disturb as PUT /contacts/:id takes it (DndSettingSchema). */
export interface DndSettingInput {
  status: 'active' | 'inactive' | 'permanent';
  message?: string;
  code?: string;
}

/** PUT /contacts/:id refuses locationId, gender and companyName; it takes the owner as null to unassign. */
export type ContactUpdateFields = Omit<ContactFields, 'companyName' | 'assignedTo' | 'email'> & {
  /** null clears it: HighLevel takes no empty string for an email (UpdateContactDto: nullable) */
  email?: string | null;
  assignedTo?: string | null;
  dndSettings?: Partial<Record<string, DndSettingInput>>;
};

export function contactsApi(http: GhlHttp) {
  const locationId = http.locationId;
  return {
    get: async (contactId: string, o?: CallOptions): Promise<Contact> =>
      (await http.send({ ...o, method: 'GET', path: path`contacts/${contactId}`, version, schema: ContactEnvelopeSchema }))
        .contact,

    /** Deprecated by HighLevel (use `search`), kept for its fuzzy `query`. */
    listDeprecated: (q: { query?: string; limit?: number; startAfterId?: string; startAfter?: number } = {}, o?: CallOptions) =>
      http.send({ ...o, method: 'GET', path: 'contacts/', version, schema: ContactListSchema, query: { locationId, ...q } }),

    /** Read-only POST, so retried like a GET. The search index lags writes by a few seconds. */
    search: (body: ContactSearch, o?: CallOptions) =>
      http.send({
        ...o,
        method: 'POST',
        path: 'contacts/search',
        version,
        schema: ContactSearchSchema,
        json: { ...body, locationId } satisfies ContactSearchBody,
        idempotent: true,
      }),

    /** The contact the location's duplicate rules match for this email / phone, or null. */
    findDuplicate: async (by: { email?: string; number?: string }, o?: CallOptions): Promise<Contact | null> =>
      (
        await http.send({
          ...o,
          method: 'GET',
          path: 'contacts/search/duplicate',
          version,
          schema: DuplicateSchema,
          query: { locationId, email: by.email, number: by.number },
        })
      ).contact ?? null,

    upsert: async (fields: ContactFields & { createNewIfDuplicateAllowed?: boolean }, o?: CallOptions) => {
      const r = await http.send({ ...o, method: 'POST', path: 'contacts/upsert', version, schema: UpsertSchema, json: { ...fields, locationId } });
      return { contact: r.contact, created: r.new === true };
    },

    create: async (fields: ContactFields & { gender?: string }, o?: CallOptions): Promise<Contact> =>
      (await http.send({ ...o, method: 'POST', path: 'contacts/', version, schema: ContactEnvelopeSchema, json: { ...fields, locationId } }))
        .contact,

    update: async (contactId: string, fields: ContactUpdateFields, o?: CallOptions): Promise<Contact> =>
      (await http.send({ ...o, method: 'PUT', path: path`contacts/${contactId}`, version, schema: ContactUpdatedSchema, json: fields }))
        .contact,

    remove: async (contactId: string, o?: CallOptions): Promise<void> => {
      await http.send({ ...o, method: 'DELETE', path: path`contacts/${contactId}`, version, schema: DeletedSchema });
    },

    /** Adds or removes followers (user ids); answers the contact's followers after the change. Set operations: retried safely. */
    followers: async (contactId: string, change: 'add' | 'remove', userIds: string[], o?: CallOptions): Promise<string[]> =>
      (
        await http.send({
          ...o,
          method: change === 'add' ? 'POST' : 'DELETE',
          path: path`contacts/${contactId}/followers`,
          version,
          schema: FollowersSchema,
          json: { followers: userIds },
          idempotent: true,
        })
      ).followers ?? [],

    listByBusiness: (businessId: string, q: { limit?: number; skip?: number; query?: string } = {}, o?: CallOptions) =>
      http.send({
        ...o,
        method: 'GET',
        path: path`contacts/business/${businessId}`,
        version,
        schema: ContactListSchema,
        query: { locationId, limit: q.limit, skip: q.skip, query: q.query },
      }),
  };
}

export type ContactsApi = ReturnType<typeof contactsApi>;
