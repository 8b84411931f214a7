import type { PageSnapshot } from '@/utils/browser';
import { snapshotMarkup } from '@/utils/detect';

// Run when the reader opens (`snapshot.js`, see utils/browser/in-page.ts): a serialized copy of the page, extracted in the
// reader (the live page is never handed over). A page whose markup is still arriving says so instead.
export default defineUnlistedScript((): PageSnapshot | 'loading' => {
  if (document.readyState === 'loading') return 'loading';
  return {
    url: location.href,
    contentType: document.contentType,
    html: snapshotMarkup(document),
    selectionHtml: selectionHtml(),
  };
});

function selectionHtml(): string {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return '';
  const box = document.createElement('div');
  for (let i = 0; i < selection.rangeCount; i++) box.append(selection.getRangeAt(i).cloneContents());
  return box.innerHTML;
}
