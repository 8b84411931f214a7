import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, FONT_SIZE, canStepFontSize, normalizeSettings, stepFontSize, toggleNight } from './settings';

describe('normalizeSettings', () => {
  it('gives defaults for nothing or garbage', () => {
    for (const raw of [undefined, null, 42, 'x', [], { fontSize: 'big', theme: 7 }]) {
      expect(normalizeSettings(raw)).toEqual(DEFAULT_SETTINGS);
    }
  });

  it('keeps valid fields and repairs the others one by one', () => {
    expect(normalizeSettings({ fontSize: 24, theme: 'purple' })).toEqual({ fontSize: 24, theme: 'light' });
    expect(normalizeSettings({ fontSize: NaN, theme: 'dark' })).toEqual({ fontSize: FONT_SIZE.default, theme: 'dark' });
  });

  it('clamps and snaps the font size to the bounds and steps', () => {
    expect(normalizeSettings({ fontSize: 2 }).fontSize).toBe(FONT_SIZE.min);
    expect(normalizeSettings({ fontSize: 400 }).fontSize).toBe(FONT_SIZE.max);
    expect(normalizeSettings({ fontSize: 21 }).fontSize % FONT_SIZE.step).toBe(FONT_SIZE.min % FONT_SIZE.step);
  });
});

describe('font size steps', () => {
  it('steps by one step and stops at the bounds', () => {
    expect(stepFontSize(DEFAULT_SETTINGS, 'larger').fontSize).toBe(FONT_SIZE.default + FONT_SIZE.step);
    expect(stepFontSize(DEFAULT_SETTINGS, 'smaller').fontSize).toBe(FONT_SIZE.default - FONT_SIZE.step);
    const max = { ...DEFAULT_SETTINGS, fontSize: FONT_SIZE.max };
    expect(stepFontSize(max, 'larger').fontSize).toBe(FONT_SIZE.max);
    expect(canStepFontSize(max, 'larger')).toBe(false);
    expect(canStepFontSize(max, 'smaller')).toBe(true);
    expect(stepFontSize(max, 'reset').fontSize).toBe(FONT_SIZE.default);
  });
});

describe('toggleNight', () => {
  it('switches between light and dark', () => {
    const night = toggleNight(DEFAULT_SETTINGS);
    expect(night.theme).toBe('dark');
    expect(toggleNight(night).theme).toBe('light');
  });
});
