// The search box's state (at the top of the sidebar, whatever the page shows) and the form that
// creates or corrects a person before anything is sent. Typing is debounced; each search carries a
// sequence number and only the newest one's answer is shown (the background also cancels an older
// search of this sidebar still waiting, and keeps answers briefly). Choosing a result opens its full
// record (the same card, with every action) in its usual place: the results are put away, the words
// kept to show them again. The form's values are matched first (the correction is used for matching
// too): an existing contact is opened (and linked to the page's person), else the contact is created
// on the user's click. Nothing here calls HighLevel: all goes through messages.
import { create } from 'zustand';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { cleanPerson } from '@/lib/page-values';
import { patternOf, webOrigin } from '@/lib/sites';
import type { DetectedPerson } from '@/lib/detect';
import { sendMessage, type ContactSummary, type FindAsk, type FoundContact, type PersonMatch, type UserError } from '@/lib/protocol';
import { ask, valueOf, type Load } from './ask';
import { useContact } from './contact';
import { useSidebar } from './sidebar';

/** Typing pauses this long before a search is sent. */
export const FIND_WAIT_MS = 250;
/** Fewer characters send nothing (lib/find's MIN_QUERY says the same in the background). */
export const FIND_MIN = 2;

/** One id per open sidebar: the background cancels this sidebar's older searches, not another's. */
const searcher = globalThis.crypto?.randomUUID?.() ?? String(Math.random());

/** The create form: new (from the search box or a selection) or correcting a detected person. */
export interface Draft {
  person: DetectedPerson;
  /** the site the person was found on (the new contact's source) */
  site: string;
  /** the listed person this corrects: linked to the contact found or created */
  correcting?: PersonMatch;
  busy: boolean;
  error?: UserError;
  /** several contacts fit the values: the user chooses */
  candidates?: ContactSummary[];
}

export interface FindState {
  query: string;
  results: Load<FoundContact[]>;
  /** a result was opened: the results are put away until shown again or new words are typed */
  resultsHidden: boolean;
  /** what a selection or the form ended with, in plain words */
  notice?: string;
  /** the form's notice ("Ada Park was created in GHL.") and its contact: it goes once another contact is shown */
  noticeFor?: { contactId: string; notice: string };
  /** bumped to focus the search box */
  focusAt: number;
  draft?: Draft;
  /** the pick script runs on this tab */
  picking?: number;
  /** the last pick's rule for people like the one picked, on the tab's site (checked by the background when taught) */
  teachable?: { rule: unknown; tabId: number; origin: string };
  /** the teaching under way or its failure */
  teaching?: boolean;
  teachError?: UserError;
  /** "Find people like this on this site": the site's permission asked from the click, then the rule kept */
  teach(): Promise<void>;
  type(query: string): void;
  showResults(): void;
  /** Pick on page: the person the user clicks on the tab, read and shown in the form (nothing sent) */
  pick(tabId: number, site: string): Promise<void>;
  cancelPick(): Promise<void>;
  /** opens a found contact's full record */
  choose(contactId: string): Promise<void>;
  /** what the shortcut or the context menu asks */
  received(asked: FindAsk): void;
  startDraft(person: DetectedPerson, site: string, correcting?: PersonMatch): void;
  cancelDraft(): void;
  /** `names`: the name as the user split it (first, last) */
  submitDraft(person: DetectedPerson, names?: { first: string; last: string }): Promise<void>;
  /** one of several contacts that fit the form's values */
  chooseCandidate(contact: ContactSummary): Promise<void>;
}

let timer: ReturnType<typeof setTimeout> | undefined;
let seq = 0;

