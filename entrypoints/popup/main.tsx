import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp, type PopupPage } from '@/components/popup/PopupApp';
import { t, uiLanguage } from '@/utils/i18n';
import { sendToExtension, sendToTab } from '@/utils/messages';
import { displayHost, isPdf, restrictedReason, unreachableReason } from '@/utils/pages';
import '@/components/theme.css';
import './style.css';

// The popup: finds out about the active tab, then renders; opening the reader goes through the background.
const app = document.getElementById('app')!;
document.documentElement.lang = uiLanguage();
document.title = t('extName');

async function describeActiveTab(): Promise<{ page: PopupPage | null; tabId: number | null }> {
  // A test (or a user with a pinned popup page) can name the tab; otherwise it's the active tab of this window.
  const named = Number(new URLSearchParams(location.search).get('tab'));
  const tab =
    Number.isInteger(named) && named > 0
      ? await browser.tabs.get(named)
      : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  if (tab?.id === undefined) return { page: null, tabId: null };
  const url = tab.url ?? '';
  const base = { url, title: tab.title ?? '', site: displayHost(url), canonical: null, siteName: null, selection: '' };
  const restricted = restrictedReason(url);
  if (restricted) return { page: { ...base, unavailable: restricted }, tabId: tab.id };
  try {
    const info = await sendToTab(tab.id, { type: 'page-info' });
    const page: PopupPage = {
      ...base,
      ...info,
      title: info.title || base.title,
      site: displayHost(info.url),
      unavailable: isPdf(info.contentType || null, info.url) ? 'pdf' : info.readerable ? null : 'not-article',
    };
    return { page, tabId: tab.id };
  } catch {
    // No page script: a page still loading or a PDF says so; otherwise it was opened before Lectern was.
    const reason = unreachableReason(tab);
    const unavailable = reason === 'page-loading' || reason === 'pdf' ? reason : 'no-content-script';
    return { page: { ...base, unavailable }, tabId: tab.id };
  }
}

void describeActiveTab().then(({ page, tabId }) => {
  const openReader = (print: boolean): void => {
    if (tabId === null) return;
    void sendToExtension({ type: 'open-reader', tabId, print }).then(() => window.close());
  };
  const openOptions = (): void => void browser.runtime.openOptionsPage().then(() => window.close());
  render(<PopupApp page={page} onOpenReader={openReader} onOpenOptions={openOptions} />, app);
  // The first frame with the popup drawn (`npm run bench` reads it as "popup first render").
  requestAnimationFrame(() => setTimeout(() => performance.mark('lectern:painted'), 0));
});
