// The workflows a contact was added to from this extension, kept in storage.local per location and
// contact: HighLevel's API has no call that lists the workflows a contact is in, so the sidebar can
// show only these, marked as added from here. The newest MAX_KEPT additions are kept.
import { storage } from 'wxt/utils/storage';

export interface AddedWorkflow {
  workflowId: string;
  name: string;
  /** when HighLevel took the addition (ms) */
  at: number;
}

const MAX_KEPT = 2_000;
const key = (locationId: string, contactId: string) => `${locationId}:${contactId}`;
const item = storage.defineItem<Record<string, AddedWorkflow[]>>('local:workflowsAdded', { fallback: {}, version: 1 });

let queue: Promise<unknown> = Promise.resolve();
function change(edit: (all: Record<string, AddedWorkflow[]>) => Record<string, AddedWorkflow[]>): Promise<void> {
  const next = queue.then(async () => item.setValue(edit(await item.getValue())));
  queue = next.catch(() => undefined);
  return next;
}

export async function addedWorkflows(locationId: string, contactId: string): Promise<AddedWorkflow[]> {
  return (await item.getValue())[key(locationId, contactId)] ?? [];
}

/** Remembers an addition (again: its time is renewed, it is kept once). */
export function rememberAdded(locationId: string, contactId: string, added: AddedWorkflow): Promise<void> {
  return change((all) => {
    const k = key(locationId, contactId);
    const next = { ...all, [k]: [...(all[k] ?? []).filter((a) => a.workflowId !== added.workflowId), added] };
    const entries = Object.entries(next).flatMap(([c, list]) => list.map((a) => [c, a] as const));
    if (entries.length <= MAX_KEPT) return next;
    const oldest = entries.sort(([, a], [, b]) => a.at - b.at).slice(0, entries.length - MAX_KEPT);
    for (const [c, a] of oldest) next[c] = next[c]!.filter((x) => x !== a);
    return next;
  });
}

export function forgetAdded(locationId: string, contactId: string, workflowId: string): Promise<void> {
  return change((all) => {
    const k = key(locationId, contactId);
    return { ...all, [k]: (all[k] ?? []).filter((a) => a.workflowId !== workflowId) };
  });
}
