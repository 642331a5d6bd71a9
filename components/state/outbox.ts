// The sidebar's view of the outbox: the counts and bulk jobs (pushed by the background through
// `outboxStatusItem` on every change — no polling), the activity log (read again on each push
// while it is open), and what the user does there: retry, discard, settle a conflict, start or
// cancel a bulk tag change.
import { create } from 'zustand';
import {
  outboxStatusItem,
  sendMessage,
  type ActivityEntry,
  type BulkView,
  type ConflictChoiceInput,
  type OutboxStatus,
  type Outcome,
  type UserError,
} from '@/lib/protocol';
import type { DetectedPerson } from '@/lib/detect';
import { ask, settle, type Load } from './ask';

export interface OutboxState {
  status?: OutboxStatus;
  activityOpen: boolean;
  activity: Load<ActivityEntry[]>;
  /** the last outbox action that failed */
  error?: UserError;
  /** starts following the background's pushes; returns the unsubscribe */
  watch(): () => void;
  received(status: OutboxStatus | null): void;
  toggleActivity(open?: boolean): void;
  loadActivity(): Promise<void>;
  retry(id: string): Promise<void>;
  discard(id: string): Promise<void>;
  resolve(id: string, choice: ConflictChoiceInput): Promise<void>;
  startBulk(input: { contactIds: string[]; tags: string[]; op: 'add' | 'remove'; create?: { people: DetectedPerson[]; site: string }; tabId?: number }): Promise<BulkView | undefined>;
  cancelBulk(jobId: string): Promise<void>;
  /** changes back what a finished job changed */
  undoBulk(jobId: string): Promise<void>;
}

export const useOutbox = create<OutboxState>((set, get) => {
  /** Runs an action; shows its failure, then reads the log again. */
  async function act(run: () => Promise<Outcome<unknown>>) {
    const res = await ask(run);
    set({ error: res.ok ? undefined : res.error });
    if (get().activityOpen) await get().loadActivity();
  }

  return {
    activityOpen: false,
    activity: { status: 'idle' },

    watch() {
      void ask(() => sendMessage('getOutboxStatus')).then((res) => res.ok && get().received(res.value));
      return outboxStatusItem().watch((status) => get().received(status));
    },

    received(status) {
      if (!status || (get().status?.changedAt ?? 0) > status.changedAt) return;
      set({ status });
      if (get().activityOpen) void get().loadActivity();
    },

    toggleActivity(open = !get().activityOpen) {
      set({ activityOpen: open });
      if (open) void get().loadActivity();
    },

    async loadActivity() {
      if (get().activity.status !== 'ready') set({ activity: { status: 'loading' } });
      set({ activity: settle(await ask(() => sendMessage('getActivity'))) });
    },

    retry: (id) => act(() => sendMessage('retryWrite', id)),
    discard: (id) => act(() => sendMessage('discardWrite', id)),
    resolve: (writeId, choice) => act(() => sendMessage('resolveConflict', { writeId, choice })),
    cancelBulk: (jobId) => act(() => sendMessage('cancelBulk', jobId)),
    undoBulk: (jobId) => act(() => sendMessage('undoBulk', jobId)),

    async startBulk(input) {
      const res = await ask(() => sendMessage('startBulkTags', input));
      set({ error: res.ok ? undefined : res.error });
      if (!res.ok) return undefined;
      const status = get().status;
      if (status) set({ status: { ...status, jobs: [res.value, ...status.jobs.filter((j) => j.jobId !== res.value.jobId)] } });
      return res.value;
    },
  };
});
