// Build configuration for Chrome (MV3 side panel) and Firefox (sidebar_action).
// GHL_SIDEBAR_LOOPBACK=1 builds the demo/test variant: identical code, plus host permissions for
// the local sandbox (http://127.0.0.1/*, http://localhost/*). Store zips are never built with it.
import { defineConfig } from 'wxt';

const loopback = process.env.GHL_SIDEBAR_LOOPBACK === '1';

export const GHL_API_HOST = 'https://services.leadconnectorhq.com/*';
export const PARTNER_HOSTS = [
  'https://app.heygen.com/*',
  'https://app.heyreach.io/*',
  'https://app.helloleads.io/*',
  'https://sproutvideo.com/*',
];
const LOOPBACK_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'];

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  outDir: '.output',
  manifest: ({ browser }) => ({
    name: 'GHL Sidebar',
    description:
      'See and tag your HighLevel (GHL) contacts beside HeyGen, HeyReach, HelloLeads, SproutVideo and any web app.',
    permissions: ['storage', 'alarms', 'identity', 'tabs', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    host_permissions: [GHL_API_HOST, ...PARTNER_HOSTS, ...(loopback ? LOOPBACK_HOSTS : [])],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    action: { default_title: 'Open GHL Sidebar' },
    browser_specific_settings: {
      gecko: {
        id: 'ghl-sidebar@ghl-sidebar.app',
        strict_min_version: '128.0',
        data_collection_permissions: { required: ['none'] },
      },
    },
  }),
});
