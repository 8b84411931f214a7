// @vitest-environment happy-dom
import { cleanup, render, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Article } from '@/utils/extract';
import { useEnglishMessages } from '@/tests/unit/i18n';
import { FootnotePopover, useFootnotes } from './footnotes';

beforeEach(useEnglishMessages);
afterEach(cleanup);

// The article as extraction leaves it: in-page links as fragments of prefixed ids.
const HTML =
  '<p id="user-content-intro">Intro with a mark<sup id="user-content-r1"><a href="#user-content-n1">1</a></sup> ' +
  'and <a href="#user-content-part">a contents entry</a>.</p><h2 id="user-content-part">Part</h2><p>Text.</p>' +
  '<ol><li id="user-content-n1">The note itself. <a href="#user-content-r1">↩</a></li></ol>';

const article = { html: HTML } as Article;

function Reader() {
  const footnote = useFootnotes(article);
  return (
    <main class="reader-main">
      <div data-lectern="article" dangerouslySetInnerHTML={{ __html: HTML }} />
      {footnote.open && <FootnotePopover open={footnote.open} onClose={footnote.close} />}
    </main>
  );
}

const mark = () => document.querySelector<HTMLAnchorElement>('a[href="#user-content-n1"]')!;
const popover = () => document.querySelector<HTMLElement>('[data-lectern="footnote"]');
const press = (key: string) =>
  document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));

describe('footnotes in the reader', () => {
  it('marks footnote references only: a button-like link with aria-expanded, not contents entries or back-links', () => {
    render(<Reader />);
    expect(mark().getAttribute('aria-expanded')).toBe('false');
    expect(mark().getAttribute('aria-haspopup')).toBe('dialog');
    expect(document.querySelector('a[href="#user-content-part"]')!.hasAttribute('aria-expanded')).toBe(false);
    expect(document.querySelector('a[href="#user-content-r1"]')!.hasAttribute('aria-expanded')).toBe(false);
  });

  it('opens the note in a labelled dialog that takes the focus; Esc closes it and the focus returns to the mark', async () => {
    render(<Reader />);
    let readerSawEscape = false;
    document.addEventListener('keydown', () => (readerSawEscape = true));
    mark().click();
    const dialog = await waitFor(() => {
      const shown = popover();
      if (!shown) throw new Error('no popover yet');
      return shown;
    });
    expect(dialog.getAttribute('role')).toBe('dialog');
    expect(dialog.getAttribute('aria-label')).toBe('Note 1');
    expect(dialog.textContent).toContain('The note itself.');
    expect(dialog.textContent).not.toContain('↩');
    expect(dialog.querySelector('[id]')).toBeNull();
    expect(mark().getAttribute('aria-expanded')).toBe('true');
    expect(mark().getAttribute('aria-controls')).toBe(dialog.id);
    expect(document.activeElement).toBe(dialog);

    press('Escape');
    await waitFor(() => expect(popover()).toBeNull());
    expect(readerSawEscape).toBe(false);
    expect(mark().getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(mark());
  });

  it('takes a back-link to its mark, in the reader', () => {
    render(<Reader />);
    const back = document.querySelector<HTMLAnchorElement>('a[href="#user-content-r1"]')!;
    const event = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 });
    back.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(mark());
  });
});
