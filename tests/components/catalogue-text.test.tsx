// @vitest-environment happy-dom
// The sidebar shows the catalogue's words, not its keys: the contact card and the activity
// button rendered as in the side panel, read as a person (or a screen reader) would.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContactDetails } from '@/lib/protocol';
import { ContactCard } from '@/components/ContactCard';
import { ActivityButton } from '@/components/ActivityButton';
import { TagEditor } from '@/components/TagEditor';
import { useOutbox } from '@/components/state/outbox';
import { englishMessages } from '../i18n/catalogue';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const record: ContactDetails = {
  contact: { id: 'c1', name: 'Ana Silva', email: 'ana@example.com', locationId: 'L1', tags: [], dnd: false, customFields: [], appUrl: 'https://app.gohighlevel.com/' },
  tasks: [],
  notes: [],
  appointments: [],
  colleagues: [],
  fetchedAt: 0,
};

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

const render = (node: React.ReactNode) => act(() => root.render(node));
/** Everything a person reads or hears: the text and the accessible names and hints. */
const readable = () =>
  [host.textContent ?? '', ...[...host.querySelectorAll('[aria-label],[placeholder],[title]')].flatMap((e) =>
    ['aria-label', 'placeholder', 'title'].map((a) => e.getAttribute(a) ?? ''),
  )].join('\n');

describe('the contact card', () => {
  it('reads in English from the catalogue, with no key showing', async () => {
    render(<ContactCard details={record} users={[]} revalidating={false} />);
    const text = readable();
    for (const words of ['Open in HighLevel (new tab)', 'Do not disturb', 'All channels', 'No tasks', 'No notes', 'No appointments', 'Add a task', 'Add to workflow…', 'Owner and followers', 'Delete contact']) {
      expect(text).toContain(words);
    }
    expect(host.querySelector('[data-testid=facts]')?.textContent).toBe('Emailana@example.com');
    // the name inside the sentence is isolated (FSI … PDI): its own text direction cannot spill over
    expect(host.querySelector('button[aria-label]')?.getAttribute('aria-label')).toBe('Edit \u2068Ana Silva\u2069');
    render(<TagEditor tags={[]} />);
    expect(readable()).toContain('No tags yet');
    expect(host.querySelector('input#tag-input')?.getAttribute('placeholder')).toBe('Add a tag… (Enter takes the suggestion)');
    const names = Object.keys(await englishMessages());
    const keys = names.filter((name) => name.includes('_')).map((name) => name.replaceAll('_', '.'));
    expect(keys.filter((key) => text.includes(key))).toEqual([]);
  });
});

describe('the activity button', () => {
  it('counts the changes that need the user in the right form', () => {
    const status = { pending: 0, failed: 1, conflicts: 0, jobs: [], changedAt: 1 };
    act(() => useOutbox.setState({ status }));
    render(<ActivityButton />);
    expect(host.textContent).toBe('Activity (1 needs you)');
    act(() => useOutbox.setState({ status: { ...status, failed: 2, conflicts: 1 } }));
    expect(host.textContent).toBe('Activity (3 need you)');
    act(() => useOutbox.setState({ status: { ...status, failed: 0 } }));
    expect(host.textContent).toBe('Activity');
  });
});
