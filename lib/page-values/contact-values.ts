// A contact's email and phone as HighLevel takes them, checked where the user types them (the
// forms say what is wrong beside the field, before anything is sent) and again in the background,
// which sends nothing it would refuse here. An empty value is no problem: it clears the field.
import { i18n } from '#i18n';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@.]{2,}$/;
/** the characters a phone is written with: digits, a leading +, spaces, brackets, dots, dashes, slashes */
const PHONE_CHARS = /^\+?[\d\s().\-/]+$/;

/** what is wrong with a typed email or phone, in words; undefined when it is fine or empty */
export function contactValueProblem(field: 'email' | 'phone', value: string): string | undefined {
  const text = value.trim();
  if (!text) return undefined;
  if (field === 'email') return EMAIL.test(text) ? undefined : i18n.t('errors.emailLooksWrong');
  const digits = text.replace(/\D/g, '').length;
  return PHONE_CHARS.test(text) && digits >= 7 && digits <= 15 ? undefined : i18n.t('errors.phoneLooksWrong');
}
