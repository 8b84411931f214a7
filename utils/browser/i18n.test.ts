import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { uiLanguage } from './i18n';

/** A browser whose UI is `browserLanguage` showing Lectern's strings of `strings`. */
function browserWith(strings: string, browserLanguage: string): void {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string) => (key === 'locale' ? strings : key));
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue(browserLanguage);
}

describe('uiLanguage', () => {
  beforeEach(() => vi.restoreAllMocks());

  it('is the language of the strings shown, even where the browser’s own language differs', () => {
    browserWith('ru', 'en-US');
    expect(uiLanguage()).toBe('ru');
    expect(new Intl.DateTimeFormat(uiLanguage(), { month: 'long' }).format(new Date(2024, 5, 4))).toBe('июнь');
  });

  it('keeps the browser’s region when the browser speaks the strings’ language', () => {
    browserWith('en', 'en-GB');
    expect(uiLanguage()).toBe('en-GB');
    browserWith('ru', 'ru');
    expect(uiLanguage()).toBe('ru');
  });
});
