// Build configuration for Chrome (MV3 side panel) and Firefox (MV2 sidebar_action).
// One build for users, the demo and the tests: the local sandbox is reached without any extra
// permission (it answers CORS like a public API would), so what is tested is what ships.
import { defineConfig } from 'wxt';
import { HIGHLEVEL_API_ORIGIN, PARTNER_MATCHES } from './lib/hosts';


export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  outDir: '.output',
  manifest: ({ browser }) => ({
    name: 'GHL Sidebar',
    description:
      'See and tag your HighLevel (GHL) contacts beside HeyGen, HeyReach, HelloLeads, SproutVideo and any web app.',
    permissions: ['storage', 'alarms', 'identity', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    host_permissions: [`${HIGHLEVEL_API_ORIGIN}/*`, ...PARTNER_MATCHES],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    action: { default_title: 'Open GHL Sidebar' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'ghl-sidebar@ghl-sidebar.app',
              strict_min_version: '142.0', // first with data_collection_permissions (desktop and Android)
              // nothing is collected: data goes only to the user's own HighLevel account
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
