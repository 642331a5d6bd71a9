// The outbox's data: every kind of write (a discriminated union), the record kept for each write
// and for each bulk tag job, and their valibot schemas. Storage is a boundary: records are
// checked with these schemas when read back. No record ever holds a token: writes carry the
// connection id (a random id), the contact id and the fields the user changed.
import * as v from 'valibot';
import type { BulkView } from '../protocol';

const id = v.pipe(v.string(), v.minLength(1));
const ids = { connectionId: id, contactId: id };
const tagList = v.pipe(v.array(v.pipe(v.string(), v.minLength(1))), v.minLength(1));

const TaskFieldsSchema = v.object({
  title: v.string(),
  dueDate: v.string(),
  body: v.optional(v.string()),
  completed: v.optional(v.boolean()),
  assignedTo: v.optional(v.string()),
});

const NoteFieldsSchema = v.object({
  body: v.string(),
  title: v.optional(v.string()),
  userId: v.optional(v.string()),
  color: v.optional(v.string()),
  pinned: v.optional(v.boolean()),
});

/** Plain contact fields the outbox can create and edit (tags have their own writes). */
const ContactFieldsSchema = v.object({
  firstName: v.optional(v.string()),
  lastName: v.optional(v.string()),
  name: v.optional(v.string()),
  email: v.optional(v.string()),
  phone: v.optional(v.string()),
  companyName: v.optional(v.string()),
  website: v.optional(v.string()),
  address1: v.optional(v.string()),
  city: v.optional(v.string()),
  state: v.optional(v.string()),
  postalCode: v.optional(v.string()),
  country: v.optional(v.string()),
  timezone: v.optional(v.string()),
  source: v.optional(v.string()),
  dateOfBirth: v.optional(v.string()),
  assignedTo: v.optional(v.string()),
  dnd: v.optional(v.boolean()),
  tags: v.optional(v.array(v.string())),
  customFields: v.optional(v.array(v.object({ id: v.string(), key: v.optional(v.string()), field_value: v.union([v.string(), v.array(v.string()), v.number()]) }))),
});
const { companyName: _company, tags: _tags, customFields: _custom, assignedTo: _owner, ...editable } = ContactFieldsSchema.entries;
const DND_STATUS = v.picklist(['active', 'inactive', 'permanent']);
/**
 * What a contact edit may change (PUT /contacts/:id): the plain fields, the owner (null: nobody),
 * do-not-disturb (all channels, and per channel) and custom fields in the write format. Conflicts
 * are found per field, per channel and per custom field (conflicts.ts names them flat:
 * `dndSettings.SMS`, `customFields.<id>`).
 */
const ContactEditSchema = v.object({
  ...editable,
  assignedTo: v.optional(v.nullable(v.string())),
  dndSettings: v.optional(v.record(v.string(), v.object({ status: DND_STATUS, message: v.optional(v.string()) }))),
  customFields: v.optional(v.array(v.object({ id: v.string(), field_value: v.union([v.string(), v.array(v.string()), v.number()]) }))),
});

const OpportunityFieldsSchema = v.object({
  pipelineId: id,
  pipelineStageId: id,
  name: v.pipe(v.string(), v.minLength(1)),
  monetaryValue: v.optional(v.number()),
  assignedTo: v.optional(v.string()),
});
const OPPORTUNITY_STATUS = v.picklist(['open', 'won', 'lost', 'abandoned']);

