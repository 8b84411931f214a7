// Real Firefox ESR with the built extension installed (puppeteer-core over WebDriver BiDi; nothing is downloaded).
import { resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { browserPath } from './paths.mjs';
import { CALL_DEADLINE, sleep, waitFor, within } from './wait.mjs';

const BUILD = resolve('.output/firefox-mv2');
const GECKO_ID = 'lectern@lectern.app';
const UUID = '6f1c2a9e-3b7d-4e5f-9a8b-0c1d2e3f4a5b';

/**
 * Launches Firefox with Lectern installed under a fixed moz-extension:// UUID. `beforeInstall(browser)` runs first,
 * e.g. to open pages that were there before Lectern was. `extension: false` leaves Lectern out (the benchmark's
 * Firefox Reader View peer; `ext` and the other extension helpers are then absent).
 */
export async function launchFirefox({ headless = true, display, beforeInstall, extension = true } = {}) {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: browserPath('firefox-esr'),
    headless,
    env: { ...process.env, ...(display ? { DISPLAY: display } : {}) },
    defaultViewport: { width: 1100, height: 800 },
    // Needed to open moz-extension:// pages and to reach the browser's own scope (commands, below).
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
      'dom.events.testing.asyncClipboard': true,
      // Nothing leaves the machine: every request but the test server's goes to a closed local port.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': 9,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': 9,
      'network.proxy.no_proxies_on': '127.0.0.1',
      'network.proxy.allow_hijacking_localhost': false,
    },
  });
  // A browser that goes away during the tests says so in the log (its calls then fail at their deadline).
  let closing = false;
  browser.process()?.on('exit', (code, signal) => {
    if (!closing) console.error(`Firefox exited during the tests (code ${code}, signal ${signal})`);
  });
  await beforeInstall?.(browser);
  if (extension) await browser.installExtension(BUILD);
  const extensionUrl = (path) => `moz-extension://${UUID}/${path}`;

  /** A new tab (a browser that stopped answering fails the call instead of holding it). */
  const newTab = () => within(browser.newPage(), CALL_DEADLINE, 'Firefox opening a tab');

  async function openExtensionPage(path) {
    const page = await newTab();
    // goto on moz-extension:// never resolves: don't await it, wait for the document instead.
    page.goto(extensionUrl(path)).catch(() => undefined);
    await waitFor(page, (p) => location.href.includes(p) && document.readyState === 'complete', path, { what: path });
    return page;
  }

  // An extension page to run extension API calls from (Firefox has no handle on the background page).
  const helper = extension ? await openExtensionPage('popup.html') : null;

  /** Evaluates in the browser's privileged scope (browser.xhtml). */
  const chromeEval = (expression) => within(evaluateInChrome(expression), CALL_DEADLINE, 'Firefox’s own scope');
  async function evaluateInChrome(expression) {
    const tree = await browser.connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
    const context = tree.result.contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml').context;
    const { result } = await browser.connection.send('script.evaluate', {
      expression,
      target: { context },
      awaitPromise: true,
    });
    if (result.type !== 'success') throw new Error(JSON.stringify(result.exceptionDetails?.text ?? result));
    return result.result.value;
  }

  const driver = {
    name: 'firefox',
    browser,
    extensionUrl,
    ext: (fn, arg) =>
      helper
        ? within(helper.evaluate(fn, arg), CALL_DEADLINE, 'the extension')
        : Promise.reject(new Error('Firefox was launched without Lectern')),
    newTab,
    async newPage(url) {
      const page = await newTab();
      if (url) await page.goto(url);
      return page;
    },
    openExtensionPage,
    /** Fires a keyboard command through the extension's real command listener (what the key does). */
    fireCommand: (name) =>
      chromeEval(`(() => {
        const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
        ExtensionParent.GlobalManager.getExtension(${JSON.stringify(GECKO_ID)}).shortcuts.onCommand(${JSON.stringify(name)});
      })()`),
    /**
     * Clicks a context-menu item through the real menus.onClicked listener: the event the browser's own menu code
     * emits on a click (ext-menus.js, "webext-menu-menuitem-click"), with the tab's native object.
     */
    fireMenu: (menuItemId, tabId, extra = {}) =>
      chromeEval(`(() => {
        const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
        const extension = ExtensionParent.GlobalManager.getExtension(${JSON.stringify(GECKO_ID)});
        const nativeTab = extension.tabManager.get(${Number(tabId)}).nativeTab;
        const info = { menuItemId: ${JSON.stringify(menuItemId)}, editable: false, pageUrl: nativeTab.linkedBrowser.currentURI.spec, modifiers: [], button: 0, ...${JSON.stringify(extra)} };
        extension.emit('webext-menu-menuitem-click', info, nativeTab);
      })()`),
    chromeEval,
    /** Disables and enables the add-on: its background and pages start again without an install, as after an update. */
    restartAddon: () =>
      chromeEval(`(async () => {
        const { AddonManager } = ChromeUtils.importESModule('resource://gre/modules/AddonManager.sys.mjs');
        const addon = await AddonManager.getAddonByID(${JSON.stringify(GECKO_ID)});
        await addon.disable();
        await addon.enable();
      })()`),
    async nextReader({ timeout = 10_000 } = {}) {
      return new Promise((resolvePage, reject) => {
        const timer = setTimeout(() => {
          browser.off('targetcreated', onTarget);
          // What the tabs were then says which of the command, the tab or the reader's loading went wrong.
          const tabs = helper
            ? within(
                helper.evaluate(() =>
                  browser.tabs
                    .query({})
                    .then((all) => all.map((t) => `${t.active ? '*' : ''}${t.url} (${t.status})`).join(', ')),
                ),
                CALL_DEADLINE,
                'the extension',
              ).catch((error) => `unknown: ${error.message}`)
            : Promise.resolve('unknown');
          void tabs.then((list) => reject(new Error(`no reader tab opened; tabs: ${list}`)));
        }, 5_000 + timeout);
        const onTarget = async (target) => {
          const page = await target.page().catch(() => null);
          if (!page) return;
          try {
            await waitFor(
              page,
              () =>
                location.href.includes('/reader.html') &&
                !!document.querySelector('[data-lectern="reader"]') &&
                document.querySelector('[data-lectern="reader"]').dataset.state !== 'loading',
              undefined,
              { what: 'reader', timeout },
            );
          } catch {
            return;
          }
          clearTimeout(timer);
          browser.off('targetcreated', onTarget);
          resolvePage(page);
        };
        browser.on('targetcreated', onTarget);
      });
    },
    /** Makes `page` see the system as light or dark (prefers-color-scheme). */
    // WebDriver BiDi has no media emulation here: Firefox's own content colour-scheme pref does it (0 dark, 1 light).
    emulateColorScheme: (_page, colorScheme) =>
      chromeEval(
        `Services.prefs.setIntPref('layout.css.prefers-color-scheme.content-override', ${colorScheme === 'dark' ? 0 : 1})`,
      ),
    /** Sets the size of `page`'s view (a narrow window). */
    setViewport: (page, width, height) => page.setViewport({ width, height }),
    async readClipboard(page) {
      await page.bringToFront();
      await sleep(50);
      return page.evaluate(() => navigator.clipboard.readText());
    },
    /**
     * Closes Firefox. Puppeteer's close can wait forever for an answer from a browser that already exited (its
     * WebDriver BiDi connection gone), which held a whole test run: after a while the process is killed instead.
     */
    async close() {
      closing = true;
      await within(browser.close(), 20_000, 'Firefox closing').catch(() => browser.process()?.kill('SIGKILL'));
    },
  };
  return driver;
}
