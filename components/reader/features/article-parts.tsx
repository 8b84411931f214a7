import { useLayoutEffect, useRef } from 'preact/hooks';

/** Height a part is reckoned at before it is first laid out, per character of its text (about 70 to a 30 px line). */
const PX_PER_CHAR = 0.45;

/**
 * The body of a very large article, built a part at a time as the extraction hands over each part's sanitized HTML
 * (see utils/extract/parts.ts): shown growing under the opening while the rest is read, then taken over by the article
 * view, so the finished article is never parsed a second time from its HTML. Each part sits in a box of its own that
 * is laid out only near the screen (style.css), so a frame costs the same with ten parts as with three hundred, and the
 * article view takes over a few hundred boxes instead of every block.
 */
export function articleParts() {
  const element = document.createElement('div');
  element.className = 'article-body';
  // Laid out as a long article's body (see style.css), as it will be once it is the article's.
  element.dataset.long = '';
  return {
    /** The parts so far. */
    element,
    /** Adds the next part (sanitized by the extraction, as the whole article's HTML is). */
    append(html: string): void {
      const part = document.createElement('div');
      part.dataset.part = '';
      part.innerHTML = html;
      const height = Math.round((part.textContent?.length ?? 0) * PX_PER_CHAR);
      part.style.setProperty('--part-height', `${height}px`);
      element.appendChild(part);
    },
    /** Whether any part was added. */
    get built(): boolean {
      return element.hasChildNodes();
    },
    /** The parts' boxes, in order, moved out (for the article view). */
    take(): DocumentFragment {
      return contentsOf(element);
    },
    /** The boxes moved back from where they were taken to (the article view going), to be taken again. */
    giveBack(from: Element): void {
      element.replaceChildren(contentsOf(from));
    },
  };
}

export type ArticleParts = ReturnType<typeof articleParts>;

/** `el`'s children, moved out into a fragment. */
function contentsOf(el: Element): DocumentFragment {
  const range = document.createRange();
  range.selectNodeContents(el);
  return range.extractContents();
}

/** Shows the parts shown so far where this is rendered, for as long as this is. */
export function GrowingBody({ parts }: { parts: ArticleParts }) {
  const host = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    host.current?.appendChild(parts.element);
    return () => parts.element.remove();
  }, [parts]);
  return <div ref={host} />;
}

/**
 * The article's body from the parts already built: their nodes move into it (before any feature looks at the body:
 * layout effects run before the features' effects), instead of `article.html` being parsed again.
 */
export function BuiltBody({ parts, long }: { parts: ArticleParts; long: boolean }) {
  const own = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const body = own.current;
    if (!body) return undefined;
    body.replaceChildren(parts.take());
    // Shown again later (the article view can go and come back), the same nodes come with it.
    return () => parts.giveBack(body);
  }, [parts]);
  return <div class="article-body" data-lectern="article" data-long={long ? '' : undefined} ref={own} />;
}
