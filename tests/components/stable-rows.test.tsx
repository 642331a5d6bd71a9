// @vitest-environment happy-dom
// A task or note made here is shown under a temporary id until HighLevel answers with its own:
// its row stays the same element when the id changes, so the focus on it stays where it was.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NoteList } from '@/components/NoteList';
import { TaskList } from '@/components/TaskList';
import type { NoteView, TaskView } from '@/lib/protocol';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root;
let host: HTMLElement;
beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});
afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

const task = (id: string, title: string): TaskView => ({ id, title, completed: false });
const note = (id: string, body: string): NoteView => ({ id, body, dateAdded: '2026-12-01T10:00:00.000Z' });
const tasks = (list: TaskView[]) => act(() => root.render(<TaskList tasks={list} users={[]} now={0} />));
const notes = (list: NoteView[]) => act(() => root.render(<NoteList notes={list} />));

describe('rows of tasks and notes made here', () => {
  it('a new task keeps its row, and the focus on its checkbox, when HighLevel gives it its id', () => {
    tasks([task('t-old', 'Call back'), task('tmp-1', 'Send the pilot proposal')]);
    const box = host.querySelectorAll<HTMLInputElement>('[data-testid=tasks] input[type=checkbox]')[1]!;
    box.focus();
    expect(document.activeElement).toBe(box);
    tasks([task('t-old', 'Call back'), task('real-9', 'Send the pilot proposal')]);
    expect(host.querySelectorAll('[data-testid=tasks] > li')).toHaveLength(2);
    expect(host.querySelectorAll('[data-testid=tasks] input[type=checkbox]')[1]).toBe(box);
    expect(document.activeElement).toBe(box);
  });

  it('a new note keeps its row (and its Edit button) when HighLevel gives it its id; another note is another row', () => {
    notes([note('tmp-2', 'Asked for a pilot in May.')]);
    const edit = host.querySelector<HTMLButtonElement>('[data-testid=notes] button')!;
    edit.focus();
    notes([note('real-3', 'Asked for a pilot in May.')]);
    expect(host.querySelector('[data-testid=notes] button')).toBe(edit);
    expect(document.activeElement).toBe(edit);
    notes([note('real-4', 'Something else entirely.')]);
    expect(host.querySelector('[data-testid=notes] button')).not.toBe(edit);
  });
});
