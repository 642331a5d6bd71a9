// The client's location (sub-account): its name, shown beside every connection.
import { API_VERSION, path, type CallOptions, type GhlHttp } from './http';
import { LocationEnvelopeSchema, type Location } from './schemas';

export function locationsApi(http: GhlHttp) {
  return {
    get: async (o?: CallOptions): Promise<Location> =>
      (
        await http.send({
          ...o,
          method: 'GET',
          path: path`locations/${http.locationId}`,
          version: API_VERSION.locations,
          schema: LocationEnvelopeSchema,
        })
      ).location,
  };
}

export type LocationsApi = ReturnType<typeof locationsApi>;
