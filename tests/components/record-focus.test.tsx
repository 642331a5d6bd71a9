// @vitest-environment happy-dom
// The keyboard's focus in the record's sections never falls to the page: a form opened takes it
// (its first field), Escape, Cancel and a save give it back to the button that opened the form,
// and a status button that leaves with the change hands it to the button taking its place.
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContactDetails, LocationLists, OpportunityView } from '@/lib/protocol';
import { ContactCard } from '@/components/ContactCard';
import { useContact } from '@/components/state/contact';
import { useSidebar } from '@/components/state/sidebar';
import { onSidebarKey, PEOPLE_TOGGLE_ID } from '@/components/keys';
import { valueOf } from '@/components/state/ask';
import { mountEach } from './mount';

const send = vi.hoisted(() => vi.fn());
vi.mock('@/lib/protocol', async (original) => ({ ...(await original<object>()), sendMessage: send }));

const lists: LocationLists = {
  tags: [],
  recentTags: [],
  users: [],
  customFields: [
    { id: 'plan', name: 'Plan', kind: 'single', options: ['Starter', 'Growth'], dataType: 'SINGLE_OPTIONS' },
    { id: 'billing', name: 'Billing Email', kind: 'email', dataType: 'EMAIL' },
  ],
  pipelines: [{ id: 'p1', name: 'Sales', stages: [{ id: 's1', name: 'Contacted' }, { id: 's2', name: 'Proposal' }] }],
  lostReasons: [],
  workflows: [{ id: 'w1', name: 'New lead nurture' }],
  missingScopes: [],
};
const deal: OpportunityView = { id: 'o1', name: 'Ana Silva deal', pipelineId: 'p1', stageId: 's1', status: 'open', updatedAt: '2026-01-01T00:00:00.000Z' };
const record: ContactDetails = {
  contact: {
    id: 'c1', name: 'Ana Silva', locationId: 'L1', tags: [], dnd: false, appUrl: 'https://app.gohighlevel.com/', dateUpdated: '2026-01-01T00:00:00.000Z',
    customFields: [{ id: 'plan', name: 'Plan', value: 'Growth', raw: 'Growth' }],
  },
  tasks: [], notes: [], appointments: [], colleagues: [], fetchedAt: 0, opportunities: [deal], workflowsAdded: [],
};
/** the record the background answers: the deal with the status asked for */
const withStatus = (status: OpportunityView['status']): ContactDetails => ({ ...record, opportunities: [{ ...deal, status, pending: true }] });

const view = mountEach();
beforeEach(() => {
  send.mockReset();
  send.mockImplementation(async (type: string, data: { status?: OpportunityView['status'] }) => ({
    ok: true,
    value: type === 'getLocationLists' ? lists : type === 'setOpportunityStatus' ? withStatus(data.status!) : record,
  }));
  useContact.setState({ contactId: 'c1', details: { status: 'ready', value: record }, lists: { status: 'ready', value: lists }, writeError: undefined });
});

/** the card as the sidebar shows it: drawn again with each record the background answers */
function Card() {
  const details = useContact((s) => valueOf(s.details));
  return details ? <ContactCard details={details} users={[]} revalidating={false} /> : null;
}
const render = () => act(() => view.root.render(<Card />));
const button = (text: string, within: ParentNode = view.host) => [...within.querySelectorAll('button')].find((b) => b.textContent === text);
const press = (el: Element | null | undefined) => act(() => (el as HTMLElement).click());
const escape = () => act(() => void document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true })));
const section = (id: string) => view.host.querySelector(`[data-testid=${id}]`)!;

