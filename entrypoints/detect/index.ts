import { writeClipboard } from '@/utils/clipboard';
import { isReaderable } from '@/utils/readerable';
import { listen, sendToExtension } from '@/utils/messages';
import { showPageToast } from './toast';

// The content script on every web page (declared in wxt.config.ts as `detect.js`). It is paid for on every page a
// person visits, so it does nothing at load but ask for idle time; then it checks once whether the page is an
// article (Readability's check, stopping as soon as it is sure) and answers the reader, popup and background.
// Readability's parser, DOMPurify and Preact never load here.
export default defineUnlistedScript(() => {
  let readerable = false;
  let checkedUrl = '';

  const check = (): void => {
    if (location.href === checkedUrl) return;
    checkedUrl = location.href;
    readerable = isReaderable(document);
    sendToExtension({ type: 'detected', readerable }).catch(() => {
      // The background may be restarting; the next navigation reports again.
    });
  };

  const whenIdle = (task: () => void): void => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 2000 });
    else setTimeout(task, 200);
  };

  const start = (): void => {
    listen({
      'page-info': () => ({
        url: location.href,
        title: document.title,
        readerable,
        canonical: document.querySelector<HTMLLinkElement>('link[rel~="canonical" i][href]')?.href ?? null,
        siteName: document.querySelector('meta[property="og:site_name"]')?.getAttribute('content')?.trim() || null,
        selection: window.getSelection()?.toString() ?? '',
        contentType: document.contentType,
      }),
      snapshot: () => ({
        url: location.href,
        contentType: document.contentType,
        html: document.documentElement?.outerHTML ?? '',
        selectionHtml: selectionHtml(),
      }),
      copy: async ({ payload, confirmation, failure }) => {
        const copied = await writeClipboard(payload);
        const shown = await showPageToast(copied ? confirmation : failure, !copied);
        return { copied, shown };
      },
      // Single-page sites change the address without a page load; the background sees it and asks again,
      // a moment later, once the new content is in.
      recheck: () => {
        setTimeout(() => whenIdle(check), 500);
        return true;
      },
    });
    check();
  };

  whenIdle(start);
});

function selectionHtml(): string {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return '';
  const box = document.createElement('div');
  for (let i = 0; i < selection.rangeCount; i++) box.append(selection.getRangeAt(i).cloneContents());
  return box.innerHTML;
}
