// @vitest-environment happy-dom
// The page's people, listed over the record from the "2 of 3 ▾" toggle: the list closes when the
// focus leaves it for another part of the panel (Tab past it), instead of staying drawn over the
// person's name and tags; it stays open while the focus moves inside it or back to its toggle.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PinnedPerson } from '@/components/PinnedPerson';
import { useSidebar } from '@/components/state/sidebar';
import { useContact } from '@/components/state/contact';
import type { TabPeople } from '@/lib/protocol';
import { mountEach } from './mount';

const send = vi.hoisted(() => vi.fn(async () => ({ ok: false, error: { kind: 'x', message: 'not looked at here', action: 'none' } })));
vi.mock('@/lib/protocol', async (original) => ({ ...(await original<object>()), sendMessage: send }));

const view = mountEach();
let outside: HTMLButtonElement;
beforeEach(() => {
  outside = document.createElement('button');
  document.body.append(outside);
  const page: TabPeople = {
    people: ['Ana Diaz', 'Ben Ode', 'Cleo Lu'].map((name) => ({ name, email: `${name.split(' ')[0]!.toLowerCase()}@example.com` })),
    view: 'list', site: 'heyreach', tabId: 1, url: 'https://app.heyreach.io/x', reportedAt: 1,
  };
  useSidebar.setState({ page: { status: 'ready', value: page }, matches: { status: 'idle' }, selected: 1, tabId: 1 });
  useContact.setState({ draft: '', contactId: undefined, focusTagsAt: 0 });
});
afterEach(() => {
  outside.remove();
});

const panel = () => view.host.querySelector('#people-panel');
const moveFocus = (from: Element, to: HTMLElement) =>
  act(() => {
    from.dispatchEvent(new FocusEvent('focusout', { bubbles: true, relatedTarget: to }));
    to.focus();
  });

describe('the people list', () => {
  it('closes when the focus leaves it for the rest of the panel, not while it moves inside or to its toggle', () => {
    act(() => view.root.render(<PinnedPerson />));
    const toggle = view.host.querySelector<HTMLButtonElement>('[data-testid=people-toggle]')!;
    act(() => toggle.click());
    expect(panel()).not.toBeNull();
    const inside = panel()!.querySelector<HTMLElement>('button, [tabindex]')!;
    act(() => inside.focus());
    moveFocus(inside, toggle);
    expect(panel()).not.toBeNull();
    act(() => inside.focus());
    moveFocus(panel()!.querySelector<HTMLElement>('button, [tabindex]')!, outside);
    expect(panel()).toBeNull();
  });
});

describe('J and K', () => {
  it('pressed on the shown person (its ‹ button here, a chip alike), leave the focus on the "2 of 3" button, which stays', async () => {
    const { onSidebarKey } = await import('@/components/keys');
    const step = vi.fn(async () => undefined);
    useSidebar.setState({ step });
    act(() => view.root.render(<PinnedPerson />));
    const previous = view.host.querySelector<HTMLButtonElement>('[data-testid=pinned] button.step')!;
    act(() => previous.focus());
    act(() => onSidebarKey(new KeyboardEvent('keydown', { key: 'j', bubbles: true, cancelable: true })));
    expect(step).toHaveBeenCalledWith(1, false);
    expect(document.activeElement).toBe(view.host.querySelector('[data-testid=people-toggle]'));
  });
});
