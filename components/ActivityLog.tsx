// The activity log: recent writes, newest first, with their state in words — waiting, sending,
// saved, failed (with the reason and Retry / Discard), changed in HighLevel meanwhile (both values
// and the user's choice) — updated live from the background's pushes.
import { i18n } from '#i18n';
import type { ActivityEntry, WriteStateView } from '@/lib/protocol';
import { ConflictChoice } from './ConflictChoice';
import { ErrorNotice } from './ErrorNotice';
import { useOutbox } from './state/outbox';
import { valueOf } from './state/ask';
import { when } from './when';

const STATE_WORDS: Record<WriteStateView, () => string> = {
  pending: () => i18n.t('activity.waiting'),
  sending: () => i18n.t('activity.sendingState'),
  done: () => i18n.t('activity.saved'),
  failed: () => i18n.t('activity.failed'),
  conflict: () => i18n.t('activity.conflict'),
  discarded: () => i18n.t('activity.discarded'),
  refused: () => i18n.t('activity.refused'),
};

function Entry({ entry }: { entry: ActivityEntry }) {
  const { retry, discard } = useOutbox();
  const stopped = entry.state === 'failed' || entry.state === 'conflict' || entry.state === 'refused';
  const waiting = entry.state === 'pending' && entry.attempts > 0;
  return (
    <li data-state={entry.state} data-testid="activity-entry">
      <span className={`badge state-${entry.state}`}>{STATE_WORDS[entry.state]()}</span> <span className="activity-what">{entry.what}</span>
      <span className="muted small">
        {entry.state === 'refused' ? '' : ` · ${entry.contactName ?? i18n.t('activity.aContact')}`} · {when(new Date(entry.updatedAt).toISOString())}
      </span>
      {entry.reason && (stopped || waiting) ? (
        <p className={stopped ? 'error small reason' : 'muted small reason'}>
          {waiting ? i18n.t('activity.tryingAgain', entry.attempts, [entry.attempts, entry.reason]) : entry.reason}
        </p>
      ) : null}
      {entry.conflict ? <ConflictChoice id={entry.id} conflict={entry.conflict} /> : null}
      {entry.state === 'failed' || (entry.state === 'pending' && entry.attempts > 0) ? (
        <p className="row">
          <button onClick={() => void retry(entry.id)}>{entry.state === 'pending' ? i18n.t('activity.sendNow') : i18n.t('common.retry')}</button>
          <button onClick={() => void discard(entry.id)}>{i18n.t('activity.discard')}</button>
        </p>
      ) : null}
      {entry.state === 'conflict' ? (
        <p className="row">
          <button onClick={() => void discard(entry.id)}>{i18n.t('activity.discardMine')}</button>
        </p>
      ) : null}
    </li>
  );
}

export function ActivityLog() {
  const { activity, error, loadActivity, toggleActivity } = useOutbox();
  const entries = valueOf(activity);
  return (
    <section aria-labelledby="activity-title" className="activity" data-testid="activity">
      <header className="card-head">
        <h2 id="activity-title">{i18n.t('activity.title')}</h2>
        <button className="quiet" onClick={() => toggleActivity(false)}>
          {i18n.t('activity.back')}
        </button>
      </header>
      {error ? <ErrorNotice error={error} onDismiss={() => useOutbox.setState({ error: undefined })} /> : null}
      {activity.status === 'failed' ? <ErrorNotice error={activity.error} onRetry={() => void loadActivity()} /> : null}
      {activity.status === 'loading' ? <div className="skeleton" aria-label={i18n.t('activity.loading')} /> : null}
      <ul className="plain" aria-label={i18n.t('activity.recent')}>
        {entries?.map((e) => <Entry key={e.id} entry={e} />)}
        {entries?.length === 0 ? <li className="muted">{i18n.t('activity.empty')}</li> : null}
      </ul>
    </section>
  );
}
