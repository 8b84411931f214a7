import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber } from './format';

describe('format', () => {
  it('writes dates and numbers in the given language', () => {
    expect(formatDate('2024-06-04', 'ru')).toBe('4 июня 2024 г.');
    expect(formatDate('2024-06-04', 'en')).toBe('June 4, 2024');
    expect(formatNumber(1.65, 'ru')).toBe('1,65');
    expect(formatNumber(1.65, 'en')).toBe('1.65');
    expect(formatNumber(1.5, 'ru')).toBe('1,5');
  });

  it('gives no date for one it can’t read', () => {
    expect(formatDate('soon', 'en')).toBeNull();
    expect(formatDate(null, 'en')).toBeNull();
  });
});
