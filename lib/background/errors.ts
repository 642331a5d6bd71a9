// An error the background raises itself, already in the user's words with its action; the router
// sends `userError` as the message's failure (see toUserError in router.ts).
import { i18n } from '#i18n';
import type { UserError } from '../messaging';

export class UserFacingError extends Error {
  constructor(readonly userError: UserError) {
    super(userError.message);
  }
}

export const invalidInput = (message: string) => new UserFacingError({ kind: 'validation', message, action: 'none' });

export const notConnected = () =>
  new UserFacingError({ kind: 'not-connected', message: i18n.t('errors.notConnected'), action: 'connect' });

/** HighLevel refused a queued write (or has not answered it yet); it stays in the activity log. */
export const writeRefused = (reason: string, action: UserError['action'] = 'none') =>
  new UserFacingError({ kind: 'write-failed', message: reason, action });
