// The active location's lists the pages pick from: users (owner, assignee and follower names and
// pickers), the tag catalogue (tags used lately first), contact custom fields with their types,
// pipelines with their stages, lost reasons and published workflows. All read at once (one round
// trip, in parallel with a record's own reads) and kept ten minutes, in memory and in
// storage.session: the browser stops an idle worker after 30 s, and the next page's report would
// otherwise wait behind six list reads (all of Chromium's connections to one host) before its
// look-up. Each list needs its scope: a scope the connection lacks leaves its list empty and is
// named in `missingScopes` (the section that needs it says so); a list HighLevel failed to answer
// is asked again at the next use (and the lists are not kept).
import { storage } from 'wxt/utils/storage';
import type { GhlClient, User } from '../ghl';
import { opportunityDefaults, opportunityLists } from '../opportunities';
import type { CustomFieldDefinition, LocationLists, PipelineView, WorkflowOption } from '../protocol';
import { SCOPES, USED_SCOPES, missingScopes, scopeRecord, withScope, type Scope } from '../scopes';
import { recentTagsItem } from '../storage';
import { publishedWorkflows } from '../workflows';
import { fieldDefinitions } from './custom-fields';
import { userOptions } from './shape';

const TTL_MS = 600_000;
const RECENT_MAX = 20;

/** Remembers tags the user just added, newest first, for the location's type-ahead. */
export async function rememberRecentTags(locationId: string, tags: string[]): Promise<void> {
  const all = await recentTagsItem.getValue();
  const mine = [...tags, ...(all[locationId] ?? []).filter((t) => !tags.includes(t))].slice(0, RECENT_MAX);
  await recentTagsItem.setValue({ ...all, [locationId]: mine });
}

/** Forgets tags HighLevel refused from the recent ones: they are not offered again. */
async function forgetRecentTags(locationId: string, tags: string[]): Promise<void> {
  const all = await recentTagsItem.getValue();
  const mine = all[locationId] ?? [];
  const left = mine.filter((t) => !tags.includes(t));
  if (left.length !== mine.length) await recentTagsItem.setValue({ ...all, [locationId]: left });
}

interface Loaded {
  at: number;
  users: Map<string, User>;
  tags: string[];
  /** of `tags`, those that joined them by being used here, not read from HighLevel */
  newTags?: string[];
  /** undefined: the definitions could not be read (scope missing, or HighLevel failed) */
  fields?: CustomFieldDefinition[];
  pipelines: PipelineView[];
  lostReasons: { id: string; name: string }[];
  workflows: WorkflowOption[];
}

/** The lists as kept in storage.session, for a restarted worker (users as a list). */
type Kept = Omit<Loaded, 'users'> & { users: User[] };

/** A connection's lists kept for a restarted worker; removed when it signs out or is connected again. */
export const keptListsItem = (connectionId: string) => storage.defineItem<Kept | null>(`session:lists:${connectionId}`, { fallback: null });

/** One list: its value, empty when its scope is missing; a failure marks the lists to be read again. */
async function listOf<T>(connectionId: string, scope: Scope, read: () => Promise<T>, empty: T, failed: () => void): Promise<T> {
  try {
    const got = await withScope(connectionId, scope, read);
    return got.ok ? got.value : empty;
  } catch {
    failed();
    return empty;
  }
}

