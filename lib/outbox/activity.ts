// The outbox as users see it: each write in plain words for the activity log, the counts and bulk
// jobs at a glance (the sidebar watches them in `outboxStatusItem`), and the toolbar badge
// (the number of unsent writes, or a red "!" when one needs the user; nothing when all is sent),
// and what the user does in the log: retry, discard, settle a conflict, cancel or undo a bulk
// change; and a connection's unsent writes (sent now, or dropped before signing out; sent again
// once the connection is reconnected). The log also tells what the background refused to act on
// (lib/trust's refusals: records in storage it did not write, requests to an address nobody
// entered), among the writes by time.
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { invalidInput, type ActivityEntry, type BulkView, type ConflictChoiceInput, type ConflictFieldView, type OutboxStatus } from '../protocol';
import { trust, type Refusal } from '../trust';
import type { Outbox } from './queue';
import { describeWrite, fieldWords, list } from './describe';
import { heldWrites, type WriteRecord } from './types';

export { describeWrite };

/** A bulk job in plain words: “Tag 200 contacts with “webinar””, “Undo — Remove “webinar” from 188 contacts”. */
export function describeJob(job: Pick<BulkView, 'op' | 'tags' | 'total' | 'undoOf'>): string {
  const what = job.op === 'add' ? i18n.t('activity.bulkAdd', job.total, [job.total, list(job.tags)]) : i18n.t('activity.bulkRemove', job.total, [job.total, list(job.tags)]);
  return job.undoOf ? i18n.t('activity.undoOf', [what]) : what;
}

const jobState: Record<BulkView['state'], ActivityEntry['state']> = {
  running: 'sending',
  cancelling: 'sending',
  done: 'done',
  cancelled: 'discarded',
  failed: 'failed',
};

/** A bulk job as one entry of the activity log, with its counts. */
export function jobEntry(job: BulkView, updatedAt: number): ActivityEntry {
  return { id: job.jobId, what: describeJob(job), contactId: '', state: jobState[job.state], reason: job.reason, attempts: 0, updatedAt, job };
}

const shown = (value: unknown) =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)
    ? i18n.t('activity.emptyValue')
    : Array.isArray(value)
      ? value.join(', ')
      : String(value);

const STATUS_WORDS: Record<string, () => string> = {
  open: () => i18n.t('opportunities.status.open'),
  won: () => i18n.t('opportunities.status.won'),
  lost: () => i18n.t('opportunities.status.lost'),
  abandoned: () => i18n.t('opportunities.status.abandoned'),
};

export function activityEntry(r: WriteRecord, contactName?: string): ActivityEntry {
  const labels = r.write.kind === 'contact.update' ? r.write.labels : undefined;
  const names = r.write.kind === 'opportunity.update' ? r.write.names : undefined;
  /** a value in words: a stage or pipeline by its name, a status by its word */
  const word = (field: string, value: unknown) =>
    typeof value === 'string' && names?.[value] ? names[value] : field === 'status' && typeof value === 'string' && STATUS_WORDS[value] ? STATUS_WORDS[value]() : shown(value);
  const fields = r.conflict?.fields.map(
    (f): ConflictFieldView => ({ field: f.field, label: fieldWords(f.field, labels).label, theirs: word(f.field, f.theirs), ours: word(f.field, f.ours) }),
  );
  return {
    id: r.id,
    what: describeWrite(r.write),
    contactId: r.write.contactId,
    contactName,
    namesContact: r.write.kind === 'contact.create' || undefined,
    state: r.state,
    reason: r.reason,
    action: r.action,
    conflict: r.conflict && fields ? { fields, latest: r.conflict.latest } : undefined,
    attempts: r.attempts,
    updatedAt: r.updatedAt,
  };
}

/** Bulk jobs kept in the status: running ones and the newest few finished. */
const FINISHED_JOBS_SHOWN = 3;

export async function outboxStatus(outbox: Outbox, now = Date.now()): Promise<OutboxStatus> {
  const [counts, jobs] = await Promise.all([outbox.counts(), outbox.bulkJobs()]);
  const newest = jobs.sort((a, b) => b.createdAt - a.createdAt);
  const running = newest.filter((j) => j.state === 'running');
  const finished = newest.filter((j) => j.state !== 'running').slice(0, FINISHED_JOBS_SHOWN);
  return { ...counts, jobs: [...running, ...finished], changedAt: now };
}

type BadgeArea = {
  setBadgeText(details: { text: string }): Promise<void> | void;
  setBadgeBackgroundColor(details: { color: string }): Promise<void> | void;
};

/** The toolbar button: `action` in Chrome MV3, `browserAction` in Firefox MV2. */
export function toolbarBadge(area: BadgeArea | undefined = (browser.action ?? browser.browserAction) as BadgeArea | undefined) {
  return async (status: Pick<OutboxStatus, 'pending' | 'failed' | 'conflicts'>) => {
    if (!area) return;
    const stopped = status.failed + status.conflicts > 0;
    const text = stopped ? '!' : status.pending > 0 ? String(status.pending) : '';
    await area.setBadgeText({ text });
    if (text) await area.setBadgeBackgroundColor({ color: stopped ? '#d93025' : '#1a73e8' });
  };
}

