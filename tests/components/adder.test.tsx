// @vitest-environment happy-dom
// A section's "Add …" form closes on Escape, with the focus back on its summary and what was typed
// kept; an Escape used inside it (a tag box emptied) does not close it as well. The bulk question
// is put away by Escape as by Cancel, the focus back on the tag instead of the page. Alt+A opens
// the bulk form in its tag box, Alt+K and Alt+N the task and note forms in their first field; Escape
// then goes back to where the key was pressed. Escape in a form that edits in place cancels it, as
// Cancel does.
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { TaskList } from '@/components/TaskList';
import { NoteList } from '@/components/NoteList';
import { BulkTags } from '@/components/BulkTags';
import { useOutbox } from '@/components/state/outbox';
import { useContact } from '@/components/state/contact';
import { useSidebar } from '@/components/state/sidebar';
import { onSidebarKey } from '@/components/keys';
import type { DetectedPerson } from '@/lib/detect';
import type { PersonMatch } from '@/lib/protocol';
import type { PersonEntry } from '@/components/state/sidebar';
import { mountEach } from './mount';

const send = vi.hoisted(() => vi.fn());
vi.mock('@/lib/protocol', async (original) => ({ ...(await original<object>()), sendMessage: send }));

const view = mountEach();

const escape = (el: Element) => act(() => void el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true })));
const type = (input: HTMLInputElement, text: string) =>
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });

function entry(name: string): PersonEntry {
  const person: DetectedPerson = { name, email: `${name.toLowerCase()}@parklabs.example.org` };
  const match: PersonMatch = { person, key: `email:${person.email}`, state: 'matched', contact: { id: `id-${name}`, name }, reason: 'email', confidence: 0.98 };
  return { index: 0, key: match.key, person, match };
}

describe('an Add form', () => {
  it('closes on Escape, the focus on its summary, and keeps what was typed', () => {
    act(() => view.root.render(<TaskList tasks={[]} users={[]} now={0} />));
    const details = view.host.querySelector('details')!;
    const summary = details.querySelector('summary')!;
    act(() => void (details.open = true));
    const title = details.querySelector<HTMLInputElement>('input[name=title]')!;
    act(() => title.focus());
    type(title, 'Call back Ada');
    escape(title);
    expect(details.open).toBe(false);
    expect(document.activeElement).toBe(summary);
    act(() => void (details.open = true));
    expect(details.querySelector<HTMLInputElement>('input[name=title]')!.value).toBe('Call back Ada');
  });

  it('stays open when the Escape emptied a tag box in it; the next Escape closes it', () => {
    act(() => view.root.render(<BulkTags entries={[entry('Ada')]} site="app.heyreach.io" />));
    const details = view.host.querySelector('details')!;
    act(() => void (details.open = true));
    const tag = details.querySelector<HTMLInputElement>('input[role=combobox]')!;
    act(() => tag.focus());
    type(tag, 'gala');
    escape(tag); // closes the offers
    escape(tag); // empties the box
    expect(tag.value).toBe('');
    expect(details.open).toBe(true);
    escape(tag);
    expect(details.open).toBe(false);
  });
});

describe('the bulk question', () => {
  it('is put away by Escape, with the focus back on the tag and nothing sent', () => {
    const startBulk = vi.fn(async () => undefined);
    useOutbox.setState({ startBulk });
    act(() => view.root.render(<BulkTags entries={[entry('Ada'), entry('Ben')]} site="app.heyreach.io" />));
    const details = view.host.querySelector('details')!;
    act(() => void (details.open = true));
    const tag = details.querySelector<HTMLInputElement>('input[role=combobox]')!;
    type(tag, 'gala-dinner');
    act(() => [...details.querySelectorAll('button')].find((b) => b.className === 'primary')!.click());
    const question = view.host.querySelector('[data-testid=bulk-confirm]')!;
    expect(question).not.toBeNull();
    expect(document.activeElement?.closest('[data-testid=bulk-confirm]')).toBe(question);
    escape(document.activeElement!);
    expect(view.host.querySelector('[data-testid=bulk-confirm]')).toBeNull();
    expect(details.open).toBe(true);
    expect(document.activeElement).toBe(tag);
    expect(startBulk).not.toHaveBeenCalled();
  });

  it('gives the focus back to the tag on Cancel too', () => {
    act(() => view.root.render(<BulkTags entries={[entry('Ada')]} site="app.heyreach.io" />));
    const details = view.host.querySelector('details')!;
    act(() => void (details.open = true));
    const tag = details.querySelector<HTMLInputElement>('input[role=combobox]')!;
    type(tag, 'gala-dinner');
    act(() => [...details.querySelectorAll('button')].find((b) => b.className === 'primary')!.click());
    const cancel = view.host.querySelectorAll<HTMLButtonElement>('[data-testid=bulk-confirm] button')[1]!;
    act(() => cancel.click());
    expect(view.host.querySelector('[data-testid=bulk-confirm]')).toBeNull();
    expect(document.activeElement).toBe(tag);
  });
});

