// The activity log: recent writes, newest first, with their state in words — waiting, sending,
// saved, failed (with the reason and Retry / Discard), changed in HighLevel meanwhile (both values
// and the user's choice) — updated live from the background's pushes.
import type { ActivityEntry, WriteStateView } from '@/lib/messaging';
import { ConflictChoice } from './ConflictChoice';
import { ErrorNotice } from './ErrorNotice';
import { useOutbox } from './state/outbox';
import { valueOf } from './state/ask';
import { when } from './when';

const STATE_WORDS: Record<WriteStateView, string> = {
  pending: 'Waiting',
  sending: 'Sending',
  done: 'Saved',
  failed: 'Failed',
  conflict: 'Conflict',
  discarded: 'Discarded',
};

function Entry({ entry }: { entry: ActivityEntry }) {
  const { retry, discard } = useOutbox();
  const stopped = entry.state === 'failed' || entry.state === 'conflict';
  const waiting = entry.state === 'pending' && entry.attempts > 0;
  return (
    <li data-state={entry.state} data-testid="activity-entry">
      <span className={`badge state-${entry.state}`}>{STATE_WORDS[entry.state]}</span> <span className="activity-what">{entry.what}</span>
      <span className="muted small"> · {entry.contactName ?? 'a contact'} · {when(new Date(entry.updatedAt).toISOString())}</span>
      {entry.reason && (stopped || waiting) ? (
        <p className={stopped ? 'error small reason' : 'muted small reason'}>
          {waiting ? `Trying again (${entry.attempts} tries so far): ` : ''}
          {entry.reason}
        </p>
      ) : null}
      {entry.conflict ? <ConflictChoice id={entry.id} conflict={entry.conflict} /> : null}
      {entry.state === 'failed' || (entry.state === 'pending' && entry.attempts > 0) ? (
        <p className="row">
          <button onClick={() => void retry(entry.id)}>{entry.state === 'pending' ? 'Send now' : 'Retry'}</button>
          <button onClick={() => void discard(entry.id)}>Discard</button>
        </p>
      ) : null}
      {entry.state === 'conflict' ? (
        <p className="row">
          <button onClick={() => void discard(entry.id)}>Discard my change</button>
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
        <h2 id="activity-title">Activity</h2>
        <button className="quiet" onClick={() => toggleActivity(false)}>
          Back to contacts
        </button>
      </header>
      {error ? <ErrorNotice error={error} onDismiss={() => useOutbox.setState({ error: undefined })} /> : null}
      {activity.status === 'failed' ? <ErrorNotice error={activity.error} onRetry={() => void loadActivity()} /> : null}
      {activity.status === 'loading' ? <div className="skeleton" aria-label="Loading activity" /> : null}
      <ul className="plain" aria-label="Recent changes">
        {entries?.map((e) => <Entry key={e.id} entry={e} />)}
        {entries?.length === 0 ? <li className="muted">No changes yet.</li> : null}
      </ul>
    </section>
  );
}