/** Entries shown in the activity log. */
const ACTIVITY_SHOWN = 200;

/** A refusal as an entry of the log (nothing to retry: it was never acted on). */
export const refusalEntry = (r: Refusal): ActivityEntry => ({ id: r.id, what: r.what, contactId: '', state: 'refused', reason: r.why, attempts: 0, updatedAt: r.at });

/** a change held behind a stopped one of its contact says so, naming it (the card already shows it as made) */
function held(entry: ActivityEntry, r: WriteRecord, heldBy: Map<WriteRecord, WriteRecord>): ActivityEntry {
  const stopper = heldBy.get(r);
  return stopper ? { ...entry, reason: i18n.t('activity.heldBehind', [describeWrite(stopper.write)]) } : entry;
}

/** The newest entries of the log, bulk jobs and refusals among them; `nameOf` names a contact when its record is at hand. */
export async function activityLog(
  outbox: Outbox,
  nameOf: (connectionId: string, contactId: string) => Promise<string | undefined>,
  refusals: () => Promise<Refusal[]> = () => trust().refusals.list(),
): Promise<ActivityEntry[]> {
  const [writes, jobs] = await Promise.all([outbox.list(), outbox.bulkJobs()]);
  const refused = await refusals(); // after the outbox loaded: what it refused while loading is in
  const heldBy = heldWrites([...writes].sort((a, b) => a.seq - b.seq));
  const dated = [
    ...writes.slice(0, ACTIVITY_SHOWN).map((r) => ({ at: r.createdAt, entry: async () => held(activityEntry(r, await nameOf(r.write.connectionId, r.write.contactId)), r, heldBy) })),
    ...jobs.map((j) => ({ at: j.createdAt, entry: async () => jobEntry(j, j.updatedAt) })),
    ...refused.map((r) => ({ at: r.at, entry: async () => refusalEntry(r) })),
  ];
  const newest = dated.sort((a, b) => b.at - a.at).slice(0, ACTIVITY_SHOWN);
  return Promise.all(newest.map((d) => d.entry()));
}

const notFound = () => invalidInput(i18n.t('errors.notInActivity'));

/** Sends a failed write or bulk job again. */
export async function retryWrite(outbox: Outbox, id: string): Promise<true> {
  const isJob = (await outbox.bulkJobs()).some((j) => j.jobId === id);
  if (!(await outbox.retry(id)) && !isJob) throw notFound();
  return true;
}

export async function discardWrite(outbox: Outbox, id: string): Promise<true> {
  if (!(await outbox.discard(id))) throw notFound();
  return true;
}

export async function resolveConflict(outbox: Outbox, { writeId, choice }: { writeId: string; choice: ConflictChoiceInput }): Promise<true> {
  if (!(await outbox.resolveConflict(writeId, choice))) throw notFound();
  return true;
}

export async function cancelBulk(outbox: Outbox, jobId: string): Promise<true> {
  if (!(await outbox.cancelBulk(jobId))) throw notFound();
  return true;
}

/** Starts the job that changes back what a finished bulk job changed. */
export async function undoBulk(outbox: Outbox, jobId: string): Promise<BulkView> {
  const undo = await outbox.undoBulk(jobId);
  if (!undo) throw invalidInput(i18n.t('errors.nothingToUndo'));
  const job = (await outbox.bulkJobs()).find((j) => j.jobId === undo.jobId);
  if (!job) throw notFound();
  return job;
}

/** A connection's writes not sent yet (waiting, sending, failed or in conflict). */
async function unsentOf(outbox: Outbox, connectionId: string) {
  return (await outbox.pending()).filter((r) => r.write.connectionId === connectionId);
}

export const unsentWrites = async (outbox: Outbox, connectionId: string): Promise<number> => (await unsentOf(outbox, connectionId)).length;

/** Sends a connection's unsent writes now: waiting ones at once, failed ones again (conflicts wait for the user). */
export async function sendUnsent(outbox: Outbox, connectionId: string): Promise<true> {
  for (const r of await unsentOf(outbox, connectionId)) if (r.state === 'pending' || r.state === 'failed') await outbox.retry(r.id);
  return true;
}

/** Drops a connection's unsent writes (a write being sent finishes). */
export async function discardUnsent(outbox: Outbox, connectionId: string): Promise<true> {
  for (const r of await unsentOf(outbox, connectionId)) if (r.state !== 'sending') await outbox.discard(r.id);
  return true;
}

/** After a connection was reconnected: the writes it stopped for want of a working token go again. */
export async function retryAfterReconnect(outbox: Outbox, connectionId: string): Promise<number> {
  const stopped = (await unsentOf(outbox, connectionId)).filter((r) => r.state === 'failed' && r.action === 'reconnect');
  for (const r of stopped) await outbox.retry(r.id);
  return stopped.length;
}
