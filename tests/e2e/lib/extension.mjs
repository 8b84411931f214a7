// Questions the tests ask the extension itself, the same way in both browsers.
import { Buffer } from 'node:buffer';
import { waitFor, until } from './wait.mjs';
import { ARTIFACTS } from './paths.mjs';

/** The id of the tab showing `url`. */
export function tabIdOf(driver, url) {
  return until(
    () =>
      driver.ext(async (u) => {
        const api = globalThis.browser ?? globalThis.chrome;
        return (await api.tabs.query({})).find((tab) => tab.url === u)?.id;
      }, url),
    { what: `tab ${url}` },
  );
}

/** The toolbar button's badge text and tooltip for a tab. */
export function badgeOf(driver, tabId) {
  return driver.ext(async (id) => {
    const api = globalThis.browser ?? globalThis.chrome;
    const action = api.action ?? api.browserAction;
    return { text: await action.getBadgeText({ tabId: id }), title: await action.getTitle({ tabId: id }) };
  }, tabId);
}

/** Waits until the browser says tab `tabId` finished loading (its page, or the browser's own error page). */
export function tabLoaded(driver, tabId, what, timeout) {
  return until(
    () =>
      driver.ext(async (id) => {
        const api = globalThis.browser ?? globalThis.chrome;
        return (await api.tabs.get(id)).status === 'complete';
      }, tabId),
    { what, ...(timeout ? { timeout } : {}) },
  );
}

export function activeTabId(driver) {
  return driver.ext(async () => {
    const api = globalThis.browser ?? globalThis.chrome;
    return (await api.tabs.query({ active: true })).map((t) => t.id);
  });
}

export function toggleShortcut(driver) {
  return driver.ext(async () => {
    const api = globalThis.browser ?? globalThis.chrome;
    return (await api.commands.getAll()).find((c) => c.name === 'toggle-reader')?.shortcut ?? '';
  });
}

/** Opens a fixture page and waits until the content script has reported on it. */
export async function openArticleTab(driver, url, expectedBadge) {
  const page = await driver.newPage(url);
  const tabId = await tabIdOf(driver, url);
  await until(
    async () =>
      (await badgeOf(driver, tabId)).text === expectedBadge && (await badgeOf(driver, tabId)).title !== 'Lectern',
    {
      what: `badge "${expectedBadge}" on ${url}`,
    },
  );
  return { page, tabId };
}

/** Opens `url` in a new tab without waiting for its load (some pages never finish); its page and tab id. */
export async function openLoadingTab(driver, url) {
  const page = await driver.newTab();
  page.goto(url, { timeout: 0 }).catch(() => undefined);
  const tabId = await tabIdOf(driver, url);
  return { page, tabId };
}

/** Opens the popup for a tab and waits until it has the page's own answer (it draws from the tab's data first). */
export async function openPopup(driver, tabId) {
  const popup = await driver.openExtensionPage(tabId === undefined ? 'popup.html' : `popup.html?tab=${tabId}`);
  await waitFor(popup, () => document.querySelector('[data-lectern="popup"]')?.dataset.state === 'ready', undefined, {
    what: 'popup',
  });
  return popup;
}

/** Fires toggle-reader with `page` in front and returns the reader page that opens. */
export async function openReaderByCommand(driver, page) {
  await page.bringToFront();
  const reader = driver.nextReader();
  await driver.fireCommand('toggle-reader');
  return reader;
}

/** Computed styles the tests assert on. */
export function readerLook(reader) {
  return reader.evaluate(() => {
    const body = document.querySelector('[data-lectern="article"]');
    const style = body ? getComputedStyle(body) : null;
    return {
      fontSize: style ? parseFloat(style.fontSize) : 0,
      color: style?.color ?? '',
      background:
        getComputedStyle(document.body).backgroundColor || getComputedStyle(document.documentElement).backgroundColor,
      htmlBackground: getComputedStyle(document.documentElement).backgroundColor,
    };
  });
}

/** The text of the confirmation toast, once one shows; `after` waits for a newer one than that toast id. */
export async function waitForToast(page, after = null) {
  const toast = await waitFor(
    page,
    (previous) => {
      const el = document.querySelector('[data-lectern="toast"]');
      return el && el.dataset.toastId !== previous ? { text: el.textContent, id: el.dataset.toastId } : null;
    },
    after,
    { what: 'toast' },
  );
  lastToastIds.set(page, toast.id);
  return toast.text;
}

const lastToastIds = new WeakMap();

/** Waits for the next toast after the last one seen on `page`. */
export function waitForNextToast(page) {
  return waitForToast(page, lastToastIds.get(page) ?? null);
}

