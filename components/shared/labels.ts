import type { HighlightColor } from '@/utils/annotate';
import type { SyncState } from '@/utils/sync';
import type { MessageKey } from '@/utils/browser';
import type { ReaderAction } from '@/utils/reader';
import type { ContentWidth, FontFamily, Theme } from '@/utils/settings';
import type { ShareTarget } from '@/utils/share';

/**
 * Every interface name of a value in one place: settings' values (the reader's typography panel and the options page),
 * share targets (share menus and the options page) and reader keys (the `?` list and the options page).
 */
export const THEME_LABELS: Record<Theme, MessageKey> = {
  auto: 'themeAuto',
  light: 'themeLight',
  sepia: 'themeSepia',
  dark: 'themeDark',
  contrast: 'themeContrast',
};

export const FONT_LABELS: Record<FontFamily, MessageKey> = {
  serif: 'fontSerif',
  sans: 'fontSans',
  mono: 'fontMono',
  legible: 'fontLegible',
};

export const WIDTH_LABELS: Record<ContentWidth, MessageKey> = {
  narrow: 'widthNarrow',
  medium: 'widthMedium',
  wide: 'widthWide',
};

/** The networks' names. */
export const SHARE_LABELS: Record<ShareTarget, MessageKey> = {
  x: 'shareX',
  facebook: 'shareFacebook',
  telegram: 'shareTelegram',
  whatsapp: 'shareWhatsapp',
  linkedin: 'shareLinkedin',
  reddit: 'shareReddit',
  vk: 'shareVk',
  bluesky: 'shareBluesky',
  mastodon: 'shareMastodon',
  email: 'shareEmail',
};

/** What each reader key does, as the `?` list and the options page name it. */
export const KEY_LABELS: Record<ReaderAction, MessageKey> = {
  'font-larger': 'keyFontLarger',
  'font-smaller': 'keyFontSmaller',
  'font-reset': 'keyFontReset',
  night: 'keyNight',
  typography: 'keyTypography',
  toc: 'keyToc',
  print: 'keyPrint',
  'save-html': 'saveHtml',
  'save-markdown': 'saveMarkdown',
  speak: 'keyReadAloud',
  'copy-link': 'keyCopyLink',
  quote: 'keyQuote',
  highlight: 'keyHighlight',
  'save-to-library': 'keySaveToLibrary',
  library: 'keyOpenLibrary',
  notes: 'notes',
  close: 'keyClose',
  help: 'keyHelp',
};

/** Highlight colours, as the popover, the notes panel and the export name them. */
export const HIGHLIGHT_COLOR_LABELS: Record<HighlightColor, MessageKey> = {
  yellow: 'colorYellow',
  green: 'colorGreen',
  blue: 'colorBlue',
  pink: 'colorPink',
};

/**
 * What the notes panel and the settings page say when highlights could not all reach storage.sync (they are kept on
 * this device all the same).
 */
export const SYNC_MESSAGES: Partial<Record<SyncState, MessageKey>> = {
  failed: 'syncFailed',
  full: 'syncFull',
  'too-large': 'syncTooLarge',
  newer: 'syncNewer',
};
