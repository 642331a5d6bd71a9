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
