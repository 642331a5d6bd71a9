// How the pages' stores ask the background: every answer is an Outcome, and a background that
// does not answer (restarting, updated) becomes an Outcome the user can retry too.
import { i18n } from '#i18n';
import type { Outcome, UserError } from '@/lib/protocol';

export type Load<T> = { status: 'idle' | 'loading' } | { status: 'ready'; value: T } | { status: 'failed'; error: UserError };

export function settle<T>(outcome: Outcome<T>): Load<T> {
  return outcome.ok ? { status: 'ready', value: outcome.value } : { status: 'failed', error: outcome.error };
}

export async function ask<T>(call: () => Promise<Outcome<T>>): Promise<Outcome<T>> {
  try {
    return await call();
  } catch (e) {
    return {
      ok: false,
      error: { kind: 'background', message: i18n.t('errors.noBackground', [String(e)]), action: 'retry' },
    };
  }
}

export const valueOf = <T>(load: Load<T>): T | undefined => (load.status === 'ready' ? load.value : undefined);
