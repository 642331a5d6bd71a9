// Workflows: the location's workflows (apps/workflows.json), and adding a contact to one or
// removing it (contacts.json, POST|DELETE /contacts/{contactId}/workflow/{workflowId}).
// HighLevel has no endpoint that lists the workflows a contact is in.
// Adding is a POST: not retried on its own (the outbox decides, see lib/workflows). Removing is
// a DELETE: retried like one.
import { API_VERSION, path, type CallOptions, type GhlHttp } from './http';
import { SucceededSchema, WorkflowListSchema, type Workflow } from './schemas';

export function workflowsApi(http: GhlHttp) {
  const enrolment = (contactId: string, workflowId: string) => path`contacts/${contactId}/workflow/${workflowId}`;
  return {
    list: async (o?: CallOptions): Promise<Workflow[]> =>
      (
        await http.send({
          ...o,
          method: 'GET',
          path: 'workflows/',
          version: API_VERSION.workflows,
          schema: WorkflowListSchema,
          query: { locationId: http.locationId },
        })
      ).workflows,

    addContact: async (contactId: string, workflowId: string, o?: CallOptions): Promise<void> => {
      await http.send({ ...o, method: 'POST', path: enrolment(contactId, workflowId), version: API_VERSION.contacts, schema: SucceededSchema, json: {} });
    },

    removeContact: async (contactId: string, workflowId: string, o?: CallOptions): Promise<void> => {
      await http.send({ ...o, method: 'DELETE', path: enrolment(contactId, workflowId), version: API_VERSION.contacts, schema: SucceededSchema, json: {} });
    },
  };
}

export type WorkflowsApi = ReturnType<typeof workflowsApi>;
