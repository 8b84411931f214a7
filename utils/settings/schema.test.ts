import { describe, expect, it } from 'vitest';
import {
  CONTENT_WIDTHS,
  MAX_VOICE_CHOICES,
  chooseVoice,
  DEFAULT_SETTINGS,
  FONT_SIZE,
  LINE_HEIGHTS,
  SETTINGS_MIGRATIONS,
  SETTINGS_VERSION,
  SPEECH_RATE,
  addAutoOpenSite,
  canStepFontSize,
  migrateSettings,
  migrateV1ToV2,
  removeAutoOpenSite,
  setTheme,
  stepContentWidth,
  stepLineHeight,
  stepSpeechRate,
  moveShareTarget,
  normalizeSettings,
  stepFontSize,
  toggleNight,
  toggleShareTarget,
} from './schema';

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

  it('drops unknown and hostile keys, never coerces strings, and leaves Object.prototype alone', () => {
    const stored = JSON.parse(
      '{"fontSize":"24","theme":"dark","__proto__":{"polluted":true},"constructor":{"x":1},"extra":"<img src=x>"}',
    );
    const settings = normalizeSettings(stored);
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
    expect(Object.keys(settings).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
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

  it('returns from night to the theme chosen before it', () => {
    for (const theme of ['auto', 'sepia', 'contrast'] as const) {
      const chosen = setTheme(DEFAULT_SETTINGS, theme);
      const night = toggleNight(chosen);
      expect(night.theme).toBe('dark');
      expect(toggleNight(night).theme).toBe(theme);
    }
    // Choosing dark directly keeps the day theme; n then goes back to it.
    const sepiaThenDark = setTheme(setTheme(DEFAULT_SETTINGS, 'sepia'), 'dark');
    expect(toggleNight(sepiaThenDark).theme).toBe('sepia');
  });
});

describe('settings v2 fields', () => {
  const wrongTypes = [undefined, null, 'x', 7, -1, NaN, Infinity, true, [], {}, ['serif']];

  it('repairs every field of any wrong type or value to its default, keeping the valid others', () => {
    const fields = [
      'fontSize',
      'theme',
      'dayTheme',
      'fontFamily',
      'lineHeight',
      'contentWidth',
      'textAlign',
      'showImages',
      'printHighlights',
      'speechRate',
      'autoOpenSites',
      'shareTargets',
      'mastodonInstance',
    ] as const;
    const valid = {
      ...DEFAULT_SETTINGS,
      fontSize: 24,
      theme: 'sepia',
      dayTheme: 'sepia',
      fontFamily: 'legible',
      lineHeight: 2,
      contentWidth: 'wide',
      textAlign: 'justify',
      showImages: false,
      printHighlights: false,
      speechRate: 1.5,
      autoOpenSites: ['example.com'],
      shareTargets: ['vk'],
      mastodonInstance: 'fosstodon.org',
    } as const;
    expect(normalizeSettings(valid)).toEqual(valid);
    for (const field of fields) {
      for (const junk of wrongTypes) {
        const repaired = normalizeSettings({ ...valid, [field]: junk });
        // Numbers in range are clamped rather than replaced; every other junk value gives the default.
        const expected = field === 'fontSize' || field === 'speechRate' || field === 'lineHeight';
        if (expected && typeof junk === 'number' && Number.isFinite(junk)) continue;
        const fallback =
          field === 'autoOpenSites' && Array.isArray(junk)
            ? []
            : field === 'shareTargets' && Array.isArray(junk)
              ? []
              : field === 'dayTheme'
                ? 'sepia' // the current day theme stands in for a broken one
                : DEFAULT_SETTINGS[field];
        expect(repaired[field], `${field} = ${JSON.stringify(junk)}`).toEqual(fallback);
        for (const other of fields.filter((f) => f !== field && f !== 'dayTheme')) {
          expect(repaired[other], `${other} kept when ${field} is junk`).toEqual(valid[other]);
        }
      }
    }
  });

  it('never stores dark as the day theme', () => {
    expect(normalizeSettings({ theme: 'dark', dayTheme: 'dark' }).dayTheme).toBe('light');
    expect(normalizeSettings({ theme: 'contrast' }).dayTheme).toBe('contrast');
  });

  it('snaps numbers to the offered steps and bounds', () => {
    expect(normalizeSettings({ lineHeight: 1.7 }).lineHeight).toBe(1.65);
    expect(normalizeSettings({ lineHeight: 9 }).lineHeight).toBe(2);
    expect(normalizeSettings({ lineHeight: 0.1 }).lineHeight).toBe(1.3);
    expect(normalizeSettings({ lineHeight: -3 }).lineHeight).toBe(DEFAULT_SETTINGS.lineHeight);
    expect(normalizeSettings({ speechRate: 0.1 }).speechRate).toBe(SPEECH_RATE.min);
    expect(normalizeSettings({ speechRate: 9 }).speechRate).toBe(SPEECH_RATE.max);
    expect(normalizeSettings({ speechRate: 1.3 }).speechRate).toBe(1.25);
  });

  it('normalizes the auto-open sites', () => {
    expect(
      normalizeSettings({ autoOpenSites: ['https://WWW.Example.com/x', 'nope', 'example.com'] }).autoOpenSites,
    ).toEqual(['example.com']);
    const added = addAutoOpenSite(DEFAULT_SETTINGS, 'News.example.org/');
    expect(added.autoOpenSites).toEqual(['news.example.org']);
    expect(addAutoOpenSite(added, 'not a host')).toBe(added);
    expect(addAutoOpenSite(added, 'news.example.org')).toBe(added);
    expect(removeAutoOpenSite(added, 'news.example.org').autoOpenSites).toEqual([]);
  });

  it('steps line height, width and speech rate within their bounds', () => {
    expect(stepLineHeight(DEFAULT_SETTINGS, 1).lineHeight).toBe(1.8);
    expect(stepLineHeight({ ...DEFAULT_SETTINGS, lineHeight: LINE_HEIGHTS[0] }, -1).lineHeight).toBe(LINE_HEIGHTS[0]);
    expect(stepContentWidth(DEFAULT_SETTINGS, 1).contentWidth).toBe('wide');
    expect(stepContentWidth({ ...DEFAULT_SETTINGS, contentWidth: 'wide' }, 1).contentWidth).toBe('wide');
    expect(stepContentWidth(DEFAULT_SETTINGS, -1).contentWidth).toBe(CONTENT_WIDTHS[0]);
    expect(stepSpeechRate(DEFAULT_SETTINGS, 1).speechRate).toBe(1.25);
    expect(stepSpeechRate({ ...DEFAULT_SETTINGS, speechRate: SPEECH_RATE.min }, -1).speechRate).toBe(SPEECH_RATE.min);
  });
});

describe('migrations', () => {
  it('has one migration per version after the first', () => {
    expect(SETTINGS_VERSION).toBe(2);
    expect(Object.keys(SETTINGS_MIGRATIONS).map(Number)).toEqual([2]);
  });

  it('v1 → v2 keeps what v1 had and adds the new fields with their defaults', () => {
    const v1 = { fontSize: 26, theme: 'dark', shareTargets: ['telegram', 'x'], mastodonInstance: 'fosstodon.org' };
    expect(migrateV1ToV2(v1)).toEqual({
      ...DEFAULT_SETTINGS,
      fontSize: 26,
      theme: 'dark',
      dayTheme: 'light',
      shareTargets: ['telegram', 'x'],
      mastodonInstance: 'fosstodon.org',
    });
    expect(toggleNight(migrateV1ToV2(v1)).theme).toBe('light');
    expect(migrateV1ToV2({ fontSize: 16, theme: 'light' })).toEqual({ ...DEFAULT_SETTINGS, fontSize: 16 });
  });

  it('v1 → v2 repairs a broken v1 value', () => {
    for (const broken of [null, undefined, 'dark', 42, [], { theme: 'sepia' }, { theme: 'purple', fontSize: '20px' }]) {
      // v1 had no sepia: a v1 value can't mean it, so it is v1's default, light.
      expect(migrateV1ToV2(broken), JSON.stringify(broken)).toEqual(DEFAULT_SETTINGS);
    }
    expect(migrateV1ToV2({ fontSize: 999, shareTargets: 'x' })).toEqual({
      ...DEFAULT_SETTINGS,
      fontSize: FONT_SIZE.max,
    });
  });

  it('v1 → v2 repairs, never downgrades, a v2 value that lost its version record', () => {
    const v2 = { ...DEFAULT_SETTINGS, theme: 'sepia', dayTheme: 'sepia', fontFamily: 'legible', lineHeight: 'tall' };
    expect(migrateV1ToV2(v2)).toEqual({
      ...DEFAULT_SETTINGS,
      theme: 'sepia',
      dayTheme: 'sepia',
      fontFamily: 'legible',
    });
  });

  it('migrateSettings runs from any older version and leaves current values alone', () => {
    expect(migrateSettings({ theme: 'dark' }, 1).theme).toBe('dark');
    const current = { ...DEFAULT_SETTINGS, theme: 'sepia', dayTheme: 'sepia' };
    expect(migrateSettings(current, SETTINGS_VERSION)).toEqual(current);
    expect(migrateSettings('garbage', 0)).toEqual(DEFAULT_SETTINGS);
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

describe('chosen voices', () => {
  it('keeps a voice per primary language, forgets one set back to automatic', () => {
    const s1 = chooseVoice(DEFAULT_SETTINGS, 'en-GB', 'Kate');
    expect(s1.voices).toEqual({ en: 'Kate' });
    const s2 = chooseVoice(s1, 'ru', 'Irina');
    expect(s2.voices).toEqual({ en: 'Kate', ru: 'Irina' });
    expect(chooseVoice(s2, 'en-US', null).voices).toEqual({ ru: 'Irina' });
  });

  it('repairs whatever storage holds', () => {
    const voices = { en: 'Kate', EN: 'x', 'en-US': 'y', ru: 7, de: '', fr: 'a'.repeat(201) };
    expect(normalizeSettings({ voices }).voices).toEqual({ en: 'Kate' });
    expect(normalizeSettings({ voices: ['Kate'] }).voices).toEqual({});
    const many = Object.fromEntries([...'abcdefghijklmnopqrstuvwxyz'].map((c) => [`${c}${c}`, 'V']));
    expect(Object.keys(normalizeSettings({ voices: many }).voices)).toHaveLength(MAX_VOICE_CHOICES);
  });
});
