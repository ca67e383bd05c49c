import { defineConfig } from 'wxt';
import { cssTemplates } from './scripts/css-templates.mjs';

/**
 * Test builds (SOURCELIGHT_TEST_BUILD=1) may fetch from 127.0.0.1 on the ports listed in
 * SOURCELIGHT_TEST_PORTS. Production builds never can: the allowance is compiled in, not a setting.
 */
const testBuild = process.env.SOURCELIGHT_TEST_BUILD === '1';
const testPorts = testBuild
  ? (process.env.SOURCELIGHT_TEST_PORTS ??
    // 8601–8609: the demo sites; 8611–8619: fixture servers of individual tests.
    Array.from({ length: 19 }, (_, i) => 8601 + i)
      .filter((p) => p !== 8610)
      .join(','))
  : '';

export default defineConfig({
  outDir: testBuild ? '.output-test' : '.output',
  manifest: ({ browser }) => ({
    name: '__MSG_appName__',
    description: '__MSG_appDescription__',
    default_locale: 'en',
    permissions: [
      'storage',
      'unlimitedStorage',
      // The popup reads the active tab's address (its per-site switch) only when the reader
      // clicks the toolbar button; without host permissions a tab's URL is hidden otherwise.
      'activeTab',
      // A second, network-level wall against internal addresses at every redirect hop
      // (see utils/net/): DNR in Chrome, a blocking webRequest listener with DNS lookups in Firefox.
      ...(browser === 'firefox'
        ? ['dns', 'webRequest', 'webRequestBlocking']
        : ['declarativeNetRequestWithHostAccess']),
    ],
    // Host access is optional: the reader grants it on the onboarding or options page (all
    // http(s) pages for reading linked pages; one host per self-hosted provider). Until then only
    // the page itself is read. Test builds hold 127.0.0.1, where every test server listens, so
    // end-to-end tests run without a permission prompt.
    ...(browser === 'firefox'
      ? {
          // MV2 has no optional_host_permissions: origins go in optional_permissions.
          optional_permissions: ['http://*/*', 'https://*/*'],
          ...(testBuild ? { host_permissions: ['http://127.0.0.1/*'] } : {}),
        }
      : {
          optional_host_permissions: ['http://*/*', 'https://*/*'],
          ...(testBuild ? { host_permissions: ['http://127.0.0.1/*'] } : {}),
        }),
    commands: {
      'next-sourced-sentence': {
        suggested_key: { default: 'Alt+Shift+J' },
        description: '__MSG_commandNext__',
      },
      'previous-sourced-sentence': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: '__MSG_commandPrevious__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'sourcelight@sourcelight.dev',
              strict_min_version: '140.0',
              // Nothing is collected by us; page text goes to a search provider only after the
              // reader turns that provider on.
              data_collection_permissions: { required: ['none'], optional: ['websiteContent'] },
            },
            // data_collection_permissions arrived in Firefox for Android 142.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  vite: () => ({
    plugins: [cssTemplates()],
    define: {
      'import.meta.env.SOURCELIGHT_TEST_PORTS': JSON.stringify(testPorts),
    },
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: {
      rolldownOptions: {
        // @wxt-dev/storage builds its drivers when imported, which a bundler must assume has
        // effects; it has none, so the content script, which reads settings without it, leaves it out.
        treeshake: {
          moduleSideEffects: (id: string) => !/[\\/]@wxt-dev[\\/]storage[\\/]/.test(id),
        },
      },
    },
  }),
});
