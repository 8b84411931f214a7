import isProbablyReaderable from '@mozilla/readability/Readability-readerable.js';
import { writeClipboard } from '@/utils/clipboard';
import { listen, sendToExtension } from '@/utils/messages';
import { showPageToast } from './toast';

// Runs on every page: decides cheaply whether it is an article and answers the reader, popup and background.
// Readability's parser, DOMPurify and Preact are not imported here; they load only in the reader page.
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    let readerable = false;
    let checkedUrl = '';

    const check = (): void => {
      if (location.href === checkedUrl) return;
      checkedUrl = location.href;
      readerable = isProbablyReaderable(document);
      sendToExtension({ type: 'detected', readerable }).catch(() => {
        // The background may be restarting; the next navigation reports again.
      });
    };

    const scheduleCheck = (): void => {
      if ('requestIdleCallback' in window) ctx.requestIdleCallback(check, { timeout: 2000 });
      else ctx.setTimeout(check, 200);
    };

    const unlisten = listen({
      'page-info': () => ({
        url: location.href,
        title: document.title,
        readerable,
        canonical: document.querySelector<HTMLLinkElement>('link[rel~="canonical" i][href]')?.href ?? null,
        siteName: document.querySelector('meta[property="og:site_name"]')?.getAttribute('content')?.trim() || null,
        selection: window.getSelection()?.toString() ?? '',
      }),
      snapshot: () => ({
        url: location.href,
        html: document.documentElement.outerHTML,
        selectionHtml: selectionHtml(),
      }),
      copy: async ({ payload, confirmation, failure }) => {
        const ok = await writeClipboard(payload);
        showPageToast(ok ? confirmation : failure, !ok);
        return ok;
      },
    });
    ctx.onInvalidated(unlisten);

    scheduleCheck();
    // Single-page sites change the address without a new page load.
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      ctx.setTimeout(scheduleCheck, 500);
    });
  },
});

function selectionHtml(): string {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return '';
  const box = document.createElement('div');
  for (let i = 0; i < selection.rangeCount; i++) box.append(selection.getRangeAt(i).cloneContents());
  return box.innerHTML;
}
