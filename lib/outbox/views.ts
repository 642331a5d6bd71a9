// What the pages see of the outbox (part of the protocol in lib/messaging.ts, which re-exports it):
// the activity log's entries, conflicts with both values, bulk jobs' progress and the counts.
// Plain data in the user's words; nothing here carries a token.

/** The contact fields the sidebar edits inline (HighLevel's update refuses the company). */
export interface ContactEditInput {
  firstName?: string;
  lastName?: string;
  email?: string;
  phone?: string;
}

/** What a write of the outbox is doing: waiting, being sent, done, stopped for the user, dropped. */
export type WriteStateView = 'pending' | 'sending' | 'done' | 'failed' | 'conflict' | 'discarded';

export interface ConflictFieldView {
  field: string;
  /** the field's name in plain words */
  label: string;
  /** HighLevel's value now (someone changed it meanwhile) */
  theirs: string;
  /** the value the user typed */
  ours: string;
}

/** One write in the activity log. */
export interface ActivityEntry {
  id: string;
  /** plain words: “Add tag “vip””, “Create task “Call back”” */
  what: string;
  contactId: string;
  contactName?: string;
  state: WriteStateView;
  /** why it failed or is waiting, in plain words */
  reason?: string;
  /** the action that helps a failed write */
  action?: 'reconnect' | 'retry' | 'none' | 'switch-location';
  conflict?: { fields: ConflictFieldView[]; latest: 'mine' | 'theirs' };
  attempts: number;
  updatedAt: number;
}

/** A bulk tag change, as the progress bar shows it. */
export interface BulkView {
  jobId: string;
  op: 'add' | 'remove';
  tags: string[];
  state: 'running' | 'done' | 'cancelled' | 'failed';
  done: number;
  failed: number;
  total: number;
  reason?: string;
  createdAt: number;
}

/** The outbox at a glance (the toolbar badge shows the same counts). */
export interface OutboxStatus {
  pending: number;
  failed: number;
  conflicts: number;
  /** bulk jobs, newest first: running ones and the last few finished */
  jobs: BulkView[];
  changedAt: number;
}

export type ConflictChoiceInput = 'mine' | 'theirs' | Record<string, 'mine' | 'theirs'>;
