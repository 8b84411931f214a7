import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  FONT_SIZE,
  canStepFontSize,
  moveShareTarget,
  normalizeSettings,
  stepFontSize,
  toggleNight,
  toggleShareTarget,
} from './settings';

describe('normalizeSettings', () => {
  it('gives defaults for nothing or garbage', () => {
    for (const raw of [undefined, null, 42, 'x', [], { fontSize: 'big', theme: 7 }]) {
      expect(normalizeSettings(raw)).toEqual(DEFAULT_SETTINGS);
    }
  });

  it('keeps valid fields and repairs the others one by one', () => {
    expect(normalizeSettings({ fontSize: 24, theme: 'purple' })).toEqual({ ...DEFAULT_SETTINGS, fontSize: 24 });
    expect(normalizeSettings({ fontSize: NaN, theme: 'dark' })).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
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

describe('share settings', () => {
  it('keeps known targets once each, in order, and drops the rest', () => {
    expect(normalizeSettings({ shareTargets: ['vk', 'x', 'myspace', 'vk', 7] }).shareTargets).toEqual(['vk', 'x']);
    expect(normalizeSettings({ shareTargets: [] }).shareTargets).toEqual([]);
    expect(normalizeSettings({ shareTargets: 'x' }).shareTargets).toEqual(DEFAULT_SETTINGS.shareTargets);
  });

  it('keeps a valid Mastodon server and replaces junk', () => {
    expect(normalizeSettings({ mastodonInstance: 'https://Fosstodon.org/' }).mastodonInstance).toBe('fosstodon.org');
    expect(normalizeSettings({ mastodonInstance: 'javascript:x' }).mastodonInstance).toBe('mastodon.social');
    expect(normalizeSettings({ mastodonInstance: 42 }).mastodonInstance).toBe('mastodon.social');
  });

  it('shows, hides and reorders targets', () => {
    const base = { ...DEFAULT_SETTINGS, shareTargets: ['x', 'vk', 'email'] as const } as typeof DEFAULT_SETTINGS;
    expect(toggleShareTarget(base, 'vk').shareTargets).toEqual(['x', 'email']);
    expect(toggleShareTarget(base, 'reddit').shareTargets).toEqual(['x', 'vk', 'email', 'reddit']);
    expect(moveShareTarget(base, 'vk', -1).shareTargets).toEqual(['vk', 'x', 'email']);
    expect(moveShareTarget(base, 'vk', 1).shareTargets).toEqual(['x', 'email', 'vk']);
    expect(moveShareTarget(base, 'x', -1)).toBe(base);
    expect(moveShareTarget(base, 'reddit', 1)).toBe(base);
  });
});
