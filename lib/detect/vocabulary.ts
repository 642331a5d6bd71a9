// The words pages use to label a person's fields: form labels ("Email:", "Mobile", "Designation")
// and column headers ("Job title", "Company"). One vocabulary, shared by labels and tables.

/** a field of a person as found on a page (first/last name are joined later) */
export type Field = 'name' | 'firstName' | 'lastName' | 'email' | 'phone' | 'linkedin' | 'company' | 'title'
  /** where the person is, and a calling code shown apart from the number: what a national phone is read with */
  | 'country' | 'dialCode';

/** a known column that is not a person field but still marks a header row ("Location", "Tags") */
export type HeaderWord = Field | 'other';

/** each field's words, separated by "|" */
const words: Record<HeaderWord, string> = {
  name: 'name|full name|contact name|lead name|lead|contact|recipient|recipient name|viewer|user|person|prospect',
  firstName: 'first name|firstname|first_name|given name|first',
  lastName: 'last name|lastname|last_name|surname|family name|last',
  email: 'email|e-mail|email address|e-mail address|work email|email id',
  phone: 'phone|mobile|cell|telephone|tel|phone number|mobile number|mobile no|work phone|whatsapp',
  linkedin: 'linkedin|linkedin url|linkedin profile|profile url',
  company: 'company|company name|organisation|organization|organisation name|organization name|org|employer|account|account name|business|business name|firm|workplace',
  title: 'title|job title|designation|position|job|job role|occupation',
  country: 'country|location|country region|country name',
  dialCode: 'code|country code|dial code|calling code|phone code|isd code|isd',
  other: 'headline|tags|tag|stage|lead stage|status|role|potential|deal size|created|added|date|last seen|' +
    'last login|campaign|source|plays|watched|time|action|city|actions|list|notes',
};

const PLAIN = /^[a-z]+(?: [a-z]+)*$/;
const lookup = new Map<string, HeaderWord>();
for (const [word, list] of Object.entries(words) as [HeaderWord, string][]) {
  for (const w of list.split('|')) lookup.set(w, word);
}

/** "E-mail Address:" -> 'email'; undefined when the text is not a known label */
export function headerWord(text: string): HeaderWord | undefined {
  if (text.length > 32) return undefined;
  const lower = text.toLowerCase();
  // words and single spaces need no clean-up (most texts asked: names, values)
  return lookup.get(PLAIN.test(lower) ? lower : lower.replace(/[^\p{L}\p{N}\s_-]/gu, ' ').replace(/\s+/g, ' ').trim());
}

/** whether a field is a name or a part of one */
export const isNameField = (w: string | undefined) => w === 'name' || w === 'firstName' || w === 'lastName';

/** like headerWord, but only person fields (labels never need 'other') */
export function labelField(text: string): Field | undefined {
  const w = headerWord(text);
  return w === 'other' ? undefined : w;
}
