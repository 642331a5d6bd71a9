// A notice the user can act on: the message in plain words, in the tone of its state (a failure
// in red; a wait or a first step in calm colours), and the one action that helps (reconnect,
// retry, grant site access, switch location). When HighLevel asked to wait (a 429), the wait
// counts down and the action runs by itself at the end.
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import type { UserError } from '@/lib/protocol';

export type Tone = 'error' | 'waiting' | 'info';

export interface ErrorActions {
  onRetry?: () => void;
  onGrantAccess?: () => void;
  /** default: focus the sidebar's location switcher, else open the options */
  onSwitchLocation?: () => void;
  /** default: open the options page */
  onReconnect?: () => void;
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
      return { label: i18n.t('errors.reconnect'), run: a.onReconnect ?? openOptions };
    case 'connect':
      return { label: i18n.t('errors.openConnection'), run: a.onReconnect ?? openOptions };
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

/** "Trying again in 8 s…", counting down; runs `done` once at zero. */
function Countdown({ ms, done }: { ms: number; done: () => void }) {
  const [end] = useState(() => Date.now() + ms);
  const [left, setLeft] = useState(Math.ceil(ms / 1000));
  useEffect(() => {
    const timer = setInterval(() => {
      const s = Math.max(0, Math.ceil((end - Date.now()) / 1000));
      setLeft(s);
      if (s === 0) {
        clearInterval(timer);
        done();
      }
    }, 250);
    return () => clearInterval(timer);
  }, [end]); // eslint-disable-line react-hooks/exhaustive-deps -- one countdown per wait
  return <>{i18n.t('errors.waitingFor', [left])}</>;
}

export function ErrorNotice({
  error,
  tone,
  testId,
  action: own,
  ...actions
}: { error: UserError; tone?: Tone; testId?: string; action?: { label: string; run: () => void } } & ErrorActions) {
  const waiting = error.retryAfterMs !== undefined && actions.onRetry !== undefined;
  const shownTone: Tone = tone ?? (waiting ? 'waiting' : 'error');
  const action = waiting ? undefined : (own ?? actionFor(error, actions));
  return (
    <div role={shownTone === 'error' ? 'alert' : 'status'} className={`card notice tone-${shownTone}`} data-testid={testId ?? 'notice'} data-tone={shownTone}>
      <p className="notice-text">{waiting ? <Countdown key={error.retryAfterMs} ms={error.retryAfterMs!} done={actions.onRetry!} /> : error.message}</p>
      {action || actions.onDismiss || waiting ? (
        <p className="row">
          {action ? <button onClick={action.run}>{action.label}</button> : null}
          {waiting ? <button onClick={actions.onRetry}>{i18n.t('errors.tryNow')}</button> : null}
          {actions.onDismiss ? <button onClick={actions.onDismiss}>{i18n.t('common.dismiss')}</button> : null}
        </p>
      ) : null}
    </div>
  );
}
