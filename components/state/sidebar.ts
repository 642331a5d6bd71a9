// The sidebar's UI state: the connection, the tab it follows and that tab's site, the people found
// there with their matches, and which one is selected (its record lives in ./contact.ts). All data
// comes from the background through messages and the items it publishes; nothing here calls GHL.
// A page's people are listed as soon as it reports them, each `pending` until the background's
// look-ups answer; their matches arrive in `tabMatchesItem(tabId)` (see `showMatches`). Opening a
// pending person looks them up at once.
import { create } from 'zustand';
import { firstShown, personKey } from '@/lib/match';
import { sendMessage, type AppState, type PersonMatch, type TabMatches, type TabPeople, type TabSite, type UserError } from '@/lib/protocol';
import { ask, settle, valueOf, type Load } from './ask';
import { useContact } from './contact';

export interface SidebarState {
  tabId?: number;
  app: Load<AppState>;
  page: Load<TabPeople | null>;
  /** one entry per listed person, `pending` until looked up */
  matches: Load<PersonMatch[]>;
  /** why the page's people could not be matched (not connected, offline); they stay listed */
  matchError?: UserError;
  selected?: number;
  /** a contact the user opened from the search box (./find.ts): the page's people do not replace it by themselves */
  openedByHand?: string;
  site?: TabSite;
  /** the last page-level action that failed (create, link, switch, site access) */
  actionError?: UserError;
  busy: boolean;
  loadApp(): Promise<void>;
  /** a report of the followed tab (null: none); `fresh`: nothing matched before is reused (another location) */
  showPage(page: TabPeople | null, fresh?: boolean): Promise<void>;
  /** matches the background published for the followed tab */
  showMatches(found: TabMatches | null): Promise<void>;
  /** `opened`: by the user (a pending person is looked up at once); else chosen by the sidebar */
  select(index: number, opened?: boolean): Promise<void>;
  /** `fresh`: in another location (nothing matched before is reused) */
  rematch(fresh?: boolean): Promise<void>;
  switchLocation(connectionId: string): Promise<void>;
  relink(match: PersonMatch, contactId: string | null): Promise<void>;
  createContact(index: number): Promise<void>;
  loadSite(): Promise<void>;
  setSiteEnabled(origin: string, enabled: boolean): Promise<void>;
}

const pending = (person: TabPeople['people'][number]): PersonMatch => ({ person, key: personKey(person), state: 'pending', confidence: 0 });

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

    async showPage(page, fresh = false) {
      const before = valueOf(get().matches) ?? [];
      set({ page: { status: 'ready', value: page } });
      void get().loadSite();
      if (!page || page.people.length === 0) {
        set({ matches: { status: 'ready', value: [] }, selected: undefined, matchError: undefined });
        await useContact.getState().open(undefined);
        return;
      }
      // listed at once: a person matched before keeps their match until the new one comes
      const known = new Map(fresh ? [] : before.filter((m) => m.state !== 'pending').map((m) => [m.key, m]));
      const listed = page.people.map((p) => {
        const entry = known.get(personKey(p));
        return entry ? { ...entry, person: p } : pending(p);
      });
      const kept = get().selected;
      const stay = kept != null && before[kept]?.key === listed[kept]?.key;
      set({ matches: { status: 'ready', value: listed }, selected: stay ? kept : undefined });
      const res = await ask(() => sendMessage('matchTab', { tabId: page.tabId }));
      if (valueOf(get().page) !== page) return; // a newer report arrived meanwhile
      set({ matchError: res.ok ? undefined : res.error });
      if (res.ok) await get().showMatches(res.value);
      else await get().showMatches(null);
    },

    async showMatches(found) {
      const page = valueOf(get().page);
      const listed = valueOf(get().matches);
      if (!page || !listed) return;
      const active = valueOf(get().app)?.connections.find((c) => c.active)?.id;
      const fits = found && found.reportedAt === page.reportedAt && (!active || found.connectionId === active);
      // an entry already known never goes back to pending (an older snapshot arriving late)
      const newer = (m: PersonMatch, i: number) => {
        const next = found?.matches[i];
        return next && next.key === m.key && !(next.state === 'pending' && m.state !== 'pending') ? next : m;
      };
      const matches = fits ? listed.map(newer) : listed;
      const selected = get().selected;
      const was = selected != null ? listed[selected] : undefined;
      set({ matches: { status: 'ready', value: matches } });
      const first = selected ?? (get().openedByHand ? undefined : firstShown(page.focused, matches));
      // the shown person's record opens once they are matched (or changes with their match)
      if (first != null && (selected == null || was?.state !== matches[first]?.state || was?.contact?.id !== matches[first]?.contact?.id)) {
        await get().select(first, false);
      }
    },

    async select(index, opened = true) {
      set({ selected: index, openedByHand: undefined });
      let match = valueOf(get().matches)?.[index];
      const page = valueOf(get().page);
      if (opened && match?.state === 'pending' && page) {
        // opened by the user: looked up at once, before any of the page's look-ups
        const res = await ask(() => sendMessage('matchTab', { tabId: page.tabId, now: [index] }));
        if (get().selected !== index || valueOf(get().page) !== page) return;
        const now = res.ok ? res.value?.matches[index] : undefined;
        if (now && now.key === match.key) {
          const matches = valueOf(get().matches)?.map((m, i) => (i === index ? now : m));
          if (matches) set({ matches: { status: 'ready', value: matches } });
          match = now;
        }
        if (!res.ok) set({ matchError: res.error });
      }
      await useContact.getState().open(match?.state === 'matched' ? match.contact?.id : undefined);
    },

    async rematch(fresh = false) {
      const page = valueOf(get().page);
      if (page !== undefined) await get().showPage(page ? { ...page } : null, fresh);
    },

    async switchLocation(connectionId) {
      await act(async () => {
        const res = await ask(() => sendMessage('setActiveConnection', connectionId));
        if (!res.ok) return res.error;
        await get().loadApp();
        void useContact.getState().loadLists();
        await get().rematch(true);
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
