// An error the user can act on: the message in plain words and the one action that helps
// (reconnect, retry, grant site access, switch location).
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import type { UserError } from '@/lib/protocol';

export interface ErrorActions {
  onRetry?: () => void;
  onGrantAccess?: () => void;
  /** default: focus the sidebar's location switcher, else open the options */
  onSwitchLocation?: () => void;
  onDismiss?: () => void;
}

const openOptions = () => void browser.runtime.openOptionsPage();

function switchLocation() {
  const switcher = document.getElementById('location-switcher');
  if (switcher) switcher.focus();
  else openOptions();
}

function actionFor(error: UserError, a: ErrorActions): { label: string; run: () => void } | undefined {
  switch (error.action) {
    case 'reconnect':
      return { label: i18n.t('errors.reconnect'), run: openOptions };
    case 'connect':
      return { label: i18n.t('errors.openConnection'), run: openOptions };
    case 'switch-location':
      return { label: i18n.t('errors.switchLocation'), run: a.onSwitchLocation ?? switchLocation };
    case 'retry':
      return a.onRetry ? { label: i18n.t('common.retry'), run: a.onRetry } : undefined;
    case 'grant-access':
      return a.onGrantAccess ? { label: i18n.t('errors.grantAccess'), run: a.onGrantAccess } : undefined;
    default:
      return undefined;
  }
}

export function ErrorNotice({ error, ...actions }: { error: UserError } & ErrorActions) {
  const action = actionFor(error, actions);
  return (
    <div role="alert" className="card notice">
      <p className="error">{error.message}</p>
      <p className="row">
        {action ? <button onClick={action.run}>{action.label}</button> : null}
        {actions.onDismiss ? <button onClick={actions.onDismiss}>{i18n.t('common.dismiss')}</button> : null}
      </p>
    </div>
  );
}
