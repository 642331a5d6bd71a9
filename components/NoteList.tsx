// The contact's notes, newest first, with adding, editing and deleting (after a confirmation).
// A note's text is shown as text, never as HTML; a long one (a call's summary) by its first lines,
// with "Show all". Ctrl/Cmd+Enter saves the note being written.
import { useId, useState, type FormEvent } from 'react';
import { i18n } from '#i18n';
import type { NoteView } from '@/lib/protocol';
import { useContact } from './state/contact';
import { isolate } from './bidi';
import { ConfirmDelete } from './ConfirmDelete';
import { Adder, caretAtEnd, fieldProblem, FormButtons, useEditInPlace, useEscapeCancels } from './FormParts';
import { ADD_NOTE_ID } from './keys';
import { useStableKeys } from './stable-keys';
import { when } from './when';

function NoteForm(props: { body?: string; label: string; onSave: (body: string) => Promise<boolean>; onCancel?: () => void }) {
  const id = useId();
  const [body, setBody] = useState(props.body ?? '');
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    // blanks only: said beside the text, which keeps the focus
    if (!body.trim()) {
      setProblem(i18n.t('errors.noteEmpty'));
      return (e.currentTarget.elements.namedItem('body') as HTMLElement).focus();
    }
    setSaving(true);
    try {
      const saved = await props.onSave(body);
      if (saved && props.body === undefined) setBody('');
    } finally {
      setSaving(false);
    }
  };
  const shown = fieldProblem(id, problem);
  const escape = useEscapeCancels(props.onCancel);
  return (
    <form onSubmit={(e) => void submit(e)} {...escape.form} aria-label={props.label}>
      <label htmlFor={id}>{props.label}</label>
      <textarea
        id={id}
        name="body"
        rows={3}
        required
        autoFocus={props.body !== undefined}
        onFocus={props.body !== undefined ? caretAtEnd : undefined}
        value={body}
        aria-keyshortcuts="Control+Enter Meta+Enter"
        onChange={(e) => {
          setBody(e.target.value);
          setProblem(undefined);
        }}
        {...shown.attributes}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            e.currentTarget.form?.requestSubmit();
          }
        }}
      />
      {shown.message}
      <p className="muted small">{i18n.t('notes.saveKey')}</p>
      {escape.notice}
      <FormButtons saving={saving} label={i18n.t('notes.save')} onCancel={props.onCancel} />
    </form>
  );
}

/** After the last note is deleted, the focus goes to "Add a note". */
const addNoteSummary = () => document.querySelector<HTMLElement>('[data-testid=notes] + details.adder summary');

/** a note longer than this shows its start only, until "Show all" */
const FOLD_CHARS = 280;
const FOLD_LINES = 5;

/** the start of a long note: its first lines, cut after a word; undefined when the note is short */
export function foldedNote(body: string): string | undefined {
  const lines = body.split('\n');
  if (body.length <= FOLD_CHARS && lines.length <= FOLD_LINES) return undefined;
  const start = lines.slice(0, FOLD_LINES).join('\n').slice(0, FOLD_CHARS);
  const cut = start.length === FOLD_CHARS ? start.slice(0, start.lastIndexOf(' ') > FOLD_CHARS / 2 ? start.lastIndexOf(' ') : FOLD_CHARS) : start;
  return `${cut.trimEnd()}…`;
}

function NoteItem({ note }: { note: NoteView }) {
  const { updateNote, deleteNote } = useContact();
  const { editing, opener, start, cancel, closeIfSaved } = useEditInPlace();
  const [unfolded, setUnfolded] = useState(false);
  if (editing) {
    return (
      <li>
        <NoteForm label={i18n.t('notes.editForm')} body={note.body} onCancel={cancel} onSave={(body) => closeIfSaved(updateNote(note.id, body))} />
      </li>
    );
  }
  const short = note.body.slice(0, 30);
  const folded = foldedNote(note.body);
  return (
    <li>
      <bdi className="note-body">{folded && !unfolded ? folded : note.body}</bdi>{' '}
      {folded ? (
        <button
          className="quiet small"
          aria-expanded={unfolded}
          aria-label={unfolded ? i18n.t('notes.showLess', [isolate(short)]) : i18n.t('notes.showAll', [isolate(short)])}
          onClick={() => setUnfolded(!unfolded)}
        >
          {unfolded ? i18n.t('notes.less') : i18n.t('notes.all')}
        </button>
      ) : null}{' '}
      <span className="muted small">{when(note.dateAdded)}</span>
      <span className="row actions">
        <button ref={opener} className="quiet" aria-label={i18n.t('notes.editLabel', [isolate(short)])} onClick={start}>
          {i18n.t('common.edit')}
        </button>
        <ConfirmDelete
          label={i18n.t('notes.deleteLabel', [isolate(short)])}
          question={i18n.t('notes.deleteQuestion', [isolate(short)])}
          onConfirm={() => deleteNote(note.id)}
          fallback={addNoteSummary}
        />
      </span>
    </li>
  );
}

export function NoteList({ notes }: { notes: NoteView[] }) {
  const { createNote } = useContact();
  const keys = useStableKeys(notes, (n) => n.body);
  return (
    <>
      <ul className="plain" data-testid="notes" aria-label={i18n.t('contact.notes')}>
        {notes.map((n, i) => (
          <NoteItem key={keys[i]} note={n} />
        ))}
        {notes.length === 0 ? <li className="muted">{i18n.t('notes.none')}</li> : null}
      </ul>
      <Adder id={ADD_NOTE_ID} keys="Alt+N" summary={<>{i18n.t('notes.add')} <span className="muted small">{i18n.t('notes.addKey')}</span></>}>
        <NoteForm label={i18n.t('notes.new')} onSave={createNote} />
      </Adder>
    </>
  );
}
