// The sites the user taught, and their rules: kept by the background only. storage.local is open
// to content scripts (on Firefox, and on Chrome before its access level is set), so the rules are
// a trusted item (lib/trust): one written by anything but the background is dropped, reported in
// the activity log and never handed to a page. Even a planted rule could only change which text of
// that site's pages is listed as people (page data anyway); it cannot cause a write or reach GHL
// data. How many people a site's rules found last is kept in storage.session (extension pages and
// the background only), for the options; it is a count the page reported, shown, never acted on.
//
// A rule reaches a page of its site this way: the content script reports without a `taught`
// count, the background runs installTaught with the site's rules in that script's world
// (scripting.executeScript: the site's host permission, which teaching asked for), and the
// script's next reports carry the count. A forgotten site's pages get no rule at their next load.
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import * as v from 'valibot';
import { storage } from 'wxt/utils/storage';
import { adapterFor, installTaught, type TaughtRule } from '../detect';
import { UserFacingError, invalidInput, type TaughtSite } from '../protocol';
import { enableSite, patternOf, webOrigin } from '../sites';
import { readSettings } from '../storage';
import { trustedItem } from '../trust';
import { MAX_RULES_PER_SITE, MAX_TAUGHT_SITES, isRule, parseRule } from './rule';

interface Taught {
  rules: TaughtRule[];
  taughtAt: number;
}
type TaughtMap = Record<string, Taught>;

const isTaughtMap = (x: unknown): x is TaughtMap =>
  typeof x === 'object' && x !== null && !Array.isArray(x) &&
  Object.entries(x).every(([origin, t]) => webOrigin(origin) === origin && typeof (t as Taught)?.taughtAt === 'number' &&
    Array.isArray((t as Taught).rules) && (t as Taught).rules.length <= MAX_RULES_PER_SITE && (t as Taught).rules.every(isRule));

const taughtItem = trustedItem<TaughtMap>('local:taughtSites', {
  fallback: {},
  accept: isTaughtMap,
  refused: () => ({ what: i18n.t('trust.taught'), why: i18n.t('trust.taughtWhy') }),
});

/** origin -> how many people its rules found on the last page reported. */
const foundItem = storage.defineItem<Record<string, number>>('session:taughtFound', { fallback: {} });

const TeachInput = v.object({ origin: v.pipe(v.string(), v.maxLength(300)), rule: v.unknown(), tabId: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))) });

/** Runs installTaught with the site's rules in the content script's world of the tab, if it still shows the site (best effort: the tab may be gone). */
async function handOver(tabId: number, origin: string, rules: TaughtRule[]): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId }, func: installTaught, args: [rules, origin] }).catch(() => undefined);
}

const viewOf = (origin: string, t: Taught, found: Record<string, number>): TaughtSite => ({
  origin,
  rules: t.rules.length,
  taughtAt: t.taughtAt,
  ...(found[origin] !== undefined ? { found: found[origin] } : {}),
});

/** Keeps a rule for the site (refused in words when it is not plain data or the site is not allowed). */
export async function teachSite(input: unknown): Promise<TaughtSite> {
  const parsed = v.safeParse(TeachInput, input);
  if (!parsed.success) throw invalidInput(i18n.t('teach.refused', [parsed.issues[0].message]));
  const origin = webOrigin(parsed.output.origin);
  if (!origin) throw invalidInput(i18n.t('errors.onlyWebSites'));
  const rule = parseRule(parsed.output.rule);
  if (!(await browser.permissions.contains({ origins: [patternOf(origin)] }))) {
    throw new UserFacingError({ kind: 'no-site-access', message: i18n.t('errors.noSiteAccess', [new URL(origin).host]), action: 'grant-access' });
  }
  const all = await taughtItem.getValue();
  if (!all[origin] && Object.keys(all).length >= MAX_TAUGHT_SITES) throw invalidInput(i18n.t('teach.tooManySites', [MAX_TAUGHT_SITES]));
  // the content script must run there: a partner app's pages have it, another site is enabled
  if (!adapterFor(`${origin}/`) && !(await readSettings()).genericSites.includes(origin)) await enableSite(origin);
  const same = (r: TaughtRule) => JSON.stringify(r) === JSON.stringify(rule);
  const taught: Taught = { rules: [...(all[origin]?.rules ?? []).filter((r) => !same(r)), rule].slice(-MAX_RULES_PER_SITE), taughtAt: Date.now() };
  await taughtItem.setValue({ ...all, [origin]: taught });
  if (parsed.output.tabId !== undefined) await handOver(parsed.output.tabId, origin, taught.rules);
  return viewOf(origin, taught, await foundItem.getValue());
}

export async function taughtSites(): Promise<TaughtSite[]> {
  const [all, found] = await Promise.all([taughtItem.getValue(), foundItem.getValue()]);
  return Object.entries(all).map(([origin, t]) => viewOf(origin, t, found));
}

export async function forgetTaughtSite(origin: string): Promise<void> {
  const all = await taughtItem.getValue();
  if (!(origin in all)) return;
  const { [origin]: _gone, ...rest } = all;
  await taughtItem.setValue(rest);
  const found = await foundItem.getValue();
  if (origin in found) {
    const { [origin]: _count, ...others } = found;
    await foundItem.setValue(others);
  }
}

/**
 * After a tab's report: a page of a taught site that reported without its rules gets them; one
 * still applying rules of a forgotten site gets none; the count of people found is kept.
 */
export async function afterReport(input: unknown, from: { tabId?: number; url?: string }): Promise<void> {
  const origin = webOrigin(from.url);
  if (!origin || from.tabId === undefined) return;
  const taught = (input as { taught?: unknown } | null)?.taught;
  const rules = (await taughtItem.getValue())[origin]?.rules ?? [];
  if (taught === undefined) return rules.length ? handOver(from.tabId, origin, rules) : undefined;
  if (!rules.length) return handOver(from.tabId, origin, []);
  if (typeof taught !== 'number' || !Number.isInteger(taught) || taught < 0) return;
  const found = await foundItem.getValue();
  if (found[origin] !== taught) await foundItem.setValue({ ...found, [origin]: Math.min(taught, 1_000_000) });
}