export const WriteSchema = v.variant('kind', [
  v.object({ kind: v.literal('tag.add'), ...ids, tags: tagList }),
  v.object({ kind: v.literal('tag.remove'), ...ids, tags: tagList }),
  v.object({ kind: v.literal('task.create'), ...ids, tempId: id, fields: TaskFieldsSchema }),
  v.object({ kind: v.literal('task.update'), ...ids, taskId: id, fields: v.partial(TaskFieldsSchema) }),
  v.object({ kind: v.literal('task.complete'), ...ids, taskId: id, completed: v.boolean() }),
  v.object({ kind: v.literal('task.delete'), ...ids, taskId: id }),
  v.object({ kind: v.literal('note.create'), ...ids, tempId: id, fields: NoteFieldsSchema }),
  v.object({ kind: v.literal('note.update'), ...ids, noteId: id, fields: v.partial(NoteFieldsSchema) }),
  v.object({ kind: v.literal('note.delete'), ...ids, noteId: id }),
  // contactId is the temporary id until HighLevel answers; later writes may use it.
  v.object({ kind: v.literal('contact.create'), ...ids, fields: ContactFieldsSchema }),
  v.object({
    kind: v.literal('contact.update'),
    ...ids,
    /** Only the fields the user changed. */
    fields: ContactEditSchema,
    /** The version the user edited: HighLevel's dateUpdated and the values the user saw (flat names, see conflicts.ts). */
    base: v.object({ dateUpdated: v.nullable(v.string()), values: v.record(v.string(), v.unknown()) }),
    /** Names of what the edit changes, for the activity log (custom fields by their name). */
    labels: v.optional(v.record(v.string(), v.string())),
  }),
  v.object({ kind: v.literal('contact.delete'), ...ids }),
  // the contact's followers (user ids): a set change, sent as POST and DELETE /contacts/:id/followers
  v.object({ kind: v.literal('contact.followers'), ...ids, add: v.array(id), remove: v.array(id) }),
  // opportunities of the contact (lib/opportunities sends them); ids may be a create's temporary id
  v.object({ kind: v.literal('opportunity.create'), ...ids, tempId: id, fields: OpportunityFieldsSchema }),
  v.object({
    kind: v.literal('opportunity.update'),
    ...ids,
    opportunityId: id,
    fields: v.partial(OpportunityFieldsSchema),
    /** The version the user changed: the opportunity's updatedAt and the values the user saw. */
    base: v.object({ updatedAt: v.nullable(v.string()), values: v.record(v.string(), v.unknown()) }),
    /** Names of the ids it involves (stages, pipelines), for the activity log. */
    names: v.optional(v.record(v.string(), v.string())),
  }),
  v.object({
    kind: v.literal('opportunity.status'),
    ...ids,
    opportunityId: id,
    status: OPPORTUNITY_STATUS,
    lostReasonId: v.optional(v.string()),
    base: v.object({ updatedAt: v.nullable(v.string()), status: v.string() }),
  }),
  // workflows (lib/workflows sends them); the name is kept for the activity log and the card
  v.object({ kind: v.literal('workflow.add'), ...ids, workflowId: id, name: v.optional(v.string()) }),
  v.object({ kind: v.literal('workflow.remove'), ...ids, workflowId: id, name: v.optional(v.string()) }),
]);
export type Write = v.InferOutput<typeof WriteSchema>;
export type WriteKind = Write['kind'];
export type ContactEdit = v.InferOutput<typeof ContactEditSchema>;

type Loosen<W, K extends string> = W extends unknown ? Omit<W, K> & Partial<Pick<W, K & keyof W>> : never;
/** What callers enqueue: creates may leave their temporary id to the outbox. */
export type NewWrite =
  | Exclude<Write, { kind: 'task.create' | 'note.create' | 'opportunity.create' | 'contact.create' }>
  | Loosen<Extract<Write, { kind: 'task.create' | 'note.create' | 'opportunity.create' }>, 'tempId'>
  | Loosen<Extract<Write, { kind: 'contact.create' }>, 'contactId'>;

export const WRITE_STATES = ['pending', 'sending', 'done', 'failed', 'conflict', 'discarded'] as const;
export type WriteState = (typeof WRITE_STATES)[number];

const ConflictFieldSchema = v.object({ field: v.string(), base: v.unknown(), theirs: v.unknown(), ours: v.unknown() });
export const ConflictSchema = v.object({
  /** HighLevel's dateUpdated when the conflict was found. */
  theirsAt: v.nullable(v.string()),
  /** When the user made the edit. */
  oursAt: v.number(),
  /** The default choice: the later of the two changes. */
  latest: v.picklist(['mine', 'theirs']),
  fields: v.array(ConflictFieldSchema),
});
export type Conflict = v.InferOutput<typeof ConflictSchema>;
export type ConflictField = v.InferOutput<typeof ConflictFieldSchema>;

