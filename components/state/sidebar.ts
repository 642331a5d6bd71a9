// The sidebar's UI state: the connection, the tab it follows and that tab's site, the people found
// there with their matches, and which one is selected (its record lives in ./contact.ts). All data
// comes from the background through messages; nothing here calls GHL.
import { create } from 'zustand';
import { sendMessage, type AppState, type PersonMatch, type TabPeople, type TabSite, type UserError } from '@/lib/protocol';
import { ask, settle, valueOf, type Load } from './ask';
import { useContact } from './contact';

export interface SidebarState {
  tabId?: number;
  app: Load<AppState>;
  page: Load<TabPeople | null>;
  matches: Load<PersonMatch[]>;
  selected?: number;
  site?: TabSite;
  /** the last page-level action that failed (create, link, switch, site access) */
  actionError?: UserError;
  busy: boolean;
  loadApp(): Promise<void>;
  showPage(page: TabPeople | null): Promise<void>;
  select(index: number): Promise<void>;
  rematch(): Promise<void>;
  switchLocation(connectionId: string): Promise<void>;
  relink(match: PersonMatch, contactId: string | null): Promise<void>;
  createContact(index: number): Promise<void>;
  loadSite(): Promise<void>;
  setSiteEnabled(origin: string, enabled: boolean): Promise<void>;
}

/** The person to show first: the one the page focuses, else the first matched, else the first. */
function firstToShow(page: TabPeople, matches: PersonMatch[]): number {
  if (page.focused != null && page.focused < matches.length) return page.focused;
  return Math.max(0, matches.findIndex((m) => m.state === 'matched'));
}

export const useSidebar = create<SidebarState>((set, get) => {
  /** Runs a page-level action; its failure is shown with its action. */
  async function act(run: () => Promise<UserError | undefined>) {
    set({ busy: true, actionError: undefined });
    const error = await run();
    set({ busy: false, actionError: error });
  }

  return {
    app: { status: 'idle' },
    page: { status: 'idle' },
    matches: { status: 'idle' },
    busy: false,

    async loadApp() {
      if (get().app.status !== 'ready') set({ app: { status: 'loading' } });
      set({ app: settle(await ask(() => sendMessage('getState'))) });
    },

    async showPage(page) {
      const previous = valueOf(get().matches);
      set({ page: { status: 'ready', value: page } });
      void get().loadSite();
      if (!page || page.people.length === 0) {
        set({ matches: { status: 'ready', value: [] }, selected: undefined });
        await useContact.getState().open(undefined);
        return;
      }
      if (!previous) set({ matches: { status: 'loading' } });
      const matches = settle(await ask(() => sendMessage('matchPeople', page.people)));
      if (valueOf(get().page) !== page) return; // a newer report arrived meanwhile
      set({ matches });
      if (matches.status !== 'ready') return;
      const kept = get().selected;
      const stay = kept != null && previous?.[kept]?.key === matches.value[kept]?.key;
      await get().select(stay ? kept : firstToShow(page, matches.value));
    },

    async select(index) {
      set({ selected: index });
      const match = valueOf(get().matches)?.[index];
      await useContact.getState().open(match?.state === 'matched' ? match.contact?.id : undefined);
    },

    async rematch() {
      const page = valueOf(get().page);
      if (page !== undefined) await get().showPage(page ? { ...page } : null);
    },

    async switchLocation(connectionId) {
      await act(async () => {
        const res = await ask(() => sendMessage('setActiveConnection', connectionId));
        if (!res.ok) return res.error;
        await get().loadApp();
        void useContact.getState().loadLists();
        await get().rematch();
        return undefined;
      });
    },

    async relink(match, contactId) {
      await act(async () => {
        const res = await ask(() => sendMessage('relinkPerson', { personKey: match.key, contactId }));
        if (!res.ok) return res.error;
        await get().rematch();
        return undefined;
      });
    },

    async createContact(index) {
      const page = valueOf(get().page);
      const match = valueOf(get().matches)?.[index];
      if (!page || !match) return;
      await act(async () => {
        const res = await ask(() => sendMessage('createContact', { person: match.person, site: page.site }));
        if (!res.ok) return res.error;
        const matches = valueOf(get().matches)?.map((m, i) => (i === index ? res.value : m));
        if (matches) set({ matches: { status: 'ready', value: matches } });
        await get().select(index);
        return undefined;
      });
    },

    async loadSite() {
      const { tabId } = get();
      if (tabId == null) return;
      const res = await ask(() => sendMessage('getTabSite', tabId));
      set({ site: res.ok ? res.value : undefined });
    },

    async setSiteEnabled(origin, enabled) {
      await act(async () => {
        const res = await ask(() => sendMessage(enabled ? 'enableSite' : 'disableSite', origin));
        await get().loadSite();
        return res.ok ? undefined : res.error;
      });
    },
  };
});
