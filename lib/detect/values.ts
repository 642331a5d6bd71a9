// Turning a raw value into a signal for a field: emails validated, phones read as candidates,
// LinkedIn URLs normalised, names/companies/titles cleaned, countries kept as written. Shared by labels, columns, inputs and links.
import { linkedinOf, findLinkedins } from './linkedin';
import { dialCodeOf, phoneCandidate } from './phone';
import { clean, emailOf, findEmails, plainValue } from './text';
import { headerWord, type Field } from './vocabulary';

/** where a signal came from, strongest first: structured data, link/input, label/column, free text */
export type Rank = 0 | 1 | 2 | 3;

export interface Signal {
  field: Field;
  value: string;
  el: Element;
  rank: Rank;
  /** read beside a label ("Email:", dt/dd); a table's own columns win over these */
  fromLabel?: true;
  /** read from a table's data cell by its column: the row */
  row?: Element;
  /** a name an avatar says is a person's: a person even with nothing else */
  shown?: true;
  /** a name first in a list's entry (this element), a person's if the list is one of people */
  entry?: Element;
  /** a name or an address read as a pair ("Ada Park <ada@park.dev>"): the address it goes with */
  pair?: string;
}

export const DIGIT = /\d/;
/** a signal (one object shape for all, its optional marks included: the engine reads many thousands) */
export const signal = (field: Field, value: string, el: Element, rank: Rank): Signal =>
  ({ field, value, el, rank, fromLabel: undefined, row: undefined, shown: undefined, entry: undefined, pair: undefined });

/** a name an avatar or a profile's heading says is a person's (see avatars.ts) */
export function shownName(name: string, el: Element): Signal {
  const s = signal('name', name, el, 2);
  s.shown = true;
  return s;
}

/**
 * a value read for a known field, validated, added to `out` (and returned); the field may change (an
 * email in a "Contact" column); no field or no value: nothing. A phone is national only where the
 * page says it is one: structured data (rank 0) says nothing of the page's country, so its phones
 * are read as written internationally.
 */
export function addSignal(out: Signal[], field: Field | undefined, raw: string | undefined, el: Element, rank: Rank): Signal | undefined {
  const text = raw?.trim();
  const [kind, value] = field && text ? valueOf(field, text, rank) : [];
  const s = kind && value !== undefined ? signal(kind, value, el, rank) : undefined;
  if (s) out.push(s);
  return s;
}

/** between the numbers of one value: " / ", " | ", "; ", ", ", " or " */
const SEVERAL = /\s[/|]\s|[;,]\s|\sor\s/;

/** what a trimmed raw value of a field is: the field it turns out to be, and its value (undefined: none) */
function valueOf(field: Field, text: string, rank: Rank): [Field, string | undefined] {
  const email = text.includes('@') ? emailOf(text) : undefined;
  if (email) return ['email', email];
  switch (field) {
    case 'email':
      return [field, findEmails(text)[0]];
    case 'phone':
      // "+44 20 7946 0123 / +44 7700 900123": the first of the numbers in one value
      return [field, phoneCandidate(text.split(SEVERAL)[0]!, rank > 0)?.value];
    case 'linkedin':
      return [field, linkedinOf(text) ?? findLinkedins(text)[0]];
    case 'dialCode':
    case 'country': {
      const dial = field === 'dialCode' ? dialCodeOf(text) : undefined;
      // else the country as written ("United Kingdom", "🇬🇧", "Munich, Germany"): the background resolves it
      return dial ? ['dialCode', dial] : ['country', text.length <= 60 ? clean(text) : undefined];
    }
    default: {
      // names hold no digits, and a label's word is no value
      const value = field !== 'company' && field !== 'title' && DIGIT.test(text) ? undefined : plainValue(text);
      return [field, value && !headerWord(value) ? value : undefined];
    }
  }
}
