import { describe, expect, it } from 'vitest';
import { htmlDocument } from '@/tests/unit/dom';
import { toIsoDate } from './dates';
import { cleanByline, cleanTitle, readMetadata } from './metadata';

describe('cleanTitle', () => {
  it('drops a site suffix or prefix', () => {
    expect(cleanTitle('Storm hits the coast | The Daily Planet', 'The Daily Planet')).toBe('Storm hits the coast');
    expect(cleanTitle('Storm hits the coast - Caliber.Az', 'caliber.az')).toBe('Storm hits the coast');
    expect(cleanTitle('Daily Planet: Storm hits the coast', 'The Daily Planet')).toBe('Storm hits the coast');
  });

  it('keeps titles whose parts are not the site', () => {
    expect(cleanTitle('CNN: CIA conducts first strike', 'Caliber.az')).toBe('CNN: CIA conducts first strike');
    expect(cleanTitle('Storm – what we know', null)).toBe('Storm – what we know');
    expect(cleanTitle('   ', 'x')).toBeNull();
  });
});

describe('cleanByline', () => {
  it('removes "By" and separators', () => {
    expect(cleanByline('By Jane Doe')).toBe('Jane Doe');
    expect(cleanByline('Автор: Иван Петров')).toBe('Иван Петров');
    expect(cleanByline('  Jane   Doe |')).toBe('Jane Doe');
    expect(cleanByline('Por Lucía Fernández')).toBe('Lucía Fernández');
  });

  it('leaves out the date, time and reading time that share the byline line', () => {
    expect(cleanByline('By Jane Doe · Nov. 19, 2019 · 5 min read')).toBe('Jane Doe');
    expect(cleanByline('By Jane Doe | Updated 10:05 AM ET')).toBe('Jane Doe');
    expect(cleanByline('Jane Doe — 19 ноября 2019')).toBe('Jane Doe');
    expect(cleanByline('Jane Doe-Smith and John Roe')).toBe('Jane Doe-Smith and John Roe');
    expect(cleanByline('Nov. 19, 2019')).toBeNull();
  });

  it('rejects what is not a name', () => {
    expect(cleanByline('https://news.example/authors/jane')).toBeNull();
    expect(cleanByline('')).toBeNull();
    expect(cleanByline('x'.repeat(120))).toBeNull();
  });
});

describe('toIsoDate', () => {
  it('normalizes dates to ISO 8601', () => {
    expect(toIsoDate('2025-12-30T10:16:00+04:00')).toBe('2025-12-30T06:16:00.000Z');
    expect(toIsoDate('2024-03-05')).toBe('2024-03-05');
  });

  it('rejects junk and implausible years', () => {
    expect(toIsoDate('yesterday')).toBeNull();
    expect(toIsoDate('1970-01-01T00:00:00Z')).toBeNull();
    expect(toIsoDate(null)).toBeNull();
  });
});

describe('readMetadata', () => {
  it('falls back to the host name and <time>, and skips broken JSON-LD', () => {
    const doc = htmlDocument(
      `<html lang="ar"><head><title>خبر</title><script type="application/ld+json">{broken</script></head>
       <body><article><time datetime="2023-06-01T12:00:00Z">1 June</time></article></body></html>`,
      'https://www.akhbar.example/a',
    );
    expect(readMetadata(doc, 'https://www.akhbar.example/a')).toEqual({
      title: 'خبر',
      byline: null,
      siteName: 'akhbar.example',
      published: '2023-06-01T12:00:00.000Z',
      lang: 'ar',
      dir: 'rtl',
      canonical: null,
      excerpt: null,
      image: null,
      imageAlt: null,
    });
  });
});

describe('canonical address', () => {
  it('resolves the declared canonical and ignores non-web ones', () => {
    const url = 'https://m.news.example/a?utm_source=x';
    const page = (href: string): Document =>
      htmlDocument(`<html><head><link rel="canonical" href="${href}"></head><body></body></html>`, url);
    expect(readMetadata(page('/a'), url).canonical).toBe('https://m.news.example/a');
    expect(readMetadata(page('https://news.example/a'), url).canonical).toBe('https://news.example/a');
    expect(readMetadata(page('javascript:alert(1)'), url).canonical).toBeNull();
  });
});
