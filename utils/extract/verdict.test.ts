import { describe, expect, it } from 'vitest';
import { fixtureDocument, htmlDocument } from '@/tests/unit/dom';
import { extractArticle } from './extract';
import { judgeContent } from './verdict';

const URL_ = 'https://valley-courier.example/page';

function verdictOf(name: string) {
  const article = extractArticle(fixtureDocument(name, URL_), URL_);
  expect(article, name).not.toBeNull();
  return article!.verdict;
}

/** `html` as the body of a detached element, judged directly. */
function judge(html: string) {
  const root = htmlDocument('<html><body></body></html>').createElement('div');
  root.innerHTML = html;
  return judgeContent(root);
}

const sentence = (n: number): string =>
  `The crew on shift ${n} checked every joint of the old pipe, wrote down what they found, and left the worst ` +
  `sections marked in red paint for the welders who would come the next morning.`;

describe('not an article: pages of links to other pages', () => {
  it.each([
    ['a section front of 40 headlines', 'pages/section-front.html'],
    ['a link list', 'pages/link-list.html'],
    ['search results with snippets', 'pages/search-results.html'],
    ['a forum index', 'pages/forum-index.html'],
  ])('%s', (_, name) => {
    const verdict = verdictOf(name);
    expect(verdict.article).toBe(false);
    expect(verdict.prose).toBeLessThan(1000);
  });

  it('a flat list of linked headlines, each followed by its teaser', () => {
    let html = '';
    for (let i = 0; i < 12; i++)
      html += `<h3><a href="/s/${i}">Council meeting number ${i} ends without a vote</a></h3><p>${sentence(i).slice(0, 120)}</p>`;
    expect(judge(html).article).toBe(false);
  });

  it('links laid out in one paragraph, broken by <br>', () => {
    let html = '<p>';
    for (let i = 0; i < 30; i++) html += `<a href="/t/${i}">Topic number ${i} of the valley</a><br>`;
    expect(judge(`${html}</p>`).article).toBe(false);
  });
});

describe('articles stay articles', () => {
  it.each([
    'seed-article.html',
    'fidelity-article.html',
    'footnotes-article.html',
    'lead-image.html',
    'rtl-article.html',
    'rtl-arabic.html',
  ])('%s', (name) => {
    expect(verdictOf(name).article).toBe(true);
  });

  it('an article ending with a list of related links', () => {
    let html = '';
    for (let i = 0; i < 6; i++) html += `<p>${sentence(i)}</p>`;
    html += '<ul>';
    for (let i = 0; i < 8; i++) html += `<li><a href="/r/${i}">Related story number ${i} about the pipes</a></li>`;
    expect(judge(`${html}</ul>`).article).toBe(true);
  });

  it('a buying guide: repeated products, each with a short shop link and a paragraph', () => {
    let html = '<p>Our picks for the year.</p>';
    for (let i = 0; i < 8; i++)
      html += `<h3>Product ${i}</h3><ul><li>See it: <a href="/shop/${i}">Shop</a></li></ul><p>${sentence(i)}</p>`;
    expect(judge(html).article).toBe(true);
  });

  it('a live blog: short entries with permalinks', () => {
    let html = '';
    for (let i = 0; i < 15; i++)
      html += `<div><a href="#e${i}">12:${10 + i}</a><p>${sentence(i).slice(0, 150)}</p></div>`;
    expect(judge(html).article).toBe(true);
  });

  it('a listicle with linked headings and paragraphs of its own', () => {
    let html = '';
    for (let i = 0; i < 10; i++)
      html += `<h2><a href="/place/${i}">Place number ${i} on the coast</a></h2><p>${sentence(i)} ${sentence(i + 1)}</p>`;
    expect(judge(html).article).toBe(true);
  });

  it('a long article is one, whatever lists it carries', () => {
    let html = '';
    for (let i = 0; i < 16; i++) html += `<p>${sentence(i)}</p>`;
    html += '<ul>';
    for (let i = 0; i < 40; i++) html += `<li><a href="/r/${i}">Another story number ${i}</a></li>`;
    expect(judge(`${html}</ul>`).article).toBe(true);
  });
});
