// The people of each tab and their matches, published as they are found. A report is kept at
// once (the sidebar lists the names, each pending), then its people are matched: the focused one
// and the top of the page first (what shows), then, once the focused record is read, the others
// in page order, their look-ups batched and paced for the tab (lookup-budget.ts); what the
// look-ups answer is published to `tabMatchesItem(tabId)` a few times a second, which the sidebar
// watches. A newer report of the
// tab drops the look-ups of the older one still waiting. People the user opens are looked up at
// once in the user's lane (`show` with `now`), and so are those a hand link or a new contact
// changed (`refresh`). The focused (else the first matched) person's record is read ahead.
import { i18n } from '#i18n';
import { isGhlError } from '../ghl';
import { UserFacingError, tabMatchesItem, tabPeopleItem, type PagePerson, type PersonMatch, type TabMatches, type TabPeople, type UserError } from '../protocol';
import { keepPageReport } from './page-report';
import type { MatchServices, PageMatches } from './page-matches';
import { personKey } from './rules';
import { FIRST_LOOKED_UP } from './lookup-budget';

/** Answers are gathered this long before they are published (one storage write for a batch's people). */
const PUBLISH_MS = 30;
/** The page's other look-ups wait at most this long for the record read ahead. */
export const AHEAD_WAIT_MS = 2_000;

interface Run {
  page: TabPeople;
  connectionId: string;
  stop: AbortController;
  entries: PersonMatch[];
  timer?: ReturnType<typeof setTimeout>;
  /** whose record was read ahead */
  readAhead: boolean;
  /** settles when the record read ahead is read (or failed) */
  ahead?: Promise<void>;
  services: MatchServices;
}

const pending = (person: PagePerson): PersonMatch => ({ person, key: personKey(person), state: 'pending', confidence: 0 });

/** A failed look-up of one person, in the user's words (the person stays pending). */
function lookupError(e: unknown): UserError {
  if (isGhlError(e)) return { kind: e.kind, message: e.userMessage, action: e.action };
  if (e instanceof UserFacingError) return e.userError;
  return { kind: 'internal', message: i18n.t('errors.internal'), action: 'retry' };
}

/**
 * The person the sidebar shows first: the one the page focuses (at once, even while pending), else
 * the first matched once everyone before them is known, else the first once everyone is known;
 * undefined while that is not known yet.
 */
export function firstShown(focused: number | undefined, matches: PersonMatch[]): number | undefined {
  if (focused != null && focused < matches.length) return focused;
  for (const [i, m] of matches.entries()) {
    if (m.state === 'pending') return undefined;
    if (m.state === 'matched') return i;
  }
  return matches.length ? 0 : undefined;
}

