import { describe, expect, it } from 'vitest';
import { highlightsMarkdown, normalizeHighlight, readingOrder, type Highlight } from './index';

const good: Highlight = {
  id: 'h1',
  url: 'https://example.com/story',
  color: 'green',
  note: 'Worth keeping',
  quote: { type: 'TextQuoteSelector', exact: 'the quoted words', prefix: 'before ', suffix: ' after' },
  position: { type: 'TextPositionSelector', start: 7, end: 23 },
  created: 100,
  updated: 200,
};

describe('normalizeHighlight', () => {
  it('keeps a good record as it is', () => {
    expect(normalizeHighlight(structuredClone(good))).toEqual(good);
  });

  it('drops what cannot be a highlight: no id, no address, no quoted text, not an object', () => {
    expect(normalizeHighlight({ ...good, id: '' })).toBeNull();
    expect(normalizeHighlight({ ...good, url: 7 })).toBeNull();
    expect(normalizeHighlight({ ...good, quote: { exact: '' } })).toBeNull();
    expect(normalizeHighlight({ ...good, quote: null })).toBeNull();
    expect(normalizeHighlight('h1')).toBeNull();
    expect(normalizeHighlight(null)).toBeNull();
  });

  it('repairs every other field on its own', () => {
    const repaired = normalizeHighlight({
      id: 'h2',
      url: 'https://example.com/story',
      color: 'purple',
      note: 42,
      quote: { exact: 'words', prefix: null },
      position: { start: -3, end: 'x' },
      created: Number.NaN,
      updated: 5,
      extra: '<script>',
    });
    expect(repaired).toEqual({
      id: 'h2',
      url: 'https://example.com/story',
      color: 'yellow',
      note: '',
      quote: { type: 'TextQuoteSelector', exact: 'words', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 0, end: 0 },
      created: 0,
      updated: 5,
    });
    expect(normalizeHighlight({ ...good, note: 'x'.repeat(10_000) })!.note).toHaveLength(4000);
  });
});

describe('readingOrder', () => {
  it('orders anchored highlights by place, orphans last by age', () => {
    const item = (id: string, range: { start: number; end: number } | null, created: number) => ({
      highlight: { ...good, id, created },
      range,
    });
    const order = readingOrder([
      item('orphan-new', null, 9),
      item('late', { start: 50, end: 60 }, 1),
      item('orphan-old', null, 2),
      item('early', { start: 5, end: 9 }, 8),
    ]).map((i) => i.highlight.id);
    expect(order).toEqual(['early', 'late', 'orphan-old', 'orphan-new']);
  });
});

describe('highlightsMarkdown', () => {
  const labels = {
    exported: 'Exported',
    note: 'Note',
    orphaned: 'no longer found on the page',
    color: (c: string) => `colour ${c}`,
  };

  it('writes the title, site, address and date, then each quote with its colour and note', () => {
    const md = highlightsMarkdown(
      { title: 'A *big* story', siteName: 'Example', url: 'https://example.com/story', date: '3 December 2026' },
      [
        { highlight: good, orphaned: false },
        {
          highlight: { ...good, id: 'h2', color: 'pink', note: '', quote: { ...good.quote, exact: 'One.\n\nTwo.' } },
          orphaned: true,
        },
      ],
      labels,
    );
    expect(md).toBe(
      [
        '# A \\*big\\* story',
        '',
        'Example — <https://example.com/story>',
        '',
        'Exported: 3 December 2026',
        '',
        '---',
        '',
        '> the quoted words',
        '',
        '_colour green_',
        '',
        '**Note:** Worth keeping',
        '',
        '---',
        '',
        '> One.',
        '>',
        '> Two.',
        '',
        '_colour pink · no longer found on the page_',
        '',
      ].join('\n'),
    );
  });
});
