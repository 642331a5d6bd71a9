// The values of one person, editable before anything is sent: first and last name (the split the
// contact gets), email, phone, company and job title. Pre-filled from what a page showed or what
// the user selected; "Find or create in GHL" matches these values first and creates the contact
// only when none fits. Several fitting contacts are listed to choose from.
import { useEffect, useId, useRef, type FormEvent } from 'react';
import { i18n } from '#i18n';
import type { DetectedPerson } from '@/lib/detect';
import { useFind, type Draft } from './state/find';
import { valueOf } from './state/ask';
import { useSidebar } from './state/sidebar';
import { ErrorNotice } from './ErrorNotice';
import { ContactChoice } from './ContactSearch';
import { BusyButton } from './BusyButton';
import { LabelledInput, useEscapeCancels, useCheckedValues, type ValueProblems } from './FormParts';

type Values = { first: string; last: string; email: string; phone: string; company: string; title: string };
const FIELDS: [keyof Values, () => string, string, string][] = [
  ['first', () => i18n.t('fields.firstName'), 'text', 'given-name'],
  ['last', () => i18n.t('fields.lastName'), 'text', 'family-name'],
  ['email', () => i18n.t('fields.email'), 'email', 'off'],
  ['phone', () => i18n.t('fields.phone'), 'tel', 'off'],
  ['company', () => i18n.t('fields.company'), 'text', 'off'],
  ['title', () => i18n.t('find.form.title'), 'text', 'off'],
];

function valuesOf(p: DetectedPerson): Values {
  const [first = '', ...rest] = (p.name ?? '').split(' ');
  return { first, last: rest.join(' '), email: p.email ?? '', phone: p.phone ?? '', company: p.company ?? '', title: p.title ?? '' };
}

/** The form's values as a person (empty fields left out) and the name's split. */
function personOf(v: Values, was: DetectedPerson): { person: DetectedPerson; names: { first: string; last: string } } {
  const t = (s: string) => s.trim() || undefined;
  const name = t(`${v.first.trim()} ${v.last.trim()}`);
  const person: DetectedPerson = { name, email: t(v.email), phone: t(v.phone), company: t(v.company), title: t(v.title), linkedin: was.linkedin };
  for (const k of Object.keys(person) as (keyof DetectedPerson)[]) if (person[k] === undefined) delete person[k];
  return { person, names: { first: v.first.trim(), last: v.last.trim() } };
}

/**
 * `onClosed`: after Cancel or Escape, gives the focus back to what opened the form. The form takes
 * the focus when it opens (its first field).
 */
export function PersonForm({ draft, onClosed }: { draft: Draft; onClosed?: () => void }) {
  const { submitDraft, cancelDraft, chooseCandidate } = useFind();
  const { values, problems, change, check } = useCheckedValues(() => valuesOf(draft.person));
  // a new contact keeps the job title only in the custom field the settings choose for it
  const titleKept = useSidebar((s) => { const mapping = valueOf(s.app)?.settings.createMapping; return mapping && mapping.titleField !== null; });
  const id = useId();
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const cancel = () => {
    cancelDraft();
    onClosed?.();
  };
  const escape = useEscapeCancels(cancel);
  const title = draft.correcting ? i18n.t('find.form.editTitle') : i18n.t('find.form.newTitle');
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!check(e.currentTarget, values)) return;
    const { person, names } = personOf(values, draft.person);
    void submitDraft(person, names);
  };
  return (
    <form className="card" aria-labelledby={`${id}-title`} onSubmit={submit} {...escape.form} data-testid="person-form">
      <h2 id={`${id}-title`}>{title}</h2>
      <div className="row">
        {FIELDS.map(([field, label, type, autoComplete]) => (
          <LabelledInput
            key={field}
            ref={field === 'first' ? first : undefined}
            id={`${id}-${field}`}
            label={label()}
            name={field}
            type={type}
            autoComplete={autoComplete}
            value={values[field]}
            problem={problems[field as keyof ValueProblems]}
            note={field === 'title' && titleKept === false ? i18n.t('find.form.titleNotKept') : undefined}
            onChange={(e) => change(field, e.target.value)}
          />
        ))}
      </div>
      {escape.notice}
      {draft.error ? <ErrorNotice error={draft.error} /> : null}
      {draft.candidates?.length ? (
        <>
          <p role="status">{i18n.t('find.form.several')}</p>
          <ul className="plain" data-testid="form-candidates">
            {draft.candidates.map((c) => (
              <li key={c.id}>
                <ContactChoice contact={c} onChoose={() => void chooseCandidate(c)} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p className="row">
        <BusyButton type="submit" className="primary" busy={draft.busy}>
          {draft.busy ? i18n.t('find.form.checking') : i18n.t('find.form.submit')}
        </BusyButton>
        <button type="button" onClick={cancel}>
          {i18n.t('common.cancel')}
        </button>
      </p>
    </form>
  );
}