describe('the bulk buttons', () => {
  const lists = { tags: ['linkedin-lead', 'webinar'], recentTags: [], users: [], customFields: [], pipelines: [], lostReasons: [], workflows: [], missingScopes: [] };
  /** the question (or the hint) after typing `text` and pressing the button `which` */
  function asked(text: string, which: 'Tag…' | 'Untag…') {
    useContact.setState({ lists: { status: 'ready', value: lists } });
    act(() => view.root.render(null)); // a fresh form each time
    act(() => view.root.render(<BulkTags entries={[entry('Ada'), entry('Ben')]} site="app.heyreach.io" />));
    const details = view.host.querySelector('details')!;
    act(() => void (details.open = true));
    type(details.querySelector<HTMLInputElement>('input[role=combobox]')!, text);
    act(() => [...details.querySelectorAll('button')].find((b) => b.textContent === which)!.click());
    return (view.host.querySelector('[data-testid=bulk-confirm] p') ?? view.host.querySelector('[data-testid=bulk-hint]'))?.textContent?.replace(/[\u2068\u2069]/g, '');
  }

  it('act on the tag offered for what is typed, as Enter takes it, never on a part of its name', () => {
    expect(asked('linkedin', 'Untag…')).toBe('Remove ‘linkedin-lead’ from 2 contacts?');
    expect(asked('WEBINAR', 'Tag…')).toBe('Tag 2 contacts with ‘webinar’?');
  });

  it('say a tag no contact has yet is new, and remove no tag the location does not have', () => {
    expect(asked('gala-dinner', 'Tag…')).toBe('Tag 2 contacts with ‘gala-dinner’, a new tag?');
    expect(asked('gala-dinner', 'Untag…')).toBe('No tag of this location matches “gala-dinner”: nothing to remove.');
    expect(view.host.querySelector('[data-testid=bulk-confirm]')).toBeNull();
  });
});

describe('the people checked in the list', () => {
  it('are whom the bulk form asks about, and once the job starts the focus is back on the tag for the next one', async () => {
    const startBulk = vi.fn(async () => ({ jobId: 'j1' }) as never);
    useOutbox.setState({ startBulk });
    const [ada, ben, cy] = [entry('Ada'), entry('Ben'), entry('Cy')];
    useSidebar.setState({ checked: [ben.key, cy.key] });
    try {
      act(() => view.root.render(<BulkTags entries={[ada, ben, cy]} site="app.heyreach.io" />));
      const details = view.host.querySelector('details')!;
      act(() => void (details.open = true));
      const checked = details.querySelectorAll<HTMLInputElement>('input[type=radio]')[1]!;
      expect(checked.checked).toBe(true); // not "Everyone on this page"
      const tag = details.querySelector<HTMLInputElement>('input[role=combobox]')!;
      type(tag, 'webinar');
      act(() => [...details.querySelectorAll('button')].find((b) => b.className === 'primary')!.click());
      expect(view.host.querySelector('[data-testid=bulk-confirm]')!.textContent).toContain('2');
      await act(async () => view.host.querySelector<HTMLButtonElement>('[data-testid=bulk-confirm] button.primary')!.click());
      expect(startBulk).toHaveBeenCalledWith(expect.objectContaining({ contactIds: ['id-Ben', 'id-Cy'], tags: ['webinar'] }));
      expect(view.host.querySelector('[data-testid=bulk-confirm]')).toBeNull();
      expect(document.activeElement).toBe(tag);
      // chosen by hand, "Everyone" stays chosen
      act(() => details.querySelectorAll<HTMLInputElement>('input[type=radio]')[0]!.click());
      expect(details.querySelectorAll<HTMLInputElement>('input[type=radio]')[0]!.checked).toBe(true);
    } finally {
      useSidebar.setState({ checked: [] });
    }
  });
});

