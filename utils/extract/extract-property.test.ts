/**
 * Property tests of extraction over generated pages: whatever the markup, extraction returns an Article or null, never
 * throws, never leaves anything that could run script in the Article's HTML, and never modifies the page it reads.
 * The seeds are fixed, so every run (and CI) checks the same documents; a failure prints the document that broke it.
 */
import fc from 'fast-check';
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { articleProblems, fingerprint, scriptHazards } from '@/tests/unit/article-checks';
import { extractArticle } from './extract';

const URL_ = 'https://news.example/2024/05/story?id=7';
/** jsdom's console would report every stylesheet it can't parse. */
const quiet = new VirtualConsole();

const WORDS =
  'the harbour boats market council water town people morning evening said would their about after years new old first last city week river bridge road school price report'.split(
    ' ',
  );
const word = fc.constantFrom(...WORDS);
const sentence = fc
  .array(word, { minLength: 4, maxLength: 24 })
  .map((ws) => `${ws.join(' ').replace(/^./, (c) => c.toUpperCase())}, ${ws.slice(0, 3).join(' ')}.`);
/** Text with the characters that break naive markup handling. */
const oddText = fc.constantFrom(
  '&amp; &lt;script&gt;alert(1)&lt;/script&gt;',
  'javascript:alert(1)',
  '<!-- a comment --> after',
  '<![CDATA[ x ]]>',
  '\u202e reversed \u200b',
  'שלום עולם، مرحبا',
  '日本語の文章です。中文句子。',
  '"quoted" \'single\' `tick`',
  '',
);

/** Attributes: ordinary ones, the names furniture and captions get, hiding, lazy images, and hostile ones. */
const attribute = fc.constantFrom(
  'class="article-body"',
  'class="content main"',
  'class="share-bar social"',
  'class="related-stories"',
  'class="photo-caption"',
  'class="credit"',
  'class="byline"',
  'class="sr-only"',
  'class="ad ad-slot"',
  'id="content"',
  'id="comments"',
  'role="navigation"',
  'role="dialog" aria-modal="true"',
  'aria-hidden="true"',
  'hidden',
  'style="display:none"',
  'style="color:red;background:url(javascript:alert(1))"',
  'lang="he" dir="rtl"',
  'data-src="/img/lazy.jpg"',
  'data-srcset="/img/a.jpg 1x, javascript:alert(1) 2x"',
  'src="/img/a.jpg"',
  'src="data:image/gif;base64,R0lGODlhAQABAAAAACw="',
  'src="javascript:alert(1)"',
  'src=" &#14; javascript:alert(1)"',
  'href="/next"',
  'href="https://elsewhere.example/x"',
  'href="javascript:alert(1)"',
  'href="JaVa&#x09;ScRiPt:alert(1)"',
  'href="vbscript:msgbox(1)"',
  'href="data:text/html,<script>alert(1)</script>"',
  'xlink:href="javascript:alert(1)"',
  'onclick="alert(1)"',
  'onerror="alert(1)"',
  'onload="alert(1)"',
  'ONMOUSEOVER="alert(1)"',
  'srcdoc="<script>alert(1)</script>"',
  'formaction="javascript:alert(1)"',
  'action="javascript:alert(1)"',
  'poster="javascript:alert(1)"',
  'width="1" height="1"',
  'datetime="2024-05-03T10:00:00+02:00"',
  'itemprop="datePublished"',
  'title="&quot;><img src=x onerror=alert(1)>"',
);

const TAGS = [
  'div',
  'p',
  'span',
  'a',
  'article',
  'section',
  'main',
  'aside',
  'nav',
  'header',
  'footer',
  'figure',
  'figcaption',
  'h1',
  'h2',
  'h3',
  'ul',
  'ol',
  'li',
  'table',
  'tr',
  'td',
  'blockquote',
  'pre',
  'code',
  'img',
  'br',
  'hr',
  'iframe',
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'form',
  'input',
  'button',
  'video',
  'source',
  'picture',
  'object',
  'embed',
  'time',
  'b',
  'em',
  'details',
  'summary',
  'frameset',
  'frame',
  'title',
  'meta',
  'link',
  'base',
  'body',
  'html',
  'x-widget',
  'foreignObject',
  'animate',
  'set',
  'use',
];

