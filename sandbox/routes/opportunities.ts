// Opportunity routes (apps/opportunities.json, Version 2021-07-28 only): the GET search with its
// snake_case query (`location_id`, `contact_id`, …), pipelines with their stages, lost reasons, one
// opportunity, create (201), update, status and delete. Status codes are the spec's: it lists 200/201, 400,
// 401 and 422 for these operations, so an unknown opportunity, pipeline, stage or lost reason is a
// 400 (and another location's opportunity the 403 every route gives, ISSUE #213).
// Stricter readings where the spec is silent: a status of "all" (in the spec's enum, meaningless as
// a state) is refused; a stage must belong to the opportunity's pipeline; a location that does not
// allow duplicate opportunities (`settings.allowDuplicateOpportunity`) refuses a second open one
// of a contact in the same pipeline; the search reads the opportunities themselves (the notes
// report no lag for it, unlike the contact search, §5).
import type { Context } from 'hono';
import type { AppCtx, App, Env } from '../context.ts';
import { assertLocation, fail, guard, ok, readJson, requireQuery, unprocessable } from '../http.ts';
import type { Opportunity, OpportunityStatus, Pipeline } from '../types.ts';
import { validOrThrow, type Rules } from '../validate.ts';

const STATUSES = ['open', 'won', 'lost', 'abandoned'] as const;
const SPEC_STATUSES = [...STATUSES, 'all'] as const;
const SEARCH_QUERY = new Set([
  'q', 'location_id', 'pipeline_id', 'pipeline_stage_id', 'contact_id', 'status', 'assigned_to', 'campaignId', 'id', 'order', 'endDate',
  'startAfter', 'startAfterId', 'date', 'country', 'page', 'limit', 'getTasks', 'getNotes', 'getCalendarEvents',
]);

const common: Rules = {
  pipelineId: { type: 'string' },
  name: { type: 'string' },
  pipelineStageId: { type: 'string' },
  status: { type: 'string', oneOf: SPEC_STATUSES },
  monetaryValue: { type: 'number' },
  assignedTo: { type: 'string' },
  customFields: { type: 'array' },
};
const createRules: Rules = {
  ...common,
  pipelineId: { type: 'string', required: true },
  locationId: { type: 'string', required: true },
  name: { type: 'string', required: true },
  status: { type: 'string', required: true, oneOf: SPEC_STATUSES },
  contactId: { type: 'string', required: true },
};
const statusRules: Rules = { status: { type: 'string', required: true, oneOf: SPEC_STATUSES }, lostReasonId: { type: 'string' } };

