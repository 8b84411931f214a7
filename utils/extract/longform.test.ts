import { describe, expect, it } from 'vitest';
import { fixtureDocument, htmlDocument } from '@/tests/unit/dom';
import { extractArticle } from './extract';

describe('a long-form magazine layout', { timeout: 30_000 }, () => {
  const url = 'https://longread.example/harbour-voices';
  const article = () => extractArticle(fixtureDocument('furniture/magazine-longform.html', url), url)!;

  it('keeps all 39 paragraphs spread over sibling sections, in order', () => {
    const { text } = article();
    const at = Array.from({ length: 39 }, (_, i) => text.indexOf(`in paragraph ${i + 1} of this story`));
    expect(at.filter((i) => i < 0)).toEqual([]);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('opens with its drop cap, the first letter kept though hidden from screen readers', () => {
    expect(article().text).toMatch(/^The lighthouse keeper remembered/);
  });

  it('shows each pull-quote’s words once: the text they repeat, not a second time', () => {
    const { text } = article();
    expect(text.split('We built it for fifty years, not for five.')).toHaveLength(2);
    expect(text.split('The harbour has always changed with the town.')).toHaveLength(2);
  });

  it('a hidden letter that is not a paragraph’s opening stays hidden', () => {
    const page = htmlDocument(
      `<html><body><article><p>${'The harbour opened again after the long winter and the town came to see it. '.repeat(6)}` +
        `Five <span aria-hidden="true">★</span> stars and a <span aria-hidden="true">X</span> mark.</p></article></body></html>`,
      url,
    );
    expect(extractArticle(page, url)!.text).toMatch(/Five +stars and a +mark\.$/);
  });
});
