// Opportunities (apps/opportunities.json, Version 2021-07-28): a contact's opportunities, the
// location's pipelines with their stages and its lost reasons, and creating, changing and closing
// one, and deleting one. The GET search takes snake_case `location_id` / `contact_id` (the spec's own names).
// PUTs carry the whole new state of what they change, so they are retried like reads; a create is
// not (the outbox makes it exactly-once).
import { API_VERSION, path, type CallOptions, type GhlHttp } from './http';
import {
  LostReasonListSchema,
  OpportunityEnvelopeSchema,
  OpportunitySearchSchema,
  PipelineListSchema,
  SucceededSchema,
  type LostReason,
  type Opportunity,
  type Pipeline,
} from './schemas';

const version = API_VERSION.opportunities;

export type OpportunityStatus = 'open' | 'won' | 'lost' | 'abandoned';

/** CreateDto's fields (locationId and contactId are added by `create`). */
export interface OpportunityFields {
  pipelineId: string;
  pipelineStageId: string;
  name: string;
  status: OpportunityStatus;
  monetaryValue?: number;
  assignedTo?: string;
}

/** UpdateOpportunityDto: any of these. */
export type OpportunityChange = Partial<Omit<OpportunityFields, 'status'>>;

/** The most a search page holds (the spec: "maximum up to 100"). */
export const OPPORTUNITY_PAGE = 100;

export function opportunitiesApi(http: GhlHttp) {
  const locationId = http.locationId;
  return {
    /** The contact's opportunities, every status, newest first (one page of up to 100). */
    forContact: async (contactId: string, o?: CallOptions): Promise<Opportunity[]> =>
      (
        await http.send({
          ...o,
          method: 'GET',
          path: 'opportunities/search',
          version,
          schema: OpportunitySearchSchema,
          query: { location_id: locationId, contact_id: contactId, status: 'all', limit: OPPORTUNITY_PAGE },
        })
      ).opportunities,

    get: async (id: string, o?: CallOptions): Promise<Opportunity> =>
      (await http.send({ ...o, method: 'GET', path: path`opportunities/${id}`, version, schema: OpportunityEnvelopeSchema })).opportunity,

    pipelines: async (o?: CallOptions): Promise<Pipeline[]> =>
      (await http.send({ ...o, method: 'GET', path: 'opportunities/pipelines', version, schema: PipelineListSchema, query: { locationId } }))
        .pipelines,

    lostReasons: async (o?: CallOptions): Promise<LostReason[]> =>
      (
        await http.send({ ...o, method: 'GET', path: 'opportunities/lost-reason', version, schema: LostReasonListSchema, query: { locationId } })
      ).lostReasons ?? [],

    create: async (contactId: string, fields: OpportunityFields, o?: CallOptions): Promise<Opportunity> =>
      (
        await http.send({
          ...o,
          method: 'POST',
          path: 'opportunities/',
          version,
          schema: OpportunityEnvelopeSchema,
          json: { ...fields, locationId, contactId },
        })
      ).opportunity,

    update: async (id: string, change: OpportunityChange, o?: CallOptions): Promise<Opportunity> =>
      (await http.send({ ...o, method: 'PUT', path: path`opportunities/${id}`, version, schema: OpportunityEnvelopeSchema, json: change }))
        .opportunity,

    /** Deletes one (the outbox removes a copy of its own create that the browser made by sending it again). */
    remove: async (id: string, o?: CallOptions): Promise<void> => {
      await http.send({ ...o, method: 'DELETE', path: path`opportunities/${id}`, version, schema: SucceededSchema });
    },

    /** Won, lost (with a lost reason where the location has them), abandoned, or open again. */
    setStatus: async (id: string, status: OpportunityStatus, lostReasonId?: string, o?: CallOptions): Promise<void> => {
      await http.send({
        ...o,
        method: 'PUT',
        path: path`opportunities/${id}/status`,
        version,
        schema: SucceededSchema,
        json: lostReasonId ? { status, lostReasonId } : { status },
      });
    },
  };
}

export type OpportunitiesApi = ReturnType<typeof opportunitiesApi>;
