// Contact CRUD routes: get, deprecated list, create, update, delete, upsert, duplicate lookup and
// contacts by business (apps/contacts.json).
import type { AppCtx, App } from '../context.ts';
import { applyWrite, contactRules, createdView, duplicateQuery, findDuplicate, fullView, indexedContacts, listView, newContact, rejectDuplicate, textMatch } from '../contact-ops.ts';
import { assertLocation, contactFor, guard, ok, readJson, requireQuery, unprocessable } from '../http.ts';
import type { Contact } from '../types.ts';
import { validOrThrow } from '../validate.ts';

const byNewest = (a: Contact, b: Contact) => b.dateAdded.localeCompare(a.dateAdded) || b.id.localeCompare(a.id);

export function contactRoutes(app: App, ctx: AppCtx): void {
  const read = guard(ctx, { scope: 'contacts.readonly' });
  const write = guard(ctx, { scope: 'contacts.write' });

  app.get('/contacts/search/duplicate', read, (c) => {
    const locationId = requireQuery(c, 'locationId');
    assertLocation(c, ctx, locationId);
    const { email, number } = duplicateQuery(ctx, c.req.query('email'), c.req.query('number'));
    const dup = findDuplicate(ctx, locationId, email, number);
    return ok(c, { contact: dup ? fullView(dup.contact) : null });
  });

  app.get('/contacts/business/:businessId', read, (c) => {
    const locationId = requireQuery(c, 'locationId');
    assertLocation(c, ctx, locationId);
    const { limit, skip } = paging(c.req.query('limit'), c.req.query('skip'));
    const q = c.req.query('query') ?? '';
    const all = indexedContacts(ctx, locationId).filter((x) => x.businessId === c.req.param('businessId') && textMatch(x, q)).sort(byNewest);
    return ok(c, { contacts: all.slice(skip, skip + limit).map((x) => listView(ctx, x)), count: all.length });
  });

  for (const path of ['/contacts', '/contacts/']) {
    app.get(path, read, (c) => {
      const locationId = requireQuery(c, 'locationId');
      assertLocation(c, ctx, locationId);
      const { limit } = paging(c.req.query('limit'), undefined, 100);
      const all = indexedContacts(ctx, locationId).filter((x) => textMatch(x, c.req.query('query') ?? '')).sort(byNewest);
      const afterId = c.req.query('startAfterId');
      const afterMs = Number(c.req.query('startAfter'));
      let start = 0;
      if (afterId) start = all.findIndex((x) => x.id === afterId) + 1;
      else if (Number.isFinite(afterMs) && c.req.query('startAfter')) start = all.findIndex((x) => Date.parse(x.dateAdded) < afterMs);
      if (start < 0) start = all.length;
      const page = all.slice(start, start + limit);
      const last = page[page.length - 1];
      const more = start + limit < all.length && last;
      const base = new URL(c.req.url);
      const nextPageUrl = more ? `${base.origin}/contacts/?locationId=${locationId}&startAfter=${Date.parse(last.dateAdded)}&startAfterId=${last.id}` : null;
      const currentPage = Math.floor(start / limit) + 1;
      return ok(c, {
        contacts: page.map((x) => listView(ctx, x)),
        count: all.length,
        meta: { total: all.length, nextPageUrl, startAfterId: more ? last.id : null, startAfter: more ? Date.parse(last.dateAdded) : null, currentPage, nextPage: more ? currentPage + 1 : null, prevPage: currentPage > 1 ? currentPage - 1 : null },
      });
    });

    app.post(path, write, async (c) => {
      const body = await readJson(c);
      validOrThrow(body, contactRules.create);
      const locationId = body.locationId as string;
      assertLocation(c, ctx, locationId);
      rejectDuplicate(ctx, locationId, body);
      const contact = newContact(ctx, locationId);
      applyWrite(ctx, contact, body, 'replace');
      ctx.index.beforeWrite(contact.id, undefined);
      ctx.store.addContact(contact);
      return ok(c, { contact: createdView(contact) }, 201);
    });
  }

  app.post('/contacts/upsert', write, async (c) => {
    const body = await readJson(c);
    validOrThrow(body, contactRules.upsert);
    const locationId = body.locationId as string;
    assertLocation(c, ctx, locationId);
    const allowDup = ctx.store.locations.get(locationId)?.settings.allowDuplicateContact === true;
    const dup = allowDup && body.createNewIfDuplicateAllowed === true ? null : findDuplicate(ctx, locationId, body.email, body.phone);
    const { createNewIfDuplicateAllowed: _flag, locationId: _loc, ...fields } = body;
    const contact = dup?.contact ?? newContact(ctx, locationId);
    ctx.index.beforeWrite(contact.id, dup?.contact);
    applyWrite(ctx, contact, fields, dup ? 'merge' : 'replace');
    if (!dup) ctx.store.addContact(contact);
    return ok(c, { new: !dup, contact: fullView(contact) });
  });

  app.get('/contacts/:contactId', read, (c) => ok(c, { contact: fullView(contactFor(c, ctx, c.req.param('contactId'))) }));

  app.put('/contacts/:contactId', write, async (c) => {
    const contact = contactFor(c, ctx, c.req.param('contactId'));
    const body = await readJson(c);
    validOrThrow(body, contactRules.update);
    ctx.index.beforeWrite(contact.id, contact);
    applyWrite(ctx, contact, body, 'replace');
    return ok(c, { succeded: true, contact: fullView(contact) });
  });

  app.delete('/contacts/:contactId', write, (c) => {
    const contact = contactFor(c, ctx, c.req.param('contactId'));
    ctx.index.beforeWrite(contact.id, contact);
    ctx.store.deleteContact(contact.id);
    return ok(c, { succeded: true });
  });
}

/** limit/skip query parsing with HighLevel-style 422s. */
export function paging(limitRaw: string | undefined, skipRaw: string | undefined, maxLimit = 100): { limit: number; skip: number } {
  const limit = limitRaw === undefined ? 20 : Number(limitRaw);
  const skip = skipRaw === undefined ? 0 : Number(skipRaw);
  const errors: string[] = [];
  if (!Number.isInteger(limit) || limit < 1) errors.push('limit must be a positive integer');
  else if (limit > maxLimit) errors.push(`limit must not be greater than ${maxLimit}`);
  if (!Number.isInteger(skip) || skip < 0) errors.push('skip must not be less than 0');
  if (errors.length) unprocessable(errors);
  return { limit, skip };
}
