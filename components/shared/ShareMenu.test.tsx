// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useEnglishMessages } from '@/tests/unit/i18n';
import { shareUrl } from '@/utils/share';
import { ShareMenu } from './ShareMenu';

const page = { url: 'https://example.com/a?b=1', title: 'A title' };

beforeEach(useEnglishMessages);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('ShareMenu', () => {
  it('lists the user’s targets in their order, each opening its share page in a new tab', () => {
    const settings = { shareTargets: ['mastodon', 'x', 'email'] as const, mastodonInstance: 'fosstodon.org' };
    render(<ShareMenu page={page} settings={{ ...settings, shareTargets: [...settings.shareTargets] }} />);
    const links = within(screen.getByRole('list')).getAllByRole('link');
    expect(links.map((a) => a.textContent)).toEqual(['Mastodon', 'X', 'E-mail']);
    expect(links[0]!.getAttribute('href')).toBe(shareUrl('mastodon', page, settings));
    expect(links[0]!.getAttribute('href')).toContain('fosstodon.org');
    expect(links[0]!.getAttribute('title')).toBe('Share on Mastodon');
    expect(links[2]!.getAttribute('title')).toBe('Send by e-mail');
    for (const link of links.slice(0, 2)) {
      expect(link.getAttribute('target')).toBe('_blank');
      expect(link.getAttribute('rel')).toContain('noopener');
    }
  });

  it('offers the system share sheet only where the browser has one, with the page', () => {
    const settings = { shareTargets: ['x' as const], mastodonInstance: 'mastodon.social' };
    vi.stubGlobal('navigator', { ...navigator, share: undefined });
    render(<ShareMenu page={page} settings={settings} />);
    expect(screen.queryByRole('button', { name: 'More…' })).toBeNull();
    cleanup();
    const share = vi.fn(() => Promise.resolve());
    vi.stubGlobal('navigator', { ...navigator, share });
    render(<ShareMenu page={page} settings={settings} />);
    fireEvent.click(screen.getByRole('button', { name: 'More…' }));
    expect(share).toHaveBeenCalledWith({ title: 'A title', text: undefined, url: page.url });
  });
});
