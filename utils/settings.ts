/**
 * The one settings schema: defaults, bounds, version and the repair of whatever storage holds.
 * Views read settings through `normalizeSettings` and change them through the step functions here; nobody clamps inline.
 */

export const SETTINGS_VERSION = 1;

export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export const FONT_SIZE = { min: 14, max: 32, step: 2, default: 20 } as const;

export interface Settings {
  /** Article text size in CSS pixels. */
  fontSize: number;
  theme: Theme;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  fontSize: FONT_SIZE.default,
  theme: 'light',
});

function clampFontSize(value: number): number {
  const stepped = Math.round((value - FONT_SIZE.min) / FONT_SIZE.step) * FONT_SIZE.step + FONT_SIZE.min;
  return Math.min(FONT_SIZE.max, Math.max(FONT_SIZE.min, stepped));
}

/**
 * Turns anything found in storage into valid settings, field by field: a valid field is kept,
 * a missing, mistyped or out-of-range one falls back to its default (numbers are clamped to the bounds).
 */
export function normalizeSettings(raw: unknown): Settings {
  const input = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const fontSize = input['fontSize'];
  const theme = input['theme'];
  return {
    fontSize:
      typeof fontSize === 'number' && Number.isFinite(fontSize) ? clampFontSize(fontSize) : DEFAULT_SETTINGS.fontSize,
    theme: THEMES.includes(theme as Theme) ? (theme as Theme) : DEFAULT_SETTINGS.theme,
  };
}

export type FontStep = 'larger' | 'smaller' | 'reset';

export function stepFontSize(settings: Settings, step: FontStep): Settings {
  const fontSize =
    step === 'reset'
      ? FONT_SIZE.default
      : clampFontSize(settings.fontSize + (step === 'larger' ? FONT_SIZE.step : -FONT_SIZE.step));
  return { ...settings, fontSize };
}

export function canStepFontSize(settings: Settings, step: Exclude<FontStep, 'reset'>): boolean {
  return step === 'larger' ? settings.fontSize < FONT_SIZE.max : settings.fontSize > FONT_SIZE.min;
}

export function toggleNight(settings: Settings): Settings {
  return { ...settings, theme: settings.theme === 'dark' ? 'light' : 'dark' };
}
