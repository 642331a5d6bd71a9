// The sidebar: follows a tab (the `?tab=` it was opened for, else the active tab of its window),
// lists the people found there and shows the GHL record of the selected one.
import { useEffect } from 'react';
import { browser } from 'wxt/browser';
import { tabPeopleItem } from '@/lib/storage';
import { sendMessage } from '@/lib/messaging';
import { useSidebar } from './state/sidebar';
import { PeopleList } from './PeopleList';
import { ContactCard } from './ContactCard';
import { ErrorNotice } from './ErrorNotice';

async function tabToFollow(): Promise<number | undefined> {
  const fromUrl = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromUrl) && fromUrl > 0) return fromUrl;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id;
}

function useFollowedTab() {
  const showPage = useSidebar((s) => s.showPage);
  useEffect(() => {
    let unwatch: (() => void) | undefined;
    let followed: number | undefined;
    const follow = async (tabId: number | undefined) => {
      if (tabId == null || tabId === followed) return;
      followed = tabId;
      unwatch?.();
      useSidebar.setState({ tabId });
      const item = tabPeopleItem(tabId);
      unwatch = item.watch((page) => void showPage(page));
      const first = await sendMessage('getTabPeople', tabId).catch(() => null);
      await showPage(first && first.ok ? first.value : null);
    };
    void tabToFollow().then(follow);
    const pinned = new URLSearchParams(location.search).has('tab');
    const onActivated = (info: { tabId: number }) => void follow(info.tabId);
    if (!pinned) browser.tabs.onActivated.addListener(onActivated);
    return () => {
      unwatch?.();
      if (!pinned) browser.tabs.onActivated.removeListener(onActivated);
    };
  }, [showPage]);
}

export function SidebarApp() {
  const { app, page, matches, selected, details, loadApp, select, refreshDetails } = useSidebar();
  useEffect(() => {
    void loadApp();
  }, [loadApp]);
  useFollowedTab();

  const active = app.status === 'ready' ? app.value.connections.find((c) => c.active) : undefined;
  return (
    <main style={{ padding: 12 }}>
      <header style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <h1>GHL Sidebar</h1>
        <span className="muted" data-testid="location">
          {active ? active.locationName : ''}
        </span>
      </header>
      {app.status === 'failed' ? <ErrorNotice error={app.error} onRetry={() => void loadApp()} /> : null}
      {app.status === 'ready' && !active ? (
        <ErrorNotice
          error={{ kind: 'not-connected', message: 'Connect your HighLevel account to see contacts.', action: 'connect' }}
        />
      ) : null}
      <section aria-label="This page">
        {page.status === 'ready' && (page.value?.people.length ?? 0) === 0 ? (
          <p className="muted">No people found on this page.</p>
        ) : null}
        {matches.status === 'loading' ? <div className="skeleton" aria-label="Loading matches" /> : null}
        {matches.status === 'failed' ? <ErrorNotice error={matches.error} onRetry={() => void refreshDetails()} /> : null}
        {matches.status === 'ready' ? (
          <PeopleList matches={matches.value} selected={selected} onSelect={(i) => void select(i)} />
        ) : null}
      </section>
      {details.status === 'loading' ? (
        <div aria-label="Loading contact">
          <div className="skeleton" />
          <div className="skeleton" />
        </div>
      ) : null}
      {details.status === 'failed' ? <ErrorNotice error={details.error} onRetry={() => void refreshDetails()} /> : null}
      {details.status === 'ready' ? <ContactCard details={details.value} /> : null}
      {matches.status === 'ready' && selected != null && matches.value[selected]?.state === 'missing' ? (
        <p className="muted">This person is not in GHL yet.</p>
      ) : null}
    </main>
  );
}
