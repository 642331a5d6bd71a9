// Pieces shared by the task and note forms: the save / cancel buttons, and editing in place
// (the form closes once the change is saved, stays open with the error otherwise).
import { useState } from 'react';
import { i18n } from '#i18n';

export function FormButtons(props: { saving: boolean; label: string; onCancel?: () => void }) {
  return (
    <p className="row">
      <button type="submit" className="primary" disabled={props.saving}>
        {props.label}
      </button>
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
  return {
    editing,
    start: () => setEditing(true),
    cancel: () => setEditing(false),
    async closeIfSaved(save: Promise<boolean>) {
      const saved = await save;
      if (saved) setEditing(false);
      return saved;
    },
  };
}
