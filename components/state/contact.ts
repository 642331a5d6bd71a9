// The shown contact's UI state: its record (shown at once from the background's last copy, then
// replaced by the fresh one it pushes), the location's lists, and every change the user makes.
// This store only shows what it is given: the record the background gave, with the tag writes this
// page has just sent and not yet seen answered laid over it by lib/record's one optimistic rule
// (layWrites, the same the background lays the outbox's writes with). So a chip changes in the same
// frame as the key press, before any message, and goes back when HighLevel refuses (the write is
// no longer laid over the record); no rule of its own.
// Tag changes can be undone one after the other (a stack per contact, Ctrl/Cmd+Z); the tag box's
// text is kept here, so a record that changes under it (the page focuses another person, a fresh
// copy arrives) never drops what the user is typing; the last three tags used are kept at hand.
import { create } from 'zustand';
import { i18n } from '#i18n';
import { sendMessage, type ContactDetails, type ContactEditInput, type LocationLists, type Outcome, type TaskInput, type UserError } from '@/lib/protocol';
import { layWrites, type ShownWrite } from '@/lib/record';
import { recentFirst } from '../tag-suggestions';
import { ask, settle, valueOf, type Load } from './ask';

/** How long the undo bar shows a change (Ctrl/Cmd+Z keeps working after it hides). */
export const UNDO_MS = 6_000;
/** Tag changes kept for undo, all contacts together. */
const UNDO_KEPT = 50;
/**
 * how long the user must stay on a person, while another record is still being read, before theirs
 * is asked for: skipping through ten people on a slow connection reads the one they stop on, not
 * the nine they passed (each read is several requests, and the last would wait behind them all)
 */
export const SKIP_SETTLE_MS = 250;
/** Tags offered as one-click chips for every person. */
export const RECENT_SHOWN = 3;

export interface UndoStep {
  contactId: string;
  label: string;
  run: () => void;
}

/** An error with the contact it is about (a notice about another person is not shown for this one). */
export type ContactError = UserError & { contactId?: string };

export interface ContactState {
  contactId?: string;
  details: Load<ContactDetails>;
  revalidating: boolean;
  lists: Load<LocationLists>;
  /** the last write that failed, with what the user can do */
  writeError?: ContactError;
  /** tag changes that can be undone, oldest first (all contacts) */
  undos: UndoStep[];
  /** the undo bar shows the shown contact's last change until then */
  undoBarUntil: number;
  /**
   * tags the user changed on the shown contact before its record came (a slow network): their
   * chips show at once, and the record, with the writes laid over it, takes over when it comes
   */
  early?: { contactId: string; tags: string[] };
  /** what a key that changed nothing has to say (an undone change, a tag the person already has), in the undo bar until `until` */
  said?: { text: string; until: number };
  /** the last tags used, newest first (one-click chips, the repeat key) */
  recentTags: string[];
  /** the last tag added here, when HighLevel refused it: the repeat key adds no other tag in its place until another is added */
  refusedTag?: string;
  /** what is typed in the tag box (kept when the shown person changes) */
  draft: string;
  /** bumped to put the focus in the tag box (the shortcut, moving to another person) */
  focusTagsAt: number;
  open(contactId: string | undefined, fresh?: boolean): Promise<void>;
  /** a record the background pushed */
  received(details: ContactDetails): void;
  loadLists(): Promise<void>;
  setDraft(text: string): void;
  focusTags(): void;
  addTag(tag: string, undoable?: boolean): Promise<void>;
  removeTag(tag: string, undoable?: boolean): Promise<void>;
  /** adds the last tag used to the shown contact */
  repeatLastTag(): Promise<void>;
  /** undoes the shown contact's last tag change not undone yet */
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
  /** deletes the shown contact in HighLevel (through the outbox) */
  deleteContact(): Promise<boolean>;
}

const sameTag = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The shown contact's newest undo step, if any. */
/** The tags changed on the shown contact before its record came (see `early`), if that is the case. */
export const earlyTagsOf = (s: Pick<ContactState, 'early' | 'contactId'>): string[] | undefined =>
  s.early && s.early.contactId === s.contactId ? s.early.tags : undefined;

export const undoOf = (s: Pick<ContactState, 'undos' | 'contactId'>): UndoStep | undefined =>
  s.undos.findLast((u) => u.contactId === s.contactId);

