// The location's contact custom fields: names for the ids a contact's record carries, and the
// fields the options offer for the detected job title.
import * as v from 'valibot';
import { API_VERSION, path, type CallOptions, type GhlHttp } from './http';

const CustomFieldListSchema = v.looseObject({
  customFields: v.array(v.looseObject({ id: v.string(), name: v.nullish(v.string()), model: v.nullish(v.string()) })),
});

export type CustomField = v.InferOutput<typeof CustomFieldListSchema>['customFields'][number];

export function customFieldsApi(http: GhlHttp) {
  return {
    /** GET /locations/:id/customFields?model=contact */
    contactFields: async (o?: CallOptions): Promise<CustomField[]> =>
      (
        await http.send({
          ...o,
          method: 'GET',
          path: path`locations/${http.locationId}/customFields`,
          version: API_VERSION.locations,
          schema: CustomFieldListSchema,
          query: { model: 'contact' },
        })
      ).customFields,
  };
}

export type CustomFieldsApi = ReturnType<typeof customFieldsApi>;
