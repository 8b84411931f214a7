import type { MessageKey } from '@/utils/browser';
import type { ContentWidth, FontFamily, Theme } from '@/utils/settings';

/** The interface names of the settings' values, shared by the reader's typography panel and the options page. */
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
