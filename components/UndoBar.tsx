// "Added “vip” — Undo" for a few seconds after a tag change. Ctrl/Cmd+Z does the same, also after
// the bar is gone, and again for the change before (the shown person's changes, newest first).
// A key that changed nothing visible says so here for a few seconds too: "Undone: Added “vip”",
// nothing left to undo, a repeated tag the person already has.
import { useEffect, useState } from 'react';
import { i18n } from '#i18n';
import { useKeptHeight } from './kept-height';
import { undoOf, useContact } from './state/contact';

/** true until `until` (a time in ms; 0: never shown) */
function useUntil(until: number): boolean {
  const [ranOut, setRanOut] = useState(0);
  useEffect(() => {
    if (!until) return;
    const timer = setTimeout(() => setRanOut(until), Math.max(0, until - Date.now()));
    return () => clearTimeout(timer);
  }, [until]);
  return until > 0 && ranOut !== until;
}

export function UndoBar() {
  const { undos, contactId, undoBarUntil, said, runUndo } = useContact();
  const step = undoOf({ undos, contactId });
  const shown = useUntil(undoBarUntil) && step;
  const saying = useUntil(said?.until ?? 0) && said;
  const more = undos.filter((u) => u.contactId === contactId).length - 1;
  const bar = useKeptHeight('--undo-height', { uncoverFocus: true });
  return (
    <div ref={bar} role="status" aria-live="polite" className="undo-bar" data-testid="undo">
      {shown ? (
        <>
          <span>{step.label}</span> <button onClick={runUndo}>{i18n.t('tags.undo')}</button>{' '}
          <span className="muted">{more > 0 ? i18n.t('tags.undoShortcutMore', more, [more]) : i18n.t('tags.undoShortcut')}</span>
        </>
      ) : saying ? (
        <span>{saying.text}</span>
      ) : null}
    </div>
  );
}
