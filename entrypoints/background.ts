import { browser, type Browser } from 'wxt/browser';
import { DETECT_AFTER, badgeFor, copyBadge, detectionAfter } from '@/utils/detect';
import { readerParams, readerPath } from '@/utils/reader';
import {
  t,
  type MessageKey,
  copyInPage,
  passageInPage,
  runInPage,
  type PageInfo,
  type PageOpening,
  type PageSnapshot,
  type PageVerdict,
  listen,
  closeReaderTab,
  keepUnsavedSettings,
  openLibraryStore,
  loadSettings,
  startLibrarySync,
} from '@/utils/browser';
import { pendingEntry } from '@/utils/library';
import {
  cleanUrl,
  formatLink,
  formatQuote,
  passageUrl,
  type ClipboardPayload,
  MENU_ITEMS,
  menuItem,
  type MenuAction,
} from '@/utils/share';
import { shouldAutoOpen } from '@/utils/settings';

// Wires the browser's entry points (commands, context menu, popup messages) to the reader and the copy formats,
// and runs detection in each web page for the badge.
// The pages Lectern works on (its host permissions).
const WEB_PAGES = ['http://*/*', 'https://*/*'];

export default defineBackground(() => {
  // What a closing page had not stored yet is stored here (Firefox drops a closing page's own writes).
  keepUnsavedSettings();
  // The library's index follows the user to their other browsers (storage.sync).
  const librarySync = startLibrarySync();
  const action = browser.action ?? browser.browserAction;

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

  /**
   * Snapshots asked of a page while its reader tab opens, so the reader finds the page ready instead of asking only
   * once its code has loaded. Each is handed over once, or dropped after a while.
   */
  const prefetched = new Map<number, Promise<PageSnapshot | null>>();
  /** A very large page's opening, asked of the page just before its snapshot (which then takes seconds to arrive). */
  const openings = new Map<number, Promise<PageOpening | null>>();

  function prefetchSnapshot(tabId: number): void {
    const opening = runInPage(tabId, '/opening.js', true).catch(() => null);
    openings.set(tabId, opening);
    // A page that doesn't answer in time leaves the reader to ask it itself.
    const snapshot = Promise.race([
      runInPage(tabId, '/snapshot.js', true).then(
        (answer) => (answer === 'loading' ? null : answer),
        () => null,
      ),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), 5000)),
    ]);
    prefetched.set(tabId, snapshot);
    setTimeout(() => {
      if (prefetched.get(tabId) === snapshot) prefetched.delete(tabId);
      if (openings.get(tabId) === opening) openings.delete(tabId);
    }, 30_000);
  }

  // The reader tabs this background opened, with the tab each reads; a reader's address says it too, which covers
  // readers opened before the background last started.
  const readerTabs = new Map<number, number>();
  const READER_PAGE = browser.runtime.getURL('/reader.html');
  browser.tabs.onRemoved.addListener((tabId) => readerTabs.delete(tabId));

  /** The tab a reader tab reads (null: none), or undefined when `tab` is no reader. */
  function readerSourceOf(tab: Browser.tabs.Tab): number | null | undefined {
    if (tab.id !== undefined && readerTabs.has(tab.id)) return readerTabs.get(tab.id);
    const url = tab.url || tab.pendingUrl || '';
    return url.startsWith(READER_PAGE) ? readerParams(new URL(url).search).sourceTabId : undefined;
  }

  async function openReader(tab: Browser.tabs.Tab, print: boolean, save = false): Promise<void> {
    if (tab.id === undefined) return;
    prefetchSnapshot(tab.id);
    const reader = await browser.tabs.create({
      url: browser.runtime.getURL(readerPath(tab.id, print, save)),
      index: tab.index + 1,
      openerTabId: tab.id,
      windowId: tab.windowId,
    });
    if (reader.id !== undefined) readerTabs.set(reader.id, tab.id);
  }

  /**
   * Closes the reader when it is the active tab, otherwise opens it for the active tab. Decided here, from the tabs
   * the background knows, so a reader still loading is closed too (never a reader of the reader).
   */
  async function toggleReader(): Promise<void> {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    const source = readerSourceOf(tab);
    if (source !== undefined) await closeReaderTab(tab.id, source);
    else await openReader(tab, false);
  }

  /** Where nothing can be copied (extensions can't run there: a browser page), the button says why for a moment. */
  async function showCopyImpossible(tabId: number): Promise<void> {
    await action.setBadgeText({ tabId, text: '!' });
    await action.setTitle({ tabId, title: t('copyImpossible') });
    setTimeout(() => void action.setBadgeText({ tabId, text: '' }).catch(() => undefined), 4000);
  }

  /** Where the page took the confirmation out at once, the toolbar button says it for a moment instead. */
  async function showCopyResult(tabId: number, copied: boolean, done: MessageKey, readerable: boolean): Promise<void> {
    const notice = copyBadge(copied);
    await Promise.all([
      action.setBadgeText({ tabId, text: notice.text }),
      action.setBadgeBackgroundColor({ tabId, color: notice.color }),
      action.setTitle({ tabId, title: t(copied ? done : 'copyFailed') }),
    ]);
    setTimeout(() => void showDetection(tabId, readerable).catch(() => undefined), 4000);
  }

  /** Copies in the page (a script run there writes the clipboard and shows the confirmation). */
  async function copyInTab(
    tabId: number,
    make: (info: PageInfo) => { payload: ClipboardPayload; done: MessageKey },
  ): Promise<void> {
    try {
      const info = await runInPage(tabId, '/page-info.js', true);
      if (info === 'loading') throw new Error('The page is still loading.');
      const { payload, done } = make(info);
      const result = await copyInPage(tabId, { payload, confirmation: t(done), failure: t('copyFailed') });
      if (!result.shown) await showCopyResult(tabId, result.copied, done, info.readerable);
    } catch {
      await showCopyImpossible(tabId);
    }
  }

  /** A link saved from the context menu: queued as unread, read when first opened; the toolbar button confirms it. */
  async function saveLink(tab: Browser.tabs.Tab, url: string, title: string): Promise<void> {
    if (tab.id === undefined || !/^https?:/i.test(url)) return;
    const tabId = tab.id;
    const store = openLibraryStore();
    let done: MessageKey = 'linkSavedToLibrary';
    try {
      const existing = await store.entry(cleanUrl({ url }));
      if (!existing) await store.save(pendingEntry(url, title, Date.now(), null), null, null);
    } catch (error) {
      done = error instanceof DOMException && error.name === 'QuotaExceededError' ? 'libraryFull' : 'libraryNotSaved';
    }
    const ok = done === 'linkSavedToLibrary';
    const notice = copyBadge(ok);
    await Promise.all([
      action.setBadgeText({ tabId, text: notice.text }),
      action.setBadgeBackgroundColor({ tabId, color: notice.color }),
      action.setTitle({ tabId, title: t(done) }),
    ]);
    const readerable = verdicts.get(tabId)?.article ?? false;
    setTimeout(() => void showDetection(tabId, readerable).catch(() => undefined), 4000);
  }

  /** Opens a queued link's page and the reader on it, which saves the article over the queued entry. */
  async function readPending(url: string): Promise<void> {
    const tab = await browser.tabs.create({ url });
    if (tab.id === undefined) return;
    const tabId = tab.id;
    await new Promise<void>((resolve) => {
      const onUpdated = (id: number, change: { status?: string }): void => {
        if (id !== tabId || change.status !== 'complete') return;
        browser.tabs.onUpdated.removeListener(onUpdated);
        resolve();
      };
      browser.tabs.onUpdated.addListener(onUpdated);
    });
    await openReader(await browser.tabs.get(tabId), false, true);
  }

  async function runMenuAction(
    menuAction: MenuAction,
    tab: Browser.tabs.Tab,
    selectionText: string,
    link: { url: string; text: string } | null = null,
  ): Promise<void> {
    if (tab.id === undefined) return;
    if (menuAction.kind === 'open-reader') return openReader(tab, false);
    if (menuAction.kind === 'save-to-library') return openReader(tab, false, true);
    if (menuAction.kind === 'save-link') return link ? saveLink(tab, link.url, link.text) : undefined;
    const { copyExactAddress } = await loadSettings();
    // A quote links to its passage: the fragment is made in the page, on the user's selection (null: the clean link).
    const fragment = menuAction.kind === 'quote' ? await passageInPage(tab.id) : null;
    await copyInTab(tab.id, (info) => {
      const source = { url: info.url, canonical: info.canonical, title: info.title, siteName: info.siteName };
      if (menuAction.kind === 'link') {
        return {
          payload: formatLink(menuAction.format, source, { exact: copyExactAddress }),
          done: menuAction.format === 'link' ? 'linkCopied' : 'copied',
        };
      }
      const link = fragment ? passageUrl(cleanUrl(source), fragment) : null;
      return {
        payload: formatQuote(menuAction.format, info.selection || selectionText, source, link),
        done: 'quoteCopied',
      };
    });
  }

  // Tabs where the reader already opened by itself since their page started loading (auto-open is once per load).
  const autoOpened = new Set<number>();
  browser.tabs.onRemoved.addListener((tabId) => autoOpened.delete(tabId));

  async function autoOpen(tabId: number, url: string, readerable: boolean): Promise<void> {
    const { autoOpenSites } = await loadSettings();
    if (!shouldAutoOpen({ readerable, url, sites: autoOpenSites, openedThisLoad: autoOpened.has(tabId) })) return;
    autoOpened.add(tabId);
    await openReader(await browser.tabs.get(tabId), false);
  }

  const tabExists = (tabId: number): Promise<boolean> =>
    browser.tabs.get(tabId).then(
      () => true,
      () => false,
    );

  // What a reader found each tab's page to be: it outranks the quick check (detect.js) for that address until the tab
  // loads another page, so the badge, the popup and the reader give one answer.
  const verdicts = new Map<number, PageVerdict>();
  browser.tabs.onRemoved.addListener((tabId) => verdicts.delete(tabId));

  /** Runs detect.js in the tab's page (the browser waits until its document is ready) and shows the answer. */
  async function detect(tabId: number, url: string): Promise<void> {
    const checked = await runInPage(tabId, '/detect.js').catch(() => null);
    // A tab closed or navigated to a browser page meanwhile keeps its default button.
    if (checked === null) return;
    const verdict = verdicts.get(tabId);
    const readerable = verdict?.url === url ? verdict.article : checked;
    try {
      await showDetection(tabId, readerable);
      await autoOpen(tabId, url, readerable);
    } catch (error) {
      // A tab closed since its page answered has nothing left to show; anything else is an error.
      if (await tabExists(tabId)) throw error;
    }
  }

  // Each web page is checked once per address (utils/detect/detection.ts says when).
  const pending = new Map<number, ReturnType<typeof setTimeout>>();
  const checked = new Map<number, string>();
  function scheduleDetection(tabId: number, url: string, delay: number): void {
    clearTimeout(pending.get(tabId));
    pending.set(
      tabId,
      setTimeout(() => {
        pending.delete(tabId);
        if (checked.get(tabId) === url) return;
        checked.set(tabId, url);
        void detect(tabId, url);
      }, delay),
    );
  }
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status === 'loading') {
      autoOpened.delete(tabId);
      if (verdicts.get(tabId)?.url !== tab.url) verdicts.delete(tabId);
    }
    const plan = detectionAfter(change, tab.url);
    if (!plan || !tab.url) return;
    if (plan.newLoad) checked.delete(tabId);
    scheduleDetection(tabId, tab.url, plan.delay);
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    clearTimeout(pending.get(tabId));
    pending.delete(tabId);
    checked.delete(tabId);
  });

  listen({
    'prefetched-opening': ({ tabId }) => {
      const opening = openings.get(tabId) ?? null;
      openings.delete(tabId);
      return opening;
    },
    'prefetched-snapshot': ({ tabId }) => {
      const snapshot = prefetched.get(tabId) ?? null;
      prefetched.delete(tabId);
      return snapshot;
    },
    'open-reader': async (message) => {
      await openReader(await browser.tabs.get(message.tabId), message.print, message.save);
    },
    'read-pending': async ({ url }) => {
      if (/^https?:/i.test(url)) await readPending(url);
    },
    'reader-verdict': async ({ tabId, url, article }) => {
      verdicts.set(tabId, { url, article });
      if ((await browser.tabs.get(tabId).catch(() => null))?.url === url) await showDetection(tabId, article);
    },
    'page-verdict': ({ tabId }) => verdicts.get(tabId) ?? null,
    'library-changed': () => librarySync.changed(),
  });

  browser.commands.onCommand.addListener((command) => {
    if (command === 'toggle-reader') void toggleReader();
    if (command === 'copy-link') {
      void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
        if (tab) void runMenuAction({ kind: 'link', format: 'link' }, tab, '');
      });
    }
  });

  browser.runtime.onInstalled.addListener(() => {
    // Pages already open when Lectern is installed or updated get their badge too.
    void browser.tabs.query({ url: WEB_PAGES }).then((tabs) => {
      for (const tab of tabs)
        if (tab.id !== undefined && tab.url) scheduleDetection(tab.id, tab.url, DETECT_AFTER.load);
    });
  });

  // The menu at every start of the background, not only at install: Firefox doesn't keep the menus of a persistent
  // background page across a browser restart (Chromium does, hence the removeAll first: no duplicate ids).
  void browser.contextMenus.removeAll().then(() => {
    for (const item of MENU_ITEMS) {
      browser.contextMenus.create({
        id: item.id,
        title: t(item.title),
        contexts: item.contexts,
        documentUrlPatterns: WEB_PAGES,
      });
    }
  });

  browser.contextMenus.onClicked.addListener((info, tab) => {
    const item = menuItem(info.menuItemId);
    // Firefox names the link's text; Chromium gives only its address (the entry is titled by it until it is read).
    const link = info.linkUrl ? { url: info.linkUrl, text: (info as { linkText?: string }).linkText ?? '' } : null;
    if (item && tab) void runMenuAction(item.action, tab, info.selectionText ?? '', link);
  });
});
