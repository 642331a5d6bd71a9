// Workflows as the sidebar shows them: the published ones to pick from, and the contact's workflows
// added from here, with the outbox's additions and removals laid over them (pending until answered).
import type { Workflow } from '../ghl';
import type { WriteRecord } from '../outbox';
import type { AddedWorkflowView, WorkflowOption } from '../protocol';
import type { AddedWorkflow } from './added';

type Write = WriteRecord['write'];
type WorkflowWrite = Extract<Write, { kind: 'workflow.add' | 'workflow.remove' }>;

export const isWorkflowWrite = <W extends { kind: string }>(w: W): w is Extract<W, { kind: WorkflowWrite['kind'] }> => w.kind.startsWith('workflow.');

export const publishedWorkflows = (workflows: Workflow[]): WorkflowOption[] =>
  workflows
    .filter((w) => w.status === 'published')
    .map((w) => ({ id: w.id, name: w.name ?? w.id }))
    .sort((a, b) => a.name.localeCompare(b.name));

export const addedViews = (added: AddedWorkflow[]): AddedWorkflowView[] =>
  [...added].sort((a, b) => b.at - a.at).map((a) => ({ workflowId: a.workflowId, name: a.name, addedAt: a.at }));

/** The list with a write laid over it; `doneAt`: when HighLevel took it (absent: still pending). */
export function layWorkflowWrite(list: AddedWorkflowView[], w: Pick<WorkflowWrite, 'kind' | 'workflowId' | 'name'>, doneAt?: number): AddedWorkflowView[] {
  const others = list.filter((x) => x.workflowId !== w.workflowId);
  if (w.kind === 'workflow.remove') return others;
  const entry: AddedWorkflowView = doneAt === undefined ? { workflowId: w.workflowId, name: w.name ?? w.workflowId, pending: true } : { workflowId: w.workflowId, name: w.name ?? w.workflowId, addedAt: doneAt };
  return [entry, ...others];
}
