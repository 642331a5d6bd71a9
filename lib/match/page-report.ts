// What a content script reports is page-derived data: checked here, once, before the background
// keeps it. One bad person never costs the page: each person is read on their own, every value
// cleaned (lib/page-values), a value that is not fine left out and named with why, a person with
// nothing left to recognise them by left out and counted. Phone candidates become E.164 here
// (libphonenumber-js runs in the background, not in the content script). A page with more people
// than the sidebar lists keeps the first ones (and the focused one) and says how many more there
// are. The accepted report is kept for the tab (`tabPeopleItem`, which the sidebar watches) at
// once, and its people start being matched (tab-matches.ts).
import { i18n } from '#i18n';
import * as v from 'valibot';
import { normaliseReport, type PageDetection } from '../detect';
import { cleanPartnerData, cleanPerson, cleanText } from '../page-values';
import { UserFacingError, tabPeopleItem, type PagePerson, type SkippedValue, type TabPeople } from '../protocol';
import { readSettings } from '../storage';

/** The most people listed for one tab; the others are counted (`more`). */
export const MAX_LISTED = 500;

/** The most reported people read to find those to list (the rest are counted without reading). */
const MAX_READ = 2 * MAX_LISTED;

const ReportSchema = v.object({
  people: v.array(v.unknown()),
  focused: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  view: v.picklist(['list', 'detail', 'other']),
  site: v.pipe(v.string(), v.maxLength(40)),
  /** the people the content script left out of its report (it carries at most 500) */
  more: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1_000_000))),
  /** the page's language, for the country names of its rows (a tag such as "de-DE"; anything else is ignored) */
  lang: v.optional(v.unknown()),
  /** how many people the site's taught rules found (lib/detect/taught.ts; 0: the sidebar says so) */
  taught: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1_000_000))),
});

/** a language tag as <html lang> holds one ("de", "pt-BR", "zh-Hant-TW") */
const LANG = /^[a-z]{2,3}(?:[-_][a-z0-9]{1,8}){0,3}$/i;

/** A page report as the background keeps it: the people listed, and how many were not. */
export interface ReadReport extends PageDetection {
  people: PagePerson[];
  more: number;
  unreadable: number;
  taught?: number;
}

export type IncomingDetection = { ok: true; detection: ReadReport } | { ok: false; reason: string };

/** One reported person, cleaned and normalised, or undefined when nothing is left to list them by. */
function readPerson(raw: unknown, view: PageDetection['view'], site: string, lang: string | undefined): PagePerson | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const { person, skipped } = cleanPerson(raw as Record<string, unknown>);
  const { phoneCountry, countryText, phoneOnly } = raw as { phoneCountry?: unknown; countryText?: unknown; phoneOnly?: unknown };
  // a row's country as written is only a hint for reading its phone: resolved or ignored, never kept
  const place = typeof countryText === 'string' && countryText.length <= 60 ? cleanText(countryText) : '';
  const reported = {
    ...person,
    ...cleanPartnerData(raw as Record<string, unknown>, site),
    ...(typeof phoneCountry === 'string' && /^[A-Z]{2}$/.test(phoneCountry) ? { phoneCountry } : {}),
    ...(place ? { countryText: place } : {}),
    ...(phoneOnly === true ? { phoneOnly: true as const } : {}),
  };
  const [normal] = normaliseReport({ people: [reported], view, site, lang }).people;
  if (!normal) return undefined;
  const all: SkippedValue[] = person.phone && !normal.phone ? [...skipped, { field: 'phone', why: 'malformed' }] : skipped;
  return all.length ? { ...normal, skipped: all } : normal;
}

export function parseDetection(input: unknown): IncomingDetection {
  const res = v.safeParse(ReportSchema, input);
  if (!res.success) {
    const issue = res.issues[0];
    const where = issue.path ? ` (${v.getDotPath(issue)})` : '';
    return { ok: false, reason: i18n.t('errors.pageReportRefused', [`${issue.message}${where}`]) };
  }
  const { people: reported, focused, view, site, more: leftOut = 0, taught } = res.output;
  const lang = typeof res.output.lang === 'string' && LANG.test(res.output.lang) ? res.output.lang : undefined;
  const people: PagePerson[] = [];
  let listedFocus: number | undefined;
  let unreadable = 0;
  let read = 0;
  const take = (i: number) => {
    read += 1;
    const person = readPerson(reported[i], view, site, lang);
    if (!person) return void (unreadable += 1);
    if (i === focused) listedFocus = people.length;
    people.push(person);
  };
  for (let i = 0; i < reported.length && people.length < MAX_LISTED && read < MAX_READ; i++) take(i);
  // the focused person is listed even beyond the cap: the user is looking at them
  if (focused != null && focused >= read && focused < reported.length) take(focused);
  const detection: ReadReport = { people, view, site, more: reported.length - read + leftOut, unreadable };
  if (listedFocus !== undefined) detection.focused = listedFocus;
  if (taught !== undefined) detection.taught = taught;
  return { ok: true, detection };
}

/** When reports were kept: strictly increasing, so a tab's newer report is always the later one. */
let lastStamp = 0;
const stamp = () => (lastStamp = Math.max(Date.now(), lastStamp + 1));

/** Keeps what a tab's content script reported (the sidebar lists it at once); refuses a bad report in words. */
export async function keepPageReport(input: unknown, from: { tabId?: number; url?: string }): Promise<TabPeople> {
  const refused = (message: string) => new UserFacingError({ kind: 'refused', message, action: 'none' });
  if (from.tabId == null) throw refused(i18n.t('errors.pageReportNoTab'));
  const incoming = parseDetection(input);
  if (!incoming.ok) throw refused(incoming.reason);
  const { disabledPartners } = await readSettings();
  const { more, unreadable, taught, ...detection } = incoming.detection;
  // a partner the user switched off in the options: its pages count as showing nobody
  const off = disabledPartners.includes(detection.site);
  const people = off ? [] : detection.people;
  const page: TabPeople = {
    ...detection,
    people,
    focused: people.length ? detection.focused : undefined,
    tabId: from.tabId,
    url: from.url ?? '',
    reportedAt: stamp(),
  };
  if (!off && more) page.more = more;
  if (!off && unreadable) page.unreadable = unreadable;
  if (!off && taught !== undefined) page.taught = taught;
  await tabPeopleItem(from.tabId).setValue(page);
  return page;
}

/** What the content script of a tab last reported (null: nothing yet). */
export const tabPeople = (tabId: number): Promise<TabPeople | null> => tabPeopleItem(tabId).getValue();
