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
