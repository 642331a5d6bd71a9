// One attempt at one write: mark it `sending` (persisted before anything leaves), call HighLevel
// with automatic retries off (the outbox decides: see retry.ts), and persist the outcome. A create
// that learns HighLevel's id rewrites the temporary id in the later queued writes that use it,
// in the same storage write that marks the create done. Nothing leaves unless its `sending` state
// (and a create's snapshot) is stored; when storage is full, the attempt stops there, unsent
// (StorageFullError, for the scheduler to wait for room), and the write stays pending.
import { i18n } from '#i18n';
import { type GhlClient, GhlError, isScopeRefusal } from '../ghl';
import { describeConflict, findConflict, updateBody } from './conflicts';
import { NO_RETRY, READ, createContactOnce, createNoteOnce, createTaskOnce, type AttemptHooks, type Outcome } from './exactly-once';
import { decide, type RetryPolicy } from './retry';
import { StorageFullError, type QueueStore } from './store';
import { isTempId, type Write, type WriteRecord } from './types';

/** One attempt at a write of another folder's kind (lib/opportunities, lib/workflows). */
export type Performer = (client: GhlClient, record: WriteRecord, hooks: AttemptHooks) => Promise<Outcome>;
export type Performers = Partial<Record<Write['kind'], Performer>>;

export interface SendDeps {
  store: QueueStore;
  clientFor: (connectionId: string) => Promise<GhlClient>;
  now: () => number;
  random: () => number;
  policy: RetryPolicy;
  log: (line: string) => void;
  /** Counts attempts that ended in a retry (for figures and tests). */
  onRetry?: (record: WriteRecord, rateLimited: boolean) => void;
  performers?: Performers;
  /**
   * HighLevel refused the write because the token lacks a scope: answers the scope it needs (the
   * write's reason then names it) and learns it (lib/scopes).
   */
  onScopeRefused?: (record: WriteRecord) => string | undefined;
}

const GONE_IS_DONE = new Set<Write['kind']>(['task.delete', 'note.delete', 'contact.delete']);

/** The ids a write refers to that a queued create may still have to provide. */
const refsOf = (w: Write): string[] => {
  const refs = w.kind === 'contact.create' ? [] : [w.contactId];
  if ('taskId' in w) refs.push(w.taskId);
  if ('noteId' in w) refs.push(w.noteId);
  if ('opportunityId' in w) refs.push(w.opportunityId);
  return refs;
};

function rewrite(write: Write, tempId: string, realId: string): Write {
  const swap = (value: string) => (value === tempId ? realId : value);
  const next = { ...write, contactId: swap(write.contactId) };
  if ('taskId' in next) next.taskId = swap(next.taskId);
  if ('noteId' in next) next.noteId = swap(next.noteId);
  if ('opportunityId' in next) next.opportunityId = swap(next.opportunityId);
  return next;
}

export const tempIdOf = (w: Write): string | undefined =>
  w.kind === 'task.create' || w.kind === 'note.create' || w.kind === 'opportunity.create'
    ? w.tempId
    : w.kind === 'contact.create'
      ? w.contactId
      : undefined;

/** Replaces temporary ids whose create is already done (writes enqueued after it finished). */
export function withKnownIds(write: Write, store: QueueStore): Write {
  let next = write;
  for (const ref of refsOf(write).filter(isTempId)) {
    const create = [...store.writes()].find((r) => tempIdOf(r.write) === ref && r.result?.id);
    if (create?.result?.id) next = rewrite(next, ref, create.result.id);
  }
  return next;
}

async function perform(client: GhlClient, record: WriteRecord, hooks: AttemptHooks, performers: Performers = {}): Promise<Outcome> {
  const w = record.write;
  const done = (result?: WriteRecord['result']): Outcome => ({ state: 'done', result });
  const performer = performers[w.kind];
  if (performer) return performer(client, record, hooks);
  // Only creates need to know whether their request left (see exactly-once.ts); they say so.
  switch (w.kind) {
    case 'tag.add':
      return done({ tags: await client.tags.add(w.contactId, w.tags, NO_RETRY) });
    case 'tag.remove':
      return done({ tags: await client.tags.remove(w.contactId, w.tags, NO_RETRY) });
    case 'task.create':
      return createTaskOnce(client, record, w, hooks);
    case 'task.update':
      return done({ id: (await client.tasks.update(w.contactId, w.taskId, w.fields, NO_RETRY)).id });
    case 'task.complete':
      return done({ id: (await client.tasks.setCompleted(w.contactId, w.taskId, w.completed, NO_RETRY)).id });
    case 'task.delete':
      return done(void (await client.tasks.remove(w.contactId, w.taskId, NO_RETRY)));
    case 'note.create':
      return createNoteOnce(client, record, w, hooks);
    case 'note.update':
      return done({ id: (await client.notes.update(w.contactId, w.noteId, w.fields, NO_RETRY)).id });
    case 'note.delete':
      return done(void (await client.notes.remove(w.contactId, w.noteId, NO_RETRY)));
    case 'contact.create':
      return createContactOnce(client, record, w, hooks);
    case 'contact.update': {
      const current = await client.contacts.get(w.contactId, READ);
      const conflict = findConflict(w, current, record.createdAt);
      if (conflict) return { state: 'conflict', conflict };
      return done({ id: (await client.contacts.update(w.contactId, updateBody(w, current), NO_RETRY)).id });
    }
    case 'contact.delete':
      return done(void (await client.contacts.remove(w.contactId, NO_RETRY)));
    case 'contact.followers': {
      let followers: string[] | undefined;
      if (w.add.length) followers = await client.contacts.followers(w.contactId, 'add', w.add, NO_RETRY);
      if (w.remove.length) followers = await client.contacts.followers(w.contactId, 'remove', w.remove, NO_RETRY);
      return done({ followers });
    }
    default:
      // a kind another folder sends, whose performer was not given to this outbox
      throw new Error(i18n.t('outbox.noSender', [w.kind]));
  }
}

