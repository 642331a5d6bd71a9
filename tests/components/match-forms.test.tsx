// @vitest-environment happy-dom
// The forms of a person's match panel from the keyboard: "Edit before creating" opens its form with
// the focus in the first field; Escape (or Cancel) closes it, nothing sent, the focus back on the
// button. "Link to another contact…" opens a search that Escape closes the same way. A contact
// created from the panel gets the focus in its tag box (the button pressed is gone).
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { MatchPanel } from '@/components/MatchPanel';
import { useFind } from '@/components/state/find';
import { useSidebar } from '@/components/state/sidebar';
import { useContact } from '@/components/state/contact';
import type { PersonMatch } from '@/lib/protocol';
import { defaultSettings } from '@/lib/storage';
import { mountEach } from './mount';
import { recordOf } from './records';

const send = vi.hoisted(() => vi.fn());
vi.mock('@/lib/protocol', async (original) => ({ ...(await original<object>()), sendMessage: send }));

const view = mountEach();
const escape = (el: Element) => act(() => void el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true })));
const person = { name: 'Ada Park', email: 'ada@parklabs.example.org' };
const missing: PersonMatch = { person, key: `email:${person.email}`, state: 'missing', confidence: 0 };
const matched: PersonMatch = { ...missing, state: 'matched', contact: { id: 'c1', name: 'Ada Park' }, reason: 'email', confidence: 0.98 };
const buttonNamed = (text: string) => [...view.host.querySelectorAll('button')].find((b) => b.textContent === text)!;

describe('Edit before creating', () => {
  it('opens its form with the focus in the first field; Escape closes it, nothing sent, the focus back on the button', () => {
    send.mockReset();
    act(() => view.root.render(<MatchPanel match={missing} index={0} />));
    const edit = buttonNamed('Edit before creating');
    act(() => edit.click());
    const form = view.host.querySelector('[data-testid=person-form]')!;
    expect(document.activeElement).toBe(form.querySelector('input[name=first]'));
    expect((document.activeElement as HTMLInputElement).value).toBe('Ada');
    escape(document.activeElement!);
    expect(view.host.querySelector('[data-testid=person-form]')).toBeNull();
    expect(useFind.getState().draft).toBeUndefined();
    expect(document.activeElement).toBe(buttonNamed('Edit before creating'));
    expect(send).not.toHaveBeenCalled();
  });
});

describe('the job title of Edit before creating', () => {
  const noteOf = () => {
    const title = view.host.querySelector<HTMLInputElement>('[data-testid=person-form] input[name=title]')!;
    return (title.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent).join(' ');
  };
  const withTitleField = (titleField: string | null) =>
    useSidebar.setState({ app: { status: 'ready', value: { connections: [], oauthRedirectUrl: '', settings: { ...defaultSettings, createMapping: { ...defaultSettings.createMapping, titleField } } } } });

  it('says it is not kept while the settings send a job title nowhere, and nothing when they name its field', () => {
    withTitleField(null);
    act(() => view.root.render(<MatchPanel match={{ ...missing, person: { ...person, title: 'Head of Growth' } }} index={0} />));
    act(() => buttonNamed('Edit before creating').click());
    expect(noteOf()).toBe('Not kept in GHL: the settings (New contacts) say where a job title goes.');
    act(() => withTitleField('job-title'));
    expect(noteOf()).toBe('');
  });
});

describe('Link to another contact', () => {
  it('opens a search in which Escape closes it, the focus back on the button', () => {
    act(() => view.root.render(<MatchPanel match={matched} index={0} />));
    const link = buttonNamed('Link to another contact…');
    act(() => link.click());
    const search = view.host.querySelector<HTMLInputElement>('input[type=search], input[role=combobox], input')!;
    expect(document.activeElement).toBe(search);
    expect(link.getAttribute('aria-expanded')).toBe('true');
    escape(search);
    expect(view.host.querySelector('input')).toBeNull();
    expect(document.activeElement).toBe(link);
    expect(link.getAttribute('aria-expanded')).toBe('false');
  });
});

describe('Create contact in GHL', () => {
  it('gives the focus to the new contact’s tag box', async () => {
    const created: PersonMatch = { ...matched, reason: 'linked-by-you' };
    send.mockReset();
    send.mockImplementation(async (type: string) =>
      type === 'createContact' ? { ok: true, value: created }
        : type === 'getContactDetails' ? { ok: true, value: { details: recordOf('c1', []), revalidating: false } }
          : { ok: true, value: undefined });
    useContact.setState({ focusTagsAt: undefined });
    useSidebar.setState({
      page: { status: 'ready', value: { tabId: 1, site: 'app.heyreach.io', url: 'https://app.heyreach.io/app/lists/1', people: [person] } as never },
      matches: { status: 'ready', value: [missing] },
      selected: 0,
    });
    await act(async () => useSidebar.getState().createContact(0));
    expect(send).toHaveBeenCalledWith('createContact', expect.objectContaining({ person }));
    expect(useContact.getState().focusTagsAt).toBeGreaterThan(0);
  });
});
