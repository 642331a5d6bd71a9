// Pieces shared by the task, note and contact forms: the save / cancel buttons, and editing in
// place (the form closes once the change is saved, stays open with the error otherwise; when it
// closes, the focus goes back to the button that opened it instead of falling to the page).
import { useCallback, useEffect, useRef, useState } from 'react';
import { i18n } from '#i18n';
import { BusyButton } from './BusyButton';

export function FormButtons(props: { saving: boolean; label: string; onCancel?: () => void }) {
  return (
    <p className="row">
      <BusyButton type="submit" className="primary" busy={props.saving}>
        {props.label}
      </BusyButton>
      {props.onCancel ? (
        <button type="button" onClick={props.onCancel}>
          {i18n.t('common.cancel')}
        </button>
      ) : null}
    </p>
  );
}

export function useEditInPlace() {
  const [editing, setEditing] = useState(false);
  const [closed, setClosed] = useState(false);
  /** the button that opens the form: it gets the focus back when the form closes */
  const button = useRef<HTMLButtonElement | null>(null);
  const opener = useCallback((el: HTMLButtonElement | null) => void (button.current = el), []);
  useEffect(() => {
    if (!editing && closed) button.current?.focus();
  }, [editing, closed]);
  const close = () => {
    setEditing(false);
    setClosed(true);
  };
  return {
    editing,
    opener,
    start: () => {
      setClosed(false);
      setEditing(true);
    },
    cancel: close,
    async closeIfSaved(save: Promise<boolean>) {
      const saved = await save;
      if (saved) close();
      return saved;
    },
  };
}
