// The look-ups pages cause, paced per tab, for one location: each tab may send at most
// TAB_LOOKUPS_PER_MINUTE in any minute (its people beyond wait for the budget, or for the user to
// open them, which is the user's own look-up), at most PAGE_LOOKUPS_IN_FLIGHT are on their way at
// once for all tabs (the browser's other connections stay free for what the user asked for), and
// tabs take turns, so a tab reporting a flood of people never delays another tab's look-ups by
// more than one turn. Underneath, the rate limiter keeps page look-ups in their own share of the
// window, behind the user's requests (lib/ghl/ratelimit.ts).
import type { CallOptions } from '../ghl';

/** Sends one look-up request of the matcher, with the call options of its lane. */
export type LookupLane = <T>(request: (o: CallOptions) => Promise<T>) => Promise<T>;

/**
 * Emails per search: 100 filters in one OR group, a body of about 6 KB (a 200-lead page is the
 * focused person's small search and two of these). HighLevel documents no limit on a group's
 * filters; one it refused would be asked again in halves, as any refused search is.
 */
export const EMAILS_PER_SEARCH = 100;

/** People looked up before the others, in a search of their own: the top of the page (what shows first), with the focused one. */
export const FIRST_LOOKED_UP = 10;

/**
 * Look-up requests one tab may cause per minute. A 500-person page needs about 6 (emails, 100 per
 * request, lookup.ts) and its focused person 1; a page that keeps reporting new people gets no
 * more than this, whatever it reports (at most 43,200 of the location's 200,000 daily requests).
 */
export const TAB_LOOKUPS_PER_MINUTE = 30;

/**
 * Page look-ups on their way at once, for all tabs of the location: one. A browser opens 6
 * HTTP/1.1 connections per host, and the record the user looks at is read with 5 requests at
 * once (the contact, its tasks, notes, appointments and opportunities): with a second look-up
 * on its way, one of them waited for a connection, a whole round trip more for the focused
 * person's record on a big page.
 */
export const PAGE_LOOKUPS_IN_FLIGHT = 1;

const MINUTE_MS = 60_000;

interface Waiter {
  tabId: number;
  go(): void;
}

export interface LookupBudget {
  /** The lane of a tab's look-ups: each request waits for the tab's budget and its turn. Aborting drops those still waiting. */
  lane(tabId: number, signal: AbortSignal): LookupLane;
  /** Look-up requests the tab sent in the last minute. */
  spent(tabId: number): number;
  /** Look-up requests of the tab waiting for their turn or its budget. */
  waiting(tabId: number): number;
}

export function lookupBudget(limits: { perMinute?: number; inFlight?: number } = {}): LookupBudget {
  const perMinute = limits.perMinute ?? TAB_LOOKUPS_PER_MINUTE;
  const maxInFlight = limits.inFlight ?? PAGE_LOOKUPS_IN_FLIGHT;
  const sent = new Map<number, number[]>();
  /** waiting requests in arrival order; tabs take turns over it */
  const waiting: Waiter[] = [];
  /** when each tab was last served (a count of turns): the tab served longest ago goes next */
  const servedAt = new Map<number, number>();
  let turns = 0;
  let inFlight = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const recent = (tabId: number, now: number) => {
    const times = (sent.get(tabId) ?? []).filter((t) => t > now - MINUTE_MS);
    if (times.length) sent.set(tabId, times);
    else sent.delete(tabId);
    return times;
  };

  /** Lets the waiting requests go that may: budget left in their tab, a free place, tabs in turn. */
  function pump() {
    const now = Date.now();
    while (inFlight < maxInFlight) {
      const ready = waiting.filter((w) => recent(w.tabId, now).length < perMinute);
      if (!ready.length) break;
      const turnOf = (w: Waiter) => servedAt.get(w.tabId) ?? -1;
      const next = ready.reduce((a, b) => (turnOf(b) < turnOf(a) ? b : a));
      waiting.splice(waiting.indexOf(next), 1);
      sent.set(next.tabId, [...recent(next.tabId, now), now]);
      servedAt.set(next.tabId, turns++);
      inFlight += 1;
      next.go();
    }
    // a tab out of budget: wake when its oldest look-up of the minute leaves it
    clearTimeout(timer);
    timer = undefined;
    if (inFlight < maxInFlight && waiting.length) {
      const refill = Math.min(...waiting.map((w) => (recent(w.tabId, now)[0] ?? now) + MINUTE_MS));
      timer = setTimeout(pump, Math.max(0, refill - now));
    }
  }

  /** The waiting requests of each report, dropped together when it is replaced (one listener per report). */
  const byReport = new WeakMap<AbortSignal, Set<Waiter & { drop(): void }>>();

  function enter(tabId: number, signal: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      signal.throwIfAborted();
      let mine = byReport.get(signal);
      if (!mine) {
        const waiters = (mine = new Set());
        byReport.set(signal, waiters);
        signal.addEventListener('abort', () => {
          byReport.delete(signal);
          for (const w of waiters) w.drop();
          pump();
        }, { once: true });
      }
      const waiters = mine;
      const waiter = {
        tabId,
        go: () => {
          waiters.delete(waiter);
          resolve();
        },
        drop: () => {
          const at = waiting.indexOf(waiter);
          if (at >= 0) waiting.splice(at, 1);
          reject(signal.reason);
        },
      };
      waiters.add(waiter);
      waiting.push(waiter);
      pump();
    });
  }

  return {
    lane: (tabId, signal) => async (request) => {
      await enter(tabId, signal);
      try {
        return await request({ pageLookup: true, signal });
      } finally {
        inFlight -= 1;
        pump();
      }
    },
    spent: (tabId) => recent(tabId, Date.now()).length,
    waiting: (tabId) => waiting.filter((w) => w.tabId === tabId).length,
  };
}
