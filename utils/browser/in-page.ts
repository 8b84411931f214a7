import { browser } from 'wxt/browser';
import type { ClipboardPayload, TextFragment } from '@/utils/share';

/**
 * What Lectern runs in web pages, and how. No content script is declared: the background, popup and reader inject a
 * small script of the build (entrypoints/detect, page-info, snapshot, copy, passage) into the page's tab when they need its
 * answer, and the answer comes back as the injection's result. A page that is never read pays only for `detect.js`
 * once it has loaded, and no listener or messaging API is left in it.
 */

/** What the page says of itself (`page-info.js`). */
export interface PageInfo {
  url: string;
  title: string;
  readerable: boolean;
  /** The canonical address the page declares, if any. */
  canonical: string | null;
  /** The site's name as the page states it (Open Graph), if any. */
  siteName: string | null;
  /** The selected text, paragraphs kept; empty when nothing is selected. */
  selection: string;
  /** The document's type (text/html, application/pdf for the browser's PDF viewer, image/svg+xml...). */
  contentType: string;
}

/** A serialized copy of the page for extraction in the reader (`snapshot.js`; the live page is never handed over). */
export interface PageSnapshot {
  url: string;
  /** The document's type (text/html, application/pdf for the browser's PDF viewer, image/svg+xml...). */
  contentType: string;
  html: string;
  /** The user's selection as HTML, empty when nothing is selected. */
  selectionHtml: string;
}

/** What to put on the clipboard, and the page's confirmation (or failure notice) in the user's language. */
export interface CopyRequest {
  payload: ClipboardPayload;
  confirmation: string;
  failure: string;
}

/** Whether the clipboard got it, and whether the confirmation was still on the page once its scripts had run. */
export interface CopyResult {
  copied: boolean;
  shown: boolean;
}

/** Lectern's own world of a page (the page's scripts can't see it): `copy.js` leaves its function there. */
export type InPageGlobal = typeof globalThis & { lecternCopy?: (request: CopyRequest) => Promise<CopyResult> };

/** The link to the user's selection on the page (`passage.js`): its text fragment, null where none can be made. */
export interface PassageAnswer {
  fragment: TextFragment | null;
}

/** A very large page's opening: a small document of its metadata and first blocks, sent ahead of its snapshot. */
export interface PageOpening {
  url: string;
  html: string;
}

/** The scripts, by file, with what each answers ('loading': the page's markup is still arriving). */
interface Answers {
  '/detect.js': boolean;
  '/page-info.js': PageInfo | 'loading';
  '/snapshot.js': PageSnapshot | 'loading';
  /** A very large page's opening as a small document (markup) and the page's address, or null. */
  '/opening.js': PageOpening | null;
  '/passage.js': PassageAnswer;
}

/**
 * Runs one of Lectern's page scripts in a tab's top frame and gives its answer; rejects where extensions can't run
 * (browser pages, closed tabs) or the script gave no answer. `now`: answer at once, even while the page is loading
 * (otherwise the browser waits until the page's document is ready).
 */
export async function runInPage<F extends keyof Answers>(tabId: number, file: F, now = false): Promise<Answers[F]> {
  const [first] = await browser.scripting.executeScript({ target: { tabId }, files: [file], injectImmediately: now });
  return answer<Answers[F]>(first, file);
}

/** Copies in the page, where the clipboard and the confirmation belong. */
export async function copyInPage(tabId: number, request: CopyRequest): Promise<CopyResult> {
  await browser.scripting.executeScript({ target: { tabId }, files: ['/copy.js'], injectImmediately: true });
  const [first] = await browser.scripting.executeScript({
    target: { tabId },
    // Serialized into the page: it may use nothing but its argument and the page world's globals.
    func: (request: CopyRequest) => (globalThis as InPageGlobal).lecternCopy?.(request),
    args: [request],
    injectImmediately: true,
  });
  return answer<CopyResult>(first, 'copy');
}

/**
 * The text fragment of the selection on the tab's page, made there (`passage.js`, which bundles the generator, is
 * injected only now), or null: no selection, none unique, or a page extensions may not run in. Never rejects: a quote
 * then carries the clean link.
 */
export async function passageInPage(tabId: number): Promise<TextFragment | null> {
  try {
    return (await runInPage(tabId, '/passage.js', true)).fragment;
  } catch {
    return null;
  }
}

/** What a page fetched for Lectern: its address after redirects and markup, or why not ("404", "timeout", ...). */
export type InPageFetch = { url: string; html: string } | { error: string };

/** The most markup taken from one page (a long read is well under 1 MB of HTML). */
const MAX_PAGE_CHARS = 8_000_000;

/**
 * Fetches `url` from inside the tab's page, with the page's own cookies and as the page itself would (the next page
 * of a multi-page article: the extension's pages may fetch nothing, see the manifest's CSP). Gives up after
 * `timeoutMs`; never rejects.
 */
export async function fetchInPage(tabId: number, url: string, timeoutMs: number): Promise<InPageFetch> {
  try {
    const [first] = await browser.scripting.executeScript({
      target: { tabId },
      // Serialized into the page: it may use nothing but its arguments and the page world's globals. Firefox's
      // `content.fetch` is the page's own (its origin and cookies); Chromium's content scripts fetch as the page does.
      func: async (url: string, timeoutMs: number, maxChars: number) => {
        const pageFetch = (globalThis as { content?: { fetch?: typeof fetch } }).content?.fetch ?? fetch;
        const abort = new AbortController();
        const timer = setTimeout(() => abort.abort(), timeoutMs);
        try {
          const response = await pageFetch(url, { credentials: 'include', signal: abort.signal });
          if (!response.ok) return { error: String(response.status) };
          if (!/html/i.test(response.headers.get('content-type') ?? 'text/html')) return { error: 'not-html' };
          const html = await response.text();
          return html.length > maxChars ? { error: 'too-large' } : { url: response.url || url, html };
        } catch {
          return { error: abort.signal.aborted ? 'timeout' : 'network' };
        } finally {
          clearTimeout(timer);
        }
      },
      args: [url, timeoutMs, MAX_PAGE_CHARS],
      injectImmediately: true,
    });
    return answer<InPageFetch>(first, 'fetch');
  } catch {
    return { error: 'network' };
  }
}

function answer<T>(result: { result?: unknown; error?: unknown } | undefined, what: string): T {
  // Chromium reports a script's error only as a missing result; Firefox also gives the error.
  if (result?.result === undefined || result.result === null) {
    throw new Error(`${what}: no answer from the page${result?.error ? ` (${String(result.error)})` : ''}`);
  }
  return result.result as T;
}
