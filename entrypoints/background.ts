import { browser, type Browser } from 'wxt/browser';
import { badgeFor, readerPath } from '@/utils/badge';
import { t } from '@/utils/i18n';
import { listen, sendToExtension } from '@/utils/messages';

// Wires the browser's entry points (command, context menu, popup messages) to the reader, and detection to the badge.
export default defineBackground(() => {
  const action = browser.action ?? browser.browserAction;
  const MENU_ID = 'lectern-open-reader';

  async function toggleShortcut(): Promise<string | undefined> {
    const commands = await browser.commands.getAll();
    return commands.find((c) => c.name === 'toggle-reader')?.shortcut || undefined;
  }

  async function showDetection(tabId: number, readerable: boolean): Promise<void> {
    const badge = badgeFor(readerable, await toggleShortcut());
    await Promise.all([
      action.setBadgeText({ tabId, text: badge.text }),
      action.setBadgeBackgroundColor({ tabId, color: badge.color }),
      action.setTitle({ tabId, title: t(badge.titleKey, badge.titleArg) }),
    ]);
  }

  async function openReader(tab: Browser.tabs.Tab, print: boolean): Promise<void> {
    if (tab.id === undefined) return;
    await browser.tabs.create({
      url: browser.runtime.getURL(readerPath(tab.id, print)),
      index: tab.index + 1,
      openerTabId: tab.id,
      windowId: tab.windowId,
    });
  }

  /** Closes the reader when it is the active tab, otherwise opens it for the active tab. */
  async function toggleReader(): Promise<void> {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    const closed = await sendToExtension({ type: 'close-reader-in-tab', tabId: tab.id }).catch(() => false);
    if (!closed) await openReader(tab, false);
  }

  listen({
    detected: (message, sender) => {
      if (sender.tab?.id !== undefined) void showDetection(sender.tab.id, message.readerable);
    },
    'open-reader': async (message) => {
      await openReader(await browser.tabs.get(message.tabId), message.print);
    },
  });

  browser.commands.onCommand.addListener((command) => {
    if (command === 'toggle-reader') void toggleReader();
  });

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: MENU_ID,
      title: t('menuOpenReader'),
      contexts: ['page', 'selection'],
      documentUrlPatterns: ['http://*/*', 'https://*/*'],
    });
  });

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_ID && tab) void openReader(tab, false);
  });
});
