// Tags: add to / remove from one contact, the same for many contacts at once, and the
// location's tag catalogue. Adding and removing are set operations, so they are retried safely.
import { API_VERSION, path, type CallOptions, type GhlHttp } from './http';
import { BulkTagsSchema, ContactTagsSchema, LocationTagListSchema, type LocationTag } from './schemas';

const version = API_VERSION.contacts;

export function tagsApi(http: GhlHttp) {
  const locationId = http.locationId;
  const onContact = (method: 'POST' | 'DELETE', contactId: string, tags: string[], o?: CallOptions) =>
    http.send({
      ...o,
      method,
      path: path`contacts/${contactId}/tags`,
      version,
      schema: ContactTagsSchema,
      json: { tags },
      idempotent: true,
    });
  return {
    /** Returns the contact's tags after the change. */
    add: async (contactId: string, tags: string[], o?: CallOptions): Promise<string[]> =>
      (await onContact('POST', contactId, tags, o)).tags,

    remove: async (contactId: string, tags: string[], o?: CallOptions): Promise<string[]> =>
      (await onContact('DELETE', contactId, tags, o)).tags,

    bulkUpdate: (
      type: 'add' | 'remove',
      change: { contactIds: string[]; tags: string[]; removeAllTags?: boolean },
      o?: CallOptions,
    ) =>
      http.send({
        ...o,
        method: 'POST',
        path: path`contacts/bulk/tags/update/${type}`,
        version,
        schema: BulkTagsSchema,
        json: {
          locationId,
          contacts: change.contactIds,
          tags: change.tags,
          ...(type === 'remove' && change.removeAllTags !== undefined ? { removeAllTags: change.removeAllTags } : {}),
        },
        idempotent: true,
      }),

    /** Every tag defined in the location (for suggestions). */
    locationTags: async (o?: CallOptions): Promise<LocationTag[]> =>
      (
        await http.send({ ...o, method: 'GET', path: path`locations/${locationId}/tags`, version: API_VERSION.locations, schema: LocationTagListSchema })
      ).tags,
  };
}

export type TagsApi = ReturnType<typeof tagsApi>;
