// A taught rule as data, checked at the boundary: it was made on a web page (the pick script reads
// the page), so it is page-derived like any report. Only plain structural selectors are accepted:
// tag and class names, ids, child and sibling combinators, `:scope`, `:nth-of-type(n)` and
// `:nth-child(n)` (what lib/detect/teach-rule.ts makes); no attribute selector (no quoted text),
// no other pseudo-class, no commas, nothing longer than MAX_SELECTOR. A selector is never run as
// code: the worst a rule can do is list the wrong text of that site's own pages as people.
import * as v from 'valibot';
import { i18n } from '#i18n';
import { TAUGHT_FIELDS, type TaughtRule } from '../detect';
import { invalidInput } from '../protocol';

/** The longest selector kept (a derived one is far shorter). */
export const MAX_SELECTOR = 300;
/** Rules kept per site: teaching it again adds one, the oldest goes. */
export const MAX_RULES_PER_SITE = 3;
/** Sites with rules: teaching one more is refused until one is forgotten in the options. */
export const MAX_TAUGHT_SITES = 50;

const PLAIN_SELECTOR = /^(?:[A-Za-z0-9_\s>+~.#*-]|:scope\b|:nth-of-type\(\d{1,3}\)|:nth-child\(\d{1,3}\))+$/;

const Selector = v.pipe(
  v.string(),
  v.maxLength(MAX_SELECTOR, () => i18n.t('teach.tooLong', [MAX_SELECTOR])),
  v.check((s) => s.trim().length > 0 && PLAIN_SELECTOR.test(s), () => i18n.t('teach.notPlain')),
);

const Fields = v.strictObject(Object.fromEntries(TAUGHT_FIELDS.map((f) => [f, v.optional(Selector)])) as Record<(typeof TAUGHT_FIELDS)[number], v.OptionalSchema<typeof Selector, undefined>>);

export const RuleSchema = v.pipe(
  v.strictObject({ container: Selector, fields: Fields }),
  v.check((r) => !!(r.fields.name || r.fields.email || r.fields.phone), () => i18n.t('teach.noKey')),
);

export const isRule = (x: unknown): x is TaughtRule => v.is(RuleSchema, x);

/** The rule as kept, or an error in plain words saying what is wrong with it. */
export function parseRule(input: unknown): TaughtRule {
  const res = v.safeParse(RuleSchema, input);
  if (res.success) {
    const fields = Object.fromEntries(Object.entries(res.output.fields).filter(([, s]) => s !== undefined));
    return { container: res.output.container, fields };
  }
  const issue = res.issues[0];
  const where = issue.path ? ` (${v.getDotPath(issue)})` : '';
  throw invalidInput(i18n.t('teach.refused', [`${issue.message}${where}`]));
}
