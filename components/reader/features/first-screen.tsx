import { firstScreen, type FirstScreen } from '@/utils/extract';
import { t } from '@/utils/browser';
import { ArticleHeader } from '../ArticleHeader';
import { GrowingBody, type ArticleParts } from './article-parts';
import type { ReaderContent } from '../ReaderApp';

/**
 * A very large article's opening, shown while the whole is still being read (see utils/extract/first-screen.ts): its
 * header and first blocks as the article will look, and a status saying the rest is coming. Nothing here is the
 * article yet — no actions, no highlights — so it carries none of the article's markers.
 */
export function FirstScreenView({
  preview,
  url,
  body,
  locale,
}: {
  preview: FirstScreen;
  url: string;
  /** The article's parts read so far, in the opening's place. */
  body?: ArticleParts | undefined;
  locale: string;
}) {
  return (
    <article lang={preview.lang ?? undefined} dir={preview.dir ?? undefined} data-lectern="first-screen">
      <ArticleHeader article={{ ...preview, published: null, readingMinutes: 0, url }} locale={locale} />
      {/* Sanitized by firstScreen, as the article's own HTML is by the extraction. Laid out as a long article's body
          (data-long: its blocks are contained, so margins don't collapse through them), so nothing moves when the
          whole replaces it. */}
      {body ? (
        <GrowingBody parts={body} />
      ) : (
        <div class="article-body" data-long="" dangerouslySetInnerHTML={{ __html: preview.html }} />
      )}
      <p class="status" role="status" lang={locale} dir="auto">
        {t('loadingRest')}
      </p>
    </article>
  );
}

/** The next frame, or nothing to wait for in a tab that isn't drawn (a hidden tab gets no frames). */
function nextFrame(): Promise<void> {
  if (document.visibilityState === 'hidden') return Promise.resolve();
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/**
 * Marks when the first screen was up, with the opening of what it showed and where that came from (`npm run bench` and
 * the tests read it): once per reader, by the opening (from the page's `opening.js` or from the whole markup) or else by
 * the whole article's first frame.
 */
export function markFirstScreen(source: 'opening' | 'markup' | 'article' = 'article'): void {
  if (performance.getEntriesByName('lectern:first-screen').length) return;
  const main = document.getElementById('reader-main');
  let text = '';
  // Text node by node, so that a long article isn't read whole for a thousand characters.
  const walker = document.createTreeWalker(main ?? document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node && text.length < 1_000; node = walker.nextNode()) {
    const value = (node as Text).data.replace(/\s+/g, ' ').trim();
    if (value) text += text ? ` ${value}` : value;
  }
  performance.mark('lectern:first-screen', { detail: { text: text.slice(0, 1_000), source } });
}

/**
 * Shows a very large article's opening at most once, and never once the whole is on screen: from the small document
 * the page sent ahead of its markup, or from the parsed snapshot when that came first. `ready`: the loading screen is
 * up (the opening comes in the user's theme).
 */
export function openingScreen(show: (content: ReaderContent) => void, ready: Promise<void>) {
  let state: 'waiting' | 'shown' | 'whole' = 'waiting';
  let painted: Promise<void> = Promise.resolve();
  let preview: { screen: FirstScreen; url: string; body?: ArticleParts } | null = null;
  let grown: ArticleParts | undefined;
  return {
    /**
     * `source`: the page's opening document, or the snapshot's whole markup. Resolves once an opening shown by either
     * call is painted, so the extraction that follows (one long task) never holds back its first frame.
     */
    async show(doc: Document, url: string, source: 'opening' | 'markup'): Promise<void> {
      if (state !== 'waiting') return painted;
      const screen = firstScreen(doc, url);
      if (!screen) return;
      await ready;
      if (state !== 'waiting') return painted;
      state = 'shown';
      preview = { screen, url, body: grown };
      show({ kind: 'loading', preview });
      painted = nextFrame().then(() => markFirstScreen(source));
      return painted;
    },
    /**
     * The article's first parts are read: they take the opening's place, under its header, and the rest grows there
     * (`body`: the parts, as they are added). Only over an opening: without one there is no header to show yet.
     */
    grow(body: ArticleParts): void {
      grown = body;
      if (state !== 'shown' || !preview || preview.body) return;
      preview = { ...preview, body };
      show({ kind: 'loading', preview });
    },
    /** The whole article (or a message) replaces whatever was shown. */
    whole(): void {
      state = 'whole';
    },
  };
}
