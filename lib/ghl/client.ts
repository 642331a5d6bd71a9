// createGhlClient: one HighLevel client per connection (location), built on one ky instance.
// The background keeps one per connection; nothing outside the background may create one.
import { appointmentsApi } from './appointments';
import { contactsApi } from './contacts';
import { customFieldsApi } from './custom-fields';
import { createHttp, type HttpOptions } from './http';
import { locationsApi } from './locations';
import { notesApi } from './notes';
import { opportunitiesApi } from './opportunities';
import { tagsApi } from './tags';
import { tasksApi } from './tasks';
import { usersApi } from './users';
import { workflowsApi } from './workflows';

export type GhlClientOptions = HttpOptions;

export function createGhlClient(opts: GhlClientOptions) {
  const http = createHttp(opts);
  return {
    locationId: opts.locationId,
    contacts: contactsApi(http),
    tasks: tasksApi(http),
    notes: notesApi(http),
    tags: tagsApi(http),
    appointments: appointmentsApi(http),
    locations: locationsApi(http),
    users: usersApi(http),
    customFields: customFieldsApi(http),
    opportunities: opportunitiesApi(http),
    workflows: workflowsApi(http),
    /** Whether the location's rate budget has room for `requests` more now (optional work asks first). */
    hasRoomFor: (requests: number) => http.hasRoomFor(requests),
  };
}

export type GhlClient = ReturnType<typeof createGhlClient>;