/** Whole hostile fragments, as attackers write them (several rely on parser quirks). */
const hostile = fc.constantFrom(
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<svg onload=alert(1)><animate onbegin=alert(1) attributeName=x></animate></svg>',
  '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<form><math><mtext></form><form><mglyph><style></math><img src=x onerror=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<a href="javascript:alert(1)">link</a>',
  '<a href="&#106;avascript:alert(1)">link</a>',
  '<a href="java\tscript:alert(1)">link</a>',
  '<base href="javascript:alert(1)//">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<link rel="stylesheet" href="javascript:alert(1)">',
  '<details open ontoggle=alert(1)>',
  '<video><source onerror=alert(1)></video>',
  '<template><script>alert(1)</script></template>',
  '<p style="behavior:url(x.htc)" onmouseover="alert(1)">hover</p>',
  '<div id="x"><a id="x" name="x">clobber</a></div><form name="body"></form>',
  '<img srcset="javascript:alert(1) 1x">',
  '<script type="application/ld+json">{"@type":"NewsArticle","headline":"<img src=x onerror=alert(1)>","image":"javascript:alert(1)","datePublished":"9999-99-99"}</script>',
  '<script type="application/ld+json">{"@graph":[{"@graph":[{"@graph":[]}]}],</script>',
);

type Tree = string;

/** Markup trees: text, hostile fragments and elements with random attributes and children (often misnested). */
const { node } = fc.letrec<{ node: Tree; element: Tree }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { arbitrary: sentence, weight: 4 },
    { arbitrary: oddText, weight: 1 },
    { arbitrary: hostile, weight: 1 },
    { arbitrary: tie('element'), weight: 4 },
  ),
  element: fc
    .record({
      tag: fc.constantFrom(...TAGS),
      attrs: fc.array(attribute, { maxLength: 3 }),
      children: fc.array(tie('node'), { maxLength: 5 }),
      // Mostly closed; an unclosed tag now and then lets the parser's error recovery reshape the tree.
      close: fc.oneof({ arbitrary: fc.constant(true), weight: 9 }, { arbitrary: fc.constant(false), weight: 1 }),
    })
    .map(({ tag, attrs, children, close }) => {
      const open = attrs.length ? `<${tag} ${attrs.join(' ')}>` : `<${tag}>`;
      return `${open}${children.join('')}${close ? `</${tag}>` : ''}`;
    }),
}));

/** An article the extractor should find: a heading and several paragraphs, with generated markup inside and around. */
const articleBlock = fc
  .record({
    heading: sentence,
    paragraphs: fc.array(fc.array(fc.oneof({ arbitrary: sentence, weight: 4 }, { arbitrary: node, weight: 1 })), {
      minLength: 3,
      maxLength: 6,
    }),
    wrapper: fc.constantFrom('article', 'div class="story-body"', 'main', 'section', 'div'),
  })
  .map(({ heading, paragraphs, wrapper }) => {
    const tag = wrapper.split(' ')[0]!;
    return `<${wrapper}><h1>${heading}</h1>${paragraphs.map((p) => `<p>${p.join(' ')}</p>`).join('')}</${tag}>`;
  });

