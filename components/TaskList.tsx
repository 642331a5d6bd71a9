// The contact's tasks (open first, then by due date; overdue ones stand out) with adding, editing,
// completing / reopening and deleting (after a confirmation).
import { i18n } from '#i18n';
import type { TaskView, UserOption } from '@/lib/protocol';
import { useContact } from './state/contact';
import { isolate } from './bidi';
import { ConfirmDelete } from './ConfirmDelete';
import { Adder, useEditInPlace } from './FormParts';
import { ADD_TASK_ID } from './keys';
import { useStableKeys } from './stable-keys';
import { TaskForm } from './TaskForm';
import { when } from './when';

/** After the last task is deleted, the focus goes to "Add a task". */
const addTaskSummary = () => document.querySelector<HTMLElement>('[data-testid=tasks] + details.adder summary');

function TaskItem({ task, users, now }: { task: TaskView; users: UserOption[]; now: number }) {
  const { setTaskCompleted, updateTask, deleteTask } = useContact();
  const { editing, opener, start, cancel, closeIfSaved } = useEditInPlace();
  const overdue = !task.completed && task.dueDate != null && Date.parse(task.dueDate) < now;
  if (editing) {
    return (
      <li>
        <TaskForm task={task} users={users} owner={undefined} onCancel={cancel} onSave={(t) => closeIfSaved(updateTask(task.id, t))} />
      </li>
    );
  }
  return (
    <li className={task.completed ? 'done' : undefined} data-overdue={overdue || undefined}>
      <label className="check">
        <input type="checkbox" checked={task.completed} onChange={(e) => void setTaskCompleted(task.id, e.target.checked)} />{' '}
        <bdi className="task-title">{task.title}</bdi>
      </label>
      <span className="task-meta">
        <span className={overdue ? 'overdue' : 'muted'}>
          {task.dueDate
            ? overdue
              ? i18n.t('tasks.overdue', [when(task.dueDate)])
              : i18n.t('tasks.dueAt', [when(task.dueDate)])
            : i18n.t('tasks.noDueDate')}
        </span>
        {task.assigneeName ? (
          <span className="muted">
            {' · '}
            <bdi>{task.assigneeName}</bdi>
          </span>
        ) : null}
      </span>
      <span className="row actions">
        <button ref={opener} className="quiet" aria-label={i18n.t('tasks.editLabel', [isolate(task.title)])} onClick={start}>
          {i18n.t('common.edit')}
        </button>
        <ConfirmDelete
          label={i18n.t('tasks.deleteLabel', [isolate(task.title)])}
          question={i18n.t('tasks.deleteQuestion', [isolate(task.title)])}
          onConfirm={() => deleteTask(task.id)}
          fallback={addTaskSummary}
        />
      </span>
    </li>
  );
}

/** `owner`: the contact's owner, the new task's assignee unless the user picks another. */
export function TaskList({ tasks, users, now, owner }: { tasks: TaskView[]; users: UserOption[]; now: number; owner?: string }) {
  const { createTask } = useContact();
  const keys = useStableKeys(tasks, (t) => t.title);
  return (
    <>
      <ul className="plain" data-testid="tasks" aria-label={i18n.t('contact.tasks')}>
        {tasks.map((t, i) => (
          <TaskItem key={keys[i]} task={t} users={users} now={now} />
        ))}
        {tasks.length === 0 ? <li className="muted">{i18n.t('tasks.none')}</li> : null}
      </ul>
      <Adder id={ADD_TASK_ID} keys="Alt+K" summary={<>{i18n.t('tasks.add')} <span className="muted small">{i18n.t('tasks.addKey')}</span></>}>
        <TaskForm users={users} owner={owner} onSave={createTask} />
      </Adder>
    </>
  );
}
