import { SHARE_TARGETS, normalizeInstance, type ShareTarget } from './share';

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
  /** The share targets shown, in the user's order. */
  shareTargets: ShareTarget[];
  /** The Mastodon server the user shares to. */
  mastodonInstance: string;
}

export const DEFAULT_SHARE_TARGETS: readonly ShareTarget[] = [
  'x',
  'facebook',
  'telegram',
  'whatsapp',
  'linkedin',
  'reddit',
  'email',
];

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  fontSize: FONT_SIZE.default,
  theme: 'light',
  shareTargets: [...DEFAULT_SHARE_TARGETS],
  mastodonInstance: 'mastodon.social',
});

/** Known targets, each once, in the stored order; anything else in storage falls back to the default list. */
function normalizeShareTargets(value: unknown): ShareTarget[] {
  if (!Array.isArray(value)) return [...DEFAULT_SHARE_TARGETS];
  return [...new Set(value.filter((t): t is ShareTarget => SHARE_TARGETS.includes(t as ShareTarget)))];
}

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
    shareTargets: normalizeShareTargets(input['shareTargets']),
    mastodonInstance:
      (typeof input['mastodonInstance'] === 'string' && normalizeInstance(input['mastodonInstance'])) ||
      DEFAULT_SETTINGS.mastodonInstance,
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

/** Shows or hides a share target; a newly shown one goes to the end of the list. */
export function toggleShareTarget(settings: Settings, target: ShareTarget): Settings {
  const shown = settings.shareTargets.includes(target);
  return {
    ...settings,
    shareTargets: shown ? settings.shareTargets.filter((t) => t !== target) : [...settings.shareTargets, target],
  };
}

/** Moves a shown share target one place up (-1) or down (+1); the ends stay put. */
export function moveShareTarget(settings: Settings, target: ShareTarget, by: -1 | 1): Settings {
  const list = [...settings.shareTargets];
  const from = list.indexOf(target);
  const to = from + by;
  if (from < 0 || to < 0 || to >= list.length) return settings;
  [list[from], list[to]] = [list[to]!, list[from]!];
  return { ...settings, shareTargets: list };
}
