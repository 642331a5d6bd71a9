// Every write the extension makes in HighLevel: the durable queue (stored before sent, in order,
// retried, exactly once, resumed), the tag rules, the business writes, bulk tags, the activity log and badge.
export { createOutbox, type Outbox, type OutboxCounts, type OutboxOptions } from './queue';
export { ALARM_NAME, type AlarmsArea } from './scheduler';
export { BULK_CHUNK, awaitsAnswer, type BulkTagsInput } from './bulk';
export type { ConflictChoice } from './conflicts';
export type { Change, ChangeListener, QueueStorage } from './store';
export type { RetryPolicy } from './retry';
export { heldWrites, isTempId } from './types';
export type { BulkJob, BulkProgress, Conflict, ConflictField, ContactEdit, NewWrite, Write, WriteKind, WriteRecord, WriteState } from './types';
export { TAG_MAX_LENGTH, checkedTags, tagNames } from './tag-rules';
export * as writes from './contact-writes';
export { type BulkTagsRequest, type WriteServices, queue as queueWrite, queueForRecord } from './contact-writes';
export type { Performer, Performers } from './send';
export { NO_RETRY, READ, createOnce, type AttemptHooks, type Outcome as AttemptOutcome } from './exactly-once';
export { sameValue, flatEdit } from './conflicts';
export {
  activityEntry,
  activityLog,
  cancelBulk,
  describeJob,
  describeWrite,
  discardUnsent,
  discardWrite,
  outboxStatus,
  resolveConflict,
  retryAfterReconnect,
  retryWrite,
  sendUnsent,
  toolbarBadge,
  undoBulk,
  unsentWrites,
} from './activity';
export { watchOutbox } from './status-watch';
