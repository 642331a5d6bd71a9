// A contact's email and phone as HighLevel takes them (a custom field's of those types too),
// checked where the user types them (the forms say what is wrong beside the field, before anything
// is sent) and again in the background, which sends nothing it would refuse here. An empty value is
// no problem: it clears the field.
import { i18n } from '#i18n';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@.]{2,}$/;
/** the characters a phone is written with: digits, a leading +, spaces, brackets, dots, dashes, slashes */
const PHONE_CHARS = /^\+?[\d\s().\-/]+$/;

/** what is wrong with a typed email or phone, in words; undefined when it is fine or empty */
export function contactValueProblem(field: 'email' | 'phone', value: string): string | undefined {
  const text = value.trim();
  if (!text) return undefined;
  if (field === 'email') return isEmail(text) ? undefined : i18n.t('errors.emailLooksWrong');
  const extension = EXTENSION.exec(text);
  if (extension && isPhone(text.slice(0, extension.index))) return i18n.t('errors.phoneExtension', [extension[0].replace(/^[,;]?\s*/, '')]);
  return isPhone(text) ? undefined : i18n.t('errors.phoneLooksWrong');
}

/** an extension after the number ("ext. 12", ", ext 12", "x 12", "#12"), which a contact's phone in HighLevel has no place for */
const EXTENSION = /[,;]?\s*(?:ext\.?|extension|x|#)\s*\d{1,6}$/i;

/** an email as HighLevel takes it (a custom field of type email too) */
export const isEmail = (text: string) => EMAIL.test(text.trim());

/** a phone as HighLevel takes it: 7 to 15 digits, written with digits, a leading +, spaces, brackets, dots, dashes, slashes (a custom field of type phone too) */
export const isPhone = (text: string) => {
  const digits = text.replace(/\D/g, '').length;
  return PHONE_CHARS.test(text.trim()) && digits >= 7 && digits <= 15;
};
