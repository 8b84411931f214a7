import { defineConfig } from 'wxt';

// Manifest and build settings for both browsers. Chromium gets MV3, Firefox MV2 (WXT's defaults).
export default defineConfig({
  // No modulepreload polyfill in every page's first chunk: both browsers Lectern supports (Chromium, Firefox 140+)
  // preload modules natively.
  vite: () => ({ build: { modulePreload: { polyfill: false } } }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // `scripting`: no content script is declared; the background, popup and reader run Lectern's small page scripts
    // (detect.js once a page has loaded, the others when asked) in web pages through scripting.executeScript.
    permissions: ['activeTab', 'storage', 'contextMenus', 'clipboardWrite', 'scripting'],
    // The web pages those scripts run in; also lets the popup and background see those tabs' addresses.
    host_permissions: ['http://*/*', 'https://*/*'],
    action: { default_title: '__MSG_actionTitle__' },
    // The extension's own pages run only their bundled scripts, embed nothing and talk to no server: article
    // images still load (img-src is left open), but no fetch, frame, plugin or form submission can come from a page.
    // (No base-uri: extraction resolves the article's links with a <base> in its working document, which inherits
    // this policy in Chromium.)
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'none'; connect-src 'none'; frame-src 'none'; form-action 'none'",
    },
    commands: {
      'toggle-reader': {
        suggested_key: { default: 'Alt+R' },
        description: '__MSG_commandToggleReader__',
      },
      'copy-link': {
        suggested_key: { default: 'Alt+C' },
        description: '__MSG_commandCopyLink__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'lectern@lectern.app',
              // The first Firefox that knows data_collection_permissions (140, an ESR); on Android it came in 142.
              strict_min_version: '140.0',
              // Lectern collects nothing: no analytics, no requests of its own.
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
