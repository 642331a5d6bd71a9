// @vitest-environment happy-dom
// The sidebar shows the catalogue's words, not its keys: the contact card and the activity
// button rendered as in the side panel, read as a person (or a screen reader) would.
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { ContactCard } from '@/components/ContactCard';
import { ActivityButton, useStoppedWrites } from '@/components/ActivityButton';
import { TagEditor } from '@/components/TagEditor';
import { useOutbox } from '@/components/state/outbox';
import { OptionsApp } from '@/components/OptionsApp';
import { useOptions } from '@/components/state/options';
import { defaultSettings } from '@/lib/storage';
import { englishMessages } from '../i18n/catalogue';
import { mountEach } from './mount';
import { recordOf } from './records';


const record = recordOf('c1', [], { name: 'Ana Silva', email: 'ana@example.com' });

const view = mountEach();

const render = (node: React.ReactNode) => act(() => view.root.render(node));
/** Everything a person reads or hears: the text and the accessible names and hints. */
const readable = () =>
  [view.host.textContent ?? '', ...[...view.host.querySelectorAll('[aria-label],[placeholder],[title]')].flatMap((e) =>
    ['aria-label', 'placeholder', 'title'].map((a) => e.getAttribute(a) ?? ''),
  )].join('\n');

describe('the contact card', () => {
  it('reads in English from the catalogue, with no key showing', async () => {
    render(<ContactCard details={record} users={[]} revalidating={false} />);
    const text = readable();
    for (const words of ['Open in HighLevel (new tab)', 'Do not disturb', 'All channels', 'No tasks', 'No notes', 'No appointments', 'Add a task', 'Add to workflow…', 'Owner and followers', 'Delete contact']) {
      expect(text).toContain(words);
    }
    expect(view.host.querySelector('[data-testid=facts]')?.textContent).toBe('Emailana@example.com');
    // the name inside the sentence is isolated (FSI … PDI): its own text direction cannot spill over
    expect(view.host.querySelector('button[aria-label]')?.getAttribute('aria-label')).toBe('Edit \u2068Ana Silva\u2069');
    render(<TagEditor tags={[]} />);
    expect(readable()).toContain('No tags yet');
    expect(view.host.querySelector('input#tag-input')?.getAttribute('placeholder')).toBe('Add a tag… (Enter takes the suggestion)');
    const names = Object.keys(await englishMessages());
    const keys = names.filter((name) => name.includes('_')).map((name) => name.replaceAll('_', '.'));
    expect(keys.filter((key) => text.includes(key))).toEqual([]);
  });
});

describe('the activity button', () => {
  it('counts the changes that need the user in the right form', () => {
    const status = { pending: 0, failed: 1, conflicts: 0, held: 0, jobs: [], changedAt: 1 };
    act(() => useOutbox.setState({ status }));
    render(<ActivityButton />);
    expect(view.host.textContent).toBe('Activity (1 needs you)');
    act(() => useOutbox.setState({ status: { ...status, failed: 2, conflicts: 1 } }));
    expect(view.host.textContent).toBe('Activity (3 need you)');
    act(() => useOutbox.setState({ status: { ...status, failed: 0 } }));
    expect(view.host.textContent).toBe('Activity');
  });

  it('says in its notice how many later changes wait behind the ones that need the user', () => {
    const status = { pending: 2, failed: 1, conflicts: 0, held: 2, jobs: [], changedAt: 1 };
    const Notice = () => <p>{useStoppedWrites()?.message}</p>;
    act(() => useOutbox.setState({ status, activityOpen: false }));
    render(<Notice />);
    expect(view.host.textContent).toBe('1 change could not be saved; 2 later changes to the same contacts are held back.');
    act(() => useOutbox.setState({ status: { ...status, pending: 0, held: 0 } }));
    expect(view.host.textContent).toBe('1 change could not be saved.');
  });
});

describe('the options page', () => {
  it('marks a connection that needs reconnecting and says why', () => {
    const why = 'HighLevel rejected the private integration token. Paste a new token to reconnect.';
    const connection = { id: 'c1', locationId: 'L1', kind: 'token' as const, active: true };
    const app = {
      connections: [
        { ...connection, locationName: 'Northstar', needsReconnect: true, reconnectReason: why },
        { ...connection, id: 'c2', locationId: 'L2', locationName: 'Harbor', active: false, needsReconnect: false },
      ],
      settings: defaultSettings,
      oauthRedirectUrl: 'https://x.chromiumapp.org/',
    };
    act(() => useOptions.setState({ app, load: async () => undefined, loadLists: async () => undefined }));
    render(<OptionsApp />);
    const marks = [...view.host.querySelectorAll('[data-testid=connections] li')].map((li) => li.querySelector('[data-testid=needs-reconnect]')?.textContent ?? null);
    expect(marks).toEqual([`Needs reconnecting: ${why}`, null]);
  });
});
