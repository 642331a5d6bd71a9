// @vitest-environment happy-dom
// A task or note made here is shown under a temporary id until HighLevel answers with its own:
// its row stays the same element when the id changes, so the focus on it stays where it was.
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { NoteList } from '@/components/NoteList';
import { TaskList } from '@/components/TaskList';
import type { NoteView, TaskView } from '@/lib/protocol';
import { mountEach } from './mount';


const view = mountEach();

const task = (id: string, title: string): TaskView => ({ id, title, completed: false });
const note = (id: string, body: string): NoteView => ({ id, body, dateAdded: '2026-12-01T10:00:00.000Z' });
const tasks = (list: TaskView[]) => act(() => view.root.render(<TaskList tasks={list} users={[]} now={0} />));
const notes = (list: NoteView[]) => act(() => view.root.render(<NoteList notes={list} />));

describe('rows of tasks and notes made here', () => {
  it('a new task keeps its row, and the focus on its checkbox, when HighLevel gives it its id', () => {
    tasks([task('t-old', 'Call back'), task('tmp-1', 'Send the pilot proposal')]);
    const box = view.host.querySelectorAll<HTMLInputElement>('[data-testid=tasks] input[type=checkbox]')[1]!;
    box.focus();
    expect(document.activeElement).toBe(box);
    tasks([task('t-old', 'Call back'), task('real-9', 'Send the pilot proposal')]);
    expect(view.host.querySelectorAll('[data-testid=tasks] > li')).toHaveLength(2);
    expect(view.host.querySelectorAll('[data-testid=tasks] input[type=checkbox]')[1]).toBe(box);
    expect(document.activeElement).toBe(box);
  });

  it('a new note keeps its row (and its Edit button) when HighLevel gives it its id; another note is another row', () => {
    notes([note('tmp-2', 'Asked for a pilot in May.')]);
    const edit = view.host.querySelector<HTMLButtonElement>('[data-testid=notes] button')!;
    edit.focus();
    notes([note('real-3', 'Asked for a pilot in May.')]);
    expect(view.host.querySelector('[data-testid=notes] button')).toBe(edit);
    expect(document.activeElement).toBe(edit);
    notes([note('real-4', 'Something else entirely.')]);
    expect(view.host.querySelector('[data-testid=notes] button')).not.toBe(edit);
  });
});
