// "Tag everyone on this page" (and "Untag…"): one tag change for every person of a list page that
// is in GHL, optionally creating the missing ones with the tag. Progress shows as a bar that the
// background's pushes move (also for a job resumed after a restart), with Cancel.
import { useId, useState } from 'react';
import type { BulkView, PersonMatch } from '@/lib/messaging';
import { useOutbox } from './state/outbox';

function BulkProgressBar({ job }: { job: BulkView }) {
  const cancelBulk = useOutbox((s) => s.cancelBulk);
  const label = `${job.op === 'add' ? 'Tagging' : 'Untagging'} ${job.tags.map((t) => `“${t}”`).join(', ')}`;
  const settled = job.done + job.failed;
  const words = { running: '', done: ' — done', cancelled: ' — cancelled', failed: ` — stopped: ${job.reason ?? 'failed'}` }[job.state];
  return (
    <div className="bulk-job" data-testid="bulk-job" data-state={job.state}>
      <p className="small">
        {label}: {job.done}/{job.total}
        {job.failed ? `, ${job.failed} failed` : ''}
        {words}
      </p>
      <div role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={job.total} aria-valuenow={settled} className="progress">
        <div className="progress-fill" style={{ width: `${job.total ? (100 * settled) / job.total : 100}%` }} />
      </div>
      {job.state === 'running' ? (
        <button className="quiet" onClick={() => void cancelBulk(job.jobId)}>
          Cancel
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
      <summary>Tag everyone on this page ({contactIds.length} in GHL)</summary>
      <label htmlFor={id}>Tag</label>
      <input id={id} value={tag} onChange={(e) => setTag(e.target.value)} placeholder="e.g. webinar-2026" autoComplete="off" />
      {missing.length ? (
        <label className="check small">
          <input type="checkbox" checked={createMissing} onChange={(e) => setCreateMissing(e.target.checked)} /> Also create the{' '}
          {missing.length} people not in GHL, with this tag
        </label>
      ) : null}
      <p className="row">
        <button className="primary" disabled={!tag.trim() || contactIds.length + (createMissing ? missing.length : 0) === 0} onClick={() => run('add')}>
          Tag everyone
        </button>
        <button disabled={!tag.trim() || contactIds.length === 0} onClick={() => run('remove')}>
          Untag everyone
        </button>
      </p>
    </details>
  );
}

/** Bulk jobs running and the last finished, on any page (a job resumed after a restart shows too). */
export function BulkJobs() {
  const jobs = useOutbox((s) => s.status)?.jobs ?? [];
  return jobs.length ? (
    <section aria-label="Bulk changes" className="card">
      {jobs.map((job) => (
        <BulkProgressBar key={job.jobId} job={job} />
      ))}
    </section>
  ) : null;
}
