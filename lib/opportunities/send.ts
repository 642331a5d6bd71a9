// How the outbox sends opportunity writes (its performers for the opportunity.* kinds):
// - create: exactly once, as tasks and notes are (lib/outbox/exactly-once.ts): the contact's
//   opportunities are listed before the first POST; after an attempt whose answer was lost, they are
//   listed again and one that is new, with the same name, pipeline and stage, is taken for ours.
//   The opportunity search reads the opportunities themselves, so a landed create shows at once.
//   A copy the browser made by sending the POST again unseen (a kept-alive connection closed after
//   HighLevel acted) is deleted; where the location refuses duplicate opportunities, that second
//   send is refused instead ("Can not create duplicate opportunity"), and the refusal is answered
//   by finding ours: the create is done, not failed.
// - update (stage, pipeline, name, value) and status: conflict-checked with the opportunity's own
//   update time. The opportunity is read first; when its `updatedAt` is the one the user saw, or
//   HighLevel's values of what the user changes are still the ones the user saw (or already the
//   ones the user wants: an earlier attempt of ours landed), the change is sent; otherwise the
//   write stops in `conflict` with both values, for the user to settle in the activity log.
//   These PUTs carry the whole new state of what they change, so sending one twice is harmless.
import { isGhlError, type GhlClient, type Opportunity } from '../ghl';
import { NO_RETRY, READ, createOnce, type AttemptOutcome, type Conflict, type Performers, type Write } from '../outbox';

type Of<K extends Write['kind']> = Extract<Write, { kind: K }>;

const same = (a: unknown, b: unknown) => (a ?? '') === (b ?? '') || (typeof a === 'number' && Number(b) === a);

function conflictOf(current: Opportunity, write: { base: { updatedAt: string | null }; createdAt: number }, changes: [field: string, base: unknown, ours: unknown][]): Conflict | null {
  const theirsAt = current.updatedAt ?? null;
  if (theirsAt === write.base.updatedAt) return null;
  const fields = changes
    .map(([field, base, ours]) => ({ field, base, ours, theirs: (current as Record<string, unknown>)[field] }))
    .filter((f) => !same(f.theirs, f.base) && !same(f.theirs, f.ours));
  if (fields.length === 0) return null;
  const theirsTime = theirsAt ? Date.parse(theirsAt) : 0;
  return { theirsAt, oursAt: write.createdAt, latest: theirsTime > write.createdAt ? 'theirs' : 'mine', fields };
}

export const opportunityPerformers: Performers = {
  'opportunity.create': (client: GhlClient, record, hooks) => {
    const w = record.write as Of<'opportunity.create'>;
    const f = w.fields;
    return createOnce<Opportunity>(record, hooks, {
      list: () => client.opportunities.forContact(w.contactId, READ),
      create: () => client.opportunities.create(w.contactId, { ...f, status: 'open' }, NO_RETRY),
      remove: (id) => client.opportunities.remove(id, READ),
      isOurs: (o) =>
        o.name === f.name &&
        o.pipelineId === f.pipelineId &&
        o.pipelineStageId === f.pipelineStageId &&
        (f.monetaryValue === undefined || o.monetaryValue === f.monetaryValue),
      refusedAsCopy: (error) => isGhlError(error) && error.kind === 'validation' && error.messages.some((m) => /duplicate/i.test(m)),
    });
  },

  async 'opportunity.update'(client, record): Promise<AttemptOutcome> {
    const w = record.write as Of<'opportunity.update'>;
    const current = await client.opportunities.get(w.opportunityId, READ);
    const changes = Object.entries(w.fields).map(([field, ours]): [string, unknown, unknown] => [field, w.base.values[field], ours]);
    const conflict = conflictOf(current, { base: w.base, createdAt: record.createdAt }, changes);
    if (conflict) return { state: 'conflict', conflict };
    const updated = await client.opportunities.update(w.opportunityId, w.fields, NO_RETRY);
    return { state: 'done', result: { id: updated.id, updatedAt: updated.updatedAt ?? undefined } };
  },

  async 'opportunity.status'(client, record): Promise<AttemptOutcome> {
    const w = record.write as Of<'opportunity.status'>;
    const current = await client.opportunities.get(w.opportunityId, READ);
    const conflict = conflictOf(current, { base: { updatedAt: w.base.updatedAt }, createdAt: record.createdAt }, [['status', w.base.status, w.status]]);
    if (conflict) return { state: 'conflict', conflict };
    await client.opportunities.setStatus(w.opportunityId, w.status, w.status === 'lost' ? w.lostReasonId : undefined, NO_RETRY);
    return { state: 'done', result: { id: w.opportunityId } };
  },
};
