import { describe, expect, it } from 'vitest';
import {
  POSITION_LIMITS,
  minutesLeft,
  normalizePositions,
  positionKey,
  recallPosition,
  rememberPosition,
  scrollFraction,
  scrollTopFor,
  type Positions,
} from './reading-position';

const DAY = 24 * 60 * 60 * 1000;
const now = Date.UTC(2026, 0, 31);

describe('reading positions', () => {
  it('remembers and recalls a page, fragment ignored', () => {
    const saved = rememberPosition({}, 'https://a.com/post#comments', 0.5, now);
    expect(recallPosition(saved, 'https://a.com/post', now + DAY)).toBe(0.5);
    expect(recallPosition(saved, 'https://a.com/other', now)).toBeNull();
  });

  it('forgets a page back at the top, and everything after 30 days', () => {
    const saved = rememberPosition({}, 'https://a.com/p', 0.6, now);
    expect(rememberPosition(saved, 'https://a.com/p', 0, now)).toEqual({});
    expect(recallPosition(saved, 'https://a.com/p', now + 29 * DAY)).toBe(0.6);
    expect(recallPosition(saved, 'https://a.com/p', now + 31 * DAY)).toBeNull();
  });

  it('keeps only the newest pages', () => {
    let positions: Positions = {};
    for (let i = 0; i < POSITION_LIMITS.maxEntries + 10; i++) {
      positions = rememberPosition(positions, `https://a.com/${i}`, 0.5, now + i);
    }
    expect(Object.keys(positions)).toHaveLength(POSITION_LIMITS.maxEntries);
    expect(positions['https://a.com/0']).toBeUndefined();
    expect(positions[`https://a.com/${POSITION_LIMITS.maxEntries + 9}`]).toBeDefined();
  });

  it('repairs whatever storage holds', () => {
    for (const junk of [null, 'x', 7, [], undefined]) expect(normalizePositions(junk, now)).toEqual({});
    const raw = {
      'https://a.com/ok': { fraction: 0.4, savedAt: now - DAY },
      'https://a.com/bad-fraction': { fraction: 3, savedAt: now },
      'https://a.com/no-time': { fraction: 0.4 },
      'https://a.com/future': { fraction: 0.4, savedAt: now + DAY },
      'not a url': { fraction: 0.4, savedAt: now },
      'https://a.com/string': 'half',
    };
    expect(normalizePositions(raw, now)).toEqual({ 'https://a.com/ok': { fraction: 0.4, savedAt: now - DAY } });
  });

  it('ignores pages that are not on the web and non-numbers', () => {
    expect(positionKey('moz-extension://x/reader.html')).toBeNull();
    expect(rememberPosition({}, 'about:blank', 0.5, now)).toEqual({});
    expect(rememberPosition({}, 'https://a.com/', NaN, now)).toEqual({});
  });
});

describe('scroll and time', () => {
  it('turns scroll into a fraction of the article and back', () => {
    expect(scrollFraction(0, 100, 2000, 800)).toBe(0);
    expect(scrollFraction(650, 100, 2000, 800)).toBe(0.5);
    expect(scrollFraction(5000, 100, 2000, 800)).toBe(1);
    expect(scrollFraction(0, 0, 300, 800)).toBe(1);
    expect(scrollTopFor(0.5, 100, 2000, 800)).toBe(650);
  });

  it('counts the minutes left', () => {
    expect(minutesLeft(10, 0)).toBe(10);
    expect(minutesLeft(10, 0.55)).toBe(5);
    expect(minutesLeft(10, 1)).toBe(0);
    expect(minutesLeft(3, 0.01)).toBe(3);
    expect(minutesLeft(0, 0.5)).toBe(0);
  });
});
