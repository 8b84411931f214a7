import type { PageInfo } from '@/utils/browser';
import { isReaderable } from '@/utils/detect';

// Run by the popup and the background when they need to know the page (`page-info.js`, see utils/browser/in-page.ts).
export default defineUnlistedScript((): PageInfo | 'loading' => {
  if (document.readyState === 'loading') return 'loading';
  return {
    url: location.href,
    title: document.title,
    readerable: isReaderable(document),
    canonical: document.querySelector<HTMLLinkElement>('link[rel~="canonical" i][href]')?.href ?? null,
    siteName: document.querySelector('meta[property="og:site_name"]')?.getAttribute('content')?.trim() || null,
    selection: window.getSelection()?.toString() ?? '',
    contentType: document.contentType,
  };
});
