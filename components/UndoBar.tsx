// "Added “vip” — Undo" for a few seconds after a tag change (Ctrl/Cmd+Z does the same).
import { useEffect } from 'react';
import { i18n } from '#i18n';
import { useContact } from './state/contact';

export function UndoBar() {
  const { undo, runUndo } = useContact();
  useEffect(() => {
    if (!undo) return;
    const timer = setTimeout(() => useContact.setState((s) => (s.undo === undo ? { undo: undefined } : s)), undo.until - Date.now());
    return () => clearTimeout(timer);
  }, [undo]);
  return (
    <div role="status" aria-live="polite" className="undo-bar" data-testid="undo">
      {undo ? (
        <>
          <span>{undo.label}</span> <button onClick={runUndo}>{i18n.t('tags.undo')}</button>{' '}
          <span className="muted">{i18n.t('tags.undoShortcut')}</span>
        </>
      ) : null}
    </div>
  );
}
