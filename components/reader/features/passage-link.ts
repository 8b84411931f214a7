import { passageUrl } from '@/utils/share';

/**
 * Links to a passage of the reader's article (`#:~:text=`): the fragment is made on the article, where the passage is a
 * real Range, and checked against the ORIGINAL page, the snapshot the reader was opened from, since that is where the
 * link opens (utils/passage). The generator loads only when a link is first asked for.
 */

/** What a browser matches a text directive against: the rendered text, so no script, style or hidden element. */
const UNRENDERED = 'script, style, noscript, template, [hidden]';

/** The original page as parsed for checking: its markup without what the browser doesn't render as text. */
export function renderedCopy(html: string): Document {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const element of doc.querySelectorAll(UNRENDERED)) element.remove();
  for (const element of doc.querySelectorAll<HTMLElement>('[style]')) {
    if (/display\s*:\s*none|visibility\s*:\s*hidden/i.test(element.getAttribute('style') ?? '')) element.remove();
  }
  return doc;
}

/** The link to the passage on the page at `cleanUrl`, or null when none can be made (see utils/passage). */
export async function passageLink(
  cleanUrl: string,
  range: Range | null,
  original: Document | null,
): Promise<string | null> {
  if (!range || !original) return null;
  const passage = await import('@/utils/passage').catch(() => null);
  const fragment = passage?.passageFragment(range, original) ?? null;
  return fragment ? passageUrl(cleanUrl, fragment) : null;
}
