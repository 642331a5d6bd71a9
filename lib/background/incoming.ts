// What a content script reports is page-derived data: checked here, once, before the background
// keeps it. Oversized or malformed reports are refused with a reason instead of being stored.
import * as v from 'valibot';
import type { PageDetection } from '../detect/types';

const MAX_PEOPLE = 500;
const field = (max: number) => v.optional(v.pipe(v.string(), v.maxLength(max)));

const PersonSchema = v.object({
  name: field(200),
  email: field(254),
  phone: field(32),
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
  const detection = res.output;
  if (detection.focused != null && detection.focused >= detection.people.length) delete detection.focused;
  return { ok: true, detection };
}
