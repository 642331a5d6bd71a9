// Build configuration for Chrome (MV3 side panel) and Firefox (MV2 sidebar_action).
// One build for users, the demo and the tests: the local sandbox is reached without any extra
// permission (it answers CORS like a public API would), so what is tested is what ships.
// Every user-visible text, the manifest's too, lives in locales/<lang>.yml (@wxt-dev/i18n turns
// it into _locales/<lang>/messages.json).
import { defineConfig } from 'wxt';
import { DETECTOR_SCRIPT, HIGHLEVEL_API_ORIGIN, PARTNER_MATCHES } from './lib/hosts';
import { detectorBundle } from './scripts/lib/detector-bundle';

const ANY_SITE = ['https://*/*', 'http://*/*'];
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  outDir: '.output',
  hooks: {
    // the content script: a plain script bundled on its own (no WXT wrapper), listed in the manifest by hand
    'build:publicAssets': async (_, files) => {
      files.push({ contents: await detectorBundle(), relativeDest: DETECTOR_SCRIPT });
    },
    // Firefox's sidebar title comes from the page's <title>; the browser localises only the manifest
    'build:manifestGenerated': (_, manifest) => {
      if (manifest.sidebar_action) manifest.sidebar_action.default_title = '__MSG_extName__';
    },
  },
  zip: {
    // the AMO sources zip: what builds the extension, not local outputs
    excludeSources: ['test-output/**', 'demo-output/**', 'bench/results.json', 'docs/screenshots/**'],
  },
  manifest: ({ browser }) => ({
    // name and description in the user's language (locales/*.yml); the version comes from package.json
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // scripting: the content script on sites the user enabled; activeTab: the address of the tab the
    // sidebar was opened on (toolbar or shortcut), for "Enable on this site", without `tabs`
    // contextMenus / menus (Firefox's own name, its least permission): "Find in HighLevel" on a selection or a link
    permissions: ['storage', 'alarms', 'identity', 'scripting', 'activeTab', ...(browser === 'firefox' ? ['menus'] : ['sidePanel', 'contextMenus'])],
    host_permissions: [`${HIGHLEVEL_API_ORIGIN}/*`, ...PARTNER_MATCHES],
    content_scripts: [{ matches: PARTNER_MATCHES, js: [DETECTOR_SCRIPT], run_at: 'document_idle' }],
    // other sites, each asked for at the moment the user enables detection there (MV2 names the key
    // optional_permissions; WXT does not convert it)
    ...(browser === 'firefox' ? { optional_permissions: ANY_SITE } : { optional_host_permissions: ANY_SITE }),
    action: { default_title: '__MSG_manifest_openSidebar__' },
    commands: {
      'quick-tag': {
        suggested_key: { default: 'Alt+Shift+T' },
        description: '__MSG_manifest_quickTagCommand__',
      },
      'find-contact': {
        suggested_key: { default: 'Alt+Shift+F' },
        description: '__MSG_manifest_findCommand__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'ghl-sidebar@ghl-sidebar.app',
              strict_min_version: '140.0', // first desktop release with data_collection_permissions (the current ESR)
              // nothing is collected: data goes only to the user's own HighLevel account
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142 on
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
