// @vitest-environment happy-dom
// The record's sections in the sidebar: a record pushed while the user edits custom fields never
// changes what is being typed, and the save is based on the version the edit began from (so a
// change made meanwhile becomes a conflict, not an overwrite); each section that needs a missing
// scope says which; the workflow picker asks before adding.
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContactDetails, LocationLists } from '@/lib/protocol';
import { ConflictChoice } from '@/components/ConflictChoice';
import { ContactCard } from '@/components/ContactCard';
import { useContact } from '@/components/state/contact';
import { useOutbox } from '@/components/state/outbox';
import { mountEach } from './mount';

const send = vi.hoisted(() => vi.fn());
vi.mock('@/lib/protocol', async (original) => ({ ...(await original<object>()), sendMessage: send }));

const lists: LocationLists = {
  tags: [],
  recentTags: [],
  users: [{ id: 'u1', name: 'Jordan Blake' }],
  customFields: [
    { id: 'plan', name: 'Plan', kind: 'single', options: ['Starter', 'Growth', 'Scale'], dataType: 'SINGLE_OPTIONS' },
    { id: 'renewal', name: 'Renewal Date', kind: 'date', dataType: 'DATE' },
    { id: 'billing', name: 'Billing Email', kind: 'email', dataType: 'EMAIL' },
  ],
  pipelines: [],
  lostReasons: [],
  workflows: [{ id: 'w1', name: 'New lead nurture' }],
  missingScopes: [],
};
const record: ContactDetails = {
  contact: {
    id: 'c1', name: 'Ana Silva', locationId: 'L1', tags: [], dnd: false, appUrl: 'https://app.gohighlevel.com/', dateUpdated: '2026-01-01T00:00:00.000Z',
    customFields: [{ id: 'plan', name: 'Plan', value: 'Growth', raw: 'Growth' }],
  },
  tasks: [], notes: [], appointments: [], colleagues: [], fetchedAt: 0, opportunities: [], workflowsAdded: [],
};

const view = mountEach();
beforeEach(() => {
  send.mockReset();
  send.mockResolvedValue({ ok: true, value: record });
  useContact.setState({ contactId: 'c1', details: { status: 'ready', value: record }, lists: { status: 'ready', value: lists }, writeError: undefined });
});

