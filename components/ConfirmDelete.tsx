// A delete button that asks first, in place: "Delete?" then "Yes, delete" / "Keep" (focus moves to
// the question's buttons and back).
import { useEffect, useRef, useState } from 'react';
import { i18n } from '#i18n';

/** `label` names the button for screen readers ("Delete task Call Ana"), `question` the question. */
export function ConfirmDelete(props: { label: string; question: string; onConfirm: () => Promise<unknown> | void }) {
  const [asking, setAsking] = useState(false);
  const yes = useRef<HTMLButtonElement>(null);
  const ask = useRef<HTMLButtonElement>(null);
  const [returnFocus, setReturnFocus] = useState(false);
  useEffect(() => {
    if (asking) yes.current?.focus();
    else if (returnFocus) ask.current?.focus();
  }, [asking, returnFocus]);
  if (!asking) {
    return (
      <button ref={ask} className="quiet" aria-label={props.label} onClick={() => setAsking(true)}>
        {i18n.t('common.delete')}
      </button>
    );
  }
  return (
    <span role="group" aria-label={props.question} className="confirm">
      <span>{i18n.t('common.deleteAsk')}</span>{' '}
      <button ref={yes} className="danger" onClick={() => void props.onConfirm()}>
        {i18n.t('common.deleteYes')}
      </button>{' '}
      <button
        onClick={() => {
          setReturnFocus(true);
          setAsking(false);
        }}
      >
        {i18n.t('common.deleteKeep')}
      </button>
    </span>
  );
}
