// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { useMemo } from 'preact/hooks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Article } from '@/utils/extract';
import { useEnglishMessages } from '@/tests/unit/i18n';
import { TocPanel, useOutline } from './toc';

beforeEach(() => {
  useEnglishMessages();
  Element.prototype.scrollIntoView = vi.fn();
  vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => setTimeout(() => f(0), 0));
  // A long page, scrolled to its top (happy-dom lays nothing out).
  Object.defineProperty(document.documentElement, 'scrollHeight', { value: 10_000, configurable: true });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const HTML =
  '<p>Intro.</p><h2 id="user-content-dig">Digging</h2><p>Text.</p><h3>The shaft</h3><p>Text.</p>' +
  '<h2>Flooding</h2><p>Text.</p><h2>Opening day</h2><p>Text.</p>';

function Reader({ html, onClose }: { html: string; onClose: (refocus: boolean) => void }) {
  // One article object per page, as the reader has.
  const article = useMemo(() => ({ html }) as Article, [html]);
  const items = useOutline(article);
  return (
    <main>
      <div data-lectern="article" dangerouslySetInnerHTML={{ __html: html }} />
      {items.length > 0 && <TocPanel items={items} onClose={onClose} />}
    </main>
  );
}

/** Places the headings at these distances from the top of the window. */
function placeHeadings(tops: number[]): void {
  document.querySelectorAll<HTMLElement>('[data-lectern="article"] :is(h2, h3)').forEach((h, i) => {
    h.getBoundingClientRect = () => ({ top: tops[i]!, bottom: tops[i]! + 30 }) as DOMRect;
  });
}

const links = () => Array.from(document.querySelectorAll<HTMLAnchorElement>('[data-lectern="toc"] a'));

describe('the table of contents', () => {
  it('lists the headings with their depth, linked to ids (the article’s own, or the reader’s)', async () => {
    render(<Reader html={HTML} onClose={() => undefined} />);
    await vi.waitFor(() => expect(links()).toHaveLength(4));
    expect(links().map((a) => [a.textContent, a.getAttribute('href'), a.parentElement!.dataset['depth']])).toEqual([
      ['Digging', '#user-content-dig', '0'],
      ['The shaft', '#lectern-section-1', '1'],
      ['Flooding', '#lectern-section-2', '0'],
      ['Opening day', '#lectern-section-3', '0'],
    ]);
    expect(screen.getByRole('dialog', { name: 'Contents' })).toBeTruthy();
  });

  it('is not there for fewer than three headings', async () => {
    render(<Reader html="<h2>One</h2><p>x</p><h2>Two</h2><p>y</p>" onClose={() => undefined} />);
    await new Promise((r) => setTimeout(r, 10));
    expect(document.querySelector('[data-lectern="toc"]')).toBeNull();
  });

  it('marks the section being read, following the scroll, and opens with the focus on it', async () => {
    render(<Reader html={HTML} onClose={() => undefined} />);
    await vi.waitFor(() => expect(links()).toHaveLength(4));
    placeHeadings([-900, -300, 400, 1200]);
    await act(() => {
      window.dispatchEvent(new Event('scroll'));
    });
    await vi.waitFor(() => expect(links()[1]!.getAttribute('aria-current')).toBe('location'));
    expect(links().filter((a) => a.hasAttribute('aria-current'))).toHaveLength(1);
    expect(document.activeElement?.closest('[data-lectern="toc"]')).toBeTruthy();
    placeHeadings([-2000, -1500, -700, 10]);
    await act(() => {
      window.dispatchEvent(new Event('scroll'));
    });
    await vi.waitFor(() => expect(links()[3]!.getAttribute('aria-current')).toBe('location'));
  });

  it('an entry jumps to its section and puts the focus on the heading; over the text, the panel then closes', async () => {
    const onClose = vi.fn();
    vi.stubGlobal('matchMedia', () => ({ matches: false }));
    render(<Reader html={HTML} onClose={onClose} />);
    await vi.waitFor(() => expect(links()).toHaveLength(4));
    fireEvent.click(links()[2]!);
    const heading = document.getElementById('lectern-section-2')!;
    expect(heading.scrollIntoView).toHaveBeenCalled();
    expect(document.activeElement).toBe(heading);
    expect(onClose).toHaveBeenCalledWith(false);
  });

  it('beside the text, the panel stays open after a jump', async () => {
    const onClose = vi.fn();
    vi.stubGlobal('matchMedia', () => ({ matches: true }));
    render(<Reader html={HTML} onClose={onClose} />);
    await vi.waitFor(() => expect(links()).toHaveLength(4));
    fireEvent.click(links()[0]!);
    expect(document.activeElement).toBe(document.getElementById('user-content-dig'));
    expect(onClose).not.toHaveBeenCalled();
  });

  it('× closes it and asks for the focus back on its button', async () => {
    const onClose = vi.fn();
    render(<Reader html={HTML} onClose={onClose} />);
    await vi.waitFor(() => expect(links()).toHaveLength(4));
    fireEvent.click(screen.getByRole('button', { name: 'Close the contents' }));
    expect(onClose).toHaveBeenCalledWith(true);
  });
});
