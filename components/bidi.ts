// Page and CRM text inside the sidebar's own sentences is isolated (FSI … PDI), so a name carrying
// right-to-left text or an unterminated override (U+202E) cannot reorder the words around it.
// In markup, such text goes into <bdi> (or an element with `unicode-bidi: isolate`); this is for
// strings: catalogue sentences with a value filled in, and attributes read by screen readers.
const FSI = '\u2068';
const PDI = '\u2069';

export const isolate = (text: string) => `${FSI}${text}${PDI}`;
