import type { MessageKey } from '@/utils/i18n';
import type { Theme } from '@/utils/settings';

/** The interface names of the settings' values, shared by the reader's typography panel and the options page. */
export const THEME_LABELS: Record<Theme, MessageKey> = {
  auto: 'themeAuto',
  light: 'themeLight',
  sepia: 'themeSepia',
  dark: 'themeDark',
  contrast: 'themeContrast',
};