const render = () => act(() => view.root.render(<ContactCard details={useContact.getState().details.status === 'ready' ? (useContact.getState().details as { value: ContactDetails }).value : record} users={lists.users} revalidating={false} />));
const click = (el: Element | null | undefined) => act(() => (el as HTMLElement).click());
const button = (text: string) => [...view.host.querySelectorAll('button')].find((b) => b.textContent === text);
function choose(select: HTMLSelectElement, value: string) {
  act(() => {
    const set = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')!.set!;
    set.call(select, value);
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}
function type(input: HTMLInputElement, value: string) {
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('editing custom fields while HighLevel changes the contact', () => {
  it('keeps what is typed, says the contact changed, and saves against the version the edit began from', async () => {
    render();
    click(view.host.querySelector('[aria-label="Edit custom fields of Ana Silva"]'));
    const form = view.host.querySelector('form[aria-label="Edit custom fields"]')!;
    const [plan] = form.querySelectorAll('select');
    choose(plan as HTMLSelectElement, 'Scale');
    type(form.querySelector('input[type=date]') as HTMLInputElement, '2027-04-30');

    // a fresh record arrives: someone set the plan to Starter in HighLevel
    const pushed = { ...record, contact: { ...record.contact, dateUpdated: '2026-02-02T00:00:00.000Z', customFields: [{ id: 'plan', name: 'Plan', value: 'Starter', raw: 'Starter' }] } };
    act(() => useContact.getState().received(pushed));
    render();
    expect((view.host.querySelector('form[aria-label="Edit custom fields"] select') as HTMLSelectElement).value).toBe('Scale');
    expect((view.host.querySelector('form[aria-label="Edit custom fields"] input[type=date]') as HTMLInputElement).value).toBe('2027-04-30');
    expect(view.host.textContent).toContain('This contact changed in HighLevel while you edit.');

    await act(async () => (view.host.querySelector('form[aria-label="Edit custom fields"]') as HTMLFormElement).requestSubmit());
    expect(send).toHaveBeenCalledWith('editContactFields', {
      contactId: 'c1',
      changes: { 'customFields.plan': 'Scale', 'customFields.renewal': '2027-04-30' },
      base: { dateUpdated: '2026-01-01T00:00:00.000Z', values: { 'customFields.plan': 'Growth', 'customFields.renewal': null, 'customFields.billing': null } },
    });
  });

  it('refuses a value its type does not allow, next to the field, and sends nothing', async () => {
    render();
    click(view.host.querySelector('[aria-label="Edit custom fields of Ana Silva"]'));
    type(view.host.querySelector('form[aria-label="Edit custom fields"] input[type=email]') as HTMLInputElement, 'billing at example');
    await act(async () => (view.host.querySelector('form[aria-label="Edit custom fields"]') as HTMLFormElement).requestSubmit());
    expect(view.host.querySelector('.field-error')?.textContent).toBe('Billing Email must be an email address.');
    expect(view.host.querySelector('input[aria-invalid=true]')).not.toBeNull();
    expect(send).not.toHaveBeenCalled();
  });
});

describe('a connection with fewer scopes', () => {
  it('each section names the scope it lacks, and hides what would need it', () => {
    useContact.setState({ lists: { status: 'ready', value: { ...lists, missingScopes: ['opportunities.readonly', 'workflows.readonly', 'locations/customFields.readonly', 'contacts.write'] } } });
    render();
    const missing = [...view.host.querySelectorAll('[data-testid=missing-scope]')].map((e) => e.getAttribute('data-scope'));
    expect(new Set(missing)).toEqual(new Set(['opportunities.readonly', 'workflows.readonly', 'locations/customFields.readonly', 'contacts.write']));
    expect(view.host.querySelector('[data-testid=access] summary')?.textContent).toBe('This connection lacks 4 permissions');
    expect(button('Add to workflow…')).toBeUndefined();
    expect(view.host.querySelector('[aria-label="Edit custom fields of Ana Silva"]')).toBeNull();
    expect([...view.host.querySelectorAll('[data-testid=dnd] input')].every((i) => (i as HTMLInputElement).disabled)).toBe(true);
  });
});

describe('adding to a workflow', () => {
  it('asks first, saying a workflow may send messages, then adds', async () => {
    render();
    click(button('Add to workflow…'));
    choose(view.host.querySelector('[data-testid=workflow-picker] select') as HTMLSelectElement, 'w1');
    click(button('Continue'));
    expect(view.host.querySelector('[data-testid=workflow-picker]')?.textContent).toContain('Add Ana Silva to “New lead nurture”? A workflow may send Ana Silva emails, texts or other messages right away.');
    expect(send).not.toHaveBeenCalled();
    await act(async () => button('Add to workflow')!.click());
    expect(send).toHaveBeenCalledWith('addToWorkflow', { contactId: 'c1', workflowId: 'w1' });
  });
});

describe('keeping the shown record fresh', () => {
  const visibility = (state: 'visible' | 'hidden') => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
    act(() => void document.dispatchEvent(new Event('visibilitychange')));
  };
  const revalidations = () => send.mock.calls.filter(([type]) => type === 'revalidateContact').length;

  it('reads the record again every minute while visible, not while hidden, and at once when visible again', () => {
    vi.useFakeTimers();
    try {
      visibility('visible');
      render();
      act(() => void vi.advanceTimersByTime(59_000));
      expect(revalidations()).toBe(0);
      act(() => void vi.advanceTimersByTime(1_000));
      expect(revalidations()).toBe(1);
      expect(send).toHaveBeenCalledWith('revalidateContact', { contactId: 'c1' });
      visibility('hidden');
      act(() => void vi.advanceTimersByTime(180_000));
      expect(revalidations()).toBe(1);
      visibility('visible');
      expect(revalidations()).toBe(2);
      act(() => void vi.advanceTimersByTime(60_000));
      expect(revalidations()).toBe(3);
    } finally {
      vi.useRealTimers();
    }
  });

  it('Refresh reads the record fresh, then the location’s lists the pickers show (read again with it)', async () => {
    const added = { ...lists, workflows: [...lists.workflows, { id: 'w2', name: 'Added in HighLevel' }] };
    send.mockImplementation(async (type: string) => (type === 'getLocationLists' ? { ok: true, value: added } : { ok: true, value: { details: record, revalidating: false } }));
    render();
    await act(async () => button('Refresh')!.click());
    expect(send.mock.calls.map(([type, data]) => [type, data])).toEqual([['getContactDetails', { contactId: 'c1', fresh: true }], ['getLocationLists', undefined]]);
    const shown = useContact.getState().lists;
    expect(shown.status === 'ready' && shown.value.workflows.map((w) => w.name)).toEqual(['New lead nurture', 'Added in HighLevel']);
  });
});

describe('a custom field of a type the sidebar cannot edit', () => {
  it('shows its value marked read-only, offers no control for it, and never sends it', async () => {
    const signature = { id: 'sig', name: 'Signature', kind: 'unsupported' as const, dataType: 'SIGNATURE' };
    useContact.setState({ lists: { status: 'ready', value: { ...lists, customFields: [...lists.customFields, signature] } } });
    const withSignature = { ...record, contact: { ...record.contact, customFields: [...record.contact.customFields, { id: 'sig', name: 'Signature', value: 'signed.png', raw: 'signed.png' }] } };
    act(() => view.root.render(<ContactCard details={withSignature} users={lists.users} revalidating={false} />));
    const shown = [...view.host.querySelectorAll('[data-testid=custom-field-values] dd')].map((d) => d.textContent);
    expect(shown).toEqual(['Growth', 'signed.png (read-only here)']);
    click(view.host.querySelector('[aria-label="Edit custom fields of Ana Silva"]'));
    const form = view.host.querySelector('form[aria-label="Edit custom fields"]')!;
    expect(form.textContent).not.toContain('Signature');
    choose(form.querySelector('select') as HTMLSelectElement, 'Scale');
    await act(async () => (form as HTMLFormElement).requestSubmit());
    expect(send).toHaveBeenCalledWith('editContactFields', expect.objectContaining({ changes: { 'customFields.plan': 'Scale' } }));
    expect(JSON.stringify(send.mock.calls)).not.toContain('sig');
  });
});

describe('the workflows a contact is in', () => {
  it('shows those added from here, marked as such, and says HighLevel cannot list the others', () => {
    act(() => view.root.render(<ContactCard details={{ ...record, workflowsAdded: [{ workflowId: 'w1', name: 'New lead nurture', addedAt: 1 }] } as ContactDetails} users={lists.users} revalidating={false} />));
    const section = view.host.querySelector('[data-testid=workflows]')!;
    expect([...section.querySelectorAll('[data-testid=workflow]')].map((w) => w.textContent)).toEqual([expect.stringContaining('New lead nurture')]);
    expect(section.querySelector('[data-testid=workflow]')!.textContent).toContain('added from here');
    expect(section.textContent).toContain("HighLevel's API cannot list the workflows a contact is in; only those added from the sidebar show here.");
  });
});

describe('a conflict over the owner or a stage', () => {
  it('names the owners and stages, not their ids', () => {
    useContact.setState({ lists: { status: 'ready', value: { ...lists, pipelines: [{ id: 'p1', name: 'Sales', stages: [{ id: 's1', name: 'Contacted' }, { id: 's2', name: 'Proposal' }] }] } } });
    act(() => view.root.render(<ConflictChoice id="w1" conflict={{ latest: 'theirs', fields: [
      { field: 'assignedTo', label: 'Owner', theirs: 'u1', ours: '' },
      { field: 'pipelineStageId', label: 'Stage', theirs: 's2', ours: 's1' },
    ] }} />));
    const cells = [...view.host.querySelectorAll('[data-side]')].map((e) => e.textContent);
    expect(cells).toEqual(['Jordan Blake', 'Nobody', 'Proposal', 'Contacted']);
  });
});

describe('changes held behind one that needs the user', () => {
  it('are said on the card, with the way to the activity log; a card without them says nothing', () => {
    useContact.setState({ details: { status: 'ready', value: { ...record, held: 2 } } });
    useOutbox.setState({ activityOpen: false });
    render();
    const notice = view.host.querySelector('[data-testid=held-changes]')!;
    expect(notice.textContent).toBe('2 changes shown here are not saved yet. They wait behind a change to this contact that needs you. Open activity');
    click(notice.querySelector('button'));
    expect(useOutbox.getState().activityOpen).toBe(true);
    useContact.setState({ details: { status: 'ready', value: record } });
    render();
    expect(view.host.querySelector('[data-testid=held-changes]')).toBeNull();
  });
});
