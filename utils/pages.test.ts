import { describe, expect, it } from 'vitest';
import { displayHost, restrictedReason } from './pages';

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
