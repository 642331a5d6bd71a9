// "Tag everyone on this page" (and "Untag…"): one tag change for every person of a list page that
// is in GHL, optionally creating the missing ones with the tag. Progress shows as a bar that the
// background's pushes move (also for a job resumed after a restart), with Cancel.
import { useId, useState } from 'react';
import { i18n } from '#i18n';
import type { BulkView, PersonMatch } from '@/lib/protocol';
import { useOutbox } from './state/outbox';

function BulkProgressBar({ job }: { job: BulkView }) {
  const cancelBulk = useOutbox((s) => s.cancelBulk);
  const tags = job.tags.map((t) => `“${t}”`).join(', ');
  const label = job.op === 'add' ? i18n.t('bulk.tagging', [tags]) : i18n.t('bulk.untagging', [tags]);
  const settled = job.done + job.failed;
  const words = {
    running: () => '',
    done: () => i18n.t('bulk.done'),
    cancelled: () => i18n.t('bulk.cancelled'),
    failed: () => i18n.t('bulk.stopped', [job.reason ?? i18n.t('bulk.stoppedUnknown')]),
  }[job.state]();
  return (
    <div className="bulk-job" data-testid="bulk-job" data-state={job.state}>
      <p className="small">
        {i18n.t('bulk.progress', [label, job.done, job.total])}
        {job.failed ? `, ${i18n.t('bulk.failedCount', job.failed)}` : ''}
        {words ? ` — ${words}` : ''}
      </p>
      <div role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={job.total} aria-valuenow={settled} className="progress">
        <div className="progress-fill" style={{ width: `${job.total ? (100 * settled) / job.total : 100}%` }} />
      </div>
      {job.state === 'running' ? (
        <button className="quiet" onClick={() => void cancelBulk(job.jobId)}>
          {i18n.t('common.cancel')}
        </button>
      ) : null}
    </div>
  );
}

export function BulkTags({ matches, site }: { matches: PersonMatch[]; site: string }) {
  const startBulk = useOutbox((s) => s.startBulk);
  const [tag, setTag] = useState('');
  const [createMissing, setCreateMissing] = useState(false);
  const id = useId();
  const contactIds = [...new Set(matches.flatMap((m) => (m.state === 'matched' && m.contact ? [m.contact.id] : [])))];
  const missing = matches.filter((m) => m.state === 'missing').map((m) => m.person);
  const run = (op: 'add' | 'remove') => {
    const tags = [tag.trim()].filter(Boolean);
    if (!tags.length) return;
    const create = op === 'add' && createMissing && missing.length ? { people: missing, site } : undefined;
    void startBulk({ contactIds, tags, op, create }).then((job) => job && setTag(''));
  };
  return (
    <details className="adder bulk" data-testid="bulk">
      <summary>{i18n.t('bulk.summary', contactIds.length)}</summary>
      <label htmlFor={id}>{i18n.t('bulk.tag')}</label>
      <input id={id} value={tag} onChange={(e) => setTag(e.target.value)} placeholder={i18n.t('bulk.placeholder')} autoComplete="off" />
      {missing.length ? (
        <label className="check small">
          <input type="checkbox" checked={createMissing} onChange={(e) => setCreateMissing(e.target.checked)} />{' '}
          {i18n.t('bulk.alsoCreate', missing.length)}
        </label>
      ) : null}
      <p className="row">
        <button className="primary" disabled={!tag.trim() || contactIds.length + (createMissing ? missing.length : 0) === 0} onClick={() => run('add')}>
          {i18n.t('bulk.tagEveryone')}
        </button>
        <button disabled={!tag.trim() || contactIds.length === 0} onClick={() => run('remove')}>
          {i18n.t('bulk.untagEveryone')}
        </button>
      </p>
    </details>
  );
}

/** Bulk jobs running and the last finished, on any page (a job resumed after a restart shows too). */
export function BulkJobs() {
  const jobs = useOutbox((s) => s.status)?.jobs ?? [];
  return jobs.length ? (
    <section aria-label={i18n.t('bulk.jobs')} className="card">
      {jobs.map((job) => (
        <BulkProgressBar key={job.jobId} job={job} />
      ))}
    </section>
  ) : null;
}
