// A delete button that asks first, in place: "Delete?" (or the question given) then "Yes, delete" /
// "Keep" (or Escape). The focus moves to the question's buttons ("Yes, delete", or "Keep" for a delete
// that takes a whole contact with it: Enter twice keeps it), back to the button on "Keep", and on a
// confirmed delete to what comes next (the next item of the list, else the one before, else what
// `fallback` names), never to the page. (A delete HighLevel refuses brings the item back, with the
// notice saying why.)
import { useEffect, useRef, useState, type MouseEvent } from 'react';
import { i18n } from '#i18n';

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), summary, a[href], [tabindex="0"]';

/** What gets the focus once the item holding `from` is gone: the next item's first control, else the previous one's. */
export function focusAfterDelete(from: HTMLElement | null): HTMLElement | null {
  const item = from?.closest('li');
  const next = item?.nextElementSibling?.querySelector<HTMLElement>(FOCUSABLE);
  const previous = item?.previousElementSibling?.querySelector<HTMLElement>(FOCUSABLE);
  return next ?? previous ?? null;
}

/**
 * A click handler for a button that goes away with what it does: the focus moves first, to what
 * focusAfterDelete finds, else to `fallback`'s, never to the page; then `run`.
 */
export const leavingTo = (fallback: (from: HTMLElement) => HTMLElement | null | undefined, run: () => unknown) => (e: MouseEvent<HTMLButtonElement>) => {
  (focusAfterDelete(e.currentTarget) ?? fallback(e.currentTarget))?.focus();
  void run();
};

/** `label` names the button for screen readers ("Delete task Call Ana"), `question` the question. */
export function ConfirmDelete(props: {
  label: string;
  question: string;
  /** shown instead of "Delete?" (e.g. the contact's name) */
  ask?: string;
  onConfirm: () => Promise<unknown> | void;
  /** where the focus goes when nothing near the item can take it */
  fallback?: () => HTMLElement | null;
  className?: string;
  /** the button's text (default "Delete") */
  text?: string;
  /** the question opens on "Keep" (what is deleted takes the most with it) */
  keepFirst?: boolean;
}) {
  const [asking, setAsking] = useState(false);
  const yes = useRef<HTMLButtonElement>(null);
  const ask = useRef<HTMLButtonElement>(null);
  const no = useRef<HTMLButtonElement>(null);
  const [returnFocus, setReturnFocus] = useState(false);
  useEffect(() => {
    if (asking) (props.keepFirst ? no : yes).current?.focus();
    else if (returnFocus) ask.current?.focus();
  }, [asking, returnFocus, props.keepFirst]);
  const confirm = async () => {
    // the item leaves as soon as the delete is queued (the shown record has it applied), maybe before
    // the answer: the focus moves first, so it never falls to the page in between
    const next = focusAfterDelete(yes.current) ?? props.fallback?.();
    next?.focus();
    await props.onConfirm();
  };
  if (!asking) {
    return (
      <button ref={ask} className={props.className ?? 'quiet'} aria-label={props.label} onClick={() => setAsking(true)}>
        {props.text ?? i18n.t('common.delete')}
      </button>
    );
  }
  const keep = () => {
    setReturnFocus(true);
    setAsking(false);
  };
  return (
    // Escape keeps, as "Keep" does (and goes no further: the panel's own Escape does not act as well)
    <span
      role="group"
      aria-label={props.question}
      className="confirm"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        e.stopPropagation();
        keep();
      }}
    >
      <span>{props.ask ?? i18n.t('common.deleteAsk')}</span>{' '}
      <button ref={yes} className="danger" onClick={() => void confirm()}>
        {i18n.t('common.deleteYes')}
      </button>{' '}
      <button ref={no} onClick={keep}>
        {i18n.t('common.deleteKeep')}
      </button>
    </span>
  );
}
