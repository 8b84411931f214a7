import { describe, expect, it } from 'vitest';
import { readerParams, readerPath, savedReaderPath } from './address';

describe('readerPath', () => {
  it('names the source tab and the print request', () => {
    expect(readerPath(12, false)).toBe('/reader.html?tab=12');
    expect(readerPath(12, true)).toBe('/reader.html?tab=12&print=1');
  });
});

describe('readerParams', () => {
  it('reads back what readerPath wrote', () => {
    for (const print of [false, true]) {
      for (const save of [false, true]) {
        const path = readerPath(7, print, save);
        expect(readerParams(path.slice(path.indexOf('?')))).toEqual({ sourceTabId: 7, print, save, saved: null });
      }
    }
  });

  it('reads back a saved article’s id, whatever characters its address has', () => {
    const id = 'https://example.com/a?b=1&c=d#x y';
    const path = savedReaderPath(id);
    expect(readerParams(path.slice(path.indexOf('?')))).toEqual({
      sourceTabId: null,
      print: false,
      save: false,
      saved: id,
    });
  });

  it('names no tab for a missing, negative, fractional or non-numeric id', () => {
    for (const search of ['', '?tab=', '?tab=-1', '?tab=1.5', '?tab=abc', '?print=1']) {
      expect(readerParams(search).sourceTabId).toBeNull();
    }
    expect(readerParams('?tab=0').sourceTabId).toBe(0);
  });
});
