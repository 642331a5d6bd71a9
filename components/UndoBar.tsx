// "Added “vip” — Undo" for a few seconds after a tag change. Ctrl/Cmd+Z does the same, also after
// the bar is gone, and again for the change before (the shown person's changes, newest first).
import { useEffect, useState } from 'react';
import { i18n } from '#i18n';
import { undoOf, useContact } from './state/contact';

export function UndoBar() {
  const { undos, contactId, undoBarUntil, runUndo } = useContact();
  const step = undoOf({ undos, contactId });
  /** the change whose bar has run out */
  const [ranOut, setRanOut] = useState(0);
  useEffect(() => {
    if (!undoBarUntil) return;
    const timer = setTimeout(() => setRanOut(undoBarUntil), Math.max(0, undoBarUntil - Date.now()));
    return () => clearTimeout(timer);
  }, [undoBarUntil]);
  const shown = step && undoBarUntil > 0 && ranOut !== undoBarUntil;
  const more = undos.filter((u) => u.contactId === contactId).length - 1;
  return (
    <div role="status" aria-live="polite" className="undo-bar" data-testid="undo">
      {shown ? (
        <>
          <span>{step.label}</span> <button onClick={runUndo}>{i18n.t('tags.undo')}</button>{' '}
          <span className="muted">{more > 0 ? i18n.t('tags.undoShortcutMore', more, [more]) : i18n.t('tags.undoShortcut')}</span>
        </>
      ) : null}
    </div>
  );
}
