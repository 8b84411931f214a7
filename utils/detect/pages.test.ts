import { describe, expect, it } from 'vitest';
import { displayHost, isPdf, restrictedReason, unreachableReason } from './pages';

describe('restrictedReason', () => {
  it('allows web pages', () => {
    expect(restrictedReason('https://news.example/a')).toBeNull();
    expect(restrictedReason('http://127.0.0.1:8080/x')).toBeNull();
    expect(restrictedReason('https://chrome.google.com/search')).toBeNull();
  });

  it('names why browser pages, stores and files are off limits', () => {
    expect(restrictedReason('chrome://settings')).toBe('browser-page');
    expect(restrictedReason('about:addons')).toBe('browser-page');
    expect(restrictedReason(undefined)).toBe('browser-page');
    expect(restrictedReason('not a url')).toBe('browser-page');
    expect(restrictedReason('https://chromewebstore.google.com/detail/x')).toBe('store-page');
    expect(restrictedReason('https://chrome.google.com/webstore/detail/x')).toBe('store-page');
    expect(restrictedReason('https://addons.mozilla.org/en-US/firefox/')).toBe('store-page');
    expect(restrictedReason('file:///home/a.html')).toBe('not-web');
  });
});

describe('displayHost', () => {
  it('shows the host without www', () => {
    expect(displayHost('https://www.caliber.az/post/1')).toBe('caliber.az');
    expect(displayHost('garbage')).toBe('garbage');
  });
});

describe('unreachableReason', () => {
  it('tells a browser page, a PDF and a page still loading from a page that just did not answer', () => {
    expect(unreachableReason({ url: 'chrome://settings/', status: 'complete' })).toBe('browser-page');
    expect(unreachableReason({ url: 'about:preferences', status: 'complete' })).toBe('browser-page');
    expect(unreachableReason({ url: 'https://addons.mozilla.org/x', status: 'complete' })).toBe('store-page');
    expect(unreachableReason({ url: 'file:///tmp/a.html', status: 'complete' })).toBe('not-web');
    expect(unreachableReason({ url: 'https://example.org/report.PDF?x=1', status: 'complete' })).toBe('pdf');
    expect(unreachableReason({ url: 'https://example.org/story', status: 'loading' })).toBe('page-loading');
    // A loaded web page that refuses the script: the browser's error page (a failed load), never "closed".
    expect(unreachableReason({ url: 'https://example.org/story', status: 'complete' })).toBe('load-failed');
    expect(unreachableReason(null)).toBe('closed');
  });
});

describe('isPdf', () => {
  it('believes the document type first, the address only without one', () => {
    expect(isPdf('application/pdf', 'https://example.org/a')).toBe(true);
    expect(isPdf('text/html', 'https://example.org/a.pdf')).toBe(false);
    expect(isPdf(null, 'https://example.org/a.pdf')).toBe(true);
    expect(isPdf(null, 'https://example.org/pdf')).toBe(false);
    expect(isPdf(null, 'nonsense')).toBe(false);
  });
});