export const WriteRecordSchema = v.object({
  v: v.literal(1),
  id,
  /** Enqueue order; writes of one contact go strictly in this order. */
  seq: v.number(),
  write: WriteSchema,
  state: v.picklist(WRITE_STATES),
  attempts: v.number(),
  createdAt: v.number(),
  updatedAt: v.number(),
  /** Not before this time (backoff). */
  nextAt: v.optional(v.number()),
  /** When the last attempt started. */
  sentAt: v.optional(v.number()),
  /** Plain words: why it failed, or what the last retry was about. */
  reason: v.optional(v.string()),
  action: v.optional(v.picklist(['reconnect', 'retry', 'none', 'switch-location'])),
  /** An earlier attempt may have reached HighLevel: a create checks before sending again. */
  mayHaveLanded: v.optional(v.boolean()),
  /** Creates: ids of the contact's tasks / notes / opportunities before the first send. */
  snapshot: v.optional(v.array(v.string())),
  result: v.optional(
    v.object({
      id: v.optional(v.string()),
      tags: v.optional(v.array(v.string())),
      created: v.optional(v.boolean()),
      /** followers after a followers change */
      followers: v.optional(v.array(v.string())),
      /** an opportunity's updatedAt after the change (the next change's version) */
      updatedAt: v.optional(v.string()),
    }),
  ),
  conflict: v.optional(ConflictSchema),
  bulkJobId: v.optional(v.string()),
});
export type WriteRecord = v.InferOutput<typeof WriteRecordSchema>;

const BulkJobFields = {
  id,
  connectionId: id,
  op: v.picklist(['add', 'remove']),
  tags: tagList,
  /** Contacts the bulk answers reported done. */
  succeeded: v.number(),
  /** One-by-one writes for contacts a bulk answer reported as failed. */
  fallbackIds: v.array(id),
  state: v.picklist(['running', 'sent', 'cancelled', 'failed']),
  reason: v.optional(v.string()),
  createdAt: v.number(),
  updatedAt: v.number(),
  /** Contacts the answers reported unchanged (they had the tag already, or lacked it for a removal). */
  unchanged: v.optional(v.array(id)),
  /** Chunks a cancel dropped before their request left: HighLevel never saw them. */
  droppedChunks: v.optional(v.array(v.number())),
  /** The job this one undoes (a bulk change of the contacts it changed, the other way). */
  undoOf: v.optional(id),
  /** The job that undid this one. */
  undoneBy: v.optional(id),
  /** The tab and page the job was started on (the background read the page from the tab's report). */
  startedOn: v.optional(v.object({ tabId: v.number(), page: v.string() })),
};

const ChunkRetrySchema = v.object({ chunk: v.number(), attempts: v.number(), nextAt: v.number() });

const ChunkFields = {
  /** Contacts per request; chunk i is contactIds[i * chunkSize, (i + 1) * chunkSize). */
  chunkSize: v.pipe(v.number(), v.integer(), v.minValue(1)),
  /** Chunks HighLevel answered, ascending (the others are sent, or sent again). */
  doneChunks: v.array(v.number()),
  /** Chunks waiting to be sent again after a failed attempt. */
  retries: v.array(ChunkRetrySchema),
};

/** A job's contacts, in chunk order; they never change once the job is started. */
export const BulkContactsSchema = v.array(id);

/**
 * A bulk job as stored (v3): its progress, without its contacts, which are stored once, apart
 * (`BulkContactsSchema`): every chunk's answer rewrites only this small record.
 */
export const BulkJobRecordSchema = v.object({ v: v.literal(3), ...BulkJobFields, ...ChunkFields });
export type BulkJobRecord = v.InferOutput<typeof BulkJobRecordSchema>;

/** A bulk job in memory: its stored record with its contacts. */
export type BulkJob = BulkJobRecord & { contactIds: string[] };

