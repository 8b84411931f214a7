// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Article } from '@/utils/extract';
import { useEnglishMessages } from '@/tests/unit/i18n';
import { NotArticleNotice, useNotArticle } from './not-article';

beforeEach(useEnglishMessages);
afterEach(cleanup);

const page = (article: boolean, title: string) =>
  ({ title, html: `<p>${title}</p>`, verdict: { article, linkDensity: 0, repeated: 0, prose: 0 } }) as Article;

function Reader({ found, onClose }: { found: Article | null; onClose: () => void }) {
  const { article, notArticle, showAnyway } = useNotArticle(found);
  return (
    <main id="reader-main" tabIndex={-1}>
      {notArticle && <NotArticleNotice onShow={showAnyway} onClose={onClose} />}
      {article && <div data-lectern="article">{article.title}</div>}
    </main>
  );
}

describe('a page that is no article', () => {
  it('says so instead of showing the list, and shows it on request', async () => {
    render(<Reader found={page(false, 'Forty headlines')} onClose={() => undefined} />);
    expect(screen.getByRole('alert').textContent).toContain('This page isn’t an article');
    expect(document.querySelector('[data-lectern="article"]')).toBeNull();
    const show = screen.getByRole('button', { name: 'Show what was found anyway' });
    await vi.waitFor(() => expect(document.activeElement).toBe(show));
    fireEvent.click(show);
    expect(document.querySelector('[data-lectern="article"]')!.textContent).toBe('Forty headlines');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('goes back to the page from the notice', () => {
    const onClose = vi.fn();
    render(<Reader found={page(false, 'Results')} onClose={onClose} />);
    fireEvent.click(screen.getByRole('button', { name: 'Back to the page' }));
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('shows an article at once, and a new page of links starts on the notice again', () => {
    const { rerender } = render(<Reader found={page(true, 'A story')} onClose={() => undefined} />);
    expect(document.querySelector('[data-lectern="article"]')!.textContent).toBe('A story');
    rerender(<Reader found={page(false, 'Index one')} onClose={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Show what was found anyway' }));
    rerender(<Reader found={page(false, 'Index two')} onClose={() => undefined} />);
    expect(screen.getByRole('alert')).toBeTruthy();
  });
});
