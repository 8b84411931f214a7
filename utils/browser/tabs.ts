import { browser } from 'wxt/browser';

/** Closes a reader tab and brings back the article's tab, untouched and at its scroll position. */
export async function closeReaderTab(readerTabId: number, sourceTabId: number | null): Promise<void> {
  if (sourceTabId !== null) {
    await browser.tabs.update(sourceTabId, { active: true }).catch(() => undefined);
  }
  await browser.tabs.remove(readerTabId);
}

/** Close, from the reader itself: its own tab goes away (or the window, where it has no tab). */
export async function closeReader(sourceTabId: number | null): Promise<void> {
  const self = await browser.tabs.getCurrent();
  if (self?.id !== undefined) await closeReaderTab(self.id, sourceTabId);
  else window.close();
}

/** Opens an extension page (the library, a saved article) in a new tab beside the current one. */
export async function openPage(path: `/${string}`): Promise<void> {
  const [current] = await browser.tabs.query({ active: true, currentWindow: true }).catch(() => []);
  await browser.tabs.create({
    url: browser.runtime.getURL(path as '/reader.html'),
    ...(current?.index !== undefined ? { index: current.index + 1 } : {}),
    ...(current?.id !== undefined ? { openerTabId: current.id } : {}),
  });
}
