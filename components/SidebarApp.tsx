// The sidebar: follows a tab (the `?tab=` it was opened for, else the active tab of its window),
// offers the search box at the very top (any contact, whatever the page shows), pins the shown
// person below it (moving between the page's people, their tags, the tag box),
// then their match and GHL record, then tagging several people at once. One notice at a time.
import { useEffect } from 'react';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { connectionsChangedItem, contactViewItem, quickTagItem, sendMessage, tabMatchesItem, tabPeopleItem, toolbarClickItem, type TabPeople } from '@/lib/protocol';
import { peopleOf, useSidebar } from './state/sidebar';
import { useContact } from './state/contact';
import { useOutbox } from './state/outbox';
import { valueOf } from './state/ask';
import { ContactCard, ContactSkeleton } from './ContactCard';
import { ActivityButton, useStoppedWrites } from './ActivityButton';
import { ActivityLog } from './ActivityLog';
import { BulkJobs, BulkTags } from './BulkTags';
import { ErrorNotice } from './ErrorNotice';
import { FindContact } from './FindContact';
import { LocationSwitcher } from './LocationSwitcher';
import { MatchPanel } from './MatchPanel';
import { PinnedPerson } from './PinnedPerson';
import { SiteAccess, grantSiteAccess } from './SiteAccess';
import { UndoBar } from './UndoBar';
import { useSidebarKeys } from './keys';
import { holdTypedForTagBox } from './hold-typed';

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
    // the toolbar button clicked on this tab: its address is readable now ("Enable on this site")
    const unwatchClick = toolbarClickItem().watch((click) => {
      if (click && click.tabId === useSidebar.getState().tabId) void useSidebar.getState().loadSite();
    });
    return () => {
      unwatch?.();
      unwatchClick();
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

/** The quick-tag shortcut focuses the tag box; a connection added, reconnected or switched loads everything again. */
function useBackgroundSignals() {
  useEffect(() => {
    const focusTags = () => {
      useContact.getState().focusTags();
      holdTypedForTagBox(); // the tag box may not be drawn yet: what is typed meanwhile becomes its text
    };
    void quickTagItem().getValue().then((r) => r && Date.now() - r.at < QUICK_TAG_FRESH_MS && focusTags());
    const unwatchTag = quickTagItem().watch((r) => r && focusTags());
    const unwatchConnections = connectionsChangedItem().watch(() => {
      // what failed for want of a connection is tried again: its notices go
      useContact.setState({ writeError: undefined });
      useSidebar.setState({ actionError: undefined });
      void useSidebar.getState().loadApp();
      void useContact.getState().loadLists();
      void useSidebar.getState().rematch();
      // the shown record is read again: the background forgot what it kept under the old token
      const shown = useContact.getState().contactId;
      if (shown) void useContact.getState().open(shown, true);
    });
    return () => {
      unwatchTag();
      unwatchConnections();
    };
  }, []);
}

/** The outbox's counts and bulk jobs, pushed by the background; a queued create that lands matches its person. */
function useOutboxStatus() {
  const watch = useOutbox((s) => s.watch);
  const changedAt = useOutbox((s) => s.status?.changedAt);
  useEffect(() => watch(), [watch]);
  useEffect(() => {
    if (peopleOf(useSidebar.getState()).some((e) => e.match?.creating)) void useSidebar.getState().rematch();
  }, [changedAt]);
}

/** The one notice shown, the most urgent first. */
function TopNotice() {
  const { app, actionError, matches, matchError, site, loadApp, rematch } = useSidebar();
  const { contactId, details, writeError, open } = useContact();
  const stopped = useStoppedWrites();
  const toggleActivity = useOutbox((s) => s.toggleActivity);
  const outboxError = useOutbox((s) => s.error);
  const retryContact = () => void open(contactId, true);
  if (app.status === 'failed') return <ErrorNotice error={app.error} onRetry={() => void loadApp()} />;
  if (app.status === 'ready' && !app.value.connections.some((c) => c.active)) {
    return <ErrorNotice tone="info" error={{ kind: 'not-connected', message: i18n.t('sidebar.connectFirst'), action: 'connect' }} />;
  }
  if (actionError) {
    return (
      <ErrorNotice
        error={actionError}
        onRetry={() => void rematch()}
        onGrantAccess={site?.origin ? () => void grantSiteAccess(site.origin!) : undefined}
        onDismiss={() => useSidebar.setState({ actionError: undefined })}
      />
    );
  }
  if (matches.status === 'failed') return <ErrorNotice error={matches.error} onRetry={() => void rematch()} />;
  if (matchError && app.status === 'ready' && app.value.connections.some((c) => c.active)) return <ErrorNotice error={matchError} onRetry={() => void rematch()} />;
  if (details.status === 'failed') return <ErrorNotice error={details.error} onRetry={retryContact} />;
  if (writeError && (!writeError.contactId || writeError.contactId === contactId)) {
    return <ErrorNotice error={writeError} onRetry={retryContact} onDismiss={() => useContact.setState({ writeError: undefined })} />;
  }
  if (outboxError && !useOutbox.getState().activityOpen) return <ErrorNotice error={outboxError} onDismiss={() => useOutbox.setState({ error: undefined })} />;
  if (stopped) return <ErrorNotice error={stopped} testId="stopped-writes" action={{ label: i18n.t('activity.open'), run: () => toggleActivity(true) }} />;
  return null;
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
  const sidebar = useSidebar();
  const { app, page, matches, selected, site, loadApp } = sidebar;
  const { contactId, details, revalidating, lists, loadLists } = useContact();
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
  useBackgroundSignals();
  useSidebarKeys();
  useOutboxStatus();

  const entries = peopleOf(sidebar);
  const entry = selected != null ? entries[selected] : undefined;
  // a person whose look-up failed shows why (they are looked up again when opened)
  const failedLookUp = selected != null ? valueOf(matches)?.[selected] : undefined;
  const panelMatch = entry?.match ?? (failedLookUp?.state === 'pending' && failedLookUp.error ? failedLookUp : undefined);
  const connected = app.status === 'ready' && !!active;
  // the matched person's record, or a contact opened from the search box (no person of the page)
  const recordShown = entry?.match?.state === 'matched' || (selected == null && !!sidebar.openedByHand);
  return (
    <main className="sidebar">
      <header className="top">
        <h1>{i18n.t('extName')}</h1>
        {app.status === 'ready' ? <LocationSwitcher connections={app.value.connections} /> : null}
        {connected ? <ActivityButton /> : null}
      </header>
      {connected ? <FindContact /> : null}
      <TopNotice />
      {activityOpen ? <ActivityLog /> : null}
      {connected && !activityOpen ? (
        <>
          {page.status === 'ready' && (page.value?.people.length ?? 0) === 0 ? <p className="muted empty">{i18n.t('sidebar.noPeople')}</p> : null}
          <PinnedPerson />
          <NotListed page={valueOf(page)} />
          {entry && panelMatch ? <MatchPanel key={entry.key} match={panelMatch} index={entry.index} /> : null}
          {recordShown && details.status === 'loading' ? <ContactSkeleton /> : null}
          {recordShown && details.status === 'ready' ? (
            <ContactCard details={details.value} users={valueOf(lists)?.users ?? []} revalidating={revalidating} />
          ) : null}
          {matches.status === 'ready' && entries.length > 1 ? <BulkTags entries={entries} site={valueOf(page)?.site ?? ''} /> : null}
          <BulkJobs />
          <SiteAccess site={site} />
        </>
      ) : null}
      <UndoBar />
    </main>
  );
}
