// The English catalogue as the browser receives it — locales/en.yml turned into messages.json by
// @wxt-dev/i18n's own build functions, the ones the build uses — and a getMessage that reads it
// the way Chrome and Firefox do. Used by the tests' setup (WXT's fake browser has no i18n).
import path from 'node:path';
import { generateChromeMessages, parseMessagesFile, type ChromeMessage } from '@wxt-dev/i18n/build';

export const ENGLISH_FILE = path.resolve(import.meta.dirname, '../../locales/en.yml');

/** `_locales/en/messages.json` as the build writes it: message name -> { message }. */
export async function englishMessages(): Promise<Record<string, ChromeMessage>> {
  return generateChromeMessages(await parseMessagesFile(ENGLISH_FILE));
}

/**
 * browser.i18n.getMessage over `messages`: names are case-insensitive, $1…$9 take the
 * substitutions, $$ is a dollar sign, and an unknown name gives '' (as in the browsers).
 */
export function getMessageFrom(messages: Record<string, ChromeMessage>) {
  const byName = new Map(Object.entries(messages).map(([name, m]) => [name.toLowerCase(), m.message]));
  return (name: string, substitutions?: string | string[]): string => {
    const message = byName.get(name.toLowerCase());
    if (message === undefined) return '';
    const subs = substitutions === undefined ? [] : [substitutions].flat();
    return message.replace(/\$(\$|[1-9])/g, (_, c: string) => (c === '$' ? '$' : (subs[Number(c) - 1] ?? '')));
  };
}
