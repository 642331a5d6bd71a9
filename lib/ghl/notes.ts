// Notes of a contact: list, read, create, change, delete.
import { API_VERSION, path, type CallOptions, type GhlHttp } from './http';
import { DeletedSchema, NoteEnvelopeSchema, NoteListSchema, type Note } from './schemas';

const version = API_VERSION.contacts;

export interface NoteFields {
  body: string;
  title?: string;
  /** Author (user id). */
  userId?: string;
  /** Hex colour, e.g. "#FFAA00". */
  color?: string;
  pinned?: boolean;
}

export function notesApi(http: GhlHttp) {
  const one = (contactId: string, noteId: string) => path`contacts/${contactId}/notes/${noteId}`;
  return {
    list: async (contactId: string, o?: CallOptions): Promise<Note[]> =>
      (await http.send({ ...o, method: 'GET', path: path`contacts/${contactId}/notes`, version, schema: NoteListSchema })).notes,

    get: async (contactId: string, noteId: string, o?: CallOptions): Promise<Note> =>
      (await http.send({ ...o, method: 'GET', path: one(contactId, noteId), version, schema: NoteEnvelopeSchema })).note,

    create: async (contactId: string, fields: NoteFields, o?: CallOptions): Promise<Note> =>
      (
        await http.send({ ...o, method: 'POST', path: path`contacts/${contactId}/notes`, version, schema: NoteEnvelopeSchema, json: fields })
      ).note,

    update: async (contactId: string, noteId: string, fields: Partial<NoteFields>, o?: CallOptions): Promise<Note> =>
      (await http.send({ ...o, method: 'PUT', path: one(contactId, noteId), version, schema: NoteEnvelopeSchema, json: fields })).note,

    remove: async (contactId: string, noteId: string, o?: CallOptions): Promise<void> => {
      await http.send({ ...o, method: 'DELETE', path: one(contactId, noteId), version, schema: DeletedSchema });
    },
  };
}

export type NotesApi = ReturnType<typeof notesApi>;
