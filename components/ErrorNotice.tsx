// An error the user can act on: the message in plain words and the one action that helps.
import { browser } from 'wxt/browser';
import type { UserError } from '@/lib/messaging';

export function ErrorNotice({ error, onRetry }: { error: UserError; onRetry?: () => void }) {
  const action =
    error.action === 'reconnect' || error.action === 'connect' || error.action === 'switch-location' ? (
      <button onClick={() => void browser.runtime.openOptionsPage()}>
        {error.action === 'switch-location' ? 'Switch location' : 'Open connection settings'}
      </button>
    ) : error.action === 'retry' && onRetry ? (
      <button onClick={onRetry}>Retry</button>
    ) : null;
  return (
    <div role="alert" className="card">
      <p className="error">{error.message}</p>
      {action}
    </div>
  );
}
