// @vitest-environment happy-dom
// What the undo bar (a polite live region) says once a task, a note or the contact's fields are
// taken: "Task added: “Call back”.", "Note saved." The latest thing done is what it tells, in place
// of an undo offered before; a refused change says nothing there (its error shows instead).
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContactDetails } from '@/lib/protocol';
import { UndoBar } from '@/components/UndoBar';
import { useContact } from '@/components/state/contact';
import { mountEach } from './mount';

const send = vi.hoisted(() => vi.fn());
vi.mock('@/lib/protocol', async (original) => ({ ...(await original<object>()), sendMessage: send }));

const record: ContactDetails = {
  contact: { id: 'c1', name: 'Ana Silva', locationId: 'L1', tags: [], dnd: false, appUrl: 'https://app.gohighlevel.com/', customFields: [] },
  tasks: [], notes: [], appointments: [], colleagues: [], fetchedAt: 0, opportunities: [], workflowsAdded: [],
};
const view = mountEach();
const bar = () => view.host.querySelector('[data-testid=undo]')!.textContent;
beforeEach(() => {
  send.mockReset();
  send.mockResolvedValue({ ok: true, value: record });
  useContact.setState({ contactId: 'c1', details: { status: 'ready', value: record }, writeError: undefined, said: undefined, undoBarUntil: 0 });
  act(() => view.root.render(<UndoBar />));
});

describe('the undo bar says what was done', () => {
  it('for tasks, notes and the contact’s fields', async () => {
    const s = () => useContact.getState();
    const steps: [() => Promise<boolean>, string][] = [
      [() => s().createTask({ title: 'Call back', dueDate: '2027-01-04T09:00:00.000Z' }), 'Task added: “Call back”.'],
      [() => s().setTaskCompleted('t1', true), 'Task marked done.'],
      [() => s().deleteTask('t1'), 'Task deleted.'],
      [() => s().createNote('Met at the fair'), 'Note added.'],
      [() => s().updateNote('n1', 'Met at the spring fair'), 'Note saved.'],
      [() => s().updateContact({ firstName: 'Ana' }, { dateUpdated: null, values: {} }), 'Contact saved.'],
    ];
    for (const [run, said] of steps) {
      await act(async () => void (await run()));
      expect(bar()).toBe(said);
    }
  });

  it('in place of an undo offered before, and nothing for a refused change', async () => {
    useContact.setState({ undos: [{ contactId: 'c1', label: 'Added “vip”', run: () => {} }], undoBarUntil: Date.now() + 5_000 });
    act(() => view.root.render(<UndoBar />));
    expect(bar()).toContain('Added “vip”');
    await act(async () => void (await useContact.getState().createNote('Met at the fair')));
    expect(bar()).toBe('Note added.');

    useContact.setState({ said: undefined });
    send.mockResolvedValue({ ok: false, error: { kind: 'refused', message: 'HighLevel refused this change.' } });
    await act(async () => void (await useContact.getState().createNote('Again')));
    expect(bar()).toBe('');
    expect(useContact.getState().writeError?.message).toBe('HighLevel refused this change.');
  });
});
