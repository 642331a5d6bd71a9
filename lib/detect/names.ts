// A person's name as an element shows it, however it is split: "Ada" and "Park" in two spans
// (or two sibling blocks) are one name, "Ada Park"; an avatar's initials before it, a subtitle,
// a date or a role badge after it are not part of it.
import { eachNode } from './dom';
import { clean, INITIALS, looksLikeName, SEPARATOR } from './text';

export const HEADINGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

/** elements that start a new line of text (a name never runs across two of them, but see below) */
const BLOCKS = new Set([...HEADINGS, 'DIV', 'P', 'LI', 'TD', 'TH', 'TR', 'DD', 'DT', 'UL', 'OL', 'DL', 'TABLE', 'SECTION', 'ARTICLE',
  'HEADER', 'FOOTER', 'BR', 'BUTTON', 'FIGCAPTION', 'BLOCKQUOTE', 'ADDRESS']);

interface Piece {
  text: string;
  /** the block the text sits in (the element itself when none is inside it) */
  line: Element;
}

const isBlock = (el: Element) => BLOCKS.has(el.tagName) || el.tagName.includes('-') || el.hasAttribute('role');

function lineOf(el: Element | null, top: Element): Element {
  for (let e = el; e && e !== top; e = e.parentElement) if (isBlock(e)) return e;
  return top;
}

const oneWord = (t: string) => !t.includes(' ');

/**
 * the first name shown in el: the first text that looks like a name, joined with the texts that
 * continue it on the same line (or a single word in the next sibling block: first and last name
 * laid out side by side); '' when there is none. `leading`: only a name el starts with (after
 * an avatar's initials), as a card does.
 */
export function nameText(el: Element, leading = false): string {
  const pieces: Piece[] = [];
  eachNode(el, (node) => {
    if (node.nodeType !== 3) return false;
    // "Ada Park · See you then": a name ends where a separator starts the next part of its line
    const text = clean(node.nodeValue!, 80).split(SEPARATOR)[0]!;
    if (text) pieces.push({ text, line: lineOf(node.parentElement, el) });
    return pieces.length >= 12;
  }, { nodes: 120 });
  for (let i = 0; i < pieces.length; i++) {
    let run = pieces[i]!.text;
    if (!looksLikeName(run)) {
      if (leading && !INITIALS.test(run)) return '';
      continue;
    }
    for (let j = i + 1; j < pieces.length; j++) {
      const prev = pieces[j - 1]!;
      const next = pieces[j]!;
      // names split over elements are split word by word: "Ada" + "Park", "Mary Ann" + "Smith", never "Ada Park" + "Office Manager"
      const sameLine = next.line === prev.line && (oneWord(next.text) || oneWord(run));
      const besideIt = oneWord(next.text) && oneWord(prev.text) && next.line.parentElement === prev.line.parentElement;
      if (!sameLine && !besideIt) break;
      const joined = `${run} ${next.text}`;
      if (!looksLikeName(joined)) break;
      run = joined;
    }
    return run;
  }
  return '';
}