const head = fc
  .array(
    fc.constantFrom(
      '<title>A story | News Example</title>',
      '<title></title>',
      '<meta property="og:title" content="A story">',
      '<meta property="og:image" content="javascript:alert(1)">',
      '<meta property="og:image" content="/lead.jpg">',
      '<meta name="author" content="By Jane Doe">',
      '<meta property="article:published_time" content="2024-05-03T10:00:00Z">',
      '<link rel="canonical" href="javascript:alert(1)">',
      '<link rel="canonical" href="/2024/05/story">',
      '<base href="https://cdn.example/">',
      '<base href="javascript:alert(1)//">',
      '<meta charset="utf-8">',
    ),
    { maxLength: 5 },
  )
  .map((tags) => tags.join(''));

/** A whole page: head, markup before and after, and (usually) an article in between. */
const page = fc
  .record({
    lang: fc.constantFrom('', ' lang="en"', ' lang="ar" dir="rtl"', ' lang="{{lang}}"', ' lang="ja"'),
    head,
    before: fc.array(node, { maxLength: 4 }),
    article: fc.option(articleBlock, { freq: 4 }),
    after: fc.array(node, { maxLength: 4 }),
  })
  .map(
    ({ lang, head, before, article, after }) =>
      `<!doctype html><html${lang}><head>${head}</head><body>${before.join('')}${article ?? ''}${after.join('')}</body></html>`,
  );

/**
 * `html` as the document of a window at URL_. Creating a jsdom window costs more than extraction itself, so a window
 * serves a hundred pages in turn: each page is parsed, then its root element replaces the window document's. (A jsdom
 * window slows down as it accumulates documents, hence not one window for all.)
 */
let host = new JSDOM('', { url: URL_, virtualConsole: quiet }).window;
let hosted = 0;
function pageDocument(html: string): Document {
  if (++hosted % 100 === 0) {
    host.close();
    host = new JSDOM('', { url: URL_, virtualConsole: quiet }).window;
  }
  const doc = host.document;
  const parsed = new host.DOMParser().parseFromString(html, 'text/html');
  doc.replaceChild(doc.adoptNode(parsed.documentElement), doc.documentElement);
  return doc;
}

/** Runs extraction on `html` and checks every property; returns whether an Article came out. */
function checkPage(html: string): boolean {
  let doc: Document;
  try {
    doc = pageDocument(html);
  } catch {
    // jsdom itself fails on a few inputs (a <base> without href before a <style>): no page to test.
    return false;
  }
  const before = fingerprint(doc);
  let article: ReturnType<typeof extractArticle> = null;
  expect(() => (article = extractArticle(doc, URL_))).not.toThrow();
  expect(fingerprint(doc)).toBe(before);
  if (article === null) return false;
  const found: NonNullable<ReturnType<typeof extractArticle>> = article;
  expect(articleProblems(found)).toEqual([]);
  expect(scriptHazards(found.html, host as unknown as Window & typeof globalThis)).toEqual([]);
  return true;
}

/**
 * The runs are split into parts of a quarter each, with seeds of their own: the same number of documents as one long
 * property, but a part is a test of its own, so a busy machine (CI's may be) slows each part, not one minute-long test.
 */
const PARTS = [0, 1, 2, 3];

describe('extraction properties over generated pages', () => {
  for (const part of PARTS) {
    it(`pages with an article amid generated markup: Article or null, sanitized, the page untouched (part ${part + 1} of ${PARTS.length})`, () => {
      let articles = 0;
      fc.assert(
        fc.property(page, (html) => {
          if (checkPage(html)) articles++;
        }),
        { seed: 20240503 + part, numRuns: 225 },
      );
      // The generator must exercise the sanitizer, not only the "no article" path.
      expect(articles).toBeGreaterThan(112);
    }, 60_000);
  }

  for (const part of PARTS) {
    it(`arbitrary strings as a page (part ${part + 1} of ${PARTS.length})`, () => {
      fc.assert(
        fc.property(
          fc.array(fc.oneof(fc.string({ maxLength: 40 }), hostile, sentence, node), { maxLength: 12 }),
          (parts) => {
            checkPage(parts.join(''));
          },
        ),
        { seed: 7 + part, numRuns: 275 },
      );
    }, 60_000);
  }
});