export function tabMatches(matches: PageMatches, active: () => Promise<MatchServices>) {
  const runs = new Map<number, Run>();
  const current = (run: Run) => runs.get(run.page.tabId) === run;

  const snapshot = (run: Run): TabMatches => ({
    tabId: run.page.tabId,
    reportedAt: run.page.reportedAt,
    connectionId: run.connectionId,
    matches: [...run.entries],
    pending: run.entries.filter((m) => m.state === 'pending').length,
  });

  function publish(run: Run) {
    if (run.timer) return;
    run.timer = setTimeout(() => {
      run.timer = undefined;
      if (current(run)) void tabMatchesItem(run.page.tabId).setValue(snapshot(run));
    }, PUBLISH_MS);
  }

  /** Reads ahead the record the sidebar will show first, once it is known (see `firstShown`). */
  function readAhead(run: Run) {
    if (run.readAhead) return;
    const shown = firstShown(run.page.focused, run.entries);
    const match = shown === undefined ? undefined : run.entries[shown]!;
    if (!match || match.state === 'pending') return;
    run.readAhead = true;
    if (match.state === 'matched' && match.contact) run.ahead = run.services.records.prefetch(match.contact.id);
  }

  function settle(run: Run, index: number, found: PromiseSettledResult<PersonMatch>) {
    if (!current(run)) return;
    if (found.status === 'fulfilled') run.entries[index] = found.value;
    else if (!run.stop.signal.aborted) run.entries[index] = { ...pending(run.page.people[index]!), error: lookupError(found.reason) };
    readAhead(run);
    publish(run);
  }

  /** Settles when the record read ahead is read, or after AHEAD_WAIT_MS (a slow answer holds the page's look-ups no longer). */
  function readFirst(run: Run): Promise<void> {
    if (!run.ahead) return Promise.resolve();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, AHEAD_WAIT_MS)));
    return Promise.race([run.ahead, late]).finally(() => clearTimeout(timer));
  }

  /** Matches the people of `indexes` and publishes each as it settles; resolves when all have. */
  async function lookUp(run: Run, indexes: number[], asker: Parameters<PageMatches['match']>[1]) {
    const found = await matches.match(indexes.map((i) => run.page.people[i]!), asker);
    await Promise.all(found.map((p, j) => p.then(
      (m) => settle(run, indexes[j]!, { status: 'fulfilled', value: m }),
      (reason: unknown) => settle(run, indexes[j]!, { status: 'rejected', reason }),
    )));
  }

  /** Starts matching a report's people in the active connection (the older run of the tab stops). */
  async function start(page: TabPeople): Promise<Run | undefined> {
    runs.get(page.tabId)?.stop.abort();
    runs.delete(page.tabId);
    if (!page.people.length) return undefined;
    const services = await active();
    // a newer report of the tab came while this one waited for the connection: it wins
    const other = runs.get(page.tabId);
    if (other && other.page.reportedAt > page.reportedAt) return other;
    other?.stop.abort();
    const run: Run = { page, connectionId: services.connectionId, stop: new AbortController(), entries: page.people.map(pending), readAhead: false, services };
    runs.set(page.tabId, run);
    // the focused person and the top of the page first, in a search of their own (small, so
    // answered first, and the focused record read ahead at once); the rest once that record is
    // read (its reads are not queued behind a big search, at HighLevel or in the worker), or
    // after AHEAD_WAIT_MS at most
    const rest = page.people.map((_, i) => i);
    const first = rest.splice(0, FIRST_LOOKED_UP);
    if (page.focused != null && page.focused >= FIRST_LOOKED_UP) first.unshift(...rest.splice(page.focused - FIRST_LOOKED_UP, 1));
    else if (page.focused != null) first.unshift(...first.splice(page.focused, 1));
    const asker = { kind: 'page', tabId: page.tabId, signal: run.stop.signal } as const;
    const firstDone = lookUp(run, first, asker).catch(() => undefined);
    if (rest.length) void firstDone.then(() => readFirst(run)).then(() => (current(run) ? lookUp(run, rest, asker) : undefined)).catch(() => undefined);
    return run;
  }

  return {
    /** A content script's report: kept (the sidebar lists it at once), then its people matched. */
    async receive(input: unknown, from: { tabId?: number; url?: string }): Promise<true> {
      // the connection's services (built once, on a worker's first use) are made ready while the report is checked and kept
      const ready = active().catch(() => undefined);
      const page = await keepPageReport(input, from);
      await ready;
      // not connected, or offline: the sidebar asks again when it shows the tab
      await start(page).catch(() => runs.delete(page.tabId));
      return true;
    },

    /**
     * The sidebar shows a tab: its matches as known now, its people matched if they are not yet
     * (in this connection, for this report); `now`: people the user opened, looked up at once.
     */
    async show(tabId: number, now: number[] = []): Promise<TabMatches | null> {
      const page = await tabPeopleItem(tabId).getValue();
      if (!page) return null;
      const services = await active();
      let run = runs.get(tabId);
      if (!run || run.page.reportedAt !== page.reportedAt || run.connectionId !== services.connectionId) run = await start(page);
      if (!run) return null;
      const opened = now.filter((i) => run.entries[i]?.state === 'pending');
      if (opened.length) await lookUp(run, opened, { kind: 'user' });
      return snapshot(run);
    },

    /** Matches again, at once, every listed person with this key (a link made or removed, a contact created; its kept match forgotten first). */
    async refresh(key: string): Promise<void> {
      await Promise.all([...runs.values()].map((run) => {
        const indexes = run.entries.flatMap((m, i) => (m.key === key ? [i] : []));
        return indexes.length ? lookUp(run, indexes, { kind: 'user' }) : undefined;
      }));
    },

    /** Forgets what was reported and matched for a tab (it closed). */
    async forget(tabId: number): Promise<void> {
      runs.get(tabId)?.stop.abort();
      runs.delete(tabId);
      await Promise.all([tabPeopleItem(tabId).removeValue(), tabMatchesItem(tabId).removeValue()]);
    },
  };
}

export type TabMatchesService = ReturnType<typeof tabMatches>;
