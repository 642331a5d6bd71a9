// When the shown record was read, a Refresh button (the record and the location's lists read
// again), and keeping it fresh without asking: read again when the sidebar becomes visible again
// and every minute while it is visible. The background skips a read when the location's rate
// budget is short. A fresh record never changes an edit in progress: the edit forms keep what the
// user typed and the version they started from.
import { useEffect } from 'react';
import { i18n } from '#i18n';
import { recordActions } from './state/record';
import { useContact } from './state/contact';
import { when } from './when';
import './record.css';

/** How often a visible sidebar reads its record again. */
export const REVALIDATE_EVERY_MS = 60_000;

function useRevalidation(contactId: string) {
  useEffect(() => {
    let timer: ReturnType<typeof setInterval> | undefined;
    const start = () => {
      clearInterval(timer);
      timer = setInterval(() => void recordActions.revalidate(), REVALIDATE_EVERY_MS);
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible') {
        void recordActions.revalidate();
        start();
      } else clearInterval(timer);
    };
    if (document.visibilityState === 'visible') start();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [contactId]);
}

export function Freshness({ contactId, fetchedAt, revalidating }: { contactId: string; fetchedAt: number; revalidating: boolean }) {
  const open = useContact((s) => s.open);
  const loadLists = useContact((s) => s.loadLists);
  // the record and the location's lists (pickers, tags) read again: the lists come with the record
  const refresh = () => void open(contactId, true).then(loadLists);
  useRevalidation(contactId);
  return (
    <p className="muted small freshness" data-testid="freshness">
      <span aria-live="polite">{revalidating ? i18n.t('contact.refreshing') : i18n.t('contact.updated', [when(new Date(fetchedAt).toISOString())])}</span>
      <button className="quiet" onClick={refresh} disabled={revalidating}>
        {i18n.t('contact.refresh')}
      </button>
    </p>
  );
}
