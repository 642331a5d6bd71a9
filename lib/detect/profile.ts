// A profile page's subject: the person the page is about. Its name is the page's first <h1> when
// the page says it is a person's (the address holds the name, as /in/ada-park does, or a photo's
// alt text is the name); a LinkedIn profile's own address is their LinkedIn URL; their current
// position and company come from the experience entry that runs to the present. A headline
// ("CRO at Tidewater · Speaker") is never read as a job title.
import { isSkippedAbove, linesAfter, visibleText } from './dom';
import { linkedinOf } from './linkedin';
import { nameText } from './names';
import { SEPARATOR } from './text';
import { addSignal, shownName, type Signal } from './values';

export interface Subject {
  name: string;
  /** the heading that names the subject: the subject's signals are read there */
  el: Element;
}

/** what a text becomes to compare names with addresses and alt texts: lowercase, no accents */
const folded = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
/** an experience entry that runs to the present: "Jan 2022 – Present", "2019 - now" */
const CURRENT = /[–—-]\s*(present|now|today|current)\b/i;

/** the page's subject, if it is a profile page */
export function subjectOf(scope: Element, url: string): Subject | undefined {
  const h1 = [...scope.getElementsByTagName('h1')].find((h) => !isSkippedAbove(h, scope, true));
  const name = h1 ? nameText(h1) : '';
  if (!h1 || !name.includes(' ')) return undefined;
  const whole = folded(name);
  const words = whole.split(' ');
  let path = '';
  try { path = folded(decodeURIComponent(new URL(url).pathname)); } catch { /* no address: no cue from it */ }
  const inAddress = words.every((w) => path.includes(w));
  const photo = [...scope.getElementsByTagName('img')].slice(0, 50).some((img) => folded(img.getAttribute('alt') ?? '').includes(whole));
  return inAddress || photo || linkedinOf(url) ? { name, el: h1 } : undefined;
}

/** the subject's signals: the name (a person on its own), a LinkedIn profile's address, the current position */
export function subjectSignals(subject: Subject, scope: Element, url: string, out: Signal[]): void {
  out.push(shownName(subject.name, subject.el));
  addSignal(out, 'linkedin', linkedinOf(url), subject.el, 1);
  const position = currentPosition(scope);
  addSignal(out, 'title', position?.title, subject.el, 2);
  addSignal(out, 'company', position?.company, subject.el, 2);
}

/** the title and company of the first experience entry that runs to the present */
function currentPosition(scope: Element): { title: string; company?: string } | undefined {
  for (const item of scope.getElementsByTagName('li')) {
    const text = visibleText(item, 300);
    if (!CURRENT.test(text) || isSkippedAbove(item, scope, true)) continue;
    const lines = linesOf(item);
    if (!lines.length || CURRENT.test(lines[0]!)) continue;
    // "Tidewater Analytics · Full-time · Jan 2023 – Present": the company before the employment type and dates
    const company = lines[1]?.split(SEPARATOR)[0];
    return { title: lines[0]!, company: company && !CURRENT.test(company) && !/\d/.test(company) ? company : undefined };
  }
  return undefined;
}

/** an element's texts, one per text node, cleaned */
function linesOf(el: Element): string[] {
  const out: string[] = [];
  for (const { text } of linesAfter(el)) {
    // the same text twice in a row is one line shown twice (once for screen readers)
    if (text !== out[out.length - 1] && out.push(text) >= 6) break;
  }
  return out;
}

