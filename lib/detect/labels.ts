// Label/value pairs: "Email:" + value, dt/dd, <label for>, mat-label + input, vertical th/td
// tables, "Mobile: +91 …" in one text, next-sibling values. Given the element holding a label
// text, find the element or text holding its value.
import { controlValue, visibleText } from './dom';

const CONTROLS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/** the value for a label element, or undefined */
export function valueOfLabel(label: Element): { text: string; el: Element } | undefined {
  const tag = label.tagName;
  if (tag === 'LABEL') {
    const id = label.getAttribute('for');
    const control = id ? label.ownerDocument.getElementById(id) : label.querySelector('input, textarea, select');
    if (control) return read(control);
  }
  if (label.closest('mat-label')) {
    const field = label.closest('mat-form-field');
    const control = field?.querySelector('input, textarea, mat-select, select');
    if (control) return read(control);
  }
  // a term's description: the label is the <dt> or sits in it
  const term = tag === 'DT' ? label : label.parentElement?.tagName === 'DT' ? label.parentElement : null;
  if (term) return sibling(term, 'DD');
  // a key/value table labels a row by its first cell; a word in a later cell is a value ("Viewer" as a role)
  if (tag === 'TH' || tag === 'TD') return label.parentElement?.tagName === 'TR' && !label.previousElementSibling ? sibling(label) : undefined;
  // <b>Email:</b> jane@acme.com — the value is the text right after the label
  const after = label.nextSibling;
  if (after && after.nodeType === 3 && after.nodeValue!.trim()) {
    return { text: after.nodeValue!, el: label.parentElement ?? label };
  }
  const next = sibling(label);
  if (next) return next;
  // <div><span>Mobile</span></div><div>+91 …</div>
  const parent = label.parentElement;
  return parent && parent.childElementCount === 1 ? sibling(parent) : undefined;
}

function sibling(el: Element, tag?: string): { text: string; el: Element } | undefined {
  const next = el.nextElementSibling;
  if (!next || (tag && next.tagName !== tag)) return undefined;
  return read(next);
}

function read(el: Element): { text: string; el: Element } {
  if (CONTROLS.has(el.tagName)) return { text: controlValue(el), el };
  const control = el.childElementCount <= 2 ? el.querySelector('input:not([type=hidden]), textarea') : null;
  return control ? { text: controlValue(control), el: control } : { text: visibleText(el), el };
}

/** "Mobile: +91 98200 12345" as one text: the label and the value */
export function splitInlineLabel(text: string): { label: string; value: string } | undefined {
  const m = /^\s*([A-Za-z][A-Za-z .-]{1,28}?)\s*[:：]\s*(\S.{0,150})$/s.exec(text);
  return m ? { label: m[1]!, value: m[2]! } : undefined;
}
