// Tagging several people at once: who (everyone on the page in GHL, or the people checked in the
// list: those, when there are any), the tag (the same box with suggestions: Enter takes one,
// Shift+Enter creates a new tag), then a question that names the count and the tag ("Tag 200
// contacts with ‘webinar’?") before anything is sent. Each job then shows its progress (also a job resumed after a restart), with
// Cancel; when it ends, exactly what HighLevel applied (a cancel stops only the requests that
// had not left) and "Undo this job", which changes back the contacts the job changed. A job in
// flight or failed shows on any page (named when it was started on another); one that ended as
// the user asked (done, cancelled) only on the tab and page it was started on.
import { useId, useRef, useState, useEffect } from 'react';
import { i18n } from '#i18n';
import { pageOf, type BulkView } from '@/lib/protocol';
import { useOutbox } from './state/outbox';
import { useContact } from './state/contact';
import { useSidebar, type PersonEntry } from './state/sidebar';
import { valueOf } from './state/ask';
import { isolate } from './bidi';
import { TagCombobox } from './TagCombobox';
import { offerTags } from './tag-suggestions';
import { Adder, escapeCancels } from './FormParts';
import { BULK_ID } from './keys';

const quoted = (tags: string[]) => tags.map((t) => `“${isolate(t)}”`).join(', ');

/** What a job did, in words: its progress, or once it ended, what HighLevel applied. */
export function jobReport(job: BulkView): string {
  const label = job.op === 'add' ? i18n.t('bulk.tagging', [quoted(job.tags)]) : i18n.t('bulk.untagging', [quoted(job.tags)]);
  const counts = i18n.t('bulk.progress', [label, job.done, job.total]);
  const unknown = job.total - job.done - job.failed - job.notSent;
  const extras = [
    job.unchanged ? i18n.t('bulk.alreadyAsAsked', job.unchanged, [job.unchanged]) : '',
    job.failed ? i18n.t('bulk.failedCount', job.failed) : '',
    (job.state === 'cancelled' || job.state === 'failed') && unknown > 0 ? i18n.t('bulk.unknown', unknown, [unknown]) : '',
  ].filter(Boolean);
  const state = {
    running: () => '',
    cancelling: () => i18n.t('bulk.cancelling'),
    done: () => (job.undoneBy ? i18n.t('bulk.undone') : i18n.t('bulk.done')),
    cancelled: () => i18n.t('bulk.cancelledReport', [job.done, job.notSent]),
    failed: () => i18n.t('bulk.stopped', [job.reason ?? i18n.t('bulk.stoppedUnknown')]),
  }[job.state]();
  return `${counts}${extras.length ? ` (${extras.join(', ')})` : ''}${state ? ` — ${state}` : ''}`;
}

function BulkProgressBar({ job, startedElsewhere }: { job: BulkView; startedElsewhere: boolean }) {
  const { cancelBulk, undoBulk } = useOutbox();
  const label = job.op === 'add' ? i18n.t('bulk.tagging', [quoted(job.tags)]) : i18n.t('bulk.untagging', [quoted(job.tags)]);
  const settled = job.done + job.failed + job.notSent;
  const finished = job.state === 'done' || job.state === 'cancelled' || job.state === 'failed';
  // "Undo this job" goes once the undo is queued: the focus goes to this job's report, which stays
  const report = useRef<HTMLParagraphElement>(null);
  const undo = () => {
    report.current?.focus();
    void undoBulk(job.jobId);
  };
  return (
    <div className="bulk-job" data-testid="bulk-job" data-state={job.state} data-job={job.jobId}>
      <p className="small" data-testid="bulk-report" ref={report} tabIndex={-1}>
        {jobReport(job)}
      </p>
      {startedElsewhere && job.startedOn?.page ? (
        <p className="muted small" data-testid="bulk-started-on">
          {i18n.t('bulk.startedOn', [isolate(job.startedOn.page)])}
        </p>
      ) : null}
      <div role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={job.total} aria-valuenow={settled} className="progress">
        <div className="progress-fill" style={{ width: `${job.total ? (100 * settled) / job.total : 100}%` }} />
      </div>
      <p className="row">
        {job.state === 'running' ? (
          <button className="quiet" onClick={() => void cancelBulk(job.jobId)}>
            {i18n.t('common.cancel')}
          </button>
        ) : null}
        {finished && job.undoable > 0 && !job.undoneBy ? (
          <button onClick={undo} aria-label={i18n.t('bulk.undoJobLabel', job.undoable, [job.undoable])}>
            {i18n.t('bulk.undoJob')}
          </button>
        ) : null}
      </p>
    </div>
  );
}

