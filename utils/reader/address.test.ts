import { describe, expect, it } from 'vitest';
import { readerParams, readerPath } from './address';

describe('readerPath', () => {
  it('names the source tab and the print request', () => {
    expect(readerPath(12, false)).toBe('/reader.html?tab=12');
    expect(readerPath(12, true)).toBe('/reader.html?tab=12&print=1');
  });
});

describe('readerParams', () => {
  it('reads back what readerPath wrote', () => {
    for (const print of [false, true]) {
      const path = readerPath(7, print);
      expect(readerParams(path.slice(path.indexOf('?')))).toEqual({ sourceTabId: 7, print });
    }
  });

  it('names no tab for a missing, negative, fractional or non-numeric id', () => {
    for (const search of ['', '?tab=', '?tab=-1', '?tab=1.5', '?tab=abc', '?print=1']) {
      expect(readerParams(search).sourceTabId).toBeNull();
    }
    expect(readerParams('?tab=0').sourceTabId).toBe(0);
  });
});
