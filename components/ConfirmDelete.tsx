// A delete button that asks first, in place: "Delete?" then "Yes, delete" / "Keep" (focus moves to
// the question's buttons and back).
import { useEffect, useRef, useState } from 'react';

export function ConfirmDelete(props: { what: string; onConfirm: () => Promise<unknown> | void }) {
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
      <button ref={ask} className="quiet" aria-label={`Delete ${props.what}`} onClick={() => setAsking(true)}>
        Delete
      </button>
    );
  }
  return (
    <span role="group" aria-label={`Delete ${props.what}?`} className="confirm">
      <span>Delete?</span>{' '}
      <button ref={yes} className="danger" onClick={() => void props.onConfirm()}>
        Yes, delete
      </button>{' '}
      <button
        onClick={() => {
          setReturnFocus(true);
          setAsking(false);
        }}
      >
        Keep
      </button>
    </span>
  );
}
