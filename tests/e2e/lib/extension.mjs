// Questions the tests ask the extension itself, the same way in both browsers.
import { waitFor, until } from './wait.mjs';

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

/** The text of the confirmation toast, once one shows. */
export function waitForToast(page) {
  return waitFor(page, () => document.querySelector('[data-lectern="toast"]')?.textContent, undefined, {
    what: 'toast',
  });
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