describe('custom fields', () => {
  const edit = () => view.host.querySelector<HTMLButtonElement>('[aria-label="Edit custom fields of Ana Silva"]');
  const form = () => view.host.querySelector<HTMLFormElement>('form[aria-label="Edit custom fields"]');

  it('Edit puts the focus in the first field; Escape closes the form with the focus on Edit', () => {
    render();
    press(edit());
    expect(document.activeElement).toBe(form()!.querySelector('select'));
    escape();
    expect(form()).toBeNull();
    expect(document.activeElement).toBe(edit());
  });

  it('Save gives the focus back to Edit', async () => {
    render();
    press(edit());
    await act(async () => form()!.requestSubmit());
    expect(form()).toBeNull();
    expect(document.activeElement).toBe(edit());
  });

  it('a save answered after the focus moved on leaves the focus where it was put', async () => {
    let answer!: () => void;
    send.mockImplementation((type: string) =>
      type === 'editContactFields' ? new Promise((resolve) => (answer = () => resolve({ ok: true, value: record }))) : Promise.resolve({ ok: true, value: record }));
    render();
    press(edit());
    const plan = form()!.querySelector('select')!;
    act(() => {
      plan.value = 'Starter';
      plan.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await act(async () => form()!.requestSubmit());
    expect(send).toHaveBeenCalledWith('editContactFields', expect.anything());
    const elsewhere = section('owner').querySelector('select')!;
    act(() => elsewhere.focus());
    await act(async () => answer());
    expect(form()).toBeNull();
    expect(document.activeElement).toBe(elsewhere);
  });
});

describe('opportunities', () => {
  const opener = () => button('New opportunity', section('opportunities'));
  const form = () => view.host.querySelector<HTMLFormElement>('form[aria-label="New opportunity"]');

  it('New opportunity puts the focus in its name; Escape closes the form with the focus on the button', () => {
    render();
    press(opener());
    expect(document.activeElement).toBe(form()!.querySelector('input[name=name]'));
    escape();
    expect(form()).toBeNull();
    expect(document.activeElement).toBe(opener());
  });

  it('Create gives the focus back to New opportunity', async () => {
    render();
    press(opener());
    await act(async () => form()!.requestSubmit());
    expect(send).toHaveBeenCalledWith('createOpportunity', expect.anything());
    expect(form()).toBeNull();
    expect(document.activeElement).toBe(opener());
  });

  it.each([['Lost'], ['Abandoned']])('after %s the focus is on Reopen, which took its place', async (status) => {
    render();
    const pressed = button(status, section('opportunities'))!;
    act(() => pressed.focus());
    await act(async () => pressed.click());
    expect(section('opportunities').querySelector('[data-testid=opportunity]')!.getAttribute('data-status')).not.toBe('open');
    expect(document.activeElement).toBe(button('Reopen', section('opportunities')));
  });

  describe('with lost reasons', () => {
    beforeEach(() => useContact.setState({ lists: { status: 'ready', value: { ...lists, lostReasons: [{ id: 'r1', name: 'Too expensive' }] } } }));
    const reasonForm = () => view.host.querySelector<HTMLFormElement>('form[aria-label="Mark Ana Silva deal lost"]');

    it('Lost puts the focus in the reason; Escape closes the form with the focus on Lost', () => {
      render();
      press(button('Lost', section('opportunities')));
      expect(document.activeElement).toBe(reasonForm()!.querySelector('select'));
      escape();
      expect(reasonForm()).toBeNull();
      expect(document.activeElement).toBe(button('Lost', section('opportunities')));
    });

    it('marking it lost gives the focus to Reopen', async () => {
      render();
      press(button('Lost', section('opportunities')));
      await act(async () => reasonForm()!.requestSubmit());
      expect(reasonForm()).toBeNull();
      expect(document.activeElement).toBe(button('Reopen', section('opportunities')));
    });
  });
});

describe('workflows', () => {
  const opener = () => button('Add to workflow…', section('workflows'));
  const picker = () => view.host.querySelector('[data-testid=workflow-picker]');
  function choose(select: HTMLSelectElement, value: string) {
    act(() => {
      Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')!.set!.call(select, value);
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
  }

  it('Escape puts the picker away, the focus back on its button', () => {
    render();
    press(opener());
    expect(document.activeElement).toBe(picker()!.querySelector('select'));
    escape();
    expect(picker()).toBeNull();
    expect(document.activeElement).toBe(opener());
  });

  it('Escape on the question cancels it, the focus back on the button', () => {
    render();
    press(opener());
    choose(picker()!.querySelector('select')!, 'w1');
    press(button('Continue'));
    expect(document.activeElement).toBe(button('Add to workflow', picker()!));
    escape();
    expect(picker()).toBeNull();
    expect(document.activeElement).toBe(opener());
  });

  it('adding gives the focus back to the button', async () => {
    render();
    press(opener());
    choose(picker()!.querySelector('select')!, 'w1');
    press(button('Continue'));
    await act(async () => button('Add to workflow', picker()!)!.click());
    expect(send).toHaveBeenCalledWith('addToWorkflow', { contactId: 'c1', workflowId: 'w1' });
    expect(picker()).toBeNull();
    expect(document.activeElement).toBe(opener());
  });

  it('Remove, whose entry goes with it, gives the focus to the next entry’s Remove, else to "Add to workflow…"', async () => {
    const added = [{ workflowId: 'w1', name: 'New lead nurture', addedAt: 1 }, { workflowId: 'w2', name: 'Webinar follow-up', addedAt: 2 }];
    useContact.setState({ details: { status: 'ready', value: { ...record, workflowsAdded: added } } });
    send.mockImplementation(async (type: string) => ({ ok: true, value: type === 'getLocationLists' ? lists : { ...record, workflowsAdded: added.slice(1) } }));
    render();
    const removes = () => [...section('workflows').querySelectorAll<HTMLButtonElement>('[data-testid=workflow] button')];
    const second = removes()[1]!;
    act(() => removes()[0]!.focus());
    await act(async () => removes()[0]!.click());
    expect(document.activeElement).toBe(second);
    send.mockImplementation(async (type: string) => ({ ok: true, value: type === 'getLocationLists' ? lists : record }));
    await act(async () => removes()[0]!.click());
    expect(document.activeElement).toBe(opener());
  });
});

describe('a stray Escape in a changed form', () => {
  const notice = () => view.host.querySelector('form[aria-label="Edit custom fields"], form[aria-label="New opportunity"]')?.querySelector('[data-testid=escape-notice]')?.textContent;
  const ESCAPE_AGAIN = 'Your changes are not saved. Press Escape again to discard them.';
  /** the sidebar's card with its "New opportunity" form opened */
  const newOpportunity = () => {
    const opener = () => button('New opportunity', section('opportunities'));
    const form = () => view.host.querySelector<HTMLFormElement>('form[aria-label="New opportunity"]');
    render();
    press(opener());
    return { opener, form, name: form()!.querySelector<HTMLInputElement>('input[name=name]')! };
  };
  const setValue = (el: HTMLInputElement | HTMLSelectElement, value: string, events = ['input', 'change']) =>
    act(() => {
      const proto = el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
      Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value); // as typing does (React's own value tracker sees a change)
      for (const type of events) el.dispatchEvent(new Event(type, { bubbles: true }));
    });

  it('custom fields: the first Escape keeps the change and says so; the second discards it, nothing sent', () => {
    const edit = () => view.host.querySelector<HTMLButtonElement>('[aria-label="Edit custom fields of Ana Silva"]');
    const form = () => view.host.querySelector<HTMLFormElement>('form[aria-label="Edit custom fields"]');
    const billing = () => form()!.querySelector<HTMLInputElement>('input[type=email]')!;
    render();
    press(edit());
    expect(notice()).toBe('');
    act(() => billing().focus());
    setValue(billing(), 'billing@silva.example');
    escape();
    expect(form()).not.toBeNull();
    expect(billing().value).toBe('billing@silva.example');
    expect(document.activeElement).toBe(billing());
    expect(notice()).toBe(ESCAPE_AGAIN);
    escape();
    expect(form()).toBeNull();
    expect(document.activeElement).toBe(edit());
    expect(send).not.toHaveBeenCalledWith('editContactFields', expect.anything());
    press(edit());
    expect(billing().value).toBe('');
  });

  it('a new opportunity: typing on after the warning puts it away, and the next Escape warns again', () => {
    const { opener, form, name } = newOpportunity();
    setValue(name, 'Ana Silva renewal');
    escape();
    expect(notice()).toBe(ESCAPE_AGAIN);
    setValue(name, 'Ana Silva renewal 2027');
    expect(notice()).toBe('');
    escape();
    expect(form()).not.toBeNull();
    expect(name.value).toBe('Ana Silva renewal 2027');
    expect(notice()).toBe(ESCAPE_AGAIN);
    escape();
    expect(form()).toBeNull();
    expect(document.activeElement).toBe(opener());
  });

  it('a form changed back to what it held closes at the first Escape', () => {
    const { form, name } = newOpportunity();
    const held = name.value;
    setValue(name, 'x');
    setValue(name, held);
    escape();
    expect(form()).toBeNull();
  });
});

describe('a move to another person by a key', () => {
  const LEAVE_AGAIN = 'Your changes are not saved. Save them, or press the same key again to leave them behind.';
  const step = vi.fn(async () => undefined);
  beforeEach(() => {
    step.mockClear();
    useSidebar.setState({ step });
  });
  const key = (init: KeyboardEventInit) => act(() => onSidebarKey(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init })));
  const altDown = () => key({ key: 'ArrowDown', altKey: true });
  const opened = () => {
    render();
    press(button('New opportunity', section('opportunities')));
    const form = view.host.querySelector<HTMLFormElement>('form[aria-label="New opportunity"]')!;
    return { form, name: form.querySelector<HTMLInputElement>('input[name=name]')! };
  };

  it('waits once for a changed form, which says so and keeps the cursor; the same key again moves on', () => {
    const { form, name } = opened();
    act(() => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(name, 'Ana Silva renewal');
      name.dispatchEvent(new Event('input', { bubbles: true }));
    });
    act(() => view.host.querySelector<HTMLElement>('[data-testid=tags] + * input, input[role=combobox]')?.focus());
    altDown();
    expect(step).not.toHaveBeenCalled();
    expect(form.querySelector('[data-testid=escape-notice]')?.textContent).toBe(LEAVE_AGAIN);
    expect(form.contains(document.activeElement)).toBe(true);
    expect(name.value).toBe('Ana Silva renewal');
    altDown();
    expect(step).toHaveBeenCalledWith(1, true);
  });

  it('goes at once past an open "Add a task" form with a title typed (an Add form is no edit: Escape too closes it keeping its text)', () => {
    render();
    const adder = view.host.querySelector<HTMLDetailsElement>('#add-task')!;
    act(() => void (adder.open = true));
    const title = adder.querySelector<HTMLInputElement>('form input[name=title]')!;
    act(() => title.focus());
    act(() => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(title, 'Call back on Monday');
      title.dispatchEvent(new Event('input', { bubbles: true }));
    });
    altDown();
    expect(step).toHaveBeenCalledWith(1, true);
  });

  it('goes at once from a form nothing was changed in', () => {
    opened();
    altDown();
    expect(step).toHaveBeenCalledWith(1, true);
  });

  it('J from the shown record (a button of its card) puts the focus on the people button first: the record goes', () => {
    const toggle = document.body.appendChild(Object.assign(document.createElement('button'), { id: PEOPLE_TOGGLE_ID }));
    try {
      render();
      act(() => button('New opportunity', section('opportunities'))!.focus());
      key({ key: 'j' });
      expect(step).toHaveBeenCalledWith(1, false);
      expect(document.activeElement).toBe(toggle);
    } finally {
      toggle.remove();
    }
  });
});