export function opportunityRoutes(app: App, ctx: AppCtx): void {
  const read = guard(ctx, { scope: 'opportunities.readonly' });
  const write = guard(ctx, { scope: 'opportunities.write' });
  const nowIso = () => new Date(ctx.now()).toISOString();

  const pipelinesOf = (locationId: string) => ctx.store.pipelines.get(locationId) ?? [];
  const pipelineOf = (locationId: string, id: unknown): Pipeline =>
    pipelinesOf(locationId).find((p) => p.id === id) ?? fail(400, 'Pipeline not found');
  const checkStage = (p: Pipeline, stageId: unknown) => {
    if (!p.stages.some((s) => s.id === stageId)) fail(400, 'Pipeline stage not found in this pipeline');
  };
  const definite = (status: unknown): OpportunityStatus =>
    (STATUSES as readonly unknown[]).includes(status) ? (status as OpportunityStatus) : fail(400, 'Status must be one of open, won, lost, abandoned');
  const checkUser = (assignedTo: unknown) => {
    if (assignedTo !== undefined && !ctx.store.users.has(assignedTo as string)) unprocessable(['assignedTo must be a valid user id']);
  };
  /** The opportunity named in the path: 400 when unknown (the spec lists no 404), 403 when another location's. */
  const opportunityFor = (c: Context<Env>): Opportunity => {
    const opp = ctx.store.opportunities.get(c.req.param('id') ?? '') ?? fail(400, 'Opportunity not found');
    assertLocation(c, ctx, opp.locationId);
    return opp;
  };
  /** SearchOpportunitiesResponseSchema: the opportunity with a short view of its contact. */
  const view = (o: Opportunity) => {
    const contact = ctx.store.contacts.get(o.contactId);
    const name = [contact?.firstName, contact?.lastName].filter(Boolean).join(' ');
    return {
      ...o,
      contact: contact ? { id: contact.id, name, companyName: contact.companyName ?? '', email: contact.email ?? '', phone: contact.phone ?? '', tags: [...contact.tags] } : undefined,
      customFields: [],
      followers: [],
    };
  };

  app.get('/opportunities/search', read, (c) => {
    const query = c.req.query();
    const unknown = Object.keys(query).filter((k) => !SEARCH_QUERY.has(k));
    if (!query.location_id) unprocessable(['location_id should not be empty', 'location_id must be a string', ...unknown.map((k) => `property ${k} should not exist`)]);
    if (unknown.length) unprocessable(unknown.map((k) => `property ${k} should not exist`));
    const locationId = query.location_id!;
    assertLocation(c, ctx, locationId);
    const limit = query.limit === undefined ? 20 : Number(query.limit);
    if (!Number.isInteger(limit) || limit < 1) unprocessable(['limit must be a positive number']);
    if (limit > 100) unprocessable(['limit must not be greater than 100']);
    const page = query.page === undefined ? 1 : Number(query.page);
    if (!Number.isInteger(page) || page < 1) unprocessable(['page must be a positive number']);
    const status = query.status ?? 'all';
    if (!(SPEC_STATUSES as readonly string[]).includes(status)) unprocessable([`status must be one of the following values: ${SPEC_STATUSES.join(', ')}`]);
    const q = (query.q ?? '').trim().toLowerCase();
    const all = [...ctx.store.opportunities.values()]
      .filter((o) => o.locationId === locationId)
      .filter((o) => (status === 'all' || o.status === status)
        && (!query.contact_id || o.contactId === query.contact_id)
        && (!query.pipeline_id || o.pipelineId === query.pipeline_id)
        && (!query.pipeline_stage_id || o.pipelineStageId === query.pipeline_stage_id)
        && (!query.assigned_to || o.assignedTo === query.assigned_to)
        && (!query.id || o.id === query.id)
        && (!q || o.name.toLowerCase().includes(q)))
      .sort((a, b) => (query.order === 'added_asc' ? a.createdAt.localeCompare(b.createdAt) : b.createdAt.localeCompare(a.createdAt)) || a.id.localeCompare(b.id));
    const start = (page - 1) * limit;
    const items = all.slice(start, start + limit);
    const last = items[items.length - 1];
    const more = start + limit < all.length;
    const next = new URL(c.req.url);
    next.searchParams.set('page', String(page + 1));
    return ok(c, {
      opportunities: items.map(view),
      meta: {
        total: all.length, currentPage: page, ...(more ? { nextPage: page + 1, nextPageUrl: next.toString() } : {}), ...(page > 1 ? { prevPage: page - 1 } : {}),
        ...(more && last ? { startAfterId: last.id, startAfter: Date.parse(last.createdAt) } : {}),
      },
      aggregations: {},
    });
  });

  app.get('/opportunities/pipelines', read, (c) => {
    const locationId = requireQuery(c, 'locationId');
    assertLocation(c, ctx, locationId);
    return ok(c, { pipelines: structuredClone(pipelinesOf(locationId)) });
  });

  app.get('/opportunities/lost-reason', read, (c) => {
    const locationId = requireQuery(c, 'locationId');
    assertLocation(c, ctx, locationId);
    const reasons = ctx.store.lostReasons.get(locationId) ?? [];
    return ok(c, { lostReasons: structuredClone(reasons), total: reasons.length });
  });

  app.get('/opportunities/:id', read, (c) => ok(c, { opportunity: view(opportunityFor(c)) }));

  for (const path of ['/opportunities', '/opportunities/']) {
    app.post(path, write, async (c) => {
      const body = await readJson(c);
      validOrThrow(body, createRules);
      const locationId = body.locationId as string;
      assertLocation(c, ctx, locationId);
      const contact = ctx.store.contacts.get(body.contactId as string);
      if (!contact || contact.locationId !== locationId) return fail(400, 'Contact not found');
      const pipeline = pipelineOf(locationId, body.pipelineId);
      const stageId = (body.pipelineStageId as string | undefined) ?? pipeline.stages[0]!.id;
      checkStage(pipeline, stageId);
      const status = definite(body.status);
      checkUser(body.assignedTo);
      const duplicate = ctx.store.opportunitiesOf(contact.id).some((o) => o.pipelineId === pipeline.id && o.status === 'open');
      if (duplicate && !ctx.store.locations.get(locationId)?.settings.allowDuplicateOpportunity) {
        return fail(400, 'Can not create duplicate opportunity for the contact.');
      }
      const at = nowIso();
      const opp: Opportunity = {
        id: ctx.store.newId(), name: body.name as string, monetaryValue: (body.monetaryValue as number | undefined) ?? 0, pipelineId: pipeline.id,
        pipelineStageId: stageId, status, source: 'api', contactId: contact.id, locationId, createdAt: at, updatedAt: at,
        lastStatusChangeAt: at, lastStageChangeAt: at, lastActionDate: at, ...(body.assignedTo ? { assignedTo: body.assignedTo as string } : {}),
      };
      ctx.store.opportunities.set(opp.id, opp);
      return ok(c, { opportunity: view(opp) }, 201);
    });
  }

  app.put('/opportunities/:id', write, async (c) => {
    const opp = opportunityFor(c);
    const body = await readJson(c);
    validOrThrow(body, common);
    const pipeline = pipelineOf(opp.locationId, body.pipelineId ?? opp.pipelineId);
    const stageId = (body.pipelineStageId as string | undefined) ?? (pipeline.id === opp.pipelineId ? opp.pipelineStageId : pipeline.stages[0]!.id);
    checkStage(pipeline, stageId);
    const status = body.status === undefined ? opp.status : definite(body.status);
    checkUser(body.assignedTo);
    const at = nowIso();
    if (stageId !== opp.pipelineStageId) opp.lastStageChangeAt = at;
    if (status !== opp.status) opp.lastStatusChangeAt = at;
    Object.assign(opp, {
      pipelineId: pipeline.id, pipelineStageId: stageId, status,
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(body.monetaryValue !== undefined ? { monetaryValue: body.monetaryValue } : {}),
      ...(body.assignedTo !== undefined ? { assignedTo: body.assignedTo } : {}),
      updatedAt: at, lastActionDate: at,
    });
    return ok(c, { opportunity: view(opp) });
  });

  app.delete('/opportunities/:id', write, (c) => {
    const opp = opportunityFor(c);
    ctx.store.opportunities.delete(opp.id);
    return ok(c, { succeded: true });
  });

  app.put('/opportunities/:id/status', write, async (c) => {
    const opp = opportunityFor(c);
    const body = await readJson(c);
    validOrThrow(body, statusRules);
    const status = definite(body.status);
    if (body.lostReasonId !== undefined) {
      if (status !== 'lost') fail(400, 'A lost reason can only be given with the status lost');
      if (!(ctx.store.lostReasons.get(opp.locationId) ?? []).some((r) => r.id === body.lostReasonId)) fail(400, 'Lost reason not found');
    }
    const at = nowIso();
    if (status !== opp.status) opp.lastStatusChangeAt = at;
    opp.status = status;
    if (status === 'lost' && body.lostReasonId) opp.lostReasonId = body.lostReasonId as string;
    else delete opp.lostReasonId;
    opp.updatedAt = at;
    opp.lastActionDate = at;
    return ok(c, { succeded: true });
  });
}
