// The shown contact's UI state: its record (shown at once from the background's last copy, then
// replaced by the fresh one it pushes), the location's lists, and every change the user makes.
// Tag changes are optimistic: the chip changes in the same frame, before the message is sent, and
// goes back if HighLevel refuses. The last tag change can be undone for a few seconds.
import { create } from 'zustand';
import { i18n } from '#i18n';
import { sendMessage, type ContactDetails, type ContactEditInput, type LocationLists, type Outcome, type TaskInput, type UserError } from '@/lib/messaging';
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
  let pendingTagWrites = 0;

  /** Changes the shown tags now (same frame), if the contact is still the one shown. */
  const editTags = (contactId: string, edit: (tags: string[]) => string[]) => {
    const { details } = get();
    if (get().contactId !== contactId || details.status !== 'ready') return;
    const d = details.value;
    set({ details: { status: 'ready', value: { ...d, contact: { ...d.contact, tags: edit(d.contact.tags) } } } });
  };

  async function tagWrite(kind: 'addTags' | 'removeTags', tag: string, rollback: (tags: string[]) => string[]) {
    const contactId = get().contactId;
    if (!contactId) return;
    pendingTagWrites += 1;
    const res = await ask(() => sendMessage(kind, { contactId, tags: [tag] }));
    pendingTagWrites -= 1;
    if (!res.ok) {
      editTags(contactId, rollback);
      const message =
        kind === 'addTags' ? i18n.t('tags.couldNotAdd', [tag, res.error.message]) : i18n.t('tags.couldNotRemove', [tag, res.error.message]);
      set({ writeError: { ...res.error, message }, undo: undefined });
    } else if (pendingTagWrites === 0) {
      editTags(contactId, () => res.value); // HighLevel's spelling (it keeps tags in lower case)
    }
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
    if (get().contactId === contactId) set({ details: { status: 'ready', value: res.value }, writeError: undefined });
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
      else set({ details: { status: 'ready', value: res.value.details }, revalidating: res.value.revalidating });
    },

    received(details) {
      if (details.contact.id !== get().contactId || pendingTagWrites > 0) return;
      set({ details: { status: 'ready', value: details }, revalidating: false });
    },

    async loadLists() {
      set({ lists: settle(await ask(() => sendMessage('getLocationLists'))) });
    },

    async addTag(input, undoable = true) {
      const tag = input.trim();
      const tags = valueOf(get().details)?.contact.tags;
      if (!tag || !tags || tags.some((t) => sameTag(t, tag))) return;
      editTags(get().contactId!, (ts) => [...ts, tag]);
      set({ writeError: undefined });
      if (undoable) offerUndo(i18n.t('tags.added', [tag]), () => void get().removeTag(tag, false));
      await tagWrite('addTags', tag, (ts) => ts.filter((t) => t !== tag));
    },

    async removeTag(tag, undoable = true) {
      const tags = valueOf(get().details)?.contact.tags;
      if (!tags?.includes(tag)) return;
      editTags(get().contactId!, (ts) => ts.filter((t) => t !== tag));
      set({ writeError: undefined });
      if (undoable) offerUndo(i18n.t('tags.removed', [tag]), () => void get().addTag(tag, false));
      await tagWrite('removeTags', tag, (ts) => (ts.includes(tag) ? ts : [...ts, tag]));
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
