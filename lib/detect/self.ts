// The signed-in user's own identity (name, email, phone, LinkedIn), learnt from the page's chrome
// (account menu, header) and from "me" chips: never reported as a contact.
import { phoneDigits } from './phone';
import type { Signal } from './values';

/** the user's own values, each under its selfKey */
export type Self = Set<string>;

/** the key under which a value is remembered as the user's own */
export function selfKey(field: string, value: string): string {
  if (field === 'name') return `name:${value.toLowerCase()}`;
  if (field === 'phone') return `phone:${phoneDigits(value).slice(-8)}`; // however it is written
  return field === 'email' || field === 'linkedin' ? `${field}:${value}` : '';
}

/** whether a signal is the signed-in user's own name, email, phone or LinkedIn */
export function isSelf(self: Self, s: Signal): boolean {
  if (!self.size) return false;
  const key = selfKey(s.field, s.value);
  return key !== '' && self.has(key);
}
