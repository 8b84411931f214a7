import { SHARE_TARGETS, normalizeInstance, type ShareTarget } from '@/utils/share';
import { normalizeHostList } from './sites';

/**
 * The one settings schema: defaults, bounds, version and the repair of whatever storage holds.
 * Views read settings through `normalizeSettings` and change them through the step functions here; nobody clamps inline.
 */

/** The version of the stored shape; `SETTINGS_MIGRATIONS` brings any older stored value up to it. */
export const SETTINGS_VERSION = 2;

export const THEMES = ['auto', 'light', 'sepia', 'dark', 'contrast'] as const;
export type Theme = (typeof THEMES)[number];
/** The themes `n` returns to from night mode. */
export type DayTheme = Exclude<Theme, 'dark'>;

export const FONT_FAMILIES = ['serif', 'sans', 'mono', 'legible'] as const;
export type FontFamily = (typeof FONT_FAMILIES)[number];

export const FONT_SIZE = { min: 14, max: 32, step: 2, default: 20 } as const;

/** Line heights offered, tightest first (unitless CSS line-height). */
export const LINE_HEIGHTS = [1.3, 1.5, 1.65, 1.8, 2] as const;
export type LineHeight = (typeof LINE_HEIGHTS)[number];

/** Widths of the text column, narrowest first. */
export const CONTENT_WIDTHS = ['narrow', 'medium', 'wide'] as const;
export type ContentWidth = (typeof CONTENT_WIDTHS)[number];

export const TEXT_ALIGNS = ['start', 'justify'] as const;
export type TextAlign = (typeof TEXT_ALIGNS)[number];

/** Read-aloud speed (speechSynthesis rate). */
export const SPEECH_RATE = { min: 0.5, max: 2, step: 0.25, default: 1 } as const;

export interface Settings {
  /** Article text size in CSS pixels. */
  fontSize: number;
  theme: Theme;
  /** The last non-night theme, where `n` goes back to. */
  dayTheme: DayTheme;
  fontFamily: FontFamily;
  lineHeight: LineHeight;
  contentWidth: ContentWidth;
  textAlign: TextAlign;
  showImages: boolean;
  /** Highlights print in their colours (underlined), or the article prints as if it had none. */
  printHighlights: boolean;
  speechRate: number;
  /** Host names where the reader opens by itself (normalized, see sites.ts). */
  autoOpenSites: string[];
  /** The share targets shown, in the user's order. */
  shareTargets: ShareTarget[];
  /** The Mastodon server the user shares to. */
  mastodonInstance: string;
  /** "Copy link" copies the address exactly as in the tab (tracking parameters and all) instead of the clean one. */
  copyExactAddress: boolean;
  /** The read-aloud voice chosen for each language (primary language tag → voice name); none: the best match. */
  voices: Record<string, string>;
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
  dayTheme: 'light',
  fontFamily: 'serif',
  lineHeight: 1.65,
  contentWidth: 'medium',
  textAlign: 'start',
  showImages: true,
  printHighlights: true,
  speechRate: SPEECH_RATE.default,
  autoOpenSites: [],
  shareTargets: [...DEFAULT_SHARE_TARGETS],
  mastodonInstance: 'mastodon.social',
  copyExactAddress: false,
  voices: {},
});

/** How many languages keep a chosen voice (settings sync, and sync items are small). */
export const MAX_VOICE_CHOICES = 20;

/** Chosen voices: language tags as keys ("en", "ru"), voice names of reasonable length as values. */
function normalizeVoices(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const entries = Object.entries(value as Record<string, unknown>).filter(
    (entry): entry is [string, string] =>
      /^[a-z]{2,3}$/.test(entry[0]) && typeof entry[1] === 'string' && entry[1].length > 0 && entry[1].length <= 200,
  );
  return Object.fromEntries(entries.slice(0, MAX_VOICE_CHOICES));
}

