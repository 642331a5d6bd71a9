// The shown contact's UI state: its record (shown at once from the background's last copy, then
// replaced by the fresh one it pushes), the location's lists, and every change the user makes.
// This store only shows what it is given: the record the background gave, with the tag writes this
// page has just sent and not yet seen answered laid over it by lib/record's one optimistic rule
// (layWrites, the same the background lays the outbox's writes with). So a chip changes in the same
// frame as the key press, before any message, and goes back when HighLevel refuses (the write is
// no longer laid over the record); no rule of its own. The last tag change can be undone for a few seconds.
import { create } from 'zustand';
import { i18n } from '#i18n';
import { sendMessage, type ContactDetails, type ContactEditInput, type LocationLists, type Outcome, type TaskInput, type UserError } from '@/lib/protocol';
import { layWrites, type ShownWrite } from '@/lib/record';
import { ask, settle, valueOf, type Load } from './ask';

export const UNDO_MS = 6_000;

export interface UndoOffer {
  label: string;
  until: number;
  run: () => void;
}

export interface ContactState {
  contactId?: string;
  details: Load<ContactDetails>;
  revalidating: boolean;
  lists: Load<LocationLists>;
  /** the last write that failed, with what the user can do */
  writeError?: UserError;
  undo?: UndoOffer;
  /** bumped by the quick-tag shortcut: the tag box focuses itself */
  focusTagsAt: number;
  open(contactId: string | undefined, fresh?: boolean): Promise<void>;
  /** a record the background pushed */
  received(details: ContactDetails): void;
  loadLists(): Promise<void>;
  addTag(tag: string, undoable?: boolean): Promise<void>;
  removeTag(tag: string, undoable?: boolean): Promise<void>;
  runUndo(): void;
  createTask(task: TaskInput): Promise<boolean>;
  updateTask(taskId: string, task: Partial<TaskInput>): Promise<boolean>;
  setTaskCompleted(taskId: string, completed: boolean): Promise<boolean>;
  deleteTask(taskId: string): Promise<boolean>;
  createNote(body: string): Promise<boolean>;
  updateNote(noteId: string, body: string): Promise<boolean>;
  deleteNote(noteId: string): Promise<boolean>;
  /** only the changed fields, with the version the user edited */
  updateContact(fields: ContactEditInput, base: { dateUpdated: string | null; values: ContactEditInput }): Promise<boolean>;
}

