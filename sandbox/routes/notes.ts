// Contact note routes: list, get, create (201), update, delete (apps/contacts.json).
import type { AppCtx, App } from '../context.ts';
import { contactFor, fail, guard, ok, readJson } from '../http.ts';
import type { Note } from '../types.ts';
import { validOrThrow, type Rules } from '../validate.ts';

const updateRules: Rules = { userId: { type: 'string' }, body: { type: 'string' }, title: { type: 'string' }, color: { type: 'string' }, pinned: { type: 'boolean' } };
const createRules: Rules = { ...updateRules, body: { type: 'string', required: true } };
const FIELDS = ['userId', 'body', 'title', 'color', 'pinned'] as const;

const view = (n: Note) => ({ ...n });

export function noteRoutes(app: App, ctx: AppCtx): void {
  const read = guard(ctx, { scope: 'contacts.readonly' });
  const write = guard(ctx, { scope: 'contacts.write' });
  const noteOf = (contactId: string, id: string): Note => ctx.store.notesOf(contactId).find((n) => n.id === id) ?? fail(404, 'Note not found');
  const checkColor = (body: Record<string, unknown>) => {
    if (typeof body.color === 'string' && !/^#[0-9a-fA-F]{3,8}$/.test(body.color)) fail(422, ['color must be a hexadecimal color']);
  };
  const assign = (note: Note, body: Record<string, unknown>) => {
    for (const k of FIELDS) if (body[k] !== undefined) (note as unknown as Record<string, unknown>)[k] = body[k];
  };

  app.get('/contacts/:contactId/notes', read, (c) => {
    const contact = contactFor(c, ctx, c.req.param('contactId'));
    const notes = [...ctx.store.notesOf(contact.id)].sort((a, b) => b.dateAdded.localeCompare(a.dateAdded));
    return ok(c, { notes: notes.map(view) });
  });

  app.post('/contacts/:contactId/notes', write, async (c) => {
    const contact = contactFor(c, ctx, c.req.param('contactId'));
    const body = await readJson(c);
    validOrThrow(body, createRules);
    checkColor(body);
    const note: Note = { id: ctx.store.newId(), contactId: contact.id, body: '', dateAdded: new Date(ctx.now()).toISOString() };
    assign(note, body);
    ctx.store.notesOf(contact.id).push(note);
    return ok(c, { note: view(note) }, 201);
  });

  app.get('/contacts/:contactId/notes/:id', read, (c) => {
    const contact = contactFor(c, ctx, c.req.param('contactId'));
    return ok(c, { note: view(noteOf(contact.id, c.req.param('id'))) });
  });

  app.put('/contacts/:contactId/notes/:id', write, async (c) => {
    const contact = contactFor(c, ctx, c.req.param('contactId'));
    const note = noteOf(contact.id, c.req.param('id'));
    const body = await readJson(c);
    validOrThrow(body, updateRules);
    checkColor(body);
    assign(note, body);
    return ok(c, { note: view(note) });
  });

  app.delete('/contacts/:contactId/notes/:id', write, (c) => {
    const contact = contactFor(c, ctx, c.req.param('contactId'));
    const list = ctx.store.notesOf(contact.id);
    list.splice(list.indexOf(noteOf(contact.id, c.req.param('id'))), 1);
    return ok(c, { succeded: true });
  });
}
