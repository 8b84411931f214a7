import { describe, expect, it } from 'vitest';
import { DETECT_AFTER, detectionAfter } from './detection';

const PAGE = 'https://example.com/news/story';

describe('detectionAfter: when a tab update leads to a check', () => {
  it('a page that starts loading: a new load, checked 3 s later unless it has loaded by then', () => {
    expect(detectionAfter({ status: 'loading', url: PAGE }, PAGE)).toEqual({
      delay: DETECT_AFTER.slowLoad,
      newLoad: true,
    });
    expect(DETECT_AFTER.slowLoad).toBe(3000);
  });

  it('a page that has loaded: checked at once', () => {
    expect(detectionAfter({ status: 'complete' }, PAGE)).toEqual({ delay: 0, newLoad: false });
  });

  it('an address change without a load (single-page site): checked half a second later', () => {
    expect(detectionAfter({ url: `${PAGE}/next` }, `${PAGE}/next`)).toEqual({ delay: 500, newLoad: false });
  });

  it('updates that change nothing of the page: no check', () => {
    expect(detectionAfter({}, PAGE)).toBeNull();
    expect(detectionAfter({ status: undefined, url: undefined }, PAGE)).toBeNull();
  });

  it('pages extensions may not run in, or no address: no check', () => {
    for (const url of [
      'https://chromewebstore.google.com/detail/x',
      'https://addons.mozilla.org/en-US/firefox/addon/x/',
      'chrome://settings/',
      'about:preferences',
      'file:///tmp/a.html',
      'moz-extension://x/reader.html',
      '',
      undefined,
    ]) {
      expect(detectionAfter({ status: 'complete' }, url)).toBeNull();
      expect(detectionAfter({ status: 'loading' }, url)).toBeNull();
    }
  });

  it('http and https, whatever the case of the scheme', () => {
    expect(detectionAfter({ status: 'complete' }, 'http://127.0.0.1:8080/a')).not.toBeNull();
    expect(detectionAfter({ status: 'complete' }, 'HTTPS://EXAMPLE.COM/')).not.toBeNull();
  });
});