export function locationLists(client: GhlClient, connectionId: string, now: () => number = Date.now) {
  const locationId = client.locationId;
  let loaded: Promise<Loaded> | undefined;
  const kept = keptListsItem(connectionId);

  function read(): Promise<Loaded> {
    let failed = false;
    const fail = () => void (failed = true);
    const noFields = undefined as CustomFieldDefinition[] | undefined;
    return Promise.all([
      listOf(connectionId, SCOPES.users, () => client.users.list(), [] as User[], fail),
      listOf(connectionId, SCOPES.tags, () => client.tags.locationTags(), [], fail),
      listOf(connectionId, SCOPES.customFields, async () => fieldDefinitions(await client.customFields.contactFields()), noFields, fail),
      listOf(connectionId, SCOPES.opportunitiesRead, () => opportunityLists(client), { pipelines: [], lostReasons: [] }, fail),
      listOf(connectionId, SCOPES.workflows, async () => publishedWorkflows(await client.workflows.list()), [] as WorkflowOption[], fail),
    ]).then(([users, tags, fields, opportunities, workflows]) => {
      const l: Loaded = {
        // read again at the next use when a list failed
        at: failed ? -Infinity : now(),
        users: new Map(users.map((u) => [u.id, u])),
        tags: tags.map((t) => t.name),
        fields,
        ...opportunities,
        workflows,
      };
      if (!failed) void keep(l);
      return l;
    });
  }

  /** keeps the lists for a restarted worker; a full storage.session only costs that */
  const keep = (l: Loaded) => kept.setValue({ ...l, users: [...l.users.values()] }).catch(() => undefined);

  /** the lists a worker before this one kept, while still fresh */
  async function fromKept(): Promise<Loaded | undefined> {
    const k = await kept.getValue().catch(() => null);
    if (!k || now() - k.at > TTL_MS) return undefined;
    return { ...k, users: new Map(k.users.map((u) => [u.id, u])) };
  }

  const load = () => {
    loaded ??= fromKept().then((k) => k ?? read());
    return loaded.then((l) => {
      if (now() - l.at > TTL_MS) loaded = undefined;
      return l;
    });
  };

  return {
    load,
    /** Forgets the lists, here and kept: the next use reads them again (the user asked for a fresh record). */
    async forget(): Promise<void> {
      loaded = undefined;
      await kept.removeValue();
    },
    users: async () => (await load()).users,
    /** the location's contact custom fields, or undefined when they could not be read */
    fields: async () => (await load()).fields,
    async missingScopes(): Promise<string[]> {
      return missingScopes(await scopeRecord(connectionId), USED_SCOPES);
    },
    async lists(): Promise<LocationLists> {
      const [l, recent, defaults] = await Promise.all([load(), recentTagsItem.getValue(), opportunityDefaults(locationId)]);
      const missing = await this.missingScopes(); // after the lists: their refusals are learned

      const used = recent[locationId] ?? [];
      const tags = [...used, ...l.tags.filter((t) => !used.includes(t)).sort((a, b) => a.localeCompare(b))];
      return {
        tags,
        recentTags: used.slice(0, 3),
        users: userOptions(l.users),
        customFields: l.fields ?? [],
        pipelines: l.pipelines,
        lostReasons: l.lostReasons,
        workflows: l.workflows,
        missingScopes: missing,
        ...(defaults ? { opportunityDefaults: defaults } : {}),
      };
    },
    /** After a write: the tags join the catalogue and the recent list. */
    async tagsUsed(tags: string[]) {
      const l = await load();
      const added = tags.filter((t) => !l.tags.includes(t));
      l.tags.push(...added);
      if (added.length) l.newTags = [...(l.newTags ?? []), ...added];
      if (added.length && l.at !== -Infinity) await keep(l);
      await rememberRecentTags(locationId, tags);
    },
    /** After a tag write HighLevel refused: its tags leave the recent list, and the catalogue if they came into it by that write. */
    async tagsRefused(tags: string[]) {
      const l = await load();
      const gone = (l.newTags ?? []).filter((t) => tags.includes(t));
      if (gone.length) {
        l.tags = l.tags.filter((t) => !gone.includes(t));
        l.newTags = l.newTags!.filter((t) => !gone.includes(t));
        if (l.at !== -Infinity) await keep(l);
      }
      await forgetRecentTags(locationId, tags);
    },
  };
}

export type LocationListsReader = ReturnType<typeof locationLists>;
