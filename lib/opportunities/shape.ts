// HighLevel's opportunities, pipelines and lost reasons -> what the sidebar shows (lib/protocol.ts):
// stage and pipeline by name, open ones first, then the most recently changed.
import type { LostReason, Opportunity, Pipeline } from '../ghl';
import type { OpportunityStatusView, OpportunityView, PipelineView } from '../protocol';

const STATUSES: readonly OpportunityStatusView[] = ['open', 'won', 'lost', 'abandoned'];
const statusOf = (s: string | null | undefined): OpportunityStatusView => (STATUSES.includes(s as OpportunityStatusView) ? (s as OpportunityStatusView) : 'open');

export function pipelineViews(pipelines: Pipeline[]): PipelineView[] {
  return pipelines.map((p) => ({
    id: p.id,
    name: p.name ?? p.id,
    stages: [...(p.stages ?? [])].sort((a, b) => (a.position ?? 0) - (b.position ?? 0)).map((s) => ({ id: s.id, name: s.name ?? s.id })),
  }));
}

export const lostReasonViews = (reasons: LostReason[]) => reasons.map((r) => ({ id: r.id, name: r.name ?? r.id }));

/** What names the ids of an opportunity: the location's pipelines, lost reasons and users. */
export interface OpportunityNames {
  pipelines: PipelineView[];
  lostReasons: { id: string; name: string }[];
  userName: (id: string) => string | undefined;
}

/** Pipeline, stage and lost reason names of an opportunity whose ids changed. */
export function named(o: OpportunityView, names: OpportunityNames): OpportunityView {
  const pipeline = names.pipelines.find((p) => p.id === o.pipelineId);
  return {
    ...o,
    pipelineName: pipeline?.name,
    stageName: pipeline?.stages.find((s) => s.id === o.stageId)?.name,
    lostReasonName: o.lostReasonId ? names.lostReasons.find((r) => r.id === o.lostReasonId)?.name : undefined,
    ownerName: o.assignedTo ? names.userName(o.assignedTo) : undefined,
  };
}

/** Open first, then the most recently changed. */
export const sortOpportunities = (list: OpportunityView[]) =>
  [...list].sort((a, b) => Number(a.status !== 'open') - Number(b.status !== 'open') || (Date.parse(b.updatedAt ?? '') || 0) - (Date.parse(a.updatedAt ?? '') || 0));

export function opportunityViews(opportunities: Opportunity[], names: OpportunityNames): OpportunityView[] {
  return sortOpportunities(
    opportunities.map((o) =>
      named(
        {
          id: o.id,
          name: o.name ?? '',
          pipelineId: o.pipelineId ?? '',
          stageId: o.pipelineStageId ?? '',
          status: statusOf(o.status),
          value: o.monetaryValue ?? undefined,
          assignedTo: o.assignedTo ?? undefined,
          lostReasonId: o.lostReasonId ?? undefined,
          updatedAt: o.updatedAt ?? undefined,
        },
        names,
      ),
    ),
  );
}
