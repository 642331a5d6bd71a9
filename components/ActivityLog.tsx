// The activity log: recent writes, newest first, with their state in words — waiting, sending,
// saved, failed (with the reason and Retry / Discard), changed in HighLevel meanwhile (both values
// and the user's choice) — updated live from the background's pushes. A bulk change is one entry
// with its counts (and "Undo this job" once it ended).
import { useEffect, useRef } from 'react';
import { i18n } from '#i18n';
import type { ActivityEntry, BulkView, WriteStateView } from '@/lib/protocol';
import { jobReport } from './BulkTags';
import { ACTIVITY_TITLE_ID, leaving } from './activity-focus';
import { ConflictChoice } from './ConflictChoice';
import { ErrorNotice } from './ErrorNotice';
import { escapeCancels } from './FormParts';
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

const JOB_WORDS: Record<BulkView['state'], () => string> = {
  running: () => i18n.t('activity.sendingState'),
  cancelling: () => i18n.t('activity.cancelling'),
  done: () => i18n.t('activity.saved'),
  cancelled: () => i18n.t('activity.cancelled'),
  failed: () => i18n.t('activity.failed'),
};

function JobEntry({ entry, job }: { entry: ActivityEntry; job: BulkView }) {
  const { undoBulk } = useOutbox();
  const finished = job.state === 'done' || job.state === 'cancelled' || job.state === 'failed';
  return (
    <li data-state={entry.state} data-testid="activity-entry" data-job={job.jobId}>
      <span className={`badge state-${entry.state}`}>{JOB_WORDS[job.state]()}</span> <span className="activity-what">{entry.what}</span>
      <span className="muted small"> · {when(new Date(entry.updatedAt).toISOString())}</span>
      <p className="muted small reason" data-testid="job-counts">
        {jobReport(job)}
      </p>
      {finished && job.undoable > 0 && !job.undoneBy ? (
        <p className="row">
          <button onClick={() => void undoBulk(job.jobId)}>{i18n.t('bulk.undoJob')}</button>
        </p>
      ) : null}
    </li>
  );
}


function Entry({ entry }: { entry: ActivityEntry }) {
  const { retry, discard } = useOutbox();
  if (entry.job) return <JobEntry entry={entry} job={entry.job} />;
  const stopped = entry.state === 'failed' || entry.state === 'conflict' || entry.state === 'refused';
  const waiting = entry.state === 'pending' && entry.attempts > 0;
  // never tried: it waits behind a change of the same contact that needs the user (the reason names it)
  const held = entry.state === 'pending' && entry.attempts === 0;
  return (
    <li data-state={entry.state} data-testid="activity-entry">
      <span className={`badge state-${entry.state}`}>{STATE_WORDS[entry.state]()}</span>{' '}
      <bdi className="activity-what">{entry.what}</bdi>
      <span className="muted small">
        {entry.state === 'refused' || entry.namesContact ? null : (
          <>
            {' · '}
            <bdi>{entry.contactName ?? i18n.t('activity.aContact')}</bdi>
          </>
        )}{' '}
        · {when(new Date(entry.updatedAt).toISOString())}
      </span>
      {entry.reason && (stopped || waiting || held) ? (
        <p className={stopped ? 'error small reason' : 'muted small reason'}>
          {waiting ? i18n.t('activity.tryingAgain', entry.attempts, [entry.attempts, entry.reason]) : entry.reason}
        </p>
      ) : null}
      {entry.conflict ? <ConflictChoice id={entry.id} conflict={entry.conflict} /> : null}
      {entry.state === 'failed' || (entry.state === 'pending' && entry.attempts > 0) ? (
        <p className="row">
          <button onClick={leaving(() => retry(entry.id))}>{entry.state === 'pending' ? i18n.t('activity.sendNow') : i18n.t('common.retry')}</button>
          <button onClick={leaving(() => discard(entry.id))}>{i18n.t('activity.discard')}</button>
        </p>
      ) : null}
      {entry.state === 'conflict' ? (
        <p className="row">
          <button onClick={leaving(() => discard(entry.id))}>{i18n.t('activity.discardMine')}</button>
        </p>
      ) : null}
    </li>
  );
}

export function ActivityLog() {
  const { activity, error, loadActivity, toggleActivity } = useOutbox();
  const entries = valueOf(activity);
  // opened (the header's button, a notice's "Open activity"): the focus goes to its heading, in the
  // log, where Escape and Tab (to Back, then the entries) work
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  // back to the record (Back, or Escape anywhere in the log): the focus goes to the header's Activity
  // button first, never to the page as the log leaves
  const back = () => {
    document.querySelector<HTMLButtonElement>('.activity-button')?.focus();
    toggleActivity(false);
  };
  return (
    <section
      aria-labelledby={ACTIVITY_TITLE_ID}
      className="activity"
      data-testid="activity"
      onKeyDown={escapeCancels(back)}
    >
      <header className="card-head">
        <h2 id={ACTIVITY_TITLE_ID} ref={heading} tabIndex={-1}>
          {i18n.t('activity.title')}
        </h2>
        <button className="quiet" onClick={back}>
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
