// Adding or editing a task: title, due date and time, assignee (users of the location; a new task
// goes to the contact's owner unless the user picks someone else).
import { useId, useState, type FormEvent } from 'react';
import { i18n } from '#i18n';
import type { TaskInput, TaskView, UserOption } from '@/lib/protocol';
import { fieldProblem, FormButtons, useEscapeCancels } from './FormParts';

/** `YYYY-MM-DDTHH:mm` in local time, as a datetime-local input wants it. */
export function localInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function tomorrowMorning(): Date {
  const d = new Date();
  d.setDate(d.getDate() + 1);
  d.setHours(9, 0, 0, 0);
  return d;
}

export function TaskForm(props: {
  task?: TaskView;
  users: UserOption[];
  /** the contact's owner: a new task's assignee by default */
  owner: string | undefined;
  onSave: (task: TaskInput) => Promise<boolean>;
  onCancel?: () => void;
}) {
  const id = useId();
  const [title, setTitle] = useState(props.task?.title ?? '');
  const [due, setDue] = useState(localInputValue(props.task?.dueDate ? new Date(props.task.dueDate) : tomorrowMorning()));
  const byDefault = props.owner && props.users.some((u) => u.id === props.owner) ? props.owner : '';
  // a new task's assignee follows the owner (known once the record and the location's users are
  // read, maybe after the form was drawn) until the user picks one
  const [picked, setPicked] = useState<string | undefined>(props.task ? (props.task.assignedTo ?? '') : undefined);
  const assignedTo = picked ?? byDefault;
  const [saving, setSaving] = useState(false);
  const [problems, setProblems] = useState<{ title?: string; dueDate?: string }>({});

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    // a title of blanks, or a date the field let through that is none ("99990-01-01", half typed): said beside the field
    const when = new Date(due);
    const found = {
      title: title.trim() ? undefined : i18n.t('errors.taskNeedsTitle'),
      dueDate: Number.isNaN(when.getTime()) ? i18n.t('errors.taskDueNotADate') : undefined,
    };
    setProblems(found);
    const first = found.title ? 'title' : found.dueDate ? 'dueDate' : undefined;
    if (first) return (e.currentTarget.elements.namedItem(first) as HTMLElement).focus();
    setSaving(true);
    try {
      const saved = await props.onSave({ title: title.trim(), dueDate: when.toISOString(), assignedTo: assignedTo || undefined });
      if (saved && !props.task) setTitle('');
    } finally {
      setSaving(false);
    }
  };
  const titleProblem = fieldProblem(`${id}-title`, problems.title);
  const dueProblem = fieldProblem(`${id}-due`, problems.dueDate);
  const escape = useEscapeCancels(props.onCancel);

  return (
    <form
      className="task-form"
      onSubmit={(e) => void submit(e)}
      {...escape.form}
      aria-label={props.task ? i18n.t('tasks.editForm') : i18n.t('tasks.add')}
    >
      <label htmlFor={`${id}-title`}>{props.task ? i18n.t('tasks.title') : i18n.t('tasks.new')}</label>
      <input
        id={`${id}-title`}
        name="title"
        required
        autoFocus={!!props.task}
        value={title}
        onChange={(e) => {
          setTitle(e.target.value);
          setProblems({ ...problems, title: undefined });
        }}
        placeholder={i18n.t('tasks.placeholder')}
        {...titleProblem.attributes}
      />
      {titleProblem.message}
      <div className="row">
        <div>
          <label htmlFor={`${id}-due`}>{i18n.t('tasks.due')}</label>
          <input
            id={`${id}-due`}
            name="dueDate"
            type="datetime-local"
            required
            value={due}
            onChange={(e) => {
              setDue(e.target.value);
              setProblems({ ...problems, dueDate: undefined });
            }}
            {...dueProblem.attributes}
          />
          {dueProblem.message}
        </div>
        <div>
          <label htmlFor={`${id}-assignee`}>{i18n.t('tasks.assignee')}</label>
          <select id={`${id}-assignee`} name="assignedTo" value={assignedTo} onChange={(e) => setPicked(e.target.value)}>
            <option value="">{i18n.t('common.nobody')}</option>
            {props.users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      {escape.notice}
      <FormButtons saving={saving} label={props.task ? i18n.t('tasks.save') : i18n.t('tasks.create')} onCancel={props.onCancel} />
    </form>
  );
}
