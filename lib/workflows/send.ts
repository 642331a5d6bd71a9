// How the outbox sends workflow writes (its performers for workflow.add and workflow.remove).
// Adding is a POST HighLevel gives no way to check afterwards (no call lists a contact's
// workflows). When its answer is lost, the outbox sends it again: a workflow does not take a
// contact that is already running through it again unless the workflow allows re-entry
// (HighLevel's default: it does not), so the contact is added once. A workflow set to allow
// re-entry could take the contact twice in that case; the activity log shows each attempt.
// Removing is a DELETE: sending it twice changes nothing.
import { NO_RETRY, type AttemptOutcome, type Performers, type Write } from '../outbox';
import { forgetAdded, rememberAdded } from './added';

type Of<K extends Write['kind']> = Extract<Write, { kind: K }>;

export const workflowPerformers: Performers = {
  async 'workflow.add'(client, record, hooks): Promise<AttemptOutcome> {
    const w = record.write as Of<'workflow.add'>;
    hooks.dispatching();
    await client.workflows.addContact(w.contactId, w.workflowId, NO_RETRY);
    await rememberAdded(client.locationId, w.contactId, { workflowId: w.workflowId, name: w.name ?? w.workflowId, at: Date.now() });
    return { state: 'done', result: { id: w.workflowId } };
  },

  async 'workflow.remove'(client, record): Promise<AttemptOutcome> {
    const w = record.write as Of<'workflow.remove'>;
    await client.workflows.removeContact(w.contactId, w.workflowId, NO_RETRY);
    await forgetAdded(client.locationId, w.contactId, w.workflowId);
    return { state: 'done', result: { id: w.workflowId } };
  },
};
