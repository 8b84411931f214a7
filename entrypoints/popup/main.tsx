import { render } from 'preact';
import { browser, type Browser } from 'wxt/browser';
import { PopupApp, type PopupPage } from '@/components/popup/PopupApp';
import { t, uiLanguage, runInPage, passageInPage, sendToExtension, loadSettings, openPage } from '@/utils/browser';
import { displayHost, isPdf, restrictedReason, unreachableReason } from '@/utils/detect';
import { cleanTitle } from '@/utils/share';
import '@/components/shared/theme.css';
import './style.css';

performance.mark('lectern:start');

// The popup: draws the active tab at once, then what its page adds; opening the reader goes through the background.
const app = document.getElementById('app')!;
document.documentElement.lang = uiLanguage();
document.title = t('extName');

/** The tab the popup is about: the one a test (or a pinned popup page) names, else the active tab of this window. */
async function targetTab(): Promise<Browser.tabs.Tab | undefined> {
  const named = Number(new URLSearchParams(location.search).get('tab'));
  return Number.isInteger(named) && named > 0
    ? browser.tabs.get(named)
    : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
}

/** What the page itself adds to what the tab says: canonical link, site name, selection, article or not. */
async function refine(tabId: number, tab: Browser.tabs.Tab, base: PopupPage): Promise<PopupPage> {
  try {
    const [info, verdict] = await Promise.all([
      runInPage(tabId, '/page-info.js', true),
      sendToExtension({ type: 'page-verdict', tabId }).catch(() => null),
    ]);
    if (info === 'loading') return { ...base, unavailable: 'page-loading' };
    // A reader that has read this page knows better than the quick check in the page.
    const article = verdict?.url === info.url ? verdict.article : info.readerable;
    return {
      ...base,
      ...info,
      // The clean title, as the reader and every copy format give it.
      title: cleanTitle({ title: info.title || base.title, url: info.url, siteName: info.siteName }),
      site: displayHost(info.url),
      unavailable: isPdf(info.contentType || null, info.url) ? 'pdf' : article ? null : 'not-article',
    };
  } catch {
    // The page couldn't run Lectern's script: a PDF viewer says so; otherwise the browser kept us out.
    const reason = unreachableReason(tab);
    const unavailable = reason === 'page-loading' || reason === 'pdf' ? reason : 'load-failed';
    return { ...base, unavailable };
  }
}

async function main(): Promise<void> {
  // The settings come with the tab, so the first frame is already in the user's theme and text size.
  const [tab, settings] = await Promise.all([targetTab().catch(() => undefined), loadSettings()]);
  const tabId = tab?.id ?? null;
  const openReader = (print: boolean, save = false): void => {
    if (tabId === null) return;
    void sendToExtension({ type: 'open-reader', tabId, print, save }).then(() => window.close());
  };
  const openLibrary = (): void => void openPage('/library.html').then(() => window.close());
  const openOptions = (): void => void browser.runtime.openOptionsPage().then(() => window.close());
  const show = (page: PopupPage | null, ready = true): void =>
    render(
      <PopupApp
        page={page}
        ready={ready}
        initialSettings={settings}
        onOpenReader={openReader}
        onOpenOptions={openOptions}
        onOpenLibrary={openLibrary}
        passageFragment={tabId === null ? undefined : () => passageInPage(tabId)}
      />,
      app,
    );

  if (!tab || tabId === null) {
    show(null);
  } else {
    const url = tab.url ?? '';
    const base: PopupPage = {
      url,
      title: cleanTitle({ title: tab.title ?? '', url, siteName: null }),
      site: displayHost(url),
      canonical: null,
      siteName: null,
      selection: '',
      unavailable: restrictedReason(url),
    };
    // Drawn at once from what the tab says; the page's own answer follows a moment later.
    if (base.unavailable) show(base);
    else {
      show(base, false);
      void refine(tabId, tab, base).then((page) => show(page));
    }
  }
  // The first frame with the popup drawn (`npm run bench` reads it as "popup first render").
  requestAnimationFrame(() => setTimeout(() => performance.mark('lectern:painted'), 0));
}

void main();