/** Jobs that ended as the user asked: nothing to know about them away from where they were started. */
const QUIET_ELSEWHERE: ReadonlySet<BulkView['state']> = new Set(['done', 'cancelled']);

/** Bulk jobs running and the last finished (a job resumed after a restart shows too). */
export function BulkJobs() {
  const jobs = useOutbox((s) => s.status)?.jobs ?? [];
  const tabId = useSidebar((s) => s.tabId);
  const url = useSidebar((s) => valueOf(s.page)?.url);
  // a job without its start (stored by an earlier version) shows everywhere, as it did
  const elsewhere = ({ startedOn }: BulkView) => !!startedOn && (startedOn.tabId !== tabId || url === undefined || startedOn.page !== pageOf(url));
  const shown = jobs.filter((job) => !(elsewhere(job) && QUIET_ELSEWHERE.has(job.state)));
  return shown.length ? (
    <section aria-label={i18n.t('bulk.jobs')} className="jobs">
      {shown.map((job) => (
        <BulkProgressBar key={job.jobId} job={job} startedElsewhere={elsewhere(job)} />
      ))}
    </section>
  ) : null;
}

interface Asked {
  op: 'add' | 'remove';
  tag: string;
  /** no contact of the location has it yet: the question says so */
  isNew?: boolean;
}

/**
 * the tag "Tag…" and "Untag…" act on, by the tag box's rule: the location's tag typed (in its
 * spelling), else the first tag offered for what is typed, as Enter takes it; else, for a tag to
 * add, the text as a new tag (said as new in the question); nothing to remove when the location
 * has no such tag
 */
function bulkTagOf(typed: string, catalogue: string[], op: 'add' | 'remove'): { tag: string; isNew?: boolean } | undefined {
  const text = typed.trim();
  if (!text) return undefined;
  const existing = catalogue.find((t) => t.toLowerCase() === text.toLowerCase());
  if (existing) return { tag: existing };
  const offer = offerTags(catalogue, text, []);
  const offered = offer.nearMiss ? undefined : offer.suggestions[0];
  if (offered) return { tag: offered };
  return op === 'add' ? { tag: text, isNew: true } : undefined;
}

