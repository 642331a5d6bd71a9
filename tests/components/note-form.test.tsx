// @vitest-environment happy-dom
// A note of blanks is said beside its text, which keeps the focus, and nothing is sent; the text
// typed stays.
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { NoteList } from '@/components/NoteList';
import { useContact } from '@/components/state/contact';
import { mountEach } from './mount';

const send = vi.hoisted(() => vi.fn());
vi.mock('@/lib/protocol', async (original) => ({ ...(await original<object>()), sendMessage: send }));

const view = mountEach();
beforeEach(() => {
  send.mockReset();
  useContact.setState({ contactId: 'c1', writeError: undefined });
});

describe('a new note', () => {
  it('of blanks only is said beside the text, which keeps the focus, and nothing is sent', async () => {
    act(() => view.root.render(<NoteList notes={[]} />));
    const text = view.host.querySelector<HTMLTextAreaElement>('textarea[name=body]')!;
    act(() => {
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(text, '  \n  ');
      text.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => text.form!.requestSubmit());
    expect(send).not.toHaveBeenCalled();
    expect(text.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(text.getAttribute('aria-describedby')!)?.textContent).toBe('A note cannot be empty.');
    expect(document.activeElement).toBe(text);
    expect(text.value).toBe('  \n  ');
  });
});

describe('a long note', () => {
  const line = 'Discussed the renewal for all eighteen seats and the order form.';
  const note = (body: string, id = 'n1') => ({ id, body, dateAdded: '2026-03-01T10:00:00.000Z' });

  it('shows its first lines, cut after a word, until "Show all"; a short one shows whole, with no button', () => {
    const long = Array.from({ length: 8 }, (_, i) => `${i + 1}. ${line}`).join('\n');
    act(() => view.root.render(<NoteList notes={[note(long), note('Call back on Friday.', 'n2')]} />));
    const [first, second] = [...view.host.querySelectorAll('[data-testid=notes] > li')];
    const body = () => first!.querySelector('.note-body')!.textContent!;
    expect(body().length).toBeLessThanOrEqual(281);
    expect(body().endsWith('…')).toBe(true);
    expect(long.startsWith(body().slice(0, -1))).toBe(true);
    expect(long.charAt(body().length - 1)).toBe(' '); // cut after a word
    const toggle = first!.querySelector<HTMLButtonElement>('button[aria-expanded]')!;
    expect([toggle.textContent, toggle.getAttribute('aria-expanded'), toggle.getAttribute('aria-label')]).toEqual(['Show all', 'false', 'Show all of note ⁨1. Discussed the renewal for a⁩']);
    act(() => toggle.click());
    expect(body()).toBe(long);
    expect([toggle.textContent, toggle.getAttribute('aria-expanded')]).toEqual(['Show less', 'true']);
    expect(second!.querySelector('.note-body')!.textContent).toBe('Call back on Friday.');
    expect(second!.querySelector('button[aria-expanded]')).toBeNull();
  });

  it('of many short lines shows its first five', () => {
    const lines = ['Budget: yes', 'Authority: CFO', 'Need: 18 seats', 'Timing: Q2', 'Next: order form', 'Owner: Ada'];
    act(() => view.root.render(<NoteList notes={[note(lines.join('\n'))]} />));
    expect(view.host.querySelector('.note-body')!.textContent).toBe(`${lines.slice(0, 5).join('\n')}…`);
  });
});