/** Remembers `voice` (null: automatic) as the one to read `lang` with. */
export function chooseVoice(settings: Settings, lang: string, voice: string | null): Settings {
  const key = lang.toLowerCase().split(/[-_]/)[0] ?? '';
  const voices = { ...settings.voices };
  delete voices[key];
  if (voice) voices[key] = voice;
  return { ...settings, voices: normalizeVoices(voices) };
}

/** Known targets, each once, in the stored order; anything else in storage falls back to the default list. */
function normalizeShareTargets(value: unknown): ShareTarget[] {
  if (!Array.isArray(value)) return [...DEFAULT_SHARE_TARGETS];
  return [...new Set(value.filter((t): t is ShareTarget => SHARE_TARGETS.includes(t as ShareTarget)))];
}

function clampFontSize(value: number): number {
  const stepped = Math.round((value - FONT_SIZE.min) / FONT_SIZE.step) * FONT_SIZE.step + FONT_SIZE.min;
  return Math.min(FONT_SIZE.max, Math.max(FONT_SIZE.min, stepped));
}

function clampSpeechRate(value: number): number {
  const stepped = Math.round(value / SPEECH_RATE.step) * SPEECH_RATE.step;
  return Math.min(SPEECH_RATE.max, Math.max(SPEECH_RATE.min, stepped));
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function oneOf<T extends string | number>(list: readonly T[], value: unknown, fallback: T): T {
  return list.includes(value as T) ? (value as T) : fallback;
}

/** The offered line height closest to `value` (a stored 1.7 becomes 1.65). */
function nearestLineHeight(value: number): LineHeight {
  return LINE_HEIGHTS.reduce((best, h) => (Math.abs(h - value) < Math.abs(best - value) ? h : best));
}

/**
 * Turns anything found in storage into valid settings, field by field: a valid field is kept,
 * a missing, mistyped or out-of-range one falls back to its default (numbers are clamped to the bounds).
 */
export function normalizeSettings(raw: unknown): Settings {
  const input = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const { fontSize, lineHeight, speechRate, showImages } = input;
  const theme = oneOf(THEMES, input['theme'], DEFAULT_SETTINGS.theme);
  const storedDay = input['dayTheme'];
  return {
    fontSize: isFiniteNumber(fontSize) ? clampFontSize(fontSize) : DEFAULT_SETTINGS.fontSize,
    theme,
    dayTheme:
      storedDay !== 'dark' && THEMES.includes(storedDay as Theme)
        ? (storedDay as DayTheme)
        : theme !== 'dark'
          ? theme
          : DEFAULT_SETTINGS.dayTheme,
    fontFamily: oneOf(FONT_FAMILIES, input['fontFamily'], DEFAULT_SETTINGS.fontFamily),
    lineHeight:
      isFiniteNumber(lineHeight) && lineHeight > 0 ? nearestLineHeight(lineHeight) : DEFAULT_SETTINGS.lineHeight,
    contentWidth: oneOf(CONTENT_WIDTHS, input['contentWidth'], DEFAULT_SETTINGS.contentWidth),
    textAlign: oneOf(TEXT_ALIGNS, input['textAlign'], DEFAULT_SETTINGS.textAlign),
    showImages: typeof showImages === 'boolean' ? showImages : DEFAULT_SETTINGS.showImages,
    printHighlights:
      typeof input['printHighlights'] === 'boolean' ? input['printHighlights'] : DEFAULT_SETTINGS.printHighlights,
    speechRate: isFiniteNumber(speechRate) ? clampSpeechRate(speechRate) : DEFAULT_SETTINGS.speechRate,
    autoOpenSites: normalizeHostList(input['autoOpenSites']),
    shareTargets: normalizeShareTargets(input['shareTargets']),
    mastodonInstance:
      (typeof input['mastodonInstance'] === 'string' && normalizeInstance(input['mastodonInstance'])) ||
      DEFAULT_SETTINGS.mastodonInstance,
    copyExactAddress:
      typeof input['copyExactAddress'] === 'boolean' ? input['copyExactAddress'] : DEFAULT_SETTINGS.copyExactAddress,
    voices: normalizeVoices(input['voices']),
  };
}

const V2_ONLY_FIELDS = [
  'dayTheme',
  'fontFamily',
  'lineHeight',
  'contentWidth',
  'textAlign',
  'showImages',
  'speechRate',
  'autoOpenSites',
] as const;

/**
 * v1 → v2. Version 1 stored { fontSize, theme: 'light' | 'dark', shareTargets, mastodonInstance }.
 * Version 2 adds the typography, read-aloud and auto-open fields (their defaults), more themes, and
 * remembers the day theme for `n`; a v1 value that is not an object becomes the v2 defaults.
 */
export function migrateV1ToV2(v1: unknown): Settings {
  const old = typeof v1 === 'object' && v1 !== null && !Array.isArray(v1) ? (v1 as Record<string, unknown>) : {};
  // Fields v1 never had: such a value is a v2 value whose version record was lost. Repair it, don't downgrade it.
  if (V2_ONLY_FIELDS.some((field) => field in old)) return normalizeSettings(old);
  // v1 knew only light and dark; anything else it held meant its default, light.
  const theme = old['theme'] === 'dark' ? 'dark' : 'light';
  return normalizeSettings({
    fontSize: old['fontSize'],
    theme,
    dayTheme: 'light',
    shareTargets: old['shareTargets'],
    mastodonInstance: old['mastodonInstance'],
  });
}

/** The schema's migrations: key N turns a version N-1 value into version N (run by the store in utils/browser). */
export const SETTINGS_MIGRATIONS: Readonly<Record<number, (old: unknown) => unknown>> = {
  2: migrateV1ToV2,
};

/** Runs every migration from `fromVersion` up to the current version, then repairs the result. */
export function migrateSettings(value: unknown, fromVersion: number): Settings {
  let migrated = value;
  for (let v = Math.max(1, Math.floor(fromVersion)) + 1; v <= SETTINGS_VERSION; v++) {
    migrated = SETTINGS_MIGRATIONS[v]?.(migrated) ?? migrated;
  }
  return normalizeSettings(migrated);
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

/** Night mode (`n`): dark, or back from dark to the theme that was chosen before it. */
export function toggleNight(settings: Settings): Settings {
  if (settings.theme === 'dark') return { ...settings, theme: settings.dayTheme };
  return { ...settings, theme: 'dark', dayTheme: settings.theme };
}

/** Chooses a theme; a non-night one also becomes where `n` returns to. */
export function setTheme(settings: Settings, theme: Theme): Settings {
  return theme === 'dark' ? { ...settings, theme } : { ...settings, theme, dayTheme: theme };
}

/** The next (+1) or previous (-1) value in one of the schema's lists, stopping at the ends. */
export function stepInList<T>(list: readonly T[], current: T, by: -1 | 1): T {
  const i = list.indexOf(current);
  return list[Math.min(list.length - 1, Math.max(0, (i < 0 ? 0 : i) + by))]!;
}

export function stepLineHeight(settings: Settings, by: -1 | 1): Settings {
  return { ...settings, lineHeight: stepInList(LINE_HEIGHTS, settings.lineHeight, by) };
}

export function stepContentWidth(settings: Settings, by: -1 | 1): Settings {
  return { ...settings, contentWidth: stepInList(CONTENT_WIDTHS, settings.contentWidth, by) };
}

export function stepSpeechRate(settings: Settings, by: -1 | 1): Settings {
  return { ...settings, speechRate: clampSpeechRate(settings.speechRate + by * SPEECH_RATE.step) };
}

/** Adds a site to the auto-open list (normalized; unchanged when it isn't a host name or is listed already). */
export function addAutoOpenSite(settings: Settings, site: string): Settings {
  const list = normalizeHostList([...settings.autoOpenSites, site]);
  return list.length === settings.autoOpenSites.length ? settings : { ...settings, autoOpenSites: list };
}

export function removeAutoOpenSite(settings: Settings, site: string): Settings {
  return { ...settings, autoOpenSites: settings.autoOpenSites.filter((s) => s !== site) };
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
