// Appointments: a contact's appointments (a contacts-service endpoint, so Version 2021-07-28 as
// its spec requires) and one appointment from the calendars service (Version 2021-04-15).
import { API_VERSION, path, type CallOptions, type GhlHttp } from './http';
import { AppointmentEnvelopeSchema, AppointmentListSchema, type Appointment } from './schemas';

export function appointmentsApi(http: GhlHttp) {
  return {
    forContact: async (contactId: string, o?: CallOptions): Promise<Appointment[]> =>
      (
        await http.send({
          ...o,
          method: 'GET',
          path: path`contacts/${contactId}/appointments`,
          version: API_VERSION.contacts,
          schema: AppointmentListSchema,
        })
      ).events,

    get: async (eventId: string, o?: CallOptions): Promise<Appointment> =>
      (
        await http.send({
          ...o,
          method: 'GET',
          path: path`calendars/events/appointments/${eventId}`,
          version: API_VERSION.calendars,
          schema: AppointmentEnvelopeSchema,
        })
      ).event,
  };
}

export type AppointmentsApi = ReturnType<typeof appointmentsApi>;
