// What a content script reports is page-derived data: checked here, once, before the background
// keeps it. Oversized or malformed reports are refused with a reason instead of being stored.
// Accepted reports are normalised: phone candidates become E.164 (libphonenumber-js runs here,
// not in the content script), invalid phones are dropped, and so is a person left with nothing
// to recognise them by. The accepted report is kept for the tab (`tabPeopleItem`, which the
// sidebar watches), and its people start being matched before the sidebar asks.
import * as v from 'valibot';
import { normaliseReport, type PageDetection } from '../detect';
import { UserFacingError, tabPeopleItem, type TabPeople } from '../protocol';
import { readSettings } from '../storage';
import type { PageMatches } from './page-matches';

const MAX_PEOPLE = 500;
const field = (max: number) => v.optional(v.pipe(v.string(), v.maxLength(max)));

const PersonSchema = v.object({
  name: field(200),
  email: field(254),
  phone: field(32),
  /** the country of a national phone number, as a region code ("GB") */
  phoneCountry: v.optional(v.pipe(v.string(), v.regex(/^[A-Z]{2}$/))),
  /** only the phone makes this a person */
  phoneOnly: v.optional(v.literal(true)),
  linkedin: field(300),
  company: field(200),
  title: field(200),
});

const DetectionSchema = v.object({
  people: v.pipe(v.array(PersonSchema), v.maxLength(MAX_PEOPLE)),
  focused: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  view: v.picklist(['list', 'detail', 'other']),
  site: v.pipe(v.string(), v.maxLength(40)),
});

export type IncomingDetection = { ok: true; detection: PageDetection } | { ok: false; reason: string };

export function parseDetection(input: unknown): IncomingDetection {
  const res = v.safeParse(DetectionSchema, input);
  if (!res.success) {
    const issue = res.issues[0];
    return { ok: false, reason: `The page report was refused: ${issue.message}${issue.path ? ` at ${v.getDotPath(issue)}` : ''}.` };
  }
  const report = res.output;
  if (report.focused != null && report.focused >= report.people.length) delete report.focused;
  return { ok: true, detection: normaliseReport(report) };
}

/** Keeps what a tab's content script reported and starts matching its people; refuses a bad report in words. */
export async function receivePageReport(input: unknown, from: { tabId?: number; url?: string }, matches: PageMatches): Promise<true> {
  const refused = (message: string) => new UserFacingError({ kind: 'refused', message, action: 'none' });
  if (from.tabId == null) throw refused('No tab.');
  const incoming = parseDetection(input);
  if (!incoming.ok) throw refused(incoming.reason);
  const { disabledPartners } = await readSettings();
  // a partner the user switched off in the options: its pages count as showing nobody
  const people = disabledPartners.includes(incoming.detection.site) ? [] : incoming.detection.people;
  await tabPeopleItem(from.tabId).setValue({
    ...incoming.detection,
    people,
    focused: people.length ? incoming.detection.focused : undefined,
    tabId: from.tabId,
    url: from.url ?? '',
    reportedAt: Date.now(),
  });
  // the sidebar will ask for these next: have them ready (not connected, or offline: it asks anew)
  if (people.length) void matches.prefetch(people, incoming.detection.focused).catch(() => undefined);
  return true;
}

/** What the content script of a tab last reported (null: nothing yet). */
export const tabPeople = (tabId: number): Promise<TabPeople | null> => tabPeopleItem(tabId).getValue();

/** Forgets what was reported for a tab (it closed). */
export const forgetTab = (tabId: number): Promise<void> => tabPeopleItem(tabId).removeValue();
