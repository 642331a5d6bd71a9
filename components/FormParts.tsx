// Pieces shared by the task, note and contact forms: the save / cancel buttons, editing in place
// (the form closes once the change is saved, stays open with the error otherwise; when it closes,
// the focus goes back to the button that opened it instead of falling to the page; Escape in it
// cancels, as its Cancel button does, but never drops what was changed at the first press), and a section's "Add …" form under its summary (Escape in
// it closes it, the focus back on the summary), and a typed email's or phone's problem shown
// beside its field.
import { useCallback, useEffect, useRef, useState, type FocusEvent, type InputHTMLAttributes, type KeyboardEvent, type PointerEvent, type ReactNode, type Ref } from 'react';
import { i18n } from '#i18n';
import { contactValueProblem } from '@/lib/page-values';
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

type Checked = 'email' | 'phone';
export type ValueProblems = Partial<Record<Checked, string>>;

/** the problems of a typed email and phone (empty: not checked), by field; the first field with one takes the focus */
export function valueProblems(form: HTMLFormElement, values: Partial<Record<Checked, string>>): ValueProblems {
  const problems: ValueProblems = {};
  for (const field of ['email', 'phone'] as const) {
    const problem = contactValueProblem(field, values[field] ?? '');
    if (problem) problems[field] = problem;
  }
  const first = Object.keys(problems)[0];
  if (first) (form.elements.namedItem(first) as HTMLElement | null)?.focus();
  return problems;
}

/** A labelled input with its problem, if any, under it and tied to it; `note`: what to know of the field, under it too. */
export function LabelledInput({ id, label, problem, note, ref, ...input }: InputHTMLAttributes<HTMLInputElement> & { id: string; label: string; problem?: string; note?: string; ref?: Ref<HTMLInputElement> }) {
  const shown = fieldProblem(id, problem);
  const described = [shown.attributes['aria-describedby'], note ? `${id}-note` : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <div>
      <label htmlFor={id}>{label}</label>
      <input ref={ref} id={id} {...input} {...shown.attributes} aria-describedby={described} />
      {shown.message}
      {note ? (
        <p className="muted small" id={`${id}-note`}>
          {note}
        </p>
      ) : null}
    </div>
  );
}

/**
 * A form's values and the problems of its email and phone: `change` sets a value and clears its
 * problem; `check` finds the problems of the values given (empty ones are not checked), focuses the
 * first field with one, and says whether there was none.
 */
export function useCheckedValues<V extends Record<string, string>>(initial: V | (() => V)) {
  const [values, setValues] = useState(initial);
  const [problems, setProblems] = useState<ValueProblems>({});
  return {
    values,
    problems,
    change: (field: keyof V, value: string) => {
      setValues((v) => ({ ...v, [field]: value }));
      setProblems((p) => ({ ...p, [field]: undefined }));
    },
    check(form: HTMLFormElement, checked: Partial<Record<Checked, string>>): boolean {
      const found = valueProblems(form, checked);
      setProblems(found);
      return Object.keys(found).length === 0;
    },
  };
}

