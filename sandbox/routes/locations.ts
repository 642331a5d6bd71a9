// Location-level routes: the location itself, its tag catalogue, its contact custom fields, and its
// users (apps/locations.json, apps/users.json).
import type { AppCtx, App } from '../context.ts';
import { assertLocation, fail, guard, ok, requireQuery } from '../http.ts';
import type { Location, User } from '../types.ts';

const locationView = (l: Location) => ({
  ...l,
  business: { name: l.name, address: l.address, city: l.city, state: l.state, country: l.country, postalCode: l.postalCode, website: l.website, timezone: l.timezone },
  social: {},
});

const userView = (u: User) => ({ ...u, roles: { ...u.roles, locationIds: [...u.roles.locationIds] } });

export function locationRoutes(app: App, ctx: AppCtx): void {
  app.get('/locations/:locationId', guard(ctx, { scope: 'locations.readonly', allowCompany: true }), (c) => {
    const id = c.req.param('locationId');
    assertLocation(c, ctx, id);
    const loc = ctx.store.locations.get(id) ?? fail(404, 'Location not found');
    return ok(c, { location: locationView(loc) });
  });

  app.get('/locations/:locationId/tags', guard(ctx, { scope: 'locations/tags.readonly' }), (c) => {
    const id = c.req.param('locationId');
    assertLocation(c, ctx, id);
    const tags = [...(ctx.store.tags.get(id) ?? [])].sort((a, b) => a.name.localeCompare(b.name));
    return ok(c, { tags: tags.map((t) => ({ ...t })) });
  });

  app.get('/locations/:locationId/customFields', guard(ctx, { scope: 'locations/customFields.readonly' }), (c) => {
    const id = c.req.param('locationId');
    assertLocation(c, ctx, id);
    const model = c.req.query('model');
    const fields = (ctx.store.customFields.get(id) ?? []).filter((f) => !model || model === 'all' || f.model === model);
    return ok(c, { customFields: fields.map((f) => ({ ...f })) });
  });

  const usersRead = guard(ctx, { scope: 'users.readonly' });
  for (const path of ['/users', '/users/']) {
    app.get(path, usersRead, (c) => {
      const locationId = requireQuery(c, 'locationId');
      assertLocation(c, ctx, locationId);
      return ok(c, { users: ctx.store.usersOf(locationId).map(userView) });
    });
  }

  app.get('/users/:userId', usersRead, (c) => {
    const user = ctx.store.users.get(c.req.param('userId'));
    if (!user || user.deleted) return fail(404, 'User not found');
    const auth = c.get('auth');
    if (!auth.locationId || !user.roles.locationIds.includes(auth.locationId)) fail(403, 'The token does not have access to this location.');
    return ok(c, userView(user));
  });
}