/** Waits until the article's computed font size compares to `value` as asked ('>', '<' or '='). */
export function waitForFontSize(reader, compare, value) {
  return waitFor(
    reader,
    ({ compare, value }) => {
      const size = parseFloat(getComputedStyle(document.querySelector('[data-lectern="article"]')).fontSize);
      return compare === '>' ? size > value : compare === '<' ? size < value : size === value;
    },
    { compare, value },
    { what: `font size ${compare} ${value}` },
  );
}

/** Relative luminance (0 black … 1 white) of a CSS rgb() colour. */
export function luminance(rgb) {
  const [r, g, b] = (rgb.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map((v) => Number(v) / 255);
  const lin = (c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** Waits until the tab of `page` is gone (puppeteer's isClosed() misses tabs that Firefox extensions close). */
export async function waitClosed(page) {
  await until(
    async () =>
      page.isClosed() ||
      page
        .evaluate(() => false)
        .then(
          () => false,
          () => true,
        ),
    { what: 'reader tab to close' },
  );
}

export { waitFor };

/** The clipboard's plain text and HTML (empty when there is none), read from an extension page. */
export async function readClipboardItems(page) {
  await page.bringToFront();
  return page.evaluate(async () => {
    const out = { text: '', html: '' };
    for (const item of await navigator.clipboard.read()) {
      if (item.types.includes('text/plain')) out.text = await (await item.getType('text/plain')).text();
      if (item.types.includes('text/html')) out.html = await (await item.getType('text/html')).text();
    }
    return out;
  });
}

/** Selects the text of the first element matching `selector` in `page`. */
export function selectText(page, selector) {
  return page.evaluate((sel) => {
    const range = document.createRange();
    range.selectNodeContents(document.querySelector(sel));
    window.getSelection().removeAllRanges();
    window.getSelection().addRange(range);
    return window.getSelection().toString();
  }, selector);
}

/** The URLs of all tabs, as the extension sees them. */
export function tabUrls(driver) {
  return driver.ext(async () =>
    (await (globalThis.browser ?? globalThis.chrome).tabs.query({})).map((t) => t.url ?? ''),
  );
}

/**
 * Runs `act` (a key press or click that saves a file from an extension page) and returns the file: { name, text }, or
 * { name, bytes } when `binary`. Chromium: the browser's real download. Firefox: the blob handed to the download link
 * (the real download would open a dialog in a test profile).
 */
export async function savedFile(driver, page, act, what, { binary = false, timeout } = {}) {
  if (driver.name === 'chromium') {
    const [download] = await Promise.all([page.waitForEvent('download', timeout ? { timeout } : {}), act()]);
    const { readFile } = await import('node:fs/promises');
    const path = await download.path();
    const name = download.suggestedFilename();
    return binary
      ? { name, bytes: new Uint8Array(await readFile(path)) }
      : { name, text: await readFile(path, 'utf8') };
  }
  await page.evaluate(() => {
    window.__saved = null;
    const create = URL.createObjectURL.bind(URL);
    const blobs = new Map();
    URL.createObjectURL = (blob) => {
      const url = create(blob);
      blobs.set(url, blob);
      return url;
    };
    globalThis.HTMLAnchorElement.prototype.click = function () {
      const blob = blobs.get(this.href);
      if (!blob) return;
      void blob.arrayBuffer().then((buffer) => {
        const bytes = new Uint8Array(buffer);
        let binary = '';
        for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        window.__saved = { name: this.download, base64: window.btoa(binary) };
      });
    };
  });
  await act();
  const file = await waitFor(page, () => window.__saved, undefined, { what, ...(timeout ? { timeout } : {}) });
  const data = Buffer.from(file.base64, 'base64');
  return binary ? { name: file.name, bytes: new Uint8Array(data) } : { name: file.name, text: data.toString('utf8') };
}

/**
 * Opens `link` (a link to a passage, `#:~:text=`) in a new tab, as a user following it would, and waits until the
 * browser has scrolled the page to the passage: the page is scrolled down and the element `id` is on screen. Screenshot
 * `<browser>-<shot>.png`; resolves with where it stood.
 */
export async function followLink(driver, link, id, shot) {
  const page = await driver.newPage(link);
  const where = await waitFor(
    page,
    (id) => {
      const box = document.getElementById(id).getBoundingClientRect();
      const visible = box.bottom > 0 && box.top < window.innerHeight;
      return window.scrollY > 0 && visible
        ? { scrollY: window.scrollY, top: box.top, height: window.innerHeight }
        : null;
    },
    id,
    { what: `the page scrolled to #${id}` },
  );
  await page.screenshot({ path: `${ARTIFACTS}/${driver.name}-${shot}.png` });
  await page.close();
  return where;
}