describe('Alt+A', () => {
  it('opens "Tag several people" from anywhere in the sidebar, the focus in its tag box', () => {
    act(() => view.root.render(<BulkTags entries={[entry('Ada'), entry('Ben')]} site="app.heyreach.io" />));
    const details = view.host.querySelector('details')!;
    expect(details.open).toBe(false);
    const key = new KeyboardEvent('keydown', { key: 'å', code: 'KeyA', altKey: true, bubbles: true, cancelable: true }); // Option+A on a Mac
    act(() => onSidebarKey(key));
    expect(details.open).toBe(true);
    expect(document.activeElement).toBe(details.querySelector('input[role=combobox]'));
    expect(key.defaultPrevented).toBe(true); // no "å" typed where the focus was
    expect(details.querySelector('summary')!.getAttribute('aria-keyshortcuts')).toBe('Alt+A');
  });
});

describe('Alt+K and Alt+N', () => {
  it('open "Add a task" and "Add a note" from anywhere in the sidebar, the cursor in their first field', () => {
    act(() => view.root.render(<><TaskList tasks={[]} users={[]} now={0} /><NoteList notes={[]} /></>));
    const [tasks, notes] = view.host.querySelectorAll('details');
    for (const [code, details, field] of [['KeyK', tasks!, 'input[name=title]'], ['KeyN', notes!, 'textarea[name=body]']] as const) {
      expect(details.open).toBe(false);
      const key = new KeyboardEvent('keydown', { key: code === 'KeyK' ? '˚' : '˜', code, altKey: true, bubbles: true, cancelable: true }); // Option+K / Option+N on a Mac
      act(() => onSidebarKey(key));
      expect(details.open).toBe(true);
      expect(document.activeElement).toBe(details.querySelector(field));
      expect(key.defaultPrevented).toBe(true);
      expect(details.querySelector('summary')!.getAttribute('aria-keyshortcuts')).toBe(code === 'KeyK' ? 'Alt+K' : 'Alt+N');
    }
  });

  it('give the focus back to where the key was pressed (the tag box) on Escape; opened from the summary, to the summary', () => {
    act(() => view.root.render(<><input aria-label="Add a tag" /><TaskList tasks={[]} users={[]} now={0} /></>));
    const box = view.host.querySelector<HTMLInputElement>('input[aria-label="Add a tag"]')!;
    const details = view.host.querySelector('details')!;
    act(() => box.focus());
    act(() => onSidebarKey(new KeyboardEvent('keydown', { key: 'k', code: 'KeyK', altKey: true, bubbles: true, cancelable: true })));
    expect(document.activeElement).toBe(details.querySelector('input[name=title]'));
    escape(document.activeElement!);
    expect(details.open).toBe(false);
    expect(document.activeElement).toBe(box);
    // opened from its summary, the form gives the focus back to the summary
    act(() => void (details.open = true));
    escape(details.querySelector('input[name=title]')!);
    expect(document.activeElement).toBe(details.querySelector('summary'));
  });
});

describe('an edit form', () => {
  it('of a task is cancelled by Escape, a changed one by a second Escape: nothing saved, the focus back on its Edit button', () => {
    act(() => view.root.render(<TaskList tasks={[{ id: 't1', title: 'Call back', completed: false }]} users={[]} now={0} />));
    const edit = [...view.host.querySelectorAll<HTMLButtonElement>('[data-testid=tasks] button')].find((b) => b.textContent === 'Edit')!;
    act(() => edit.click());
    const title = view.host.querySelector<HTMLInputElement>('form[aria-label="Edit task"] input[name=title]')!;
    type(title, 'Call back on Monday');
    escape(title);
    // the first Escape keeps what was typed, and says so
    expect(view.host.querySelector<HTMLInputElement>('form[aria-label="Edit task"] input[name=title]')?.value).toBe('Call back on Monday');
    expect(view.host.querySelector('form[aria-label="Edit task"] [data-testid=escape-notice]')?.textContent).toBe('Your changes are not saved. Press Escape again to discard them.');
    escape(title);
    expect(view.host.querySelector('form[aria-label="Edit task"]')).toBeNull();
    expect(document.activeElement?.textContent).toBe('Edit');
    expect(send).not.toHaveBeenCalled();
  });

  it('of a note is cancelled by Escape too', () => {
    act(() => view.root.render(<NoteList notes={[{ id: 'n1', body: 'Met at the fair' }]} />));
    const edit = [...view.host.querySelectorAll<HTMLButtonElement>('[data-testid=notes] button')].find((b) => b.textContent === 'Edit')!;
    act(() => edit.click());
    const body = view.host.querySelector<HTMLTextAreaElement>('[data-testid=notes] form textarea')!;
    escape(body);
    expect(view.host.querySelector('[data-testid=notes] form')).toBeNull();
    expect(document.activeElement).toBe([...view.host.querySelectorAll<HTMLButtonElement>('[data-testid=notes] button')].find((b) => b.textContent === 'Edit'));
    expect(send).not.toHaveBeenCalled();
  });
});

