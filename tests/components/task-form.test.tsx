// @vitest-environment happy-dom
// A new task's assignee is the contact's owner by default, also when the owner or the location's
// users are known only after the form was drawn (it is drawn closed, before the record is read);
// once the user picks an assignee, it stays theirs.
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { TaskForm } from '@/components/TaskForm';
import type { UserOption } from '@/lib/protocol';
import { mountEach } from './mount';


const view = mountEach();

const users: UserOption[] = [{ id: 'u-tessa', name: 'Tessa Moreno' }, { id: 'u-sam', name: 'Sam Carter' }];
const form = (props: { users: UserOption[]; owner?: string }) => act(() => view.root.render(<TaskForm users={props.users} owner={props.owner} onSave={async () => true} />));
const assignee = () => view.host.querySelector<HTMLSelectElement>('select[name=assignedTo]')!;

describe('a new task’s assignee', () => {
  it('is the owner once the owner and the users are known, though the form was drawn before', () => {
    form({ users: [] });
    expect(assignee().value).toBe('');
    form({ users, owner: 'u-tessa' });
    expect(assignee().value).toBe('u-tessa');
  });

  it('stays the one the user picked when the owner changes afterwards', () => {
    form({ users, owner: 'u-tessa' });
    act(() => {
      assignee().value = 'u-sam';
      assignee().dispatchEvent(new Event('change', { bubbles: true }));
    });
    form({ users, owner: 'u-tessa' });
    expect(assignee().value).toBe('u-sam');
  });
});

function type(input: HTMLInputElement | HTMLTextAreaElement, value: string) {
  act(() => {
    Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), 'value')!.set!.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
// submitted as Chromium does with a date its field lets through ("99990-01-01"; this DOM empties
// the field instead, and would stop at `required` before the form's own check)
const submitAnyway = () => act(async () => void view.host.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
const problemOf = (field: Element) => (field.getAttribute('aria-invalid') === 'true' ? document.getElementById(field.getAttribute('aria-describedby')!)?.textContent : undefined);

describe('what the task form refuses', () => {
  it('says a due date that is none ("99990-01-01") beside the field, sends nothing, and adds the task once it is mended', async () => {
    const saved: unknown[] = [];
    act(() => view.root.render(<TaskForm users={users} owner={undefined} onSave={async (task) => (saved.push(task), true)} />));
    const title = view.host.querySelector<HTMLInputElement>('input[name=title]')!;
    const due = view.host.querySelector<HTMLInputElement>('input[name=dueDate]')!;
    type(title, 'Send the order form');
    type(due, '99990-01-01T09:00');
    await submitAnyway();
    expect(saved).toEqual([]);
    expect(problemOf(due)).toBe('That due date is not a day of the calendar: write the year with four digits.');
    expect(document.activeElement).toBe(due);
    expect(view.host.querySelector('button[type=submit]')!.getAttribute('aria-disabled')).toBeNull(); // not stuck busy

    type(due, '2027-01-04T09:00');
    expect(problemOf(due)).toBeUndefined();
    await submitAnyway();
    expect(saved).toEqual([{ title: 'Send the order form', dueDate: new Date('2027-01-04T09:00').toISOString(), assignedTo: undefined }]);
  });

  it('says a title of blanks beside the title, which takes the focus', async () => {
    const saved: unknown[] = [];
    act(() => view.root.render(<TaskForm users={users} owner={undefined} onSave={async (task) => (saved.push(task), true)} />));
    const title = view.host.querySelector<HTMLInputElement>('input[name=title]')!;
    type(title, '   ');
    await act(async () => view.host.querySelector('form')!.requestSubmit());
    expect(saved).toEqual([]);
    expect(problemOf(title)).toBe('A task needs a title.');
    expect(document.activeElement).toBe(title);
  });
});
