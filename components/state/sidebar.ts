// The sidebar's UI state: the connection, the tab it follows and that tab's site, the people found
// there with their matches, which one is shown (its record lives in ./contact.ts) and which are
// checked for a bulk change. All data comes from the background through messages and the items it
// publishes; nothing here calls GHL.
// A page's people are listed as soon as it reports them, each `pending` until the background's
// look-ups answer; their matches arrive in `tabMatchesItem(tabId)` (see `showMatches`). Opening a
// pending person looks them up at once.
// Moving between people: the shown person stays the same person (by who it is, not by its place in
// the list) when the page reports again, and follows the page only when the page focuses someone
// else and the user is not typing a tag.
import { create } from 'zustand';
import { firstShown, personKey } from '@/lib/match';
import type { DetectedPerson } from '@/lib/detect';
import { sendMessage, type AppState, type PersonMatch, type TabMatches, type TabPeople, type TabSite, type UserError } from '@/lib/protocol';
import { ask, settle, valueOf, type Load } from './ask';
import { useContact } from './contact';

/** A page-level error, with the person it is about (it is cleared when another person is shown). */
export type PageError = UserError & { personKey?: string };

/** One of the page's people, with its match once known (undefined while it is looked up). */
export interface PersonEntry {
  index: number;
  key: string;
  person: DetectedPerson;
  match?: PersonMatch;
}

export interface SidebarState {
  tabId?: number;
  app: Load<AppState>;
  page: Load<TabPeople | null>;
  /** one entry per listed person, `pending` until looked up */
  matches: Load<PersonMatch[]>;
  /** why the page's people could not be matched (not connected, offline); they stay listed */
  matchError?: UserError;
  /** index into the page's people of the one shown */
  selected?: number;
  /** a contact the user opened from the search box (./find.ts): the page's people do not replace it by themselves */
  openedByHand?: string;
  /** the page's person shown before a contact was opened by hand: where J / Alt+↓ go on from */
  leftAt?: number;
  /** person keys checked for a bulk change */
  checked: string[];
  site?: TabSite;
  /** the last page-level action that failed (create, link, switch, site access) */
  actionError?: PageError;
  busy: boolean;
  loadApp(): Promise<void>;
  /** a report of the followed tab (null: none); `fresh`: nothing matched before is reused (another location) */
  showPage(page: TabPeople | null, fresh?: boolean): Promise<void>;
  /** matches the background published for the followed tab */
  showMatches(found: TabMatches | null): Promise<void>;
  /** `opened`: by the user (a pending person is looked up at once); else chosen by the sidebar */
  select(index: number, opened?: boolean): Promise<void>;
  /** shows the next (+1) or previous (-1) person of the page; `toTags`: the focus goes to the tag box */
  step(delta: number, toTags?: boolean): Promise<void>;
  toggleChecked(key: string): void;
  setChecked(keys: string[]): void;
  /** `fresh`: in another location (nothing matched before is reused) */
  rematch(fresh?: boolean): Promise<void>;
  switchLocation(connectionId: string): Promise<void>;
  relink(match: PersonMatch, contactId: string | null): Promise<void>;
  createContact(index: number): Promise<void>;
  /** the shown person's contact was deleted: the person is not in GHL any more */
  contactDeleted(index: number): void;
  loadSite(): Promise<void>;
  setSiteEnabled(origin: string, enabled: boolean): Promise<void>;
}

const pending = (person: TabPeople['people'][number]): PersonMatch => ({ person, key: personKey(person), state: 'pending', confidence: 0 });

/** The page's people with what is known of their matches. */
export function peopleOf(s: Pick<SidebarState, 'page' | 'matches'>): PersonEntry[] {
  const page = valueOf(s.page);
  if (!page) return [];
  const matches = valueOf(s.matches);
  return page.people.map((person, index) => {
    const key = personKey(person);
    const m = matches?.[index];
    return { index, key, person, match: m && m.key === key && m.state !== 'pending' ? m : undefined };
  });
}

const focusedKey = (page: TabPeople | null | undefined) =>
  page?.focused != null && page.people[page.focused] ? personKey(page.people[page.focused]!) : undefined;

