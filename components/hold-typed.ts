// The quick-tag shortcut pressed before anyone's tag box is drawn (the page's people still being
// looked up): the letters typed meanwhile are kept as the tag box's text instead of falling to the
// page's keys (J / K would move between people). Enter and the other keys are left alone: nothing
// is tagged before the person is shown. The hold ends as soon as the tag box is there (it takes
// the focus and shows the text), on Escape, or after HOLD_MS.
import { isTextField } from './keys';
import { useContact } from './state/contact';
import { TAG_BOX_ID } from './TagEditor';

const HOLD_MS = 15_000;

let release: (() => void) | undefined;

/** holds what is typed until the tag box is drawn; does nothing when it is already there */
export function holdTypedForTagBox(doc: Document = document): void {
  if (doc.getElementById(TAG_BOX_ID) || release) return;
  const until = Date.now() + HOLD_MS;
  const onKey = (e: KeyboardEvent) => {
    if (doc.getElementById(TAG_BOX_ID) || Date.now() > until) return release?.();
    // Escape, or a field the user went to (the search box): the hold is over
    if (e.key === 'Escape' || isTextField(e.target)) return release?.();
    const typed = e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey;
    if (!typed && e.key !== 'Backspace') return;
    e.preventDefault();
    e.stopImmediatePropagation();
    const { draft, setDraft } = useContact.getState();
    setDraft(typed ? draft + e.key : draft.slice(0, -1));
  };
  doc.addEventListener('keydown', onKey, { capture: true });
  release = () => {
    doc.removeEventListener('keydown', onKey, { capture: true });
    release = undefined;
  };
}
