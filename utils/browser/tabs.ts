import { browser } from 'wxt/browser';

/** Close: back to the article's tab, untouched and at its scroll position, and the reader tab goes away. */
export async function closeReader(sourceTabId: number | null): Promise<void> {
  const self = await browser.tabs.getCurrent();
  if (sourceTabId !== null) {
    await browser.tabs.update(sourceTabId, { active: true }).catch(() => undefined);
  }
  if (self?.id !== undefined) await browser.tabs.remove(self.id);
  else window.close();
}
