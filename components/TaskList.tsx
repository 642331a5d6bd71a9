// The contact's tasks (open first, then by due date; overdue ones stand out) with adding, editing,
// completing / reopening and deleting (after a confirmation).
import type { TaskView, UserOption } from '@/lib/messaging';
import { useContact } from './state/contact';
import { ConfirmDelete } from './ConfirmDelete';
import { useEditInPlace } from './FormParts';
import { TaskForm } from './TaskForm';
import { when } from './when';

function TaskItem({ task, users, now }: { task: TaskView; users: UserOption[]; now: number }) {
  const { setTaskCompleted, updateTask, deleteTask } = useContact();
  const edit = useEditInPlace();
  const overdue = !task.completed && task.dueDate != null && Date.parse(task.dueDate) < now;
  if (edit.editing) {
    return (
      <li>
        <TaskForm task={task} users={users} onCancel={edit.cancel} onSave={(t) => edit.closeIfSaved(updateTask(task.id, t))} />
      </li>
    );
  }
  return (
    <li className={task.completed ? 'done' : undefined} data-overdue={overdue || undefined}>
      <label className="check">
        <input type="checkbox" checked={task.completed} onChange={(e) => void setTaskCompleted(task.id, e.target.checked)} />{' '}
        <span className="task-title">{task.title}</span>
      </label>
      <span className="task-meta">
        <span className={overdue ? 'overdue' : 'muted'}>
          {task.dueDate ? `${overdue ? 'Overdue · ' : 'Due '}${when(task.dueDate)}` : 'No due date'}
        </span>
        {task.assigneeName ? <span className="muted"> · {task.assigneeName}</span> : null}
      </span>
      <span className="row actions">
        <button className="quiet" aria-label={`Edit task ${task.title}`} onClick={edit.start}>
          Edit
        </button>
        <ConfirmDelete what={`task ${task.title}`} onConfirm={() => deleteTask(task.id)} />
      </span>
    </li>
  );
}

export function TaskList({ tasks, users, now }: { tasks: TaskView[]; users: UserOption[]; now: number }) {
  const { createTask } = useContact();
  return (
    <>
      <ul className="plain" data-testid="tasks" aria-label="Tasks">
        {tasks.map((t) => (
          <TaskItem key={t.id} task={t} users={users} now={now} />
        ))}
        {tasks.length === 0 ? <li className="muted">No tasks</li> : null}
      </ul>
      <details className="adder">
        <summary>Add a task</summary>
        <TaskForm users={users} onSave={createTask} />
      </details>
    </>
  );
}