/** a field's problem under it, and the attributes that tie the field to it (for its input) */
export function fieldProblem(id: string, problem: string | undefined) {
  if (!problem) return { attributes: { 'aria-describedby': undefined }, message: null };
  return {
    attributes: { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` },
    message: (
      <p className="field-error" id={`${id}-error`}>
        {problem}
      </p>
    ),
  };
}

/** A text being edited takes the focus with the caret after it (a textarea puts it before), to go on writing. */
export const caretAtEnd = (e: FocusEvent<HTMLInputElement | HTMLTextAreaElement>) => {
  const field = e.currentTarget;
  field.setSelectionRange(field.value.length, field.value.length);
};

/** A keydown handler: Escape anywhere in the element (a form, a question, a panel) cancels it, as its Cancel or Back button does, unless something inside used that Escape. */
export const escapeCancels = (cancel: (() => void) | undefined) => (e: KeyboardEvent) => {
  if (!cancel || e.key !== 'Escape' || e.defaultPrevented) return;
  e.preventDefault();
  cancel();
};

/** what a form's fields hold now, in one string (changed: the user typed or chose something) */
const formValues = (form: HTMLFormElement): string =>
  Array.from(form.elements, (el) =>
    el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio') ? String(el.checked) : 'value' in el ? String(el.value) : '',
  ).join('\u0001');

/** A form of the sidebar that is open (not in a closed "Add …"), with what a move to another person would drop. */
interface OpenForm {
  element(): HTMLFormElement | undefined;
  changed(): boolean;
  /** says that the changes would be lost; false when it said so already for this move */
  warnLeaving(): boolean;
}
const openForms = new Set<OpenForm>();

/**
 * Before the sidebar shows another person by a key (Alt+↓, J…): a shown form whose values were
 * changed says that they are not saved (with `focus`, it takes the focus), and the move waits (true). The same key
 * again moves on, the changes dropped, as a second Escape drops them.
 */
export function holdForUnsaved(opts: { focus: boolean }): boolean {
  for (const f of openForms) {
    const form = f.element();
    if (!form?.isConnected || form.closest('details:not([open])') || !f.changed() || !f.warnLeaving()) continue;
    // Alt+↓ brings the cursor to the form; J (a letter in a field) only shows it
    if (opts.focus && !form.contains(document.activeElement)) form.querySelector<HTMLElement>('input, textarea, select')?.focus();
    else form.scrollIntoView?.({ block: 'nearest' });
    return true;
  }
  return false;
}

/**
 * Escape in a form cancels it, as its Cancel button does, unless something inside used that Escape.
 * A form the user changed is not dropped by a stray Escape: the first one only says that a second
 * one discards the changes (`notice`, shown in the form), and typing on puts that away; in a form
 * with a Cancel (an edit), a move to another person by a key waits the same way (holdForUnsaved). Changed: the user edited a field
 * (a value the form sets itself, as a default owner read late, is no change) and the values differ
 * from those the form held before (when it first had the focus, a key or a click). Cancel still
 * discards at once.
 */
export function useEscapeCancels(cancel: (() => void) | undefined) {
  /** the form's values before the user's edits, the user edited a field, and the form */
  const first = useRef<string | undefined>(undefined);
  const edited = useRef(false);
  const element = useRef<HTMLFormElement | undefined>(undefined);
  const [warned, setWarned] = useState<'escape' | 'leave'>();
  /** the move to another person was held once already (the same key again goes on) */
  const leaveHeld = useRef(false);
  const before = (form: HTMLFormElement) => {
    element.current = form;
    first.current ??= formValues(form);
  };
  const changed = (form: HTMLFormElement) => edited.current && first.current !== undefined && formValues(form) !== first.current;
  // an edit (a form with its own Cancel) holds a move to another person; an "Add …" form keeps its draft closed, and does not
  const holds = cancel !== undefined;
  useEffect(() => {
    if (!holds) return;
    const mine: OpenForm = {
      element: () => element.current,
      changed: () => !!element.current && changed(element.current),
      warnLeaving: () => {
        if (leaveHeld.current) return false;
        leaveHeld.current = true;
        setWarned('leave');
        return true;
      },
    };
    openForms.add(mine);
    return () => void openForms.delete(mine);
  }, [holds]);
  const form = {
    onFocus: (e: FocusEvent<HTMLFormElement>) => before(e.currentTarget),
    onPointerDown: (e: PointerEvent<HTMLFormElement>) => before(e.currentTarget),
    onChange: () => {
      edited.current = true;
      leaveHeld.current = false;
      setWarned(undefined);
    },
    onKeyDown: (e: KeyboardEvent<HTMLFormElement>) => {
      before(e.currentTarget);
      if (!cancel || e.key !== 'Escape' || e.defaultPrevented) return;
      e.preventDefault();
      if (warned !== 'escape' && changed(e.currentTarget)) setWarned('escape');
      else cancel();
    },
  };
  const notice = (
    <p className="muted small" role="status" data-testid="escape-notice">
      {warned === 'escape' ? i18n.t('common.escapeAgain') : warned === 'leave' ? i18n.t('common.leaveAgain') : ''}
    </p>
  );
  return { form, notice };
}

/** a form (or panel) opened by a button and closed by Cancel or Escape, the focus back on that button; `open`: open at first */
export function useEditInPlace(open = false) {
  const [editing, setEditing] = useState(open);
  const [closed, setClosed] = useState(false);
  /** the button that opens the form: it gets the focus back when the form closes */
  const button = useRef<HTMLButtonElement | null>(null);
  const opener = useCallback((el: HTMLButtonElement | null) => void (button.current = el), []);
  useEffect(() => {
    // only a focus the form took with it comes back: a save answered after the user moved on leaves them there
    const lost = !document.activeElement || document.activeElement === document.body;
    if (!editing && closed && lost) button.current?.focus();
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

/** an "Add …" form opened by its key (Alt+A, Alt+K, Alt+N) → where the focus was: Escape goes back there */
export const openedByKeyFrom = new WeakMap<Element, HTMLElement>();

/**
 * A section's "Add …" form, opened from its summary. Escape anywhere in it closes it and gives the
 * focus back to the summary (or, opened by its key, to where the key was pressed), unless something
 * inside used that Escape (a list of offers closing, a box emptied, a question put away): what was
 * typed stays for the next time it opens.
 */
export function Adder(props: { summary: ReactNode; className?: string; id?: string; testId?: string; keys?: string; children: ReactNode }) {
  return (
    <details
      id={props.id}
      className={props.className ? `adder ${props.className}` : 'adder'}
      data-testid={props.testId}
      onKeyDown={(e) => {
        const details = e.currentTarget;
        if (e.key !== 'Escape' || e.defaultPrevented || !details.open) return;
        e.preventDefault();
        details.open = false;
        const from = openedByKeyFrom.get(details);
        openedByKeyFrom.delete(details);
        (from?.isConnected ? from : details.querySelector('summary'))?.focus();
      }}
    >
      <summary aria-keyshortcuts={props.keys}>{props.summary}</summary>
      {props.children}
    </details>
  );
}
