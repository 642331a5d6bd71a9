// The sidebar's keys, wherever the focus is: Alt+↓ / Alt+↑ show the next / previous person of the
// page with the focus in the tag box; J / K, when no field has the focus, do the same but leave the
// focus out of the tag box (there J would be a letter: pressed again, it would type instead of
// moving on), on the "3 of 200" button when it was nowhere or in the shown record; a form with
// changes not saved holds either move once, and says so; Alt+R adds the last
// tag used to the shown person; Alt+A opens "Tag several people" in its tag box, Alt+K "Add a task"
// and Alt+N "Add a note" with the cursor in their first field; Ctrl/Cmd+Z undoes
// the shown person's tag changes one by one (a field with text keeps its own undo).
import { useEffect } from 'react';
import { useContact } from './state/contact';
import { useSidebar } from './state/sidebar';
import { holdForUnsaved, openedByKeyFrom } from './FormParts';

/** The "3 of 200" button of the pinned person (it opens the list of the page's people). */
export const PEOPLE_TOGGLE_ID = 'people-toggle';

/** "Tag several people" (BulkTags.tsx), opened by Alt+A. */
export const BULK_ID = 'bulk-tags';
/** "Add a task" (TaskList.tsx) and "Add a note" (NoteList.tsx), opened by Alt+K and Alt+N. */
export const ADD_TASK_ID = 'add-task';
export const ADD_NOTE_ID = 'add-note';

/**
 * The key (its place, not its letter: Option+A types "å" on a Mac) → the "Add …" form it opens and
 * the field that gets the cursor. None is a menu's key in Chrome or Firefox.
 */
const ADDERS: Record<string, [id: string, field: string]> = {
  KeyA: [BULK_ID, 'input[role=combobox]'],
  KeyK: [ADD_TASK_ID, 'input[name=title]'],
  KeyN: [ADD_NOTE_ID, 'textarea'],
};

/** A field the user types in (J and K are letters there). */
export function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (!(target instanceof HTMLInputElement)) return false;
  return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type);
}

export function onSidebarKey(e: KeyboardEvent): void {
  const plain = !e.altKey && !e.ctrlKey && !e.metaKey;
  const step = (delta: number, toTags: boolean) => {
    e.preventDefault();
    // a changed form says so first (the key again moves on)
    if (holdForUnsaved({ focus: toTags })) return;
    // a focus in the shown record would go with it: J and K keep it on the "3 of 200" button
    if (!toTags && document.activeElement?.closest('[data-testid=pinned], [data-testid=contact-card]')) document.getElementById(PEOPLE_TOGGLE_ID)?.focus();
    void useSidebar.getState().step(delta, toTags);
  };
  if (e.altKey && !e.ctrlKey && !e.metaKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) return step(e.key === 'ArrowDown' ? 1 : -1, true);
  if (plain && !e.shiftKey && (e.key === 'j' || e.key === 'k') && !isTextField(e.target)) {
    if (!document.activeElement || document.activeElement === document.body) document.getElementById(PEOPLE_TOGGLE_ID)?.focus();
    return step(e.key === 'j' ? 1 : -1, false);
  }
  // by the key's place, not its letter: Alt+R types "®" on a Mac
  if (e.altKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyR') {
    e.preventDefault();
    void useContact.getState().repeatLastTag();
    return;
  }
  // Alt+A, Alt+K, Alt+N: the "Add …" form, open, the focus in its field
  const adder = e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey && ADDERS[e.code];
  if (adder) {
    const details = document.getElementById(adder[0]) as HTMLDetailsElement | null;
    if (!details) return;
    e.preventDefault();
    const from = document.activeElement;
    if (from instanceof HTMLElement && from !== document.body && !details.contains(from)) openedByKeyFrom.set(details, from);
    details.open = true;
    const field = details.querySelector<HTMLElement>(adder[1]);
    field?.focus();
    // whole, above the undo bar (a focus scrolls only a field out of view, not one half hidden)
    field?.scrollIntoView({ block: 'nearest' });
    return;
  }
  if (e.key.toLowerCase() === 'z' && (e.ctrlKey || e.metaKey) && !e.shiftKey) {
    const target = e.target as HTMLInputElement | null;
    if (target && 'value' in target && typeof target.value === 'string' && target.value !== '') return; // the field's own undo
    e.preventDefault();
    useContact.getState().runUndo();
  }
}

export function useSidebarKeys() {
  useEffect(() => {
    document.addEventListener('keydown', onSidebarKey);
    return () => document.removeEventListener('keydown', onSidebarKey);
  }, []);
}
