// The sidebar's UI state: which tab it follows, the people found there, their matches, and the
// contact shown. All data comes from the background through messages; nothing here calls GHL.
import { create } from 'zustand';
import { sendMessage, type AppState, type ContactDetails, type Outcome, type PersonMatch, type UserError } from '@/lib/messaging';
import type { TabPeople } from '@/lib/storage';

type Load<T> = { status: 'idle' | 'loading' } | { status: 'ready'; value: T } | { status: 'failed'; error: UserError };

export interface SidebarState {
  tabId?: number;
  app: Load<AppState>;
  page: Load<TabPeople | null>;
  matches: Load<PersonMatch[]>;
  selected?: number;
  details: Load<ContactDetails>;
  loadApp(): Promise<void>;
  showPage(page: TabPeople | null): Promise<void>;
  select(index: number): Promise<void>;
  refreshDetails(): Promise<void>;
}

function settle<T>(outcome: Outcome<T>): Load<T> {
  return outcome.ok ? { status: 'ready', value: outcome.value } : { status: 'failed', error: outcome.error };
}

const unreachable = (e: unknown): Outcome<never> => ({
  ok: false,
  error: { kind: 'background', message: `The extension's background did not answer (${String(e)}). Try again.`, action: 'retry' },
});

async function ask<T>(call: () => Promise<Outcome<T>>): Promise<Outcome<T>> {
  try {
    return await call();
  } catch (e) {
    return unreachable(e);
  }
}

export const useSidebar = create<SidebarState>((set, get) => ({
  app: { status: 'idle' },
  page: { status: 'idle' },
  matches: { status: 'idle' },
  details: { status: 'idle' },

  async loadApp() {
    set({ app: { status: 'loading' } });
    set({ app: settle(await ask(() => sendMessage('getState'))) });
  },

  async showPage(page) {
    set({ page: { status: 'ready', value: page }, matches: { status: 'loading' } });
    if (!page || page.people.length === 0) {
      set({ matches: { status: 'ready', value: [] }, selected: undefined, details: { status: 'idle' } });
      return;
    }
    const matches = settle(await ask(() => sendMessage('matchPeople', page.people)));
    set({ matches });
    if (matches.status !== 'ready') return;
    const focused = page.focused ?? matches.value.findIndex((m) => m.state === 'matched');
    await get().select(focused >= 0 ? focused : 0);
  },

  async select(index) {
    set({ selected: index });
    const matches = get().matches;
    const match = matches.status === 'ready' ? matches.value[index] : undefined;
    if (!match?.contact) {
      set({ details: { status: 'idle' } });
      return;
    }
    set({ details: { status: 'loading' } });
    const contactId = match.contact.id;
    const details = settle(await ask(() => sendMessage('getContactDetails', { contactId })));
    if (get().selected === index) set({ details });
  },

  async refreshDetails() {
    const { selected } = get();
    if (selected != null) await get().select(selected);
  },
}));