export const useContact = create<ContactState>((set, get) => {
  /** the record the background gave last (HighLevel's, with the outbox's writes laid over it) */
  let given: ContactDetails | undefined;
  /** what show() set last: a record shown that is not this one was set from outside, and is the given one */
  let shown: ContactDetails | undefined;
  /** the tag writes sent and not answered yet, in the order sent */
  let sent: ShownWrite[] = [];
  /** records being read now */
  let reading = 0;
  /** the wait of a record asked for while skipping (see SKIP_SETTLE_MS): ends it early when another is asked for */
  let settled: (() => void) | undefined;

  /** Shows the given record with the unanswered writes laid over it (same frame). */
  const show = (details: ContactDetails) => {
    given = details;
    const mine = sent.filter((w) => w.contactId === details.contact.id);
    shown = layWrites(details, mine, { users: [], at: Date.now() });
    set((s) => ({ details: { status: 'ready', value: shown! }, early: s.early?.contactId === details.contact.id ? undefined : s.early }));
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
      set((s) => {
        const refused = s.undos.findLast((u) => u.contactId === contactId && u.label === undoLabel(kind, tag));
        return {
          early: s.early?.contactId === contactId ? { contactId, tags: s.early.tags.filter((t) => !sameTag(t, tag)) } : s.early,
          writeError: { ...res.error, message, contactId },
          undos: s.undos.filter((u) => u !== refused),
          // the bar offered the refused change: it offers no older one in its place (the notice says what happened)
          undoBarUntil: refused && refused === undoOf(s) ? 0 : s.undoBarUntil,
          // a tag HighLevel refused is not offered again, and the repeat key does not add another in its place
          recentTags: kind === 'addTags' ? s.recentTags.filter((t) => !sameTag(t, tag)) : s.recentTags,
          // nor is a new tag it refused offered as one of the location's by the type-ahead
          ...(kind === 'addTags' ? withoutNew(s, tag) : {}),
          refusedTag: kind === 'addTags' && usedHere.length && sameTag(usedHere.at(-1)!, tag) ? tag : s.refusedTag,
        };
      });
    } else if (given?.contact.id === contactId) {
      given = { ...given, contact: { ...given.contact, tags: res.value } }; // HighLevel's tags (lower case)
    }
    reshow(contactId);
  }

  const undoLabel = (kind: 'addTags' | 'removeTags', tag: string) => (kind === 'addTags' ? i18n.t('tags.added', [tag]) : i18n.t('tags.removed', [tag]));

  /** Sends a task or note change and shows the record the background answers; `done` is said (the undo bar, a live region) once it is taken. */
  async function recordWrite(call: (contactId: string) => Promise<Outcome<ContactDetails>>, done?: string): Promise<boolean> {
    const contactId = get().contactId;
    if (!contactId) return false;
    const res = await ask(() => call(contactId));
    if (!res.ok) {
      set({ writeError: { ...res.error, contactId } });
      return false;
    }
    if (get().contactId === contactId) {
      show(res.value);
      set({ writeError: undefined });
      if (done) say(done);
    }
    return true;
  }

  const offerUndo = (contactId: string, label: string, run: () => void) =>
    set((s) => ({ undos: [...s.undos, { contactId, label, run }].slice(-UNDO_KEPT), undoBarUntil: Date.now() + UNDO_MS, said: undefined }));
  /** the undo bar says `text` for a while (in place of an undo offered before: the latest thing done is what it tells) */
  const say = (text: string) => set({ said: { text, until: Date.now() + UNDO_MS }, undoBarUntil: 0 });

  /** the tags used here, oldest first: those used while the lists were read go on top of the answer */
  const usedHere: string[] = [];
  /** `lists` with the tags first, newest last in `tags` (the recent chips and the type-ahead) */
  const withUsed = (s: Pick<ContactState, 'lists' | 'recentTags'>, tags: string[]): Pick<ContactState, 'lists' | 'recentTags'> => {
    const lists = valueOf(s.lists);
    return {
      recentTags: tags.reduce((r, t) => recentFirst(t, r, RECENT_SHOWN), s.recentTags),
      lists: lists ? { status: 'ready', value: { ...lists, tags: tags.reduce((all, t) => recentFirst(t, all, Infinity), lists.tags) } } : s.lists,
    };
  };
  /** tags used here that the location's list did not have (new tags): taken out of it again when HighLevel refuses them */
  const newHere = new Set<string>();
  /** The tag is now the newest used: first of the chips and of the type-ahead, at once. */
  const used = (tag: string) => {
    usedHere.push(tag);
    if (!valueOf(get().lists)?.tags.some((t) => sameTag(t, tag))) newHere.add(tag.trim().toLowerCase());
    set((s) => ({ ...withUsed(s, [tag]), refusedTag: undefined }));
  };
  /** `lists` without `tag` if it came into them only by being used here (HighLevel refused it) */
  const withoutNew = (s: Pick<ContactState, 'lists'>, tag: string): Partial<Pick<ContactState, 'lists'>> => {
    const lists = valueOf(s.lists);
    if (!lists || !newHere.delete(tag.trim().toLowerCase())) return {};
    return { lists: { status: 'ready', value: { ...lists, tags: lists.tags.filter((t) => !sameTag(t, tag)) } } };
  };

  /** the shown contact's tags: its record's, or before the record came, those added meanwhile */
  const tagsShown = (): string[] | undefined => {
    return valueOf(get().details)?.contact.tags ?? earlyTagsOf(get());
  };
  /** the record has not come yet: the chip of a change is drawn from `early` */
  const changedEarly = (contactId: string, change: (tags: string[]) => string[]) => {
    if (valueOf(get().details)) return;
    set((s) => ({ early: { contactId, tags: change(s.early?.contactId === contactId ? s.early.tags : []) } }));
  };

  return {
    details: { status: 'idle' },
    revalidating: false,
    lists: { status: 'idle' },
    undos: [],
    undoBarUntil: 0,
    recentTags: [],
    draft: '',
    focusTagsAt: 0,

    async open(contactId, fresh = false) {
      if (contactId !== get().contactId) set((s) => ({ writeError: s.writeError?.contactId === contactId ? s.writeError : undefined, undoBarUntil: 0, said: undefined, early: undefined }));
      set({ contactId });
      if (!contactId) {
        set({ details: { status: 'idle' }, revalidating: false });
        return;
      }
      const current = valueOf(get().details);
      if (current?.contact.id !== contactId) set({ details: { status: 'loading' } });
      settled?.();
      if (reading > 0 && !fresh) {
        // skipping through people: read once the user stays, unless they move on first
        await new Promise<void>((resolve) => {
          const done = () => {
            clearTimeout(timer);
            if (settled === done) settled = undefined;
            resolve();
          };
          const timer = setTimeout(done, SKIP_SETTLE_MS);
          settled = done;
        });
        if (get().contactId !== contactId) return;
      }
      reading++;
      const res = await ask(() => sendMessage('getContactDetails', { contactId, fresh })).finally(() => reading--);
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
      const asked = usedHere.length;
      const lists = settle(await ask(() => sendMessage('getLocationLists')));
      if (lists.status !== 'ready') return set({ lists });
      // the tags used while the lists were read: the answer may have been read before they were kept
      set(withUsed({ lists, recentTags: lists.value.recentTags.slice(0, RECENT_SHOWN) }, usedHere.slice(asked)));
    },

    setDraft: (draft) => set({ draft }),
    focusTags: () => set({ focusTagsAt: Date.now() }),

    async addTag(input, undoable = true) {
      const tag = input.trim();
      const contactId = get().contactId;
      if (!tag || !contactId || tagsShown()?.some((t) => sameTag(t, tag))) return;
      set({ writeError: undefined });
      if (undoable) {
        used(tag); // an undo puts a tag back; it is not the user's latest choice
        offerUndo(contactId, i18n.t('tags.added', [tag]), () => void get().removeTag(tag, false));
      }
      changedEarly(contactId, (tags) => [...tags, tag]);
      await tagWrite('addTags', tag);
    },

    async removeTag(tag, undoable = true) {
      const contactId = get().contactId;
      const present = tagsShown()?.find((t) => sameTag(t, tag));
      if (!contactId || !present) return;
      set({ writeError: undefined });
      if (undoable) offerUndo(contactId, i18n.t('tags.removed', [present]), () => void get().addTag(present, false));
      changedEarly(contactId, (tags) => tags.filter((t) => t !== present));
      await tagWrite('removeTags', present);
    },

    async repeatLastTag() {
      if (!get().contactId) return say(i18n.t('tags.noContactToTag'));
      const refused = get().refusedTag;
      if (refused) return say(i18n.t('tags.lastRefused', [refused]));
      const last = get().recentTags[0];
      if (!last) return say(i18n.t('tags.noneToRepeat'));
      if (tagsShown()?.some((t) => sameTag(t, last))) return say(i18n.t('tags.alreadyHas', [last]));
      await get().addTag(last);
    },

    runUndo() {
      const step = undoOf(get());
      if (!step) return say(i18n.t('tags.nothingToUndo'));
      set((s) => ({ undos: s.undos.filter((u) => u !== step), undoBarUntil: 0 }));
      say(i18n.t('tags.undone', [step.label]));
      step.run();
    },

    createTask: (task) => recordWrite((contactId) => sendMessage('createTask', { contactId, task }), i18n.t('tasks.said.added', [task.title])),
    updateTask: (taskId, task) => recordWrite((contactId) => sendMessage('updateTask', { contactId, taskId, task }), i18n.t('tasks.said.saved')),
    setTaskCompleted: (taskId, completed) =>
      recordWrite((contactId) => sendMessage('setTaskCompleted', { contactId, taskId, completed }), completed ? i18n.t('tasks.said.done') : i18n.t('tasks.said.notDone')),
    deleteTask: (taskId) => recordWrite((contactId) => sendMessage('deleteTask', { contactId, taskId }), i18n.t('tasks.said.deleted')),
    createNote: (body) => recordWrite((contactId) => sendMessage('createNote', { contactId, body }), i18n.t('notes.said.added')),
    updateNote: (noteId, body) => recordWrite((contactId) => sendMessage('updateNote', { contactId, noteId, body }), i18n.t('notes.said.saved')),
    deleteNote: (noteId) => recordWrite((contactId) => sendMessage('deleteNote', { contactId, noteId }), i18n.t('notes.said.deleted')),
    updateContact: (fields, base) => recordWrite((contactId) => sendMessage('updateContact', { contactId, fields, base }), i18n.t('contact.said.saved')),

    async deleteContact() {
      const contactId = get().contactId;
      if (!contactId) return false;
      const res = await ask(() => sendMessage('deleteContact', { contactId }));
      if (!res.ok) {
        set({ writeError: { ...res.error, contactId } });
        return false;
      }
      set((s) => ({ undos: s.undos.filter((u) => u.contactId !== contactId), writeError: undefined }));
      return true;
    },
  };
});
