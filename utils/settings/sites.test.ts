import { describe, expect, it } from 'vitest';
import { MAX_AUTO_OPEN_SITES, isListedSite, normalizeHost, normalizeHostList, shouldAutoOpen } from './sites';

describe('normalizeHost', () => {
  it('turns what people type into a bare host name', () => {
    expect(normalizeHost('https://www.Example.com/news?x=1')).toBe('example.com');
    expect(normalizeHost('  caliber.AZ. ')).toBe('caliber.az');
    expect(normalizeHost('news.example.co.uk:8080')).toBe('news.example.co.uk');
    expect(normalizeHost('127.0.0.1')).toBe('127.0.0.1');
    expect(normalizeHost('localhost')).toBe('localhost');
    expect(normalizeHost('пример.рф')).toBe('xn--e1afmkfd.xn--p1ai');
  });

  it('rejects what is not a host name', () => {
    for (const junk of ['', '   ', 'news', 'a b.com', 'javascript:alert(1)', '999.1.1.1', 42, null, {}, ['x.com']]) {
      expect(normalizeHost(junk), String(junk)).toBeNull();
    }
  });
});

describe('normalizeHostList', () => {
  it('keeps valid hosts once each, in order, bounded', () => {
    expect(normalizeHostList(['b.com', 'https://A.com/', 'junk', 7, 'www.b.com'])).toEqual(['b.com', 'a.com']);
    expect(normalizeHostList('a.com')).toEqual([]);
    const many = Array.from({ length: MAX_AUTO_OPEN_SITES + 20 }, (_, i) => `s${i}.com`);
    expect(normalizeHostList(many)).toHaveLength(MAX_AUTO_OPEN_SITES);
  });
});

describe('isListedSite', () => {
  it('matches the host and its subdomains, web pages only', () => {
    const sites = ['example.com', '127.0.0.1'];
    expect(isListedSite('https://example.com/a', sites)).toBe(true);
    expect(isListedSite('https://news.example.com/a', sites)).toBe(true);
    expect(isListedSite('http://127.0.0.1:4000/articles/x', sites)).toBe(true);
    expect(isListedSite('https://notexample.com/', sites)).toBe(false);
    expect(isListedSite('https://example.com.evil.net/', sites)).toBe(false);
    expect(isListedSite('file:///example.com/x', sites)).toBe(false);
    expect(isListedSite('not a url', sites)).toBe(false);
  });
});

describe('shouldAutoOpen', () => {
  const base = { readerable: true, url: 'https://news.example.com/a', sites: ['example.com'], openedThisLoad: false };
  it('opens an article on a listed site once per page load', () => {
    expect(shouldAutoOpen(base)).toBe(true);
    expect(shouldAutoOpen({ ...base, openedThisLoad: true })).toBe(false);
    expect(shouldAutoOpen({ ...base, readerable: false })).toBe(false);
    expect(shouldAutoOpen({ ...base, sites: [] })).toBe(false);
    expect(shouldAutoOpen({ ...base, url: undefined })).toBe(false);
  });
});
