// Workflows and followers: the location's workflows (apps/workflows.json), adding a contact to a
// workflow or removing it (contacts.json POST|DELETE /contacts/{contactId}/workflow/{workflowId},
// 200 {succeded}), and a contact's followers (POST 201 / DELETE 200 /contacts/{contactId}/followers).
// Readings where the notes are silent, each the stricter one that still lets a client work:
// - adding to a workflow that is not published, or unknown, is refused (400; the spec lists no 404);
// - a contact already running through the workflow is not added again: HighLevel's workflows do not
//   re-enter a contact by default ("Allow re-entry" off), so a repeated add changes nothing;
// - followers must be users of the location, at most 10 per contact (§14, a help article);
// - neither changes the contact's dateUpdated (their answers carry no contact).
import type { Context } from 'hono';
import type { AppCtx, App, Env } from '../context.ts';
import { assertLocation, contactFor, fail, guard, ok, readJson, requireQuery } from '../http.ts';
import { validOrThrow } from '../validate.ts';

export const MAX_FOLLOWERS = 10;

export function workflowRoutes(app: App, ctx: AppCtx): void {
  const write = guard(ctx, { scope: 'contacts.write' });

  for (const path of ['/workflows', '/workflows/']) {
    app.get(path, guard(ctx, { scope: 'workflows.readonly' }), (c) => {
      const locationId = requireQuery(c, 'locationId');
      assertLocation(c, ctx, locationId);
      return ok(c, { workflows: structuredClone(ctx.store.workflows.get(locationId) ?? []) });
    });
  }

  const enrolment = async (c: Context<Env>) => {
    const contact = contactFor(c, ctx, c.req.param('contactId') ?? '');
    validOrThrow(await readJson(c), { eventStartTime: { type: 'isoDate' } });
    const workflow = (ctx.store.workflows.get(contact.locationId) ?? []).find((w) => w.id === c.req.param('workflowId')) ?? fail(400, 'Workflow not found');
    return { contact, workflow, runs: ctx.store.enrolmentsOf(contact.id) };
  };

  app.post('/contacts/:contactId/workflow/:workflowId', write, async (c) => {
    const { workflow, runs } = await enrolment(c);
    if (workflow.status !== 'published') fail(400, 'Workflow is not published');
    if (!runs.some((r) => r.workflowId === workflow.id && r.active)) runs.push({ workflowId: workflow.id, at: new Date(ctx.now()).toISOString(), active: true });
    return ok(c, { succeded: true });
  });

  app.delete('/contacts/:contactId/workflow/:workflowId', write, async (c) => {
    const { workflow, runs } = await enrolment(c);
    for (const r of runs) if (r.workflowId === workflow.id) r.active = false;
    return ok(c, { succeded: true });
  });

  const followersBody = async (c: Context<Env>) => {
    const contact = contactFor(c, ctx, c.req.param('contactId') ?? '');
    const body = await readJson(c);
    validOrThrow(body, { followers: { type: 'string[]', required: true } });
    const ids = [...new Set(body.followers as string[])];
    const users = new Set(ctx.store.usersOf(contact.locationId).map((u) => u.id));
    const strangers = ids.filter((id) => !users.has(id));
    if (strangers.length) fail(400, `Followers must be users of the location: ${strangers.join(', ')}`);
    return { contact, ids };
  };

  app.post('/contacts/:contactId/followers', write, async (c) => {
    const { contact, ids } = await followersBody(c);
    const added = ids.filter((id) => !contact.followers.includes(id));
    if (contact.followers.length + added.length > MAX_FOLLOWERS) fail(400, `A contact can have at most ${MAX_FOLLOWERS} followers`);
    contact.followers.push(...added);
    return ok(c, { followers: [...contact.followers], followersAdded: added }, 201);
  });

  app.delete('/contacts/:contactId/followers', write, async (c) => {
    const { contact, ids } = await followersBody(c);
    const removed = contact.followers.filter((id) => ids.includes(id));
    contact.followers = contact.followers.filter((id) => !ids.includes(id));
    return ok(c, { followers: [...contact.followers], followersRemoved: removed });
  });
}
