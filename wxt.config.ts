// Build configuration for Chrome (MV3 side panel) and Firefox (MV2 sidebar_action).
// One build for users, the demo and the tests: the local sandbox is reached without any extra
// permission (it answers CORS like a public API would), so what is tested is what ships.
// Every user-visible text, the manifest's too, lives in locales/<lang>.yml (@wxt-dev/i18n turns
// it into _locales/<lang>/messages.json).
import { defineConfig } from 'wxt';
import { DETECTOR_SCRIPT, HIGHLEVEL_API_ORIGIN, PARTNER_MATCHES } from './lib/hosts';

const ANY_SITE = ['https://*/*', 'http://*/*'];
/** the content script is built as a plain script (no WXT content-script context: ~4 KB less per page) and listed here by hand */
const DETECTOR_ENTRY = DETECTOR_SCRIPT.replace(/\.js$/, '');
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  outDir: '.output',
  hooks: {
    // The content script needs no webextension polyfill (it only calls runtime.sendMessage, which
    // both browsers have natively): without WXT's `wxt/browser` alias there, ~10 KB less per page.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((e) => e.name === DETECTOR_ENTRY)) return;
      const alias = config.resolve?.alias;
      if (Array.isArray(alias)) config.resolve!.alias = alias.filter((a) => a.find !== 'wxt/browser');
      else if (alias) delete (alias as Record<string, string>)['wxt/browser'];
      // Vite's default minifier (esbuild), nothing unsafe: the shipped file means what the source
      // says (tests/e2e/detector-bundle.e2e.test.ts checks it reports what the source does).
      config.build = { ...config.build, target: 'es2022' };
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
