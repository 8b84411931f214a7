import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { snapshotMarkup, withoutUnreadText } from './snapshot';

const LD = '<script type=" application/LD+JSON ">{"@type":"NewsArticle","datePublished":"2026-05-01"}</script>';

describe('withoutUnreadText', () => {
  it('leaves out scripts and style sheets, keeps JSON-LD, comments and everything else', () => {
    expect(
      withoutUnreadText(
        `<html><head><style media="print">p { color: red }</style>${LD}<script src="/app.js"></script></head>` +
          '<body><p>Boats <b>came</b> in.</p><script>window.__STATE__ = {"a": "</div>"}</script>' +
          '<!-- <script> left open in a comment --><p>After the comment.</p>' +
          '<svg><style>.a{}</style><circle r="1"></circle></svg><noscript><img src="/real.jpg"></noscript></body></html>',
      ),
    ).toBe(
      `<html><head>${LD}</head><body><p>Boats <b>came</b> in.</p>` +
        '<!-- <script> left open in a comment --><p>After the comment.</p>' +
        '<svg><circle r="1"></circle></svg><noscript><img src="/real.jpg"></noscript></body></html>',
    );
  });

  it('takes a script whole, whatever markup its text holds', () => {
    expect(withoutUnreadText(`<p>a</p><script>document.write('<style>x</style><p>b</p>')</script><p>c</p>`)).toBe(
      '<p>a</p><p>c</p>',
    );
    expect(withoutUnreadText('<SCRIPT type="module">1</SCRIPT ><p>c</p>')).toBe('<p>c</p>');
  });
});

describe('snapshotMarkup', () => {
  it('is the page’s serialization without its unread text, and leaves the page as it was', () => {
    const { document } = new JSDOM(
      `<!doctype html><html><head>${LD}<style>${'.r{}'.repeat(1000)}</style></head>` +
        `<body><article><h1>Harbour</h1><p>Boats came in at dawn.</p></article><script>var s = "${'x'.repeat(5000)}";</script></body></html>`,
      { virtualConsole: new VirtualConsole() },
    ).window;
    const before = document.documentElement.outerHTML;
    const copy = new JSDOM(snapshotMarkup(document), { virtualConsole: new VirtualConsole() }).window.document;
    expect(document.documentElement.outerHTML).toBe(before);
    expect([...copy.querySelectorAll('script')].map((s) => s.textContent)).toEqual([
      '{"@type":"NewsArticle","datePublished":"2026-05-01"}',
    ]);
    expect(copy.querySelectorAll('style')).toHaveLength(0);
    expect(copy.querySelector('article')?.outerHTML).toBe(document.querySelector('article')?.outerHTML);
  });
});
