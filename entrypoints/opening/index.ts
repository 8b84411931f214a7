import type { PageOpening } from '@/utils/browser';
import { openingMarkup } from '@/utils/detect';

// Run when the reader opens, just before snapshot.js (`opening.js`, see utils/browser/in-page.ts): on a very large page,
// a small document of its metadata and its article's opening, which reaches the reader long before the full markup
// does; null on any other page. Only reads the page.
export default defineUnlistedScript((): PageOpening | null => {
  const html = document.readyState === 'loading' ? null : openingMarkup(document);
  return html === null ? null : { url: location.href, html };
});
