// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { useEnglishMessages } from '@/tests/unit/i18n';
import { FirstScreenView } from './first-screen';

afterEach(cleanup);

describe('a very large article’s opening, shown while the rest is read', () => {
  it('the header (no reading time yet), the opening blocks in the article’s direction, and a status for the rest', () => {
    useEnglishMessages();
    const screen = {
      title: 'افتتاح حديقة جديدة',
      byline: 'سارة منصور',
      siteName: 'City News',
      lang: 'ar',
      dir: 'rtl' as const,
      html: '<h2>الجزء الأول</h2><p>افتتحت المدينة حديقة جديدة على ضفة النهر.</p>',
    };
    const { container } = render(<FirstScreenView preview={screen} url="https://city.example/a" locale="en" />);
    const article = container.querySelector('article')!;
    expect([article.getAttribute('lang'), article.getAttribute('dir')]).toEqual(['ar', 'rtl']);
    expect(container.querySelector('h1')?.textContent).toBe(screen.title);
    expect(Array.from(container.querySelectorAll('.article-meta > *'), (p) => p.textContent)).toEqual([
      'سارة منصور',
      'City News',
    ]);
    expect(container.querySelector('.article-body')?.innerHTML).toBe(screen.html);
    const status = container.querySelector('[role="status"]')!;
    expect(status.textContent).toBe('Reading the rest of the article…');
    expect([status.getAttribute('lang'), status.getAttribute('dir')]).toEqual(['en', 'auto']);
    // Not the article yet: nothing that features and tests read as the article's body.
    expect(container.querySelector('[data-lectern="article"]')).toBeNull();
  });
});