export const useFind = create<FindState>((set, get) => {
  async function search(query: string) {
    const mine = ++seq;
    set({ results: { status: 'loading' } });
    const res = await ask(() => sendMessage('findContacts', { query, searcher }));
    if (mine !== seq) return; // a newer search was asked meanwhile
    if (!res.ok && res.error.kind === 'superseded') return;
    set({ results: res.ok ? { status: 'ready', value: res.value } : { status: 'failed', error: res.error } });
  }

  const draftChange = (change: Partial<Draft>) => {
    const draft = get().draft;
    if (draft) set({ draft: { ...draft, ...change } });
  };

  /** Opens the contact found or created for the form; a corrected person is linked to it. */
  async function settle(contactId: string, name: string, created: boolean) {
    const { draft } = get();
    const notice = created ? i18n.t('find.form.created', [name]) : i18n.t('find.form.found', [name]);
    set({ draft: undefined, notice, noticeFor: { contactId, notice } });
    if (draft?.correcting) await useSidebar.getState().relink(draft.correcting, contactId);
    else await get().choose(contactId);
  }

  return {
    query: '',
    results: { status: 'idle' },
    resultsHidden: false,
    focusAt: 0,

    type(query) {
      set({ query, notice: undefined, resultsHidden: false });
      clearTimeout(timer);
      seq++; // an answer still on its way is for older words
      if (query.trim().length < FIND_MIN) {
        set({ results: { status: 'idle' } });
        return;
      }
      timer = setTimeout(() => void search(query), FIND_WAIT_MS);
    },

    showResults: () => set({ resultsHidden: false }),

    async pick(tabId, site) {
      set({ picking: tabId, notice: i18n.t('find.pick.picking'), draft: undefined, teachable: undefined, teachError: undefined });
      const { page, site: tabSite } = useSidebar.getState();
      const origin = webOrigin(valueOf(page)?.url) ?? tabSite?.origin;
      const texts = { banner: i18n.t('find.pick.banner'), nothing: i18n.t('find.pick.nothing') };
      try {
        // only on the user's click, only on this tab: activeTab (or the site's own permission) lets it in
        await browser.scripting.executeScript({ target: { tabId }, files: ['/pick.js'] });
        const [answer] = await browser.scripting.executeScript({
          target: { tabId },
          func: (t: typeof texts) => (globalThis as unknown as { ghlSidebarPick(t: unknown): Promise<unknown> }).ghlSidebarPick(t),
          args: [texts],
        });
        if (get().picking !== tabId) return;
        const raw = answer?.result as { person?: unknown; rule?: unknown } | null | undefined;
        if (raw == null) return set({ picking: undefined, notice: undefined }); // cancelled
        // what the page gave is checked at the boundary like any report: cleaned, left out when wrong
        // (the rule, when taught, by the background: lib/teach)
        const { person } = cleanPerson(typeof raw.person === 'object' && raw.person ? (raw.person as Record<string, unknown>) : {});
        if (!person.name && !person.email && !person.phone && !person.linkedin) return set({ picking: undefined, notice: i18n.t('find.pick.empty') });
        set({ picking: undefined, notice: undefined, teachable: raw.rule && origin ? { rule: raw.rule, tabId, origin } : undefined });
        get().startDraft(person, site);
      } catch {
        set({ picking: undefined, notice: i18n.t('find.pick.noAccess') });
      }
    },

    async teach() {
      const { teachable } = get();
      if (!teachable || get().teaching) return;
      const { origin, rule, tabId } = teachable;
      const host = new URL(origin).host;
      set({ teaching: true, teachError: undefined });
      // asked first thing in the click (a user gesture); a partner app's site is granted already
      const granted = await browser.permissions.request({ origins: [patternOf(origin)] }).catch(() => false);
      if (!granted) return set({ teaching: false, teachError: { kind: 'no-site-access', message: i18n.t('find.teach.notGranted', [host]), action: 'none' } });
      const res = await ask(() => sendMessage('teachSite', { origin, rule, tabId }));
      if (!res.ok) return set({ teaching: false, teachError: res.error });
      set({ teaching: false, teachable: undefined, notice: i18n.t('find.teach.done', [host]) });
      void useSidebar.getState().loadSite();
    },

    async cancelPick() {
      const tabId = get().picking;
      set({ picking: undefined, notice: undefined });
      if (tabId == null) return;
      await browser.scripting
        .executeScript({ target: { tabId }, func: () => (globalThis as { ghlSidebarPickStop?: () => void }).ghlSidebarPickStop?.() })
        .catch(() => undefined);
    },

    async choose(contactId) {
      set({ resultsHidden: true });
      // the page's person shown until now is where the next step goes on from
      useSidebar.setState((s) => ({ selected: undefined, openedByHand: contactId, leftAt: s.selected ?? s.leftAt }));
      await useContact.getState().open(contactId);
    },

    received(asked) {
      set({ notice: asked.notice, focusAt: Date.now() });
      if (asked.kind === 'find' && asked.query) {
        get().type(asked.query);
        clearTimeout(timer);
        void search(asked.query);
      } else if (asked.kind === 'add' && asked.person) {
        get().startDraft(asked.person, asked.site ?? '');
      }
    },

    startDraft(person, site, correcting) {
      set({ draft: { person, site, correcting, busy: false }, notice: undefined });
    },

    cancelDraft() {
      set({ draft: undefined });
    },

    async submitDraft(person, names) {
      const draft = get().draft;
      if (!draft || draft.busy) return;
      if (!person.name && !person.email && !person.phone) {
        draftChange({ error: { kind: 'validation', message: i18n.t('find.form.needOne'), action: 'none' } });
        return;
      }
      draftChange({ busy: true, error: undefined, candidates: undefined, person });
      // the corrected values are matched first: an existing contact is not created twice
      const matched = await ask(() => sendMessage('matchPeople', [person]));
      const match = matched.ok ? matched.value[0] : undefined;
      if (!matched.ok) return draftChange({ busy: false, error: matched.error });
      if (match?.state === 'matched' && match.contact) return settle(match.contact.id, match.contact.name, false);
      if (match?.state === 'ambiguous') return draftChange({ busy: false, candidates: match.candidates });
      const made = await ask(() => sendMessage('createContact', { person, site: draft.site, ...(names ? { names } : {}) }));
      if (!made.ok) return draftChange({ busy: false, error: made.error });
      if (made.value.contact) await settle(made.value.contact.id, made.value.contact.name, true);
      else draftChange({ busy: false });
    },

    chooseCandidate: (contact) => settle(contact.id, contact.name, false),
  };
});

/** The found contacts shown (none under 2 characters). */
export const shownResults = (s: Pick<FindState, 'query' | 'results'>): FoundContact[] | undefined =>
  s.query.trim().length < FIND_MIN ? undefined : valueOf(s.results);

// the form's notice is about its contact: showing another (the next person of the page) puts it away
useContact.subscribe(({ contactId }) => {
  const { notice, noticeFor } = useFind.getState();
  if (noticeFor && contactId && contactId !== noticeFor.contactId) useFind.setState({ noticeFor: undefined, notice: notice === noticeFor.notice ? undefined : notice });
});
