// Wiring: the messages of the record's sections, one line each, to their domain functions:
// contact fields (do-not-disturb, custom fields, owner, the page's values) and followers in
// lib/record, opportunities in lib/opportunities, workflows in lib/workflows, and keeping the
// shown record fresh.
import { createOpportunity, moveOpportunity, setOpportunityStatus } from '../opportunities';
import { ok } from '../protocol';
import { changeFollowers, editContactFields } from '../record';
import { addToWorkflow, removeFromWorkflow } from '../workflows';
import type { LocationServicesRegistry } from './connections';
import type { Handlers } from './router';

type RecordHandlers = Pick<
  Handlers,
  | 'editContactFields'
  | 'setFollowers'
  | 'createOpportunity'
  | 'moveOpportunity'
  | 'setOpportunityStatus'
  | 'addToWorkflow'
  | 'removeFromWorkflow'
  | 'revalidateContact'
  | 'getColleagueNames'
>;

export function recordHandlers(services: LocationServicesRegistry): RecordHandlers {
  const active = () => services.active();
  const lists = async () => {
    const s = await active();
    return { s, l: await s.lists.lists() };
  };
  return {
    async editContactFields({ contactId, changes, base }) {
      const { s, l } = await lists();
      return ok(await editContactFields(s, contactId, { changes, base }, { fields: l.customFields, users: l.users }));
    },
    async setFollowers({ contactId, add, remove }) {
      const { s, l } = await lists();
      const current = (await s.records.get(contactId)).details.contact.followers ?? [];
      return ok(await changeFollowers(s, contactId, { add, remove }, current, l.users));
    },
    createOpportunity: async ({ contactId, opportunity }) => {
      const { s, l } = await lists();
      return ok(await createOpportunity(s, contactId, opportunity, l));
    },
    moveOpportunity: async ({ contactId, ...move }) => {
      const { s, l } = await lists();
      return ok(await moveOpportunity(s, contactId, move, l));
    },
    setOpportunityStatus: async ({ contactId, ...change }) => {
      const { s, l } = await lists();
      return ok(await setOpportunityStatus(s, contactId, change, l));
    },
    addToWorkflow: async ({ contactId, workflowId }) => {
      const { s, l } = await lists();
      return ok(await addToWorkflow(s, contactId, workflowId, l.workflows));
    },
    removeFromWorkflow: async ({ contactId, workflowId }) => {
      const s = await active();
      const shown = (await s.records.get(contactId)).details.workflowsAdded?.find((w) => w.workflowId === workflowId);
      return ok(await removeFromWorkflow(s, contactId, workflowId, shown?.name));
    },
    revalidateContact: async ({ contactId }) => ok(await (await active()).revalidate(contactId)),
    getColleagueNames: async ({ contactId }) => ok(await (await active()).colleagueNames(contactId)),
  };
}
