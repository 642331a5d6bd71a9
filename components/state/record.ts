// The record's sections' actions: do-not-disturb, custom fields, owner and followers, the page's
// values, opportunities, workflows, freshness and the colleagues' names. Each asks the background
// (which queues the write in the outbox) and shows the record it answers; a refusal is shown with
// the card's other write errors. This store holds nothing of its own.
import { sendMessage, type ContactDetails, type FieldChanges, type Outcome, type OpportunityStatusView } from '@/lib/protocol';
import { ask, valueOf } from './ask';
import { useContact } from './contact';

/** Sends a change of the shown contact; shows the answered record. */
async function change(call: (contactId: string) => Promise<Outcome<ContactDetails>>): Promise<boolean> {
  const contactId = useContact.getState().contactId;
  if (!contactId) return false;
  const res = await ask(() => call(contactId));
  if (!res.ok) {
    useContact.setState({ writeError: res.error });
    return false;
  }
  if (useContact.getState().contactId === contactId) {
    useContact.getState().received(res.value);
    useContact.setState({ writeError: undefined });
  }
  return true;
}

/** The shown record (for the version a change is based on). */
const shown = () => valueOf(useContact.getState().details);

export const recordActions = {
  /** flat changes with the values the user saw when the edit started */
  editFields: (changes: FieldChanges, seen: FieldChanges, dateUpdated: string | null = shown()?.contact.dateUpdated ?? null) =>
    change((contactId) => sendMessage('editContactFields', { contactId, changes, base: { dateUpdated, values: seen } })),

  setFollowers: (add: string[], remove: string[]) => change((contactId) => sendMessage('setFollowers', { contactId, add, remove })),

  async createOpportunity(opportunity: { pipelineId: string; stageId: string; name: string; value?: number }) {
    const created = await change((contactId) => sendMessage('createOpportunity', { contactId, opportunity }));
    // the pipeline and stage chosen are the next one's defaults (kept by the background, no request)
    if (created) void useContact.getState().loadLists();
    return created;
  },

  moveOpportunity: (opportunityId: string, pipelineId: string, stageId: string, base: { updatedAt: string | null; stageId: string }) =>
    change((contactId) => sendMessage('moveOpportunity', { contactId, opportunityId, pipelineId, stageId, base })),

  setOpportunityStatus: (
    opportunityId: string,
    status: OpportunityStatusView,
    base: { updatedAt: string | null; status: OpportunityStatusView },
    lostReasonId?: string,
  ) => change((contactId) => sendMessage('setOpportunityStatus', { contactId, opportunityId, status, base, ...(lostReasonId ? { lostReasonId } : {}) })),

  addToWorkflow: (workflowId: string) => change((contactId) => sendMessage('addToWorkflow', { contactId, workflowId })),
  removeFromWorkflow: (workflowId: string) => change((contactId) => sendMessage('removeFromWorkflow', { contactId, workflowId })),

  /** Reads the shown record again, unless the background finds the rate budget short (the fresh one is pushed). */
  async revalidate(): Promise<void> {
    const contactId = useContact.getState().contactId;
    if (contactId) await ask(() => sendMessage('revalidateContact', { contactId }));
  },

  /** Reads the colleagues' names; answers whether some are still unnamed (the budget was short). */
  async colleagueNames(): Promise<boolean> {
    const contactId = useContact.getState().contactId;
    const details = shown();
    if (!contactId || !details) return false;
    const res = await ask(() => sendMessage('getColleagueNames', { contactId }));
    if (!res.ok) {
      useContact.setState({ writeError: res.error });
      return false;
    }
    const current = shown();
    if (current?.contact.id === contactId) useContact.getState().received({ ...current, colleagues: res.value });
    return res.value.some((c) => c.unnamed);
  },
};

/** The scopes the connection lacks, from the location's lists and the shown record. */
export function useMissingScopes(): string[] {
  const lists = useContact((s) => valueOf(s.lists));
  const details = useContact((s) => valueOf(s.details));
  return [...new Set([...(lists?.missingScopes ?? []), ...(details?.missingScopes ?? [])])];
}
