import { describe, expect, it } from 'vitest';
import { currentSection, outlineOf } from './outline';

describe('outlineOf', () => {
  it('makes no table of contents for fewer than three headings with text', () => {
    expect(
      outlineOf([
        { level: 2, text: 'One' },
        { level: 2, text: 'Two' },
        { level: 2, text: '  ' },
      ]),
    ).toEqual([]);
  });

  it('keeps document order and measures depth from the levels the article uses', () => {
    const entries = outlineOf([
      { level: 3, text: 'Background' },
      { level: 4, text: 'The first  tunnel' },
      { level: 6, text: 'A detail' },
      { level: 5, text: 'Deeper' },
      { level: 3, text: 'Today' },
    ]);
    expect(entries.map((e) => [e.index, e.text, e.depth])).toEqual([
      [0, 'Background', 0],
      [1, 'The first tunnel', 1],
      [2, 'A detail', 2],
      [3, 'Deeper', 2],
      [4, 'Today', 0],
    ]);
  });

  it('skips empty headings but keeps the indexes of the others', () => {
    const entries = outlineOf([
      { level: 2, text: 'A' },
      { level: 2, text: '' },
      { level: 2, text: 'B' },
      { level: 2, text: 'C' },
    ]);
    expect(entries.map((e) => e.index)).toEqual([0, 2, 3]);
  });

  it('cuts a very long heading in the list', () => {
    const long = 'word '.repeat(60);
    const entries = outlineOf([
      { level: 2, text: long },
      { level: 2, text: 'B' },
      { level: 2, text: 'C' },
    ]);
    expect(entries[0]!.text.length).toBeLessThanOrEqual(120);
    expect(entries[0]!.text.endsWith('…')).toBe(true);
  });
});

describe('currentSection', () => {
  /** The arguments for headings whose tops are `tops`. */
  const headings = (tops: number[]) => [tops.length, (i: number) => tops[i]!] as const;

  it('is the last heading that has passed the line under the toolbar', () => {
    expect(currentSection(...headings([100, 600, 1400]), 80)).toBe(0);
    expect(currentSection(...headings([-500, 60, 700]), 80)).toBe(1);
    expect(currentSection(...headings([-1500, -900, -10]), 80)).toBe(2);
    expect(currentSection(...headings([]), 80)).toBe(-1);
  });

  it('at the end of the page, the last heading on screen', () => {
    expect(currentSection(...headings([-900, 200, 500]), 80, true, 800)).toBe(2);
    expect(currentSection(...headings([-900, 200, 900]), 80, true, 800)).toBe(1);
  });

  it('reads a few headings’ tops of thousands, and finds the same one as reading them all', () => {
    const tops = Array.from({ length: 25_000 }, (_, i) => i * 300 - 3_000_000);
    let reads = 0;
    const topOf = (i: number): number => (reads++, tops[i]!);
    expect(currentSection(tops.length, topOf, 80)).toBe(10_000);
    expect(reads).toBeLessThan(20);
    // Every position of the line among them, against the heading a full scan finds.
    for (const line of [-3_000_001, -3_000_000, -1, 0, 299, 300, 4_000_000]) {
      const scan = Math.max(
        0,
        tops.findLastIndex((top) => top <= line),
      );
      expect(currentSection(tops.length, (i) => tops[i]!, line)).toBe(scan);
    }
  });
});
