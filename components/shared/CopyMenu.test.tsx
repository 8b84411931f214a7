// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useEnglishMessages } from '@/tests/unit/i18n';
import { formatLink, formatQuote, type LinkSource } from '@/utils/share';
import { CopyMenu } from './CopyMenu';

const source: LinkSource = {
  url: 'https://example.com/story?utm_source=x&id=7',
  canonical: null,
  title: 'A story',
  siteName: 'Example',
};

beforeEach(useEnglishMessages);
afterEach(cleanup);

describe('CopyMenu', () => {
  it('offers the link formats, and copies each as formatted, confirmed as "copied"', () => {
    const onCopy = vi.fn();
    render(<CopyMenu source={source} quote="" onCopy={onCopy} />);
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual([
      'Copy clean link',
      'Copy title and link',
      'Copy as Markdown link',
      'Copy as rich link',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Copy as Markdown link' }));
    expect(onCopy).toHaveBeenCalledWith(formatLink('markdown', source), 'copied');
    fireEvent.click(screen.getByRole('button', { name: 'Copy clean link' }));
    expect(onCopy).toHaveBeenLastCalledWith(formatLink('clean-link', source), 'copied');
    expect(onCopy.mock.lastCall![0].text).not.toContain('utm_source');
  });

  it('adds the quote formats when text is selected, and copies the selection with its source', async () => {
    const onCopy = vi.fn();
    render(<CopyMenu source={source} quote="  " onCopy={onCopy} />);
    expect(screen.queryByRole('button', { name: 'Copy quote with source' })).toBeNull();
    cleanup();
    render(<CopyMenu source={source} quote="Words worth keeping." onCopy={onCopy} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy quote as Markdown' }));
    // Without a passage link to wait for, the quote carries the clean link.
    await waitFor(() => expect(onCopy).toHaveBeenCalled());
    expect(onCopy).toHaveBeenCalledWith(formatQuote('quote-markdown', 'Words worth keeping.', source), 'quoteCopied');
  });

  it('gives the quote formats the link to the passage when one can be made', async () => {
    const onCopy = vi.fn();
    const link = 'https://example.com/story?id=7#:~:text=Words%20worth';
    render(<CopyMenu source={source} quote="Words worth" onCopy={onCopy} quoteLink={() => Promise.resolve(link)} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy quote with source' }));
    await waitFor(() => expect(onCopy).toHaveBeenCalled());
    expect(onCopy).toHaveBeenCalledWith(formatQuote('quote', 'Words worth', source, link), 'quoteCopied');
    expect(onCopy.mock.lastCall![0].text).toContain(link);
  });
});
