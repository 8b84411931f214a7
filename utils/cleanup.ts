/** What Readability's article still needs before sanitizing: video players as links, classes gone, pixels dropped. */
import { isTrackingPixel, videoLink } from './media';

/** Classes worth keeping: a code block's language (`language-js`, `lang-py`, highlight.js's `hljs …`). */
const CODE_CLASS = /^(?:language|lang)-[\w+#.-]+$/i;

/**
 * An embedded video player → a link to the video on its own site (the reader shows no frames), e.g.
 * `<p class="video-link"><a href="https://www.youtube.com/watch?v=…">▶ YouTube: Title</a></p>`. Other frames go.
 */
function replaceFrames(root: Element, baseUrl: string): void {
  for (const frame of Array.from(root.getElementsByTagName('iframe'))) {
    const link = videoLink(frame.getAttribute('src'), baseUrl);
    if (!link) {
      frame.remove();
      continue;
    }
    const doc = frame.ownerDocument;
    const p = doc.createElement('p');
    const a = doc.createElement('a');
    a.setAttribute('href', link.url);
    const title = frame.getAttribute('title')?.replace(/\s+/g, ' ').trim();
    a.textContent = `▶ ${link.service}${title && !/^(?:youtube|vimeo)?\s*(?:video )?player$/i.test(title) ? `: ${title}` : ''}`;
    p.appendChild(a);
    // A player alone in a paragraph or wrapper: the link takes the wrapper's place rather than nesting a <p> in a <p>.
    const parent = frame.parentElement;
    if (parent && parent !== root && parent.localName === 'p' && (parent.textContent ?? '').trim() === '')
      parent.replaceWith(p);
    else frame.replaceWith(p);
  }
}

/** Leaves classes only where they mean something to the reader (a code block's language). */
function stripClasses(root: Element): void {
  for (const el of Array.from(root.querySelectorAll('[class]'))) {
    const keep = (el.getAttribute('class') ?? '')
      .split(/\s+/)
      .filter((c) => CODE_CLASS.test(c) && (el.localName === 'code' || el.localName === 'pre'));
    if (keep.length) el.setAttribute('class', keep.join(' '));
    else el.removeAttribute('class');
  }
}

/** Tracking pixels and spacer images that survived (e.g. ones Readability made of lazy-loading attributes). */
function dropPixels(root: Element): void {
  for (const img of Array.from(root.getElementsByTagName('img'))) {
    if (isTrackingPixel(img)) img.remove();
  }
}

/** Finishes Readability's article `root` in place. */
export function finishArticle(root: Element, baseUrl: string): void {
  replaceFrames(root, baseUrl);
  dropPixels(root);
  stripClasses(root);
}
