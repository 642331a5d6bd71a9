// @vitest-environment happy-dom
// Where a bulk job's banner shows: in flight or failed, on any page the sidebar follows (named by
// the page it was started on when that is another); done or cancelled, only on the tab and page
// it was started on. A job stored without its start shows everywhere, as before. And its "Undo this
// job" hands the focus to the job's report as it goes.
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BulkJobs } from '@/components/BulkTags';
import { useOutbox } from '@/components/state/outbox';
import { useSidebar } from '@/components/state/sidebar';
import type { BulkView, TabPeople } from '@/lib/protocol';
import { mountEach } from './mount';

const INBOX = { tabId: 7, page: 'app.heyreach.io/app/inbox' };

const job = (jobId: string, state: BulkView['state']): BulkView => ({
  jobId, op: 'add', tags: ['hot-lead'], state, done: 3, unchanged: 0, failed: 0, notSent: 0, total: 3, undoable: 0, createdAt: 1, startedOn: INBOX,
});

const view = mountEach();
beforeEach(() => {
  const jobs = [job('running', 'running'), job('done', 'done'), job('cancelled', 'cancelled'), job('failed', 'failed'), { ...job('old-done', 'done'), startedOn: undefined }];
  useOutbox.setState({ status: { pending: 0, failed: 0, conflicts: 0, held: 0, jobs, changedAt: 1 } });
});

/** The banners shown while the sidebar follows `tabId` on `url`: each job's id, and the page it names. */
function bannersOn(tabId: number, url: string) {
  const page: TabPeople = { people: [], view: 'list', site: 'heyreach', tabId, url, reportedAt: 1 };
  act(() => {
    useSidebar.setState({ tabId, page: { status: 'ready', value: page } });
    view.root.render(<BulkJobs />);
  });
  return [...view.host.querySelectorAll('[data-testid=bulk-job]')].map((banner) => ({
    job: banner.getAttribute('data-job'),
    startedOn: banner.querySelector('[data-testid=bulk-started-on]')?.textContent?.replace(/[\u2068\u2069]/g, ''),
  }));
}

describe('a bulk job’s banner', () => {
  it('shows every job on the tab and page it was started on, naming no page', () => {
    expect(bannersOn(7, 'https://app.heyreach.io/app/inbox?session=abc#top')).toEqual([
      { job: 'running', startedOn: undefined },
      { job: 'done', startedOn: undefined },
      { job: 'cancelled', startedOn: undefined },
      { job: 'failed', startedOn: undefined },
      { job: 'old-done', startedOn: undefined },
    ]);
  });

  it('on another tab, shows the jobs in flight or failed with the page they came from, and not those that ended as asked', () => {
    expect(bannersOn(9, 'https://app.helloleads.io/leads')).toEqual([
      { job: 'running', startedOn: 'Started on app.heyreach.io/app/inbox' },
      { job: 'failed', startedOn: 'Started on app.heyreach.io/app/inbox' },
      { job: 'old-done', startedOn: undefined }, // stored without its start: everywhere, as before
    ]);
  });

  it('on the same tab moved to another page, leaves out the done job too', () => {
    expect(bannersOn(7, 'https://app.heyreach.io/app/campaigns').map((b) => b.job)).toEqual(['running', 'failed', 'old-done']);
  });
});

describe('“Undo this job”', () => {
  it('hands the focus to its job’s report before it goes, never to the page', async () => {
    const undoBulk = vi.fn(async () => undefined);
    const done = { ...job('done', 'done'), undoable: 3 };
    useOutbox.setState({ undoBulk, status: { pending: 0, failed: 0, conflicts: 0, held: 0, jobs: [done], changedAt: 1 } });
    bannersOn(7, 'https://app.heyreach.io/app/inbox');
    const button = view.host.querySelector<HTMLButtonElement>('[data-testid=bulk-job] button')!;
    expect(button.textContent).toBe('Undo this job');
    act(() => button.focus());
    await act(async () => button.click());
    expect(undoBulk).toHaveBeenCalledWith('done');
    // the job is marked undone: its button goes
    act(() => useOutbox.setState({ status: { pending: 0, failed: 0, conflicts: 0, held: 0, jobs: [{ ...done, undoneBy: 'undo-1' }], changedAt: 2 } }));
    expect(view.host.querySelector('[data-testid=bulk-job] button')).toBeNull();
    expect(document.activeElement).toBe(view.host.querySelector('[data-job=done] [data-testid=bulk-report]'));
  });
});
