// The background: holds the session, answers the pages' messages, sends the outbox's writes (also
// after the worker restarted), opens the sidebar (toolbar button, shortcuts), registers the content
// script on the sites the user enabled, listens for the context menu and opens the options on a new
// install.
import { browser } from 'wxt/browser';
import { createSession } from '@/lib/auth';
import { trust } from '@/lib/trust';
import {
  createHandlers,
  forgetClosedTabs,
  listenForContextMenu,
  listenForShortcuts,
  listenForToolbarButton,
  locationServices,
  openOptionsOnInstall,
  registerHandlers,
} from '@/lib/background';
import { watchOutbox } from '@/lib/outbox';
import { registerSiteScripts } from '@/lib/sites';
import { readSettings } from '@/lib/storage';

export default defineBackground(() => {
  // first: storage closed to content scripts (where the browser allows it) and the ledger loaded;
  // every read of a record the background acts on waits for this (lib/trust)
  void trust().ready().catch((e: unknown) => console.warn('Could not prepare trusted storage:', e));
  const session = createSession();
  const services = locationServices(session);
  registerHandlers(createHandlers(session, services), { id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') });
  browser.alarms.onAlarm.addListener((alarm) => void services.outbox.handleAlarm(alarm));
  watchOutbox(services.outbox);
  void services.outbox.resume().catch((e: unknown) => console.warn('Could not resume the outbox:', e));
  forgetClosedTabs(services);
  listenForShortcuts();
  listenForToolbarButton();
  listenForContextMenu();
  openOptionsOnInstall();
  void readSettings()
    .then((s) => registerSiteScripts(s.genericSites))
    .catch((e: unknown) => console.warn('Could not register the content script on enabled sites:', e));
});
