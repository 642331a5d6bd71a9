// The outbox as users see it: each write in plain words for the activity log, the counts and bulk
// jobs at a glance (the sidebar watches them in `outboxStatusItem`), and the toolbar badge
// (the number of unsent writes, or a red "!" when one needs the user; nothing when all is sent).
import { browser } from 'wxt/browser';
import type { ActivityEntry, ConflictFieldView, OutboxStatus } from '../messaging';
import type { Outbox, Write, WriteRecord } from '../outbox';

const quoted = (s: string) => `“${s}”`;
const list = (tags: string[]) => tags.map(quoted).join(', ');

const FIELD_LABELS: Record<string, string> = {
  firstName: 'First name',
  lastName: 'Last name',
  email: 'Email',
  phone: 'Phone',
  companyName: 'Company',
  website: 'Website',
};

/** A write in plain words: “Add tag “vip””. */
export function describeWrite(w: Write): string {
  switch (w.kind) {
    case 'tag.add':
      return `Add tag ${list(w.tags)}`;
    case 'tag.remove':
      return `Remove tag ${list(w.tags)}`;
    case 'task.create':
      return `Create task ${quoted(w.fields.title)}`;
    case 'task.update':
      return w.fields.title ? `Edit task ${quoted(w.fields.title)}` : 'Edit a task';
    case 'task.complete':
      return w.completed ? 'Complete a task' : 'Reopen a task';
    case 'task.delete':
      return 'Delete a task';
    case 'note.create':
      return `Add note ${quoted(w.fields.body.slice(0, 40))}`;
    case 'note.update':
      return 'Edit a note';
    case 'note.delete':
      return 'Delete a note';
    case 'contact.create':
      return `Create contact ${quoted([w.fields.firstName, w.fields.lastName].filter(Boolean).join(' ') || w.fields.email || w.fields.phone || 'without a name')}`;
    case 'contact.update':
      return `Change ${Object.keys(w.fields).map((f) => FIELD_LABELS[f] ?? f).join(', ').toLowerCase()}`;
    case 'contact.delete':
      return 'Delete the contact';
  }
}

const shown = (value: unknown) => (value === undefined || value === null || value === '' ? '(empty)' : String(value));

export function activityEntry(r: WriteRecord, contactName?: string): ActivityEntry {
  const fields = r.conflict?.fields.map(
    (f): ConflictFieldView => ({ field: f.field, label: FIELD_LABELS[f.field] ?? f.field, theirs: shown(f.theirs), ours: shown(f.ours) }),
  );
  return {
    id: r.id,
    what: describeWrite(r.write),
    contactId: r.write.contactId,
    contactName,
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
