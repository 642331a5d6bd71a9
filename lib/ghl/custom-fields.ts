// The location's contact custom fields: names, types and options for the ids a contact's record
// carries (the sidebar edits them by type), and the fields the options offer for the detected title.
import * as v from 'valibot';
import { API_VERSION, path, type CallOptions, type GhlHttp } from './http';

const text = v.nullish(v.string());

/** apps/locations.json CustomFieldSchema (loose: HighLevel adds fields without notice). */
const CustomFieldSchema = v.looseObject({
  id: v.string(),
  name: text,
  model: text,
  fieldKey: text,
  /** TEXT, LARGE_TEXT, NUMERICAL, MONETORY, DATE, SINGLE_OPTIONS, MULTIPLE_OPTIONS, RADIO, CHECKBOX, PHONE, EMAIL, … */
  dataType: text,
  position: v.nullish(v.number()),
  placeholder: text,
  picklistOptions: v.nullish(v.array(v.string())),
});
const CustomFieldListSchema = v.looseObject({ customFields: v.array(CustomFieldSchema) });

export type CustomField = v.InferOutput<typeof CustomFieldSchema>;

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