export function BulkTags({ entries, site }: { entries: PersonEntry[]; site: string }) {
  const startBulk = useOutbox((s) => s.startBulk);
  const checked = useSidebar((s) => s.checked);
  const tabId = useSidebar((s) => s.tabId);
  const catalogue = valueOf(useContact((s) => s.lists))?.tags ?? [];
  const [tag, setTag] = useState('');
  // who: the people checked in the list when there are any (check three, Alt+A: those three), until the user chooses
  const [chosenWho, setWho] = useState<'all' | 'checked'>();
  const [createMissing, setCreateMissing] = useState(false);
  const [asked, setAsked] = useState<Asked>();
  const yes = useRef<HTMLButtonElement>(null);
  const id = useId();
  /** the question was answered or put away (Cancel, Escape): the focus goes back to the tag, not to the page */
  const backToTag = useRef(false);
  useEffect(() => {
    if (asked) yes.current?.focus();
    else if (backToTag.current) document.getElementById(`${id}-tag`)?.focus();
    backToTag.current = false;
  }, [asked, id]);
  const putAway = () => {
    backToTag.current = true;
    setAsked(undefined);
  };

  const matched = entries.filter((e) => e.match?.state === 'matched' && e.match.contact);
  const picked = matched.filter((e) => checked.includes(e.key));
  const who = chosenWho ?? (picked.length ? 'checked' : 'all');
  const chosen = who === 'checked' ? picked : matched;
  const contactIds = [...new Set(chosen.map((e) => e.match!.contact!.id))];
  const missing = entries.filter((e) => e.match?.state === 'missing' && !e.match.creating).map((e) => e.person);
  const toCreate = who === 'all' && createMissing ? missing : [];
  const count = contactIds.length + toCreate.length;

  const [hint, setHint] = useState<string>();
  /** the buttons: the tag by the tag box's rule (see bulkTagOf); `typed` from the box's own Enter is taken as it is */
  const ask = (op: 'add' | 'remove', typed?: { tag: string; isNew?: boolean }) => {
    const target = typed ?? bulkTagOf(tag, catalogue, op);
    if (!target) return setHint(i18n.t('bulk.noSuchTag', [tag.trim()]));
    if (op === 'add' ? count : contactIds.length) setAsked({ op, ...target });
  };
  const run = async () => {
    if (!asked) return;
    const create = asked.op === 'add' && toCreate.length ? { people: toCreate, site } : undefined;
    const job = await startBulk({ contactIds, tags: [asked.tag], op: asked.op, create, tabId });
    backToTag.current = true; // the next tag can be typed at once; the job's progress shows above
    setAsked(undefined);
    if (job) setTag('');
  };
  const question = asked
    ? asked.op === 'add'
      ? asked.isNew
        ? i18n.t('bulk.confirmAddNew', count, [count, `‘${isolate(asked.tag)}’`])
        : i18n.t('bulk.confirmAdd', count, [count, `‘${isolate(asked.tag)}’`])
      : i18n.t('bulk.confirmRemove', contactIds.length, [contactIds.length, `‘${isolate(asked.tag)}’`])
    : '';

  return (
    <Adder
      id={BULK_ID}
      className="bulk card"
      testId="bulk"
      keys="Alt+A"
      summary={
        <>
          <span data-testid="bulk-summary">{i18n.t('bulk.summary', matched.length)}</span> <span className="muted small">{i18n.t('bulk.key')}</span>
        </>
      }
    >
      <fieldset className="plain">
        <legend>{i18n.t('bulk.who')}</legend>
        <label className="check">
          <input type="radio" name={`${id}-who`} checked={who === 'all'} onChange={() => setWho('all')} /> {i18n.t('bulk.whoAll', matched.length, [matched.length])}
        </label>
        <br />
        <label className="check">
          <input type="radio" name={`${id}-who`} checked={who === 'checked'} disabled={!picked.length} onChange={() => setWho('checked')} />{' '}
          {i18n.t('bulk.whoChecked', picked.length, [picked.length])}
        </label>
        {!picked.length ? <p className="muted small">{i18n.t('bulk.howToCheck')}</p> : null}
      </fieldset>
      <TagCombobox
        id={`${id}-tag`}
        label={i18n.t('bulk.tag')}
        value={tag}
        onValue={(t) => {
          setTag(t);
          setAsked(undefined);
          setHint(undefined);
        }}
        catalogue={catalogue}
        present={[]}
        placeholder={i18n.t('bulk.placeholder')}
        onTag={(t, create) => {
          setTag(t);
          ask('add', { tag: t, isNew: create });
        }}
      />
      {hint ? (
        <p className="error small" role="status" data-testid="bulk-hint">
          {hint}
        </p>
      ) : null}
      {who === 'all' && missing.length ? (
        <label className="check small">
          <input type="checkbox" checked={createMissing} onChange={(e) => setCreateMissing(e.target.checked)} /> {i18n.t('bulk.alsoCreate', missing.length)}
        </label>
      ) : null}
      {asked ? (
        // Escape puts the question away, as Cancel does, and the focus goes back to the tag
        <div
          role="group"
          aria-label={question}
          className="confirm-bulk"
          data-testid="bulk-confirm"
          onKeyDown={(e) => escapeCancels(putAway)(e)}
        >
          <p>{question}</p>
          <p className="row">
            <button ref={yes} className="primary" onClick={() => void run()}>
              {asked.op === 'add' ? i18n.t('bulk.yesAdd', count, [count]) : i18n.t('bulk.yesRemove', contactIds.length, [contactIds.length])}
            </button>
            <button onClick={putAway}>{i18n.t('common.cancel')}</button>
          </p>
        </div>
      ) : (
        <p className="row">
          <button className="primary" disabled={!tag.trim() || count === 0} onClick={() => ask('add')}>
            {i18n.t('bulk.tagEveryone')}
          </button>
          <button disabled={!tag.trim() || contactIds.length === 0} onClick={() => ask('remove')}>
            {i18n.t('bulk.untagEveryone')}
          </button>
        </p>
      )}
    </Adder>
  );
}
