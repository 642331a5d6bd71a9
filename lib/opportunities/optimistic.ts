// The one optimistic rule (lib/record/optimistic.ts) for opportunity writes: a create shows at once
// with its temporary id, a move or a status change at once; `pending` marks what HighLevel has not
// answered yet. Pure.
import type { WriteRecord } from '../outbox';
import type { OpportunityView } from '../protocol';
import { named, sortOpportunities, type OpportunityNames } from './shape';

type Write = WriteRecord['write'];
type OpportunityWrite = Extract<Write, { kind: 'opportunity.create' | 'opportunity.update' | 'opportunity.status' }>;

/** As the record sees it: which connection sends it does not change what it shows. */
type ShownOpportunityWrite = OpportunityWrite extends infer W ? (W extends OpportunityWrite ? Omit<W, 'connectionId'> : never) : never;

export const isOpportunityWrite = <W extends { kind: string }>(w: W): w is Extract<W, { kind: OpportunityWrite['kind'] }> => w.kind.startsWith('opportunity.');

/**
 * The list with the write laid over it. `answer`: HighLevel's answer when the write is done (its
 * id for a create, its new update time); absent while it waits (the opportunity shows pending).
 */
export function layOpportunityWrite(
  list: OpportunityView[],
  w: ShownOpportunityWrite,
  names: OpportunityNames,
  answer?: WriteRecord['result'],
): OpportunityView[] {
  const pending = answer === undefined ? { pending: true } : {};
  const patch = (id: string, change: Partial<OpportunityView>) =>
    list.map((o) => (o.id === id ? named({ ...o, ...change, ...pending, ...(answer?.updatedAt ? { updatedAt: answer.updatedAt } : {}) }, names) : o));
  switch (w.kind) {
    case 'opportunity.create': {
      const id = answer?.id ?? w.tempId;
      const created = named(
        { id, name: w.fields.name, pipelineId: w.fields.pipelineId, stageId: w.fields.pipelineStageId, status: 'open', value: w.fields.monetaryValue, ...pending },
        names,
      );
      return sortOpportunities([created, ...list.filter((o) => o.id !== id && o.id !== w.tempId)]);
    }
    case 'opportunity.update':
      return patch(w.opportunityId, {
        ...(w.fields.pipelineId ? { pipelineId: w.fields.pipelineId } : {}),
        ...(w.fields.pipelineStageId ? { stageId: w.fields.pipelineStageId } : {}),
        ...(w.fields.name ? { name: w.fields.name } : {}),
        ...(w.fields.monetaryValue !== undefined ? { value: w.fields.monetaryValue } : {}),
      });
    case 'opportunity.status':
      return sortOpportunities(patch(w.opportunityId, { status: w.status, lostReasonId: w.status === 'lost' ? w.lostReasonId : undefined }));
  }
}
