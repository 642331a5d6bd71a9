// The options page's UI state: connections and settings as the background reports them, and the
// outcome of the last action. All data comes from the background through messages.
import { create } from 'zustand';
import { i18n } from '#i18n';
import { sendMessage, type AppState, type LocationLists, type OAuthConnectRequest, type Outcome, type TaughtSite, type UserError } from '@/lib/protocol';
import type { Settings } from '@/lib/storage';

/** Signing out of a connection that has changes not sent yet: the question, and how sending them goes. */
export interface UnsentQuestion {
  connectionId: string;
  message: string;
  /** sending them first: how many are left */
  sending?: number;
}

export interface OptionsState {
  app?: AppState;
  error?: UserError;
  notice: string;
  busy: boolean;
  unsent?: UnsentQuestion;
  /** sends the connection's unsent changes, then signs out once none is left (or asks again) */
  sendThenSignOut(connectionId: string): Promise<void>;
  discardThenSignOut(connectionId: string): Promise<void>;
  load(): Promise<void>;
  connectWithToken(input: { baseUrl: string; locationId: string; token: string }): Promise<boolean>;
  connectWithOAuth(input: OAuthConnectRequest): Promise<boolean>;
  setActive(connectionId: string): Promise<void>;
  signOut(connectionId: string): Promise<void>;
  forgetEverything(): Promise<boolean>;
  /** the active location's custom fields etc., for the field mapping (undefined: not connected) */
  lists?: LocationLists;
  loadLists(): Promise<void>;
  saveSettings(patch: Partial<Settings>, notice: string): Promise<boolean>;
  disableSite(origin: string): Promise<void>;
  /** the sites taught from a pick (loaded with the state) */
  taught?: TaughtSite[];
  forgetTaught(origin: string): Promise<void>;
}

/** How long "Send first" waits for the changes to go before asking again. */
const SEND_FIRST_MS = 30_000;

export const useOptions = create<OptionsState>((set, get) => {
  const after = async (outcome: Outcome<unknown>, notice = '') => {
    if (outcome.ok) set({ error: undefined, notice });
    else set({ error: outcome.error, notice: '' });
    await get().load();
    return outcome.ok;
  };
  return {
    notice: '',
    busy: false,
    async load() {
      const res = await sendMessage('getState');
      if (res.ok) set({ app: res.value });
      else set({ error: res.error });
      const taught = await sendMessage('getTaughtSites', undefined);
      if (taught.ok) set({ taught: taught.value });
    },
    async forgetTaught(origin) {
      const res = await sendMessage('forgetTaughtSite', origin);
      const taught = res.ok ? await sendMessage('getTaughtSites', undefined) : res;
      if (taught.ok) set({ taught: taught.value });
      await after(taught, i18n.t('sites.forgotten', [origin]));
    },
    async connectWithToken(input) {
      set({ busy: true, error: undefined, notice: '' });
      const saved = await sendMessage('saveSettings', { apiBaseUrl: input.baseUrl });
      const res = saved.ok ? await sendMessage('connectWithToken', input) : saved;
      set({ busy: false });
      return after(res, res.ok ? i18n.t('options.connected', [res.value.locationName]) : '');
    },
    async connectWithOAuth(input) {
      set({ busy: true, error: undefined, notice: '' });
      const res = await sendMessage('connectWithOAuth', input);
      set({ busy: false });
      return after(res, res.ok ? i18n.t('options.connected', [res.value.locationName]) : '');
    },
    async setActive(connectionId) {
      await after(await sendMessage('setActiveConnection', connectionId));
      await get().loadLists();
    },
    async loadLists() {
      const res = await sendMessage('getLocationLists');
      set({ lists: res.ok ? res.value : undefined });
    },
    async saveSettings(patch, notice) {
      return after(await sendMessage('saveSettings', patch), notice);
    },
    async disableSite(origin) {
      await after(await sendMessage('disableSite', origin), i18n.t('options.stoppedSite', [origin]));
    },
    async forgetEverything() {
      const res = await sendMessage('forgetEverything');
      if (res.ok) set({ app: undefined, error: undefined, notice: i18n.t('options.forgotten') });
      else set({ error: res.error, notice: '' });
      return res.ok;
    },
    async signOut(connectionId) {
      const res = await sendMessage('signOut', connectionId);
      // changes not sent yet are never dropped unasked: send first / discard / cancel
      if (!res.ok && res.error.kind === 'unsent-writes') {
        set({ unsent: { connectionId, message: res.error.message }, error: undefined, notice: '' });
        return;
      }
      set({ unsent: undefined });
      await after(res, i18n.t('options.signedOut'));
    },
    async sendThenSignOut(connectionId) {
      const sent = await sendMessage('sendUnsent', connectionId);
      if (!sent.ok) return void set({ error: sent.error });
      const deadline = Date.now() + SEND_FIRST_MS;
      for (;;) {
        const left = await sendMessage('unsentWrites', connectionId);
        if (!left.ok) return void set({ error: left.error });
        if (left.value === 0) return get().signOut(connectionId);
        if (Date.now() > deadline) {
          set({ unsent: { connectionId, message: i18n.t('options.couldNotSend', left.value, [left.value]) } });
          return;
        }
        set((s) => ({ unsent: s.unsent && { ...s.unsent, sending: left.value } }));
        await new Promise((r) => setTimeout(r, 500));
        if (get().unsent?.connectionId !== connectionId) return; // cancelled meanwhile
      }
    },
    async discardThenSignOut(connectionId) {
      const res = await sendMessage('discardUnsent', connectionId);
      if (!res.ok) return void set({ error: res.error });
      await get().signOut(connectionId);
    },
  };
});
