// The lines that close a message ("Best regards,", "Mit freundlichen Grüßen", "--"): where a mail's
// signature starts (mail.ts), and what tells a plain-text message shown as written from a code
// sample (dom.ts).

/** the words that close a message, in the languages the detector reads: English, German, French, Spanish, Italian, Portuguese, Dutch */
const CLOSINGS = [
  'best', '(?:best|kind|warm|warmest) (?:regards|wishes)', 'regards', 'many thanks', 'thanks(?: again| so much)?', 'thank you', 'with thanks',
  'cheers', '(?:yours )?sincerely', 'yours(?: truly)?', 'all the best', 'talk soon', 'speak soon', 'take care', 'warmly', 'cordially',
  '(?:mit )?(?:freundlichen|freundliche|viele|beste|liebe|herzliche) grüßen?', 'grüße', 'gruß', 'mfg',
  '(?:bien )?cordialement', 'bien à vous', '(?:meilleures |sincères )?salutations', 'amicalement',
  '(?:un )?saludos?(?: cordiales)?', 'atentamente', 'un abrazo', '(?:cordiali |distinti )?saluti', 'un saluto',
  'atenciosamente', 'abraços', 'cumprimentos', 'met vriendelijke groet(?:en)?', '(?:hartelijke )?groet(?:en)?',
].join('|');

/** a closing line ("Best regards,", "--"), with the writer's first name after it, if any ("Cheers, Ada") */
const CLOSING = new RegExp(`^(?:--|—|–|${CLOSINGS})(?:[,.!]|,\\s*(\\p{L}[\\p{L}'’-]+(?: \\p{L}[\\p{L}'’-]+)?))?$`, 'iu');

/** a sign-off line: a closing line, or a dash with the signature after it on the line ("— Ada Park, Head of Growth") */
export const SIGN_OFF = new RegExp(`${CLOSING.source}|^(?:--|—|–) ?(\\p{Lu}.{2,120})$`, 'iu');

/** whether a text kept with its line breaks has a closing line of its own (a message, not a code sample) */
export const signsOff = (text: string) => text.split('\n').some((line) => CLOSING.test(line.trim()));
