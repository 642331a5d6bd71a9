// Contact tag routes: add (201 with the contact's tags now), remove, and the bulk add/remove endpoint.
// Tags are stored lower-case and added to the location's catalogue, as HighLevel does.
import type { AppCtx, App } from '../context.ts';
import { assertLocation, contactFor, guard, ok, readJson, unprocessable } from '../http.ts';
import type { Contact } from '../types.ts';
import { validOrThrow } from '../validate.ts';

const clean = (tags: string[]) => [...new Set(tags.map((t) => t.trim().toLowerCase()).filter(Boolean))];

export function tagRoutes(app: App, ctx: AppCtx): void {
  // The spec lists no scope for the bulk endpoint; DOCS Scopes.md puts adding and removing tags
  // under contacts.write, the stricter reading (../shared/ghl-api/README.md §3, §4 #24).
  const write = guard(ctx, { scope: 'contacts.write' });
  /** Call before changing `c`'s tags: the search index lags the change (search-index.ts). */
  const willChange = (c: Contact) => ctx.index.beforeWrite(c.id, c);
  const touch = (c: Contact) => {
    // Nothing documents that a tag write changes dateUpdated (the answer is only `{tags}`), so it
    // does not, unless the lenient reading is on.
    if (ctx.config.lenient.tagWritesDateUpdated) c.dateUpdated = new Date(ctx.now()).toISOString();
    ctx.store.ensureTags(c.locationId, c.tags);
  };
  const tagsBody = async (c: Parameters<typeof readJson>[0]) => {
    const body = await readJson(c);
    validOrThrow(body, { tags: { type: 'string[]', required: true } });
    return clean(body.tags as string[]);
  };

  app.post('/contacts/bulk/tags/update/:type', write, async (c) => {
    const type = c.req.param('type');
    if (type !== 'add' && type !== 'remove') unprocessable(['type must be one of the following values: add, remove']);
    const body = await readJson(c);
    validOrThrow(body, { contacts: { type: 'string[]', required: true }, tags: { type: 'string[]', required: true }, locationId: { type: 'string', required: true }, removeAllTags: { type: 'boolean' } });
    if (body.removeAllTags === true && type !== 'remove') unprocessable(['removeAllTags can only be used with type remove']);
    assertLocation(c, ctx, body.locationId as string);
    const tags = clean(body.tags as string[]);
    const responses = (body.contacts as string[]).map((contactId) => {
      const contact = ctx.store.contacts.get(contactId);
      if (!contact) return { contactId, message: 'contact not found', type: 'error' };
      if (contact.locationId !== body.locationId) return { contactId, message: 'contact does not belong to location', type: 'error' };
      const oldTags = [...contact.tags];
      willChange(contact);
      if (type === 'add') contact.tags = [...new Set([...contact.tags, ...tags])];
      else contact.tags = body.removeAllTags === true ? [] : contact.tags.filter((t) => !tags.includes(t));
      touch(contact);
      return { contactId, message: 'Tags updated', type: 'success', oldTags, tagsAdded: contact.tags.filter((t) => !oldTags.includes(t)), tagsRemoved: oldTags.filter((t) => !contact.tags.includes(t)) };
    });
    const errorCount = responses.filter((r) => r.type === 'error').length;
    return ok(c, { succeded: true, errorCount, responses }, 201);
  });

  app.post('/contacts/:contactId/tags', write, async (c) => {
    const contact = contactFor(c, ctx, c.req.param('contactId'));
    const tags = await tagsBody(c);
    willChange(contact);
    contact.tags = [...new Set([...contact.tags, ...tags])];
    touch(contact);
    return ok(c, { tags: [...contact.tags] }, 201);
  });

  app.delete('/contacts/:contactId/tags', write, async (c) => {
    const contact = contactFor(c, ctx, c.req.param('contactId'));
    const tags = await tagsBody(c);
    willChange(contact);
    contact.tags = contact.tags.filter((t) => !tags.includes(t));
    touch(contact);
    return ok(c, { tags: [...contact.tags] });
  });
}
