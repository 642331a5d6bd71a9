// The sidebar: follows a tab (the `?tab=` it was opened for, else the active tab of its window),
// lists the people found there with their match, and shows the selected one's GHL record.
import { useEffect } from 'react';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { contactViewItem, quickTagItem, sendMessage, tabMatchesItem, tabPeopleItem, type TabPeople } from '@/lib/protocol';
import { useSidebar } from './state/sidebar';
import { useContact } from './state/contact';
import { useOutbox } from './state/outbox';
import { valueOf } from './state/ask';
import { PeopleList } from './PeopleList';
import { ContactCard, ContactSkeleton } from './ContactCard';
import { ActivityButton, StoppedWrites } from './ActivityButton';
import { ActivityLog } from './ActivityLog';
import { BulkJobs, BulkTags } from './BulkTags';
import { ErrorNotice } from './ErrorNotice';
import { FindContact } from './FindContact';
import { LocationSwitcher } from './LocationSwitcher';
import { MatchPanel } from './MatchPanel';
import { SiteAccess, grantSiteAccess } from './SiteAccess';
import { UndoBar } from './UndoBar';

/** A quick-tag request younger than this, found when the sidebar opens, still focuses the tag box. */
const QUICK_TAG_FRESH_MS = 5_000;

async function tabToFollow(): Promise<number | undefined> {
  const fromUrl = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromUrl) && fromUrl > 0) return fromUrl;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id;
}

function useFollowedTab() {
  const { showPage, showMatches } = useSidebar();
  useEffect(() => {
    let unwatch: (() => void) | undefined;
    let followed: number | undefined;
    const follow = async (tabId: number | undefined) => {
      if (tabId == null || tabId === followed) return;
      followed = tabId;
      unwatch?.();
      useSidebar.setState({ tabId, site: undefined });
      const stopPeople = tabPeopleItem(tabId).watch((page) => void showPage(page));
      const stopMatches = tabMatchesItem(tabId).watch((found) => void showMatches(found));
      unwatch = () => (stopPeople(), stopMatches());
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
  }, [showPage, showMatches]);
}

/** The fresh record the background pushes for the shown contact (stale-while-revalidate). */
function useContactPush(locationId: string | undefined, contactId: string | undefined) {
  useEffect(() => {
    if (!locationId || !contactId) return;
    return contactViewItem(locationId, contactId).watch((d) => d && useContact.getState().received(d));
  }, [locationId, contactId]);
}

/** The quick-tag shortcut and Ctrl/Cmd+Z (undo of the last tag change). */
function useKeyboard() {
  useEffect(() => {
    const focusTags = () => useContact.setState({ focusTagsAt: Date.now() });
    void quickTagItem().getValue().then((r) => r && Date.now() - r.at < QUICK_TAG_FRESH_MS && focusTags());
    const unwatch = quickTagItem().watch((r) => r && focusTags());
    const onKey = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() !== 'z' || !(e.ctrlKey || e.metaKey) || e.shiftKey) return;
      const target = e.target as HTMLInputElement | null;
      if (target && 'value' in target && typeof target.value === 'string' && target.value !== '') return; // the field's own undo
      if (!useContact.getState().undo) return;
      e.preventDefault();
      useContact.getState().runUndo();
    };
    document.addEventListener('keydown', onKey);
    return () => {
      unwatch();
      document.removeEventListener('keydown', onKey);
    };
  }, []);
}

/** The outbox's counts and bulk jobs, pushed by the background. */
function useOutboxStatus() {
  const watch = useOutbox((s) => s.watch);
  useEffect(() => watch(), [watch]);
}

/** How many people of the page are not listed: over the cap, or with nothing readable. */
function NotListed({ page }: { page: TabPeople | null | undefined }) {
  if (!page?.more && !page?.unreadable) return null;
  return (
    <p className="muted" data-testid="not-listed">
      {page.more ? i18n.t('sidebar.people.more', page.more) : null}
      {page.more && page.unreadable ? ' ' : null}
      {page.unreadable ? i18n.t('sidebar.people.unreadable', page.unreadable) : null}
    </p>
  );
}

export function SidebarApp() {
  const { app, page, matches, matchError, selected, site, actionError, loadApp, select, rematch } = useSidebar();
  const { contactId, details, revalidating, lists, writeError, open, loadLists } = useContact();
  const activityOpen = useOutbox((s) => s.activityOpen);
  const active = valueOf(app)?.connections.find((c) => c.active);
  useEffect(() => {
    void loadApp();
  }, [loadApp]);
  useEffect(() => {
    if (active) void loadLists();
  }, [active?.id, loadLists]); // eslint-disable-line react-hooks/exhaustive-deps -- reload per location
  useFollowedTab();
  useContactPush(active?.locationId, contactId);
  useKeyboard();
  useOutboxStatus();

  const people = valueOf(matches);
  const match = selected != null ? people?.[selected] : undefined;
  const retryContact = () => void open(contactId, true);
  return (
    <main className="sidebar">
      <header className="top">
        <h1>{i18n.t('extName')}</h1>
        {app.status === 'ready' ? <LocationSwitcher connections={app.value.connections} /> : null}
        <ActivityButton />
      </header>
      <FindContact />
      <StoppedWrites />
      {activityOpen ? <ActivityLog /> : null}
      <div hidden={activityOpen}>
      <SiteAccess site={site} />
      {actionError ? (
        <ErrorNotice
          error={actionError}
          onRetry={() => void rematch()}
          onGrantAccess={site?.origin ? () => void grantSiteAccess(site.origin!) : undefined}
          onDismiss={() => useSidebar.setState({ actionError: undefined })}
        />
      ) : null}
      {app.status === 'failed' ? <ErrorNotice error={app.error} onRetry={() => void loadApp()} /> : null}
      {app.status === 'ready' && !active ? (
        <ErrorNotice error={{ kind: 'not-connected', message: i18n.t('sidebar.connectFirst'), action: 'connect' }} />
      ) : null}
      <section aria-label={i18n.t('sidebar.thisPage')}>
        {page.status === 'ready' && (page.value?.people.length ?? 0) === 0 ? (
          <p className="muted empty">{i18n.t('sidebar.noPeople')}</p>
        ) : null}
        {matches.status === 'loading' ? <div className="skeleton" aria-label={i18n.t('sidebar.loadingMatches')} /> : null}
        {matches.status === 'failed' ? <ErrorNotice error={matches.error} onRetry={() => void rematch()} /> : null}
        {matchError && active ? <ErrorNotice error={matchError} onRetry={() => void rematch()} /> : null}
        <BulkJobs />
        {people && people.length > 1 ? <BulkTags matches={people} site={valueOf(page)?.site ?? ''} /> : null}
        <NotListed page={valueOf(page)} />
        {people ? <PeopleList matches={people} focused={valueOf(page)?.focused} selected={selected} onSelect={(i) => void select(i)} /> : null}
      </section>
      {match ? <MatchPanel key={match.key} match={match} index={selected!} /> : null}
      {match?.state === 'matched' && details.status === 'loading' ? <ContactSkeleton /> : null}
      {details.status === 'failed' ? <ErrorNotice error={details.error} onRetry={retryContact} /> : null}
      {details.status === 'ready' ? (
        <ContactCard details={details.value} users={valueOf(lists)?.users ?? []} revalidating={revalidating} />
      ) : null}
      {writeError ? (
        <ErrorNotice error={writeError} onRetry={retryContact} onDismiss={() => useContact.setState({ writeError: undefined })} />
      ) : null}
      </div>
      <UndoBar />
    </main>
  );
}
