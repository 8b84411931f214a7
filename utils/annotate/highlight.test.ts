import { describe, expect, it } from 'vitest';
import {
  allHighlightsJson,
  allHighlightsMarkdown,
  groupByArticle,
  highlightsMarkdown,
  normalizeHighlight,
  readingOrder,
  type Highlight,
} from './index';

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

describe('highlightsMarkdown with passage links', () => {
  it('links each quote still in the article to its passage, and no orphaned one', () => {
    const md = highlightsMarkdown(
      { title: 'Story', siteName: null, url: 'https://example.com/story', date: 'today' },
      [
        { highlight: good, orphaned: false },
        { highlight: { ...good, id: 'h2' }, orphaned: true },
      ],
      {
        exported: 'Exported',
        note: 'Note',
        orphaned: 'orphaned',
        color: (c: string) => c,
        passage: { label: 'at the passage', url: (h) => `https://example.com/story#:~:text=${h.id}` },
      },
    );
    expect(md).toContain('_green_ · [at the passage](<https://example.com/story#:~:text=h1>)');
    expect(md).toContain('_green · orphaned_\n');
    expect(md).not.toContain('text=h2');
  });
});

describe('export of every article', () => {
  const h = (id: string, url: string, start: number, updated: number, extra: Partial<Highlight> = {}): Highlight => ({
    id,
    url,
    color: 'yellow',
    note: '',
    quote: { type: 'TextQuoteSelector', exact: `quote ${id}`, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start, end: start + 5 },
    created: updated,
    updated,
    ...extra,
  });
  const all = [
    h('a2', 'https://a.example/1', 50, 10),
    h('a1', 'https://a.example/1', 5, 3, {
      title: 'First *story*',
      site: 'A Site',
      note: 'note on a1',
      color: 'green',
    }),
    h('b1', 'https://b.example/2', 1, 20),
  ];

  it('groups by article, most recently highlighted first, each in the order of its passages; a title kept, else the address', () => {
    const groups = groupByArticle(all);
    expect(groups.map((g) => [g.url, g.title, g.site, g.highlights.map((x) => x.id)])).toEqual([
      ['https://b.example/2', 'https://b.example/2', null, ['b1']],
      ['https://a.example/1', 'First *story*', 'A Site', ['a1', 'a2']],
    ]);
  });

  it('writes one Markdown file with a section per article, and JSON with every field', () => {
    const labels = { exported: 'Exported', note: 'Note', orphaned: 'Gone', color: (c: string) => c, title: 'All' };
    const md = allHighlightsMarkdown(groupByArticle(all), labels, '3 December 2026');
    expect(md).toBe(
      [
        '# All',
        '',
        'Exported: 3 December 2026',
        '',
        '---',
        '',
        '## https://b.example/2',
        '',
        '<https://b.example/2>',
        '',
        '> quote b1',
        '',
        '_yellow_',
        '',
        '---',
        '',
        '## First \\*story\\*',
        '',
        'A Site — <https://a.example/1>',
        '',
        '> quote a1',
        '',
        '_green_',
        '',
        '**Note:** note on a1',
        '',
        '> quote a2',
        '',
        '_yellow_',
        '',
      ].join('\n'),
    );
    const json = JSON.parse(allHighlightsJson(groupByArticle(all), new Date(0)));
    expect(json).toMatchObject({ format: 'lectern-highlights', version: 1, exported: '1970-01-01T00:00:00.000Z' });
    expect(json.articles[1].highlights[0]).toEqual({
      id: 'a1',
      color: 'green',
      note: 'note on a1',
      quote: { type: 'TextQuoteSelector', exact: 'quote a1', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 5, end: 10 },
      created: '1970-01-01T00:00:00.003Z',
      updated: '1970-01-01T00:00:00.003Z',
    });
  });
});
