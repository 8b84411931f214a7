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
  it('is the last heading that has passed the line under the toolbar', () => {
    expect(currentSection([100, 600, 1400], 80)).toBe(0);
    expect(currentSection([-500, 60, 700], 80)).toBe(1);
    expect(currentSection([-1500, -900, -10], 80)).toBe(2);
    expect(currentSection([], 80)).toBe(-1);
  });

  it('at the end of the page, the last heading on screen', () => {
    expect(currentSection([-900, 200, 500], 80, true, 800)).toBe(2);
    expect(currentSection([-900, 200, 900], 80, true, 800)).toBe(1);
  });
});
