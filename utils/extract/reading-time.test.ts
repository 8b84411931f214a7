import { describe, expect, it } from 'vitest';
import { countWords, readingMinutes } from './reading-time';

describe('reading time', () => {
  it('counts words, with contractions and hyphenations as one', () => {
    expect(countWords("It's a well-known fact, isn't it?")).toBe(6);
    expect(countWords('Привет, мир! 2025 год.')).toBe(4);
  });

  it('counts CJK by characters', () => {
    expect(countWords('今日は良い天気です')).toBe(9);
    expect(countWords('Tokyo 東京 news')).toBe(4);
  });

  it('estimates minutes: 0 for nothing, at least 1, ~230 words a minute', () => {
    expect(readingMinutes('')).toBe(0);
    expect(readingMinutes('one two')).toBe(1);
    expect(readingMinutes('word '.repeat(2300))).toBe(10);
    expect(readingMinutes('字'.repeat(5000))).toBe(10);
  });
});
