import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber, pluralForm } from './format';

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

  it('picks the plural form of the language', () => {
    expect([1, 2, 3, 5, 10, 11, 21, 22, 25].map((n) => pluralForm(n, 'ru'))).toEqual([
      'one',
      'few',
      'few',
      'many',
      'many',
      'many',
      'one',
      'few',
      'many',
    ]);
    expect([1, 2, 5].map((n) => pluralForm(n, 'en'))).toEqual(['one', 'other', 'other']);
    expect(pluralForm(3, 'not a locale!')).toBe('other');
  });
});
