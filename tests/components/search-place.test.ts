// A contact opened from the search box keeps the user's place among the page's people: the next
// step (J, Alt+↓) goes on from the person shown before, not from the page's first.
import { describe, expect, it, vi } from 'vitest';
import { useFind } from '@/components/state/find';
import { useSidebar } from '@/components/state/sidebar';

const send = vi.hoisted(() => vi.fn());
vi.mock('@/lib/protocol', async (original) => ({ ...(await original<object>()), sendMessage: send }));

describe('a contact opened from the search box', () => {
  it('leaves the place in the page’s people where the next step goes on from', async () => {
    send.mockResolvedValue({ ok: false, error: { kind: 'network', message: 'offline', action: 'retry' } });
    const people = Array.from({ length: 10 }, (_, i) => ({ name: `Person ${i}`, email: `p${i}@parklabs.example.org` }));
    useSidebar.setState({
      page: { status: 'ready', value: { tabId: 1, site: 'app.heyreach.io', url: 'https://app.heyreach.io/app/lists/1', people } as never },
      matches: { status: 'ready', value: [] },
      selected: 6,
    });
    await useFind.getState().choose('c-from-search');
    expect(useSidebar.getState().selected).toBeUndefined();
    expect(useSidebar.getState().openedByHand).toBe('c-from-search');
    await useSidebar.getState().step(1);
    expect(useSidebar.getState().selected).toBe(7);
    expect(useSidebar.getState().leftAt).toBeUndefined();
  });
});
