// The active location's lists the pages pick from: users (owner and assignee names, the assignee
// picker), the tag catalogue (tags used lately first) and contact custom fields (names for ids,
// the field mapping of creates). Read from HighLevel at most every ten minutes.
import * as v from 'valibot';
import type { GhlClient, TokenSource, User } from '../ghl';
import { API_VERSION, createHttp, path } from '../ghl/http';
import type { LocationLists } from '../messaging';
import { recentTagsItem } from '../storage';
import { userOptions } from './views';

const TTL_MS = 600_000;
const RECENT_MAX = 20;

const CustomFieldListSchema = v.looseObject({
  customFields: v.array(v.looseObject({ id: v.string(), name: v.nullish(v.string()), model: v.nullish(v.string()) })),
});

export interface ListsSource {
  client: GhlClient;
  /** for the custom-field call lib/ghl has no method for */
  tokens: TokenSource;
  baseUrl: string;
}

/** GET /locations/:id/customFields through lib/ghl's request path (pacing, errors, validation). */
async function customFieldNames(src: ListsSource): Promise<Map<string, string>> {
  const http = createHttp({ baseUrl: src.baseUrl, locationId: src.client.locationId, tokens: src.tokens });
  const res = await http.send({
    method: 'GET',
    path: path`locations/${src.client.locationId}/customFields`,
    version: API_VERSION.locations,
    schema: CustomFieldListSchema,
    query: { model: 'contact' },
  });
  return new Map(res.customFields.map((f) => [f.id, f.name ?? f.id]));
}

/** Remembers tags the user just added, newest first, for the location's type-ahead. */
export async function rememberRecentTags(locationId: string, tags: string[]): Promise<void> {
  const all = await recentTagsItem.getValue();
  const mine = [...tags, ...(all[locationId] ?? []).filter((t) => !tags.includes(t))].slice(0, RECENT_MAX);
  await recentTagsItem.setValue({ ...all, [locationId]: mine });
}

export function locationLists(src: ListsSource, now: () => number = Date.now) {
  const locationId = src.client.locationId;
  let loaded: Promise<{ at: number; users: Map<string, User>; tags: string[]; fields: Map<string, string> }> | undefined;

  const load = () => {
    if (!loaded) {
      // each list is a nicety: a missing scope leaves it empty rather than failing the sidebar
      loaded = Promise.all([
        src.client.users.list().catch(() => [] as User[]),
        src.client.tags.locationTags().catch(() => []),
        customFieldNames(src).catch(() => new Map<string, string>()),
      ]).then(([users, tags, fields]) => ({
        at: now(),
        users: new Map(users.map((u) => [u.id, u])),
        tags: tags.map((t) => t.name),
        fields,
      }));
    }
    return loaded.then((l) => {
      if (now() - l.at > TTL_MS) loaded = undefined;
      return l;
    });
  };

  return {
    users: async () => (await load()).users,
    fieldNames: async () => (await load()).fields,
    async lists(): Promise<LocationLists> {
      const [l, recent] = await Promise.all([load(), recentTagsItem.getValue()]);
      const used = recent[locationId] ?? [];
      const tags = [...used, ...l.tags.filter((t) => !used.includes(t)).sort((a, b) => a.localeCompare(b))];
      return { tags, users: userOptions(l.users), customFields: [...l.fields].map(([id, name]) => ({ id, name })) };
    },
    /** After a write: the tags join the catalogue and the recent list. */
    async tagsUsed(tags: string[]) {
      const l = await load();
      for (const t of tags) if (!l.tags.includes(t)) l.tags.push(t);
      await rememberRecentTags(locationId, tags);
    },
  };
}

export type LocationListsReader = ReturnType<typeof locationLists>;
