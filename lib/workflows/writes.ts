// Adding the contact to one of the location's published workflows, or removing it, queued in the
// outbox (sent by send.ts). The sidebar asks first: a workflow may send the contact messages.
import { i18n } from '#i18n';
import { queueForRecord, type WriteServices } from '../outbox';
import { invalidInput, type ContactDetails, type WorkflowOption } from '../protocol';

const ids = (w: WriteServices, contactId: string) => ({ connectionId: w.connectionId, contactId });

export function addToWorkflow(w: WriteServices, contactId: string, workflowId: string, published: WorkflowOption[]): Promise<ContactDetails> {
  const workflow = published.find((x) => x.id === workflowId);
  if (!workflow) throw invalidInput(i18n.t('workflows.errors.notPublished'));
  return queueForRecord(w, { kind: 'workflow.add', ...ids(w, contactId), workflowId, name: workflow.name });
}

export function removeFromWorkflow(w: WriteServices, contactId: string, workflowId: string, name?: string): Promise<ContactDetails> {
  return queueForRecord(w, { kind: 'workflow.remove', ...ids(w, contactId), workflowId, ...(name ? { name } : {}) });
}