const sameTag = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export const useContact = create<ContactState>((set, get) => {
  /** the record the background gave last (HighLevel's, with the outbox's writes laid over it) */
  let given: ContactDetails | undefined;
  /** what show() set last: a record shown that is not this one was set from outside, and is the given one */
  let shown: ContactDetails | undefined;
  /** the tag writes sent and not answered yet, in the order sent */
  let sent: ShownWrite[] = [];

  /** Shows the given record with the unanswered writes laid over it (same frame). */
  const show = (details: ContactDetails) => {
    given = details;
    const mine = sent.filter((w) => w.contactId === details.contact.id);
    shown = layWrites(details, mine, { users: [], at: Date.now() });
    set({ details: { status: 'ready', value: shown } });
  };
  /** The record shown again, if the contact is still the one shown. */
  const reshow = (contactId: string) => {
    const current = valueOf(get().details);
    if (current && current !== shown) given = current;
    if (given && get().contactId === contactId && given.contact.id === contactId) show(given);
  };

  async function tagWrite(kind: 'addTags' | 'removeTags', tag: string) {
    const contactId = get().contactId;
    if (!contactId) return;
    const write: ShownWrite = { kind: kind === 'addTags' ? 'tag.add' : 'tag.remove', contactId, tags: [tag] };
    sent = [...sent, write];
    reshow(contactId);
    const res = await ask(() => sendMessage(kind, { contactId, tags: [tag] }));
    sent = sent.filter((w) => w !== write);
    if (!res.ok) {
      const message =
        kind === 'addTags' ? i18n.t('tags.couldNotAdd', [tag, res.error.message]) : i18n.t('tags.couldNotRemove', [tag, res.error.message]);
      set({ writeError: { ...res.error, message }, undo: undefined });
    } else if (given?.contact.id === contactId) {
      given = { ...given, contact: { ...given.contact, tags: res.value } }; // HighLevel's tags (lower case)
    }
    reshow(contactId);
  }

  /** Sends a task or note change and shows the record the background answers. */
  async function recordWrite(call: (contactId: string) => Promise<Outcome<ContactDetails>>): Promise<boolean> {
    const contactId = get().contactId;
    if (!contactId) return false;
    const res = await ask(() => call(contactId));
    if (!res.ok) {
      set({ writeError: res.error });
      return false;
    }
    if (get().contactId === contactId) {
      show(res.value);
      set({ writeError: undefined });
    }
    return true;
  }

  const offerUndo = (label: string, run: () => void) => set({ undo: { label, until: Date.now() + UNDO_MS, run } });

  return {
    details: { status: 'idle' },
    revalidating: false,
    lists: { status: 'idle' },
    focusTagsAt: 0,

    async open(contactId, fresh = false) {
      if (contactId !== get().contactId) set({ undo: undefined, writeError: undefined });
      set({ contactId });
      if (!contactId) {
        set({ details: { status: 'idle' }, revalidating: false });
        return;
      }
      const shown = valueOf(get().details);
      if (shown?.contact.id !== contactId) set({ details: { status: 'loading' } });
      const res = await ask(() => sendMessage('getContactDetails', { contactId, fresh }));
      if (get().contactId !== contactId) return;
      if (!res.ok) set({ details: settle(res), revalidating: false });
      else {
        show(res.value.details);
        set({ revalidating: res.value.revalidating });
      }
    },

    received(details) {
      if (details.contact.id !== get().contactId) return;
      // while this page's tag writes wait for their answers, a pushed record is kept, not drawn:
      // the answer draws it once (as before: one render per answer, not one per push)
      if (sent.some((w) => w.contactId === details.contact.id)) given = details;
      else show(details);
      set({ revalidating: false });
    },

    async loadLists() {
      set({ lists: settle(await ask(() => sendMessage('getLocationLists'))) });
    },

    async addTag(input, undoable = true) {
      const tag = input.trim();
      const tags = valueOf(get().details)?.contact.tags;
      if (!tag || !tags || tags.some((t) => sameTag(t, tag))) return;
      set({ writeError: undefined });
      if (undoable) offerUndo(i18n.t('tags.added', [tag]), () => void get().removeTag(tag, false));
      await tagWrite('addTags', tag);
    },

    async removeTag(tag, undoable = true) {
      const tags = valueOf(get().details)?.contact.tags;
      if (!tags?.includes(tag)) return;
      set({ writeError: undefined });
      if (undoable) offerUndo(i18n.t('tags.removed', [tag]), () => void get().addTag(tag, false));
      await tagWrite('removeTags', tag);
    },

    runUndo() {
      const offer = get().undo;
      if (!offer || offer.until < Date.now()) return;
      set({ undo: undefined });
      offer.run();
    },

    createTask: (task) => recordWrite((contactId) => sendMessage('createTask', { contactId, task })),
    updateTask: (taskId, task) => recordWrite((contactId) => sendMessage('updateTask', { contactId, taskId, task })),
    setTaskCompleted: (taskId, completed) =>
      recordWrite((contactId) => sendMessage('setTaskCompleted', { contactId, taskId, completed })),
    deleteTask: (taskId) => recordWrite((contactId) => sendMessage('deleteTask', { contactId, taskId })),
    createNote: (body) => recordWrite((contactId) => sendMessage('createNote', { contactId, body })),
    updateNote: (noteId, body) => recordWrite((contactId) => sendMessage('updateNote', { contactId, noteId, body })),
    deleteNote: (noteId) => recordWrite((contactId) => sendMessage('deleteNote', { contactId, noteId })),
    updateContact: (fields, base) => recordWrite((contactId) => sendMessage('updateContact', { contactId, fields, base })),
  };
});