export const useSidebar = create<SidebarState>((set, get) => {
  /** Runs a page-level action; its failure is shown with its action (and the person it is about). */
  async function act(run: () => Promise<UserError | undefined>, about?: string) {
    set({ busy: true, actionError: undefined });
    const error = await run();
    set({ busy: false, actionError: error ? { ...error, personKey: about } : undefined });
  }

  const shownKey = () => {
    const { selected } = get();
    const page = valueOf(get().page);
    return selected != null && page?.people[selected] ? personKey(page.people[selected]!) : undefined;
  };

  return {
    app: { status: 'idle' },
    page: { status: 'idle' },
    matches: { status: 'idle' },
    checked: [],
    busy: false,

    async loadApp() {
      if (get().app.status !== 'ready') set({ app: { status: 'loading' } });
      set({ app: settle(await ask(() => sendMessage('getState'))) });
    },

    async showPage(page, fresh = false) {
      const before = valueOf(get().matches) ?? [];
      const previous = valueOf(get().page);
      const shown = shownKey();
      const typing = useContact.getState().draft.trim() !== '';
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
      // the shown person: the one the page now focuses if that changed and the user is not typing,
      // else the same person as before wherever they are now (else chosen once matches come)
      const focused = focusedKey(page);
      const follow = focused && focused !== focusedKey(previous) && !typing;
      const kept = shown ? listed.findIndex((m) => m.key === shown) : -1;
      const selected = follow ? page.focused : kept >= 0 ? kept : undefined;
      set({ matches: { status: 'ready', value: listed }, selected });
      if (selected != null && listed[selected]?.key !== shown) void get().select(selected, false);
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
      // an entry already known never goes back to pending (an older snapshot arriving late), and
      // a person whose contact is queued to be created stays so until it is found
      const newer = (m: PersonMatch, i: number) => {
        const next = found?.matches[i];
        if (!next || next.key !== m.key || (next.state === 'pending' && m.state !== 'pending')) return m;
        return m.creating && next.state === 'missing' ? m : next;
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
      const key = valueOf(get().matches)?.[index]?.key;
      set((s) => ({ selected: index, openedByHand: undefined, leftAt: undefined, actionError: s.actionError?.personKey && s.actionError.personKey !== key ? undefined : s.actionError }));
      let match = valueOf(get().matches)?.[index];
      const page = valueOf(get().page);
      if (opened && match?.state === 'pending' && page) {
        // nobody's record is open while the person is looked up: a key pressed now (Alt+R, Ctrl+Z)
        // must not act on the person shown before
        void useContact.getState().open(undefined);
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

    async step(delta, toTags = true) {
      const count = valueOf(get().page)?.people.length ?? 0;
      if (!count) return;
      const next = Math.min(count - 1, Math.max(0, (get().selected ?? get().leftAt ?? -1) + delta));
      if (toTags) useContact.getState().focusTags();
      if (next !== get().selected) await get().select(next);
    },

    toggleChecked: (key) => set((s) => ({ checked: s.checked.includes(key) ? s.checked.filter((k) => k !== key) : [...s.checked, key] })),
    setChecked: (checked) => set({ checked }),

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
        const res = await ask(() => sendMessage('relinkPerson', { personKey: match.key, contactId, ...(match.linkKey ? { linkKey: match.linkKey } : {}) }));
        if (!res.ok) return res.error;
        await get().rematch();
        return undefined;
      }, match.key);
    },

    async createContact(index) {
      const page = valueOf(get().page);
      const entry = peopleOf(get())[index];
      if (!page || !entry) return;
      await act(async () => {
        const res = await ask(() => sendMessage('createContact', { person: entry.person, site: page.site }));
        if (!res.ok) return res.error;
        const matches = valueOf(get().matches)?.map((m, i) => (i === index ? res.value : m));
        if (matches) set({ matches: { status: 'ready', value: matches } });
        if (get().selected === index) {
          await get().select(index, false);
          useContact.getState().focusTags(); // the new contact's first tag, at once (the button pressed is gone)
        }
        return undefined;
      }, entry.key);
    },

    contactDeleted(index) {
      const entry = peopleOf(get())[index];
      if (!entry?.match) return;
      const gone: PersonMatch = { person: entry.person, key: entry.match.key, state: 'missing', confidence: 0 };
      const matches = valueOf(get().matches)?.map((m, i) => (i === index ? gone : m));
      if (matches) set({ matches: { status: 'ready', value: matches } });
      void useContact.getState().open(undefined);
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
