// What the user does with opportunities, checked and queued in the outbox (sent by send.ts):
// create one for the contact (the pipeline and stage become the default for the next), move one to
// another stage, mark it won, lost (with a lost reason, where the location has them) or abandoned.
import { i18n } from '#i18n';
import { queueForRecord, type WriteServices } from '../outbox';
import { invalidInput, type ContactDetails, type OpportunityStatusView, type PipelineView } from '../protocol';
import { rememberDefaults } from './defaults';

/** What the checks need of the location's lists. */
export interface OpportunityLists {
  pipelines: PipelineView[];
  lostReasons: { id: string; name: string }[];
}

const ids = (w: WriteServices, contactId: string) => ({ connectionId: w.connectionId, contactId });
const NAME_MAX = 200;

function stageOf(lists: OpportunityLists, pipelineId: string, stageId: string) {
  const pipeline = lists.pipelines.find((p) => p.id === pipelineId);
  const stage = pipeline?.stages.find((s) => s.id === stageId);
  if (!pipeline || !stage) throw invalidInput(i18n.t('opportunities.errors.noStage'));
  return { pipeline, stage };
}

export async function createOpportunity(
  w: WriteServices & { locationId: string },
  contactId: string,
  input: { pipelineId: string; stageId: string; name: string; value?: number },
  lists: OpportunityLists,
): Promise<ContactDetails> {
  const name = input.name.trim();
  if (!name) throw invalidInput(i18n.t('opportunities.errors.needsName'));
  if (name.length > NAME_MAX) throw invalidInput(i18n.t('opportunities.errors.nameTooLong', [NAME_MAX]));
  if (input.value !== undefined && !(Number.isFinite(input.value) && input.value >= 0)) throw invalidInput(i18n.t('opportunities.errors.value'));
  stageOf(lists, input.pipelineId, input.stageId);
  await rememberDefaults(w.locationId, { pipelineId: input.pipelineId, stageId: input.stageId });
  return queueForRecord(w, {
    kind: 'opportunity.create',
    ...ids(w, contactId),
    fields: { pipelineId: input.pipelineId, pipelineStageId: input.stageId, name, ...(input.value !== undefined ? { monetaryValue: input.value } : {}) },
  });
}

export function moveOpportunity(
  w: WriteServices,
  contactId: string,
  move: { opportunityId: string; pipelineId: string; stageId: string; base: { updatedAt: string | null; stageId: string } },
  lists: OpportunityLists,
): Promise<ContactDetails> {
  const { pipeline, stage } = stageOf(lists, move.pipelineId, move.stageId);
  const before = lists.pipelines.flatMap((p) => p.stages).find((s) => s.id === move.base.stageId);
  return queueForRecord(w, {
    kind: 'opportunity.update',
    ...ids(w, contactId),
    opportunityId: move.opportunityId,
    fields: { pipelineId: pipeline.id, pipelineStageId: stage.id },
    base: { updatedAt: move.base.updatedAt, values: { pipelineStageId: move.base.stageId } },
    names: { [stage.id]: stage.name, [pipeline.id]: pipeline.name, ...(before ? { [before.id]: before.name } : {}) },
  });
}

export function setOpportunityStatus(
  w: WriteServices,
  contactId: string,
  change: { opportunityId: string; status: OpportunityStatusView; lostReasonId?: string; base: { updatedAt: string | null; status: OpportunityStatusView } },
  lists: OpportunityLists,
): Promise<ContactDetails> {
  const lostReasonId = change.status === 'lost' ? change.lostReasonId || undefined : undefined;
  if (lostReasonId && !lists.lostReasons.some((r) => r.id === lostReasonId)) throw invalidInput(i18n.t('opportunities.errors.noLostReason'));
  return queueForRecord(w, {
    kind: 'opportunity.status',
    ...ids(w, contactId),
    opportunityId: change.opportunityId,
    status: change.status,
    ...(lostReasonId ? { lostReasonId } : {}),
    base: change.base,
  });
}