export async function attemptWrite(deps: SendDeps, start: WriteRecord): Promise<void> {
  const { store, now } = deps;
  const attempts = start.attempts + 1;
  const stamp = () => ({ updatedAt: now() });
  const missing = refsOf(start.write).find(isTempId);
  if (missing) {
    await store.update(start.id, (r) => ({
      ...r, ...stamp(), state: 'failed', action: 'none',
      reason: i18n.t('outbox.neverCreated'),
    }), 'when-possible');
    return;
  }
  let dispatched = false;
  const hooks: AttemptHooks = {
    save: async (patch) => void (await store.update(start.id, (r) => ({ ...r, ...patch }))),
    remember: async (patch) => void (await store.update(start.id, (r) => ({ ...r, ...patch }), 'when-possible')),
    dispatching: () => void (dispatched = true),
  };
  // stored before anything leaves; storage full: nothing is sent (the scheduler waits for room)
  await store.update(start.id, (r) => ({ ...r, ...stamp(), state: 'sending', attempts, sentAt: now(), nextAt: undefined }));
  try {
    const client = await deps.clientFor(start.write.connectionId);
    const outcome = await perform(client, store.write(start.id) ?? start, hooks, deps.performers);
    await finish(deps, start.id, outcome);
  } catch (error) {
    if (error instanceof StorageFullError) {
      // a create's snapshot could not be stored, so its POST never left: it waits, as it was
      await store.update(start.id, (r) => ({ ...r, state: 'pending', attempts: start.attempts, updatedAt: now() }), 'when-possible');
      throw error;
    }
    const decision = decide(error, { attempts, goneIsDone: GONE_IS_DONE.has(start.write.kind), policy: deps.policy, random: deps.random });
    if (decision.kind === 'done') return finish(deps, start.id, { state: 'done' });
    const scopeRefused = decision.kind === 'failed' && error instanceof GhlError && error.kind === 'forbidden' && isScopeRefusal(error.messages);
    const scope = scopeRefused ? deps.onScopeRefused?.(store.write(start.id) ?? start) : undefined;
    const updated = await store.update(start.id, (r) =>
      decision.kind === 'failed'
        ? { ...r, ...stamp(), state: 'failed', reason: scope ? i18n.t('errors.lacksScope', [scope]) : decision.reason, action: decision.action }
        : {
            ...r,
            ...stamp(),
            state: 'pending',
            nextAt: now() + decision.delayMs,
            reason: decision.reason,
            mayHaveLanded: r.mayHaveLanded || (dispatched && decision.ambiguous),
          },
      'when-possible',
    );
    if (decision.kind === 'retry' && updated) deps.onRetry?.(updated, decision.rateLimited);
    if (decision.kind === 'failed' && error instanceof GhlError && error.kind === 'unauthorized') {
      deps.log(`Outbox: a write stopped, the connection needs to be reconnected (${start.write.kind})`);
    }
  }
}

async function finish(deps: SendDeps, id: string, outcome: Outcome): Promise<void> {
  const { store, now } = deps;
  const current = store.write(id);
  if (!current) return;
  const base = { ...current, updatedAt: now(), nextAt: undefined };
  if (outcome.state === 'conflict') {
    deps.log(describeConflict(current.write.contactId, outcome.conflict));
    await store.save({ writes: [{ ...base, state: 'conflict', conflict: outcome.conflict, reason: i18n.t('outbox.changedMeanwhile') }] }, 'when-possible');
    return;
  }
  if (outcome.state === 'failed') {
    await store.save({ writes: [{ ...base, state: 'failed', reason: outcome.reason, action: outcome.action }] }, 'when-possible');
    return;
  }
  // The snapshot served its purpose: drop it to keep the record small.
  const record: WriteRecord = { ...base, state: 'done', result: outcome.result, reason: undefined, action: undefined, snapshot: undefined };
  const tempId = tempIdOf(current.write);
  const realId = outcome.result?.id;
  const later =
    tempId && realId
      ? [...store.writes()]
          .filter((r) => r.id !== id && r.state !== 'done' && r.state !== 'discarded' && refsOf(r.write).includes(tempId))
          .map((r) => ({ ...r, write: rewrite(r.write, tempId, realId), updatedAt: now() }))
      : [];
  await store.save({ writes: [record, ...later] }, 'when-possible');
}
