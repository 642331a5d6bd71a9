// The active location's lists the pages pick from: users (owner and assignee names, the assignee
// picker), the tag catalogue (tags used lately first) and contact custom fields (names for ids,
// the field mapping of creates). Read from HighLevel at most every ten minutes.
import type { GhlClient, User } from '../ghl';
import type { LocationLists } from '../protocol';
import { recentTagsItem } from '../storage';
import { userOptions } from './shape';

const TTL_MS = 600_000;
const RECENT_MAX = 20;

/** Remembers tags the user just added, newest first, for the location's type-ahead. */
export async function rememberRecentTags(locationId: string, tags: string[]): Promise<void> {
  const all = await recentTagsItem.getValue();
  const mine = [...tags, ...(all[locationId] ?? []).filter((t) => !tags.includes(t))].slice(0, RECENT_MAX);
  await recentTagsItem.setValue({ ...all, [locationId]: mine });
}

export function locationLists(client: GhlClient, now: () => number = Date.now) {
  const locationId = client.locationId;
  let loaded: Promise<{ at: number; users: Map<string, User>; tags: string[]; fields: Map<string, string> }> | undefined;

  const load = () => {
    if (!loaded) {
      // each list is a nicety: a missing scope leaves it empty rather than failing the sidebar
      loaded = Promise.all([
        client.users.list().catch(() => [] as User[]),
        client.tags.locationTags().catch(() => []),
        client.customFields.contactFields().catch(() => []),
      ]).then(([users, tags, fields]) => ({
        at: now(),
        users: new Map(users.map((u) => [u.id, u])),
        tags: tags.map((t) => t.name),
        fields: new Map(fields.map((f) => [f.id, f.name ?? f.id])),
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
      return { tags, recentTags: used.slice(0, 3), users: userOptions(l.users), customFields: [...l.fields].map(([id, name]) => ({ id, name })) };
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