/** Stored by the version that kept a job's contacts in its record, rewritten on every chunk's answer. */
const BulkJobV2Schema = v.object({ v: v.literal(2), ...BulkJobFields, contactIds: v.array(id), ...ChunkFields });

/** Stored by the version that sent a job's chunks one after another: one cursor, chunks of 50. */
const BulkJobV1Schema = v.object({
  v: v.literal(1),
  ...BulkJobFields,
  contactIds: v.array(id),
  /** Contacts before this index were sent in bulk. */
  cursor: v.number(),
  attempts: v.number(),
  nextAt: v.optional(v.number()),
});

function fromV1({ cursor, attempts, nextAt, ...job }: v.InferOutput<typeof BulkJobV1Schema>): BulkJob {
  const chunkSize = 50;
  // a chunk only partly before the cursor is sent again
  const sent = cursor >= job.contactIds.length ? Math.ceil(job.contactIds.length / chunkSize) : Math.floor(cursor / chunkSize);
  const waiting = attempts > 0 && cursor < job.contactIds.length;
  return {
    ...job,
    v: 3,
    chunkSize,
    doneChunks: Array.from({ length: sent }, (_, i) => i),
    retries: waiting ? [{ chunk: sent, attempts, nextAt: nextAt ?? 0 }] : [],
  };
}

/** A job stored by an earlier version, with its contacts in its record (it resumes). */
const OldBulkJobSchema = v.union([
  v.pipe(BulkJobV2Schema, v.transform((job): BulkJob => ({ ...job, v: 3 }))),
  v.pipe(BulkJobV1Schema, v.transform(fromV1)),
]);

/**
 * A stored bulk job of any version: a v3 record with its stored contacts, or a record of an
 * earlier version (contacts inside). Undefined when unreadable (or a v3 record's contacts are missing).
 */
export function readBulkJob(record: unknown, contacts: unknown): BulkJob | undefined {
  const current = v.safeParse(BulkJobRecordSchema, record);
  if (current.success) {
    const ids = v.safeParse(BulkContactsSchema, contacts);
    return ids.success ? { ...current.output, contactIds: ids.output } : undefined;
  }
  const old = v.safeParse(OldBulkJobSchema, record);
  return old.success ? old.output : undefined;
}

/** What is stored of a job on every change: all of it but its contacts. */
export function bulkJobRecord({ contactIds: _contacts, ...record }: BulkJob): BulkJobRecord {
  return record;
}

/** A bulk job's counts as the sidebar's progress bar reads them (the protocol's view without what the job asked). */
export type BulkProgress = Omit<BulkView, 'op' | 'tags' | 'createdAt'>;

/** Temporary ids of objects not created yet; HighLevel's ids never start like this. */
export const TEMP_PREFIX = 'tmp-';
export const isTempId = (value: string) => value.startsWith(TEMP_PREFIX);
export const newTempId = () => `${TEMP_PREFIX}${crypto.randomUUID()}`;

/** Writes that still hold their contact's lane (later writes of that contact wait). */
export const HOLDS_LANE: ReadonlySet<WriteState> = new Set(['pending', 'sending', 'failed', 'conflict']);

/** A write's lane: its connection's contact. Writes of one lane go strictly in enqueue order (scheduler.ts). */
export const laneOf = (r: WriteRecord) => `${r.write.connectionId}|${r.write.contactId}`;

/**
 * The writes held behind one of their lane's that stopped for the user (failed, or in conflict):
 * never tried yet and enqueued after it. `writes` in enqueue order; each held write → the write it
 * waits behind.
 */
export function heldWrites(writes: Iterable<WriteRecord>): Map<WriteRecord, WriteRecord> {
  const stopped = new Map<string, WriteRecord>();
  const held = new Map<WriteRecord, WriteRecord>();
  for (const r of writes) {
    const stopper = stopped.get(laneOf(r));
    if (r.state === 'failed' || r.state === 'conflict') {
      if (!stopper) stopped.set(laneOf(r), r);
    } else if (stopper && r.state === 'pending' && r.attempts === 0) held.set(r, stopper);
  }
  return held;
}
export const isFinished = (state: WriteState) => state === 'done' || state === 'discarded';
