// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Article } from '@/utils/extract';
import { useEnglishMessages } from '@/tests/unit/i18n';
import { ArticleFooter, ArticleHeader } from './ArticleHeader';

afterEach(cleanup);

const hebrew = {
  title: 'הספרייה העירונית נפתחת מחדש',
  byline: 'נועה לוי',
  siteName: 'Valley Herald',
  published: '2024-09-03T08:00:00.000Z',
  lang: 'he',
  dir: 'rtl',
  readingMinutes: 1,
  url: 'https://valley.example/library',
} as Article;

describe('the header and footer of an article in another direction', () => {
  it('the meta line: byline, site, date, reading time, each its own isolate with its direction from its text', () => {
    useEnglishMessages();
    const { container } = render(<ArticleHeader article={hebrew} locale="en" />);
    const parts = Array.from(container.querySelectorAll('.article-meta > *'));
    expect(parts.map((p) => [p.localName, p.getAttribute('dir'), p.className])).toEqual([
      ['bdi', 'auto', 'byline'],
      ['bdi', 'auto', 'site'],
      ['bdi', 'auto', 'published'],
      ['bdi', 'auto', 'reading-time'],
    ]);
    expect(parts.map((p) => p.textContent)).toEqual(['נועה לוי', 'Valley Herald', 'September 3, 2024', '1 min read']);
    // The interface's words carry the interface's language; the article's values keep the article's.
    expect(parts.map((p) => p.getAttribute('lang'))).toEqual([null, null, 'en', 'en']);
    expect(container.querySelectorAll('h1')).toHaveLength(1);
    expect(container.querySelector('.article-source')?.getAttribute('dir')).toBe('ltr');
  });

  it('the footer: the label (in the interface’s words, which set its direction), then the site’s name isolated', () => {
    useEnglishMessages();
    const { container } = render(<ArticleFooter article={hebrew} locale="en" />);
    const footer = container.querySelector('[data-lectern="article-footer"]')!;
    expect(footer.getAttribute('dir')).toBe('auto');
    expect(footer.textContent).toBe('Original page: Valley Herald');
    const label = footer.querySelector('.label')!;
    // Not a <bdi>: the footer's dir=auto skips a <bdi>'s text, so the label would not set the direction.
    expect([label.localName, label.getAttribute('lang')]).toEqual(['span', 'en']);
    const site = footer.querySelector('.site')!;
    expect([site.localName, site.getAttribute('dir'), site.textContent]).toEqual(['bdi', 'auto', 'Valley Herald']);
  });
});
