// @vitest-environment happy-dom
import { act, cleanup, render } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Highlight } from '@/utils/annotate';
import type { HighlightStore } from '@/utils/browser';
import type { Article } from '@/utils/extract';
import { paintMarks, selectedRange } from './highlight-marks';
import { useHighlights, type Highlights } from './highlights';

const HTML = '<p>Alpha beta <a href="https://x.test/">gamma</a> delta.</p>\n<ul>\n<li>Epsilon zeta.</li>\n</ul>';

const article = {
  url: 'https://example.com/story?utm_source=feed',
  canonical: null,
  title: 'Story',
  html: HTML,
} as unknown as Article;

function body(): HTMLElement {
  return document.querySelector<HTMLElement>('[data-lectern="article"]')!;
}

function selectText(from: string, to: string): void {
  const text = body().textContent!;
  const start = text.indexOf(from);
  const end = text.indexOf(to) + to.length;
  const points: Array<[Text, number]> = [];
  const walker = document.createTreeWalker(body(), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    for (let i = 0; i <= node.data.length; i++) points.push([node, i]);
  }
  // Offsets to (node, offset): the first point whose running count reaches the offset.
  const at = (offset: number): [Text, number] => {
    let count = 0;
    for (const [node] of new Set(points.map(([n]) => n)).entries()) {
      if (offset <= count + node.data.length) return [node, offset - count];
      count += node.data.length;
    }
    throw new Error('out of text');
  };
  const range = document.createRange();
  range.setStart(...at(start));
  range.setEnd(...at(end));
  window.getSelection()!.removeAllRanges();
  window.getSelection()!.addRange(range);
}

/** Lets the store's promises and the writes after them run. */
const settle = () => act(() => new Promise<void>((resolve) => setTimeout(resolve)));

let api: Highlights;
function Probe({ store, onProblem }: { store: HighlightStore; onProblem: (key: string) => void }) {
  api = useHighlights(article, onProblem, store, null);
  return <div data-lectern="article" dangerouslySetInnerHTML={{ __html: HTML }} />;
}

const marks = () =>
  [...body().querySelectorAll('mark[data-lectern="highlight"]')].map((m) => [
    m.parentElement!.localName,
    m.textContent,
  ]);

beforeEach(() => vi.stubGlobal('crypto', { randomUUID: () => `id-${Math.random()}` }));
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('highlight marks', () => {
  it('wraps text only: across a link, a paragraph and a list item, the markup and the text stay as they were', () => {
    document.body.innerHTML = `<div data-lectern="article">${HTML}</div>`;
    const text = body().textContent!;
    const start = text.indexOf('beta');
    const end = text.indexOf('Epsilon') + 'Epsilon'.length;
    paintMarks(body(), [{ id: 'a', color: 'blue', hasNote: true, range: { start, end } }]);
    expect(marks()).toEqual([
      ['p', 'beta '],
      ['a', 'gamma'],
      ['p', ' delta.'],
      ['li', 'Epsilon'],
    ]);
    expect(body().textContent).toBe(text);
    expect(body().querySelectorAll('ul > li')).toHaveLength(1);
    expect(body().querySelectorAll('[data-note]')).toHaveLength(1);
    expect(body().querySelector('[data-note]')!.textContent).toBe('Epsilon');
    paintMarks(body(), []);
    expect(body().innerHTML).toBe(HTML);
  });

  it('reads a selection as text offsets, trimmed, and ignores one outside the article', () => {
    document.body.innerHTML = `<p id="outside">Elsewhere</p><div data-lectern="article">${HTML}</div>`;
    selectText('beta', 'delta');
    const text = body().textContent!;
    expect(selectedRange(body(), window.getSelection())).toEqual({
      start: text.indexOf('beta'),
      end: text.indexOf('delta') + 5,
    });
    const range = document.createRange();
    range.selectNodeContents(document.getElementById('outside')!);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
    expect(selectedRange(body(), window.getSelection())).toBeNull();
  });
});

describe('useHighlights', () => {
  it('a failed write says so once, keeps the highlight on screen, and is written with the next change', async () => {
    const saved: Highlight[] = [];
    let failing = true;
    const store: HighlightStore = {
      load: vi.fn(async () => []),
      save: vi.fn(async (h: Highlight) => {
        if (failing) throw new Error('QuotaExceededError');
        saved.push(h);
      }),
      remove: vi.fn(async () => undefined),
      entries: vi.fn(async () => []),
      all: vi.fn(async () => []),
      apply: vi.fn(async () => undefined),
    };
    const onProblem = vi.fn();
    render(<Probe store={store} onProblem={onProblem} />);
    await act(async () => undefined);
    expect(store.load).toHaveBeenCalledWith('https://example.com/story');

    selectText('Alpha', 'beta');
    let made: Highlight | null = null;
    await act(async () => {
      made = api.create('green');
    });
    await settle();
    expect(made).not.toBeNull();
    expect(onProblem).toHaveBeenCalledWith('highlightNotSaved');
    expect(marks()).toEqual([['p', 'Alpha beta']]);
    expect(api.items).toHaveLength(1);

    failing = false;
    await act(async () => api.change(made!.id, { note: 'now it works' }));
    await settle();
    expect(saved.map((h) => h.note)).toEqual(['now it works']);
    expect(onProblem).toHaveBeenCalledOnce();
  });

  it('re-attaches what the store holds and lists what it cannot place as orphaned', async () => {
    const place = (id: string, exact: string, prefix: string, suffix: string, start: number): Highlight => ({
      id,
      url: 'https://example.com/story',
      color: 'yellow',
      note: '',
      quote: { type: 'TextQuoteSelector', exact, prefix, suffix },
      position: { type: 'TextPositionSelector', start, end: start + exact.length },
      created: 1,
      updated: 1,
    });
    const store: HighlightStore = {
      load: vi.fn(async () => [
        place('here', 'gamma delta', 'Alpha beta ', '.\n\n', 3),
        place('gone', 'Omega omicron', 'nothing like it ', ' at all', 40),
      ]),
      save: vi.fn(async () => undefined),
      remove: vi.fn(async () => undefined),
      entries: vi.fn(async () => []),
      all: vi.fn(async () => []),
      apply: vi.fn(async () => undefined),
    };
    render(<Probe store={store} onProblem={vi.fn()} />);
    await act(async () => undefined);
    expect(api.items.map((i) => [i.highlight.id, i.range !== null])).toEqual([
      ['here', true],
      ['gone', false],
    ]);
    expect(marks()).toEqual([
      ['a', 'gamma'],
      ['p', ' delta'],
    ]);
  });
});
