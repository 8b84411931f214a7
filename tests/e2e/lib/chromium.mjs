// Real Chromium with the built extension loaded (playwright-core drives Debian's chromium; nothing is downloaded).
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { browserPath } from './paths.mjs';
import { CALL_DEADLINE, waitFor, within } from './wait.mjs';

const BUILD = resolve('.output/chrome-mv3');

/** An unpacked extension's id, as Chromium derives it from the folder's path (the first 128 bits of its SHA-256, a–p). */
function extensionId(build) {
  const hex = createHash('sha256').update(resolve(build)).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

/**
 * The extension's service worker. On a busy machine it once hadn't shown up 30 s after the launch (the one event
 * Playwright reports it by): then one of the extension's pages is opened, which starts it, and it is waited for again.
 */
async function extensionWorker(context, build) {
  const running = () => context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  const seen = running() ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }).catch(() => null));
  if (seen) return seen;
  console.error('Chromium: no service worker 20 s after the launch; opening an extension page to start it');
  const page = await context.newPage();
  const started = context.waitForEvent('serviceworker', { timeout: 60_000 }).catch(() => null);
  await page.goto(`chrome-extension://${extensionId(build)}/options.html`).catch(() => undefined);
  const worker = running() ?? (await started);
  await page.close();
  if (!worker) throw new Error('Chromium: the extension’s service worker never started');
  return worker;
}

/**
 * Launches Chromium with Lectern. `headless: false` needs a DISPLAY (real key presses);
 * `lang` sets the browser's UI language; `build` is the unpacked extension (the Chromium build by default); `profile`
 * is a profile folder to start with and keep (a browser restart), else a new one is made and removed on close. The
 * window.print stub counts prints in extension pages.
 */
export async function launchChromium({ headless = true, lang = 'en-US', display, build = BUILD, profile: kept } = {}) {
  const profile = kept ?? mkdtempSync(join(tmpdir(), 'lectern-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: browserPath('chromium'),
    headless,
    locale: lang,
    env: { ...process.env, LANGUAGE: lang.replace('-', '_'), ...(display ? { DISPLAY: display } : {}) },
    viewport: { width: 1100, height: 800 },
    args: [
      `--disable-extensions-except=${build}`,
      `--load-extension=${build}`,
      `--lang=${lang}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Nothing leaves the machine: every host but the test server resolves to nowhere (share pages included).
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await context.addInitScript(() => {
    if (location.protocol === 'chrome-extension:') {
      window.print = () => {
        document.documentElement.dataset.testPrinted = String(
          Number(document.documentElement.dataset.testPrinted ?? 0) + 1,
        );
      };
    }
  });
  // A browser that goes away during the tests says so in the log (its calls then fail at their deadline).
  let closing = false;
  context.on('close', () => {
    if (!closing) console.error('Chromium closed during the tests');
  });
  const worker = await extensionWorker(context, build);
  const id = new URL(worker.url()).host;
  /**
   * A new tab. Playwright's newPage can wait forever for a tab the browser did open (microsoft/playwright#3939; seen
   * here as a test that hung on its first tab): after 30 s without one it asks once more, and says so.
   */
  async function newTab() {
    try {
      return await within(context.newPage(), 30_000, 'Chromium opening a tab');
    } catch (error) {
      console.error(`${error.message}: asking again`);
      return within(context.newPage(), CALL_DEADLINE, 'Chromium opening a tab');
    }
  }
  const inWorker = (fn, arg) => within(worker.evaluate(fn, arg), CALL_DEADLINE, 'the extension’s service worker');

  const driver = {
    name: 'chromium',
    context,
    worker,
    extensionUrl: (path) => `chrome-extension://${id}/${path}`,
    /** Runs `fn(arg)` in the extension's background, where `chrome.*` is available. */
    ext: inWorker,
    newTab,
    async newPage(url) {
      const page = await newTab();
      if (url) await page.goto(url);
      return page;
    },
    async openExtensionPage(path) {
      const page = await newTab();
      await page.goto(driver.extensionUrl(path));
      return page;
    },
    /** Fires a keyboard command through the real listener, as the browser does on the key. */
    fireCommand: (name) => inWorker((n) => chrome.commands.onCommand.dispatch(n), name),
    /** Clicks a context-menu item through the real listener; `extra` adds to the click info (selectionText). */
    fireMenu: (menuItemId, tabId, extra = {}) =>
      inWorker(
        async ({ menuItemId, tabId, extra }) => {
          const tab = await chrome.tabs.get(tabId);
          chrome.contextMenus.onClicked.dispatch({ menuItemId, editable: false, pageUrl: tab.url, ...extra }, tab);
        },
        { menuItemId, tabId, extra },
      ),
    /** Resolves with the next reader page that opens, once it has rendered. */
    async nextReader({ timeout = 10_000 } = {}) {
      const page = await context.waitForEvent('page', {
        predicate: (p) => p.url().includes('/reader.html'),
        timeout: 15_000,
      });
      await waitFor(
        page,
        () =>
          document.querySelector('[data-lectern="reader"]')?.dataset.state !== 'loading' &&
          !!document.querySelector('[data-lectern="reader"]'),
        undefined,
        { what: 'reader to render', timeout },
      );
      return page;
    },
    /** Makes `page` see the system as light or dark (prefers-color-scheme). */
    emulateColorScheme: (page, colorScheme) => page.emulateMedia({ colorScheme }),
    /** Sets the size of `page`'s view (a narrow window). */
    setViewport: (page, width, height) => page.setViewportSize({ width, height }),
    async readClipboard(page) {
      await page.bringToFront();
      return page.evaluate(() => navigator.clipboard.readText());
    },
    async close() {
      closing = true;
      try {
        await within(context.close(), CALL_DEADLINE, 'Chromium closing');
      } finally {
        if (!kept) rmSync(profile, { recursive: true, force: true });
      }
    },
  };
  return driver;
}
