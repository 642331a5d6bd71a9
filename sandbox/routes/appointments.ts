// GET /contacts/:contactId/appointments (contacts spec; calendars' Version 2021-04-15 accepted too).
import type { AppCtx, App } from '../context.ts';
import { V2021_04_15, V2021_07_28, contactFor, guard, ok } from '../http.ts';

export function appointmentRoutes(app: App, ctx: AppCtx): void {
  app.get('/contacts/:contactId/appointments', guard(ctx, { scope: 'contacts.readonly', versions: [V2021_07_28, V2021_04_15] }), (c) => {
    const contact = contactFor(c, ctx, c.req.param('contactId'));
    const events = [...ctx.store.appointmentsOf(contact.id)].sort((a, b) => a.startTime.localeCompare(b.startTime));
    return ok(c, { events: events.map((e) => ({ ...e })) });
  });
}
