import type { Settings } from './schema';

/**
 * The one table from each reading setting to what it changes on screen: a CSS custom property or a `data-*`
 * attribute on the document's root, which the stylesheets read. Pure; one hook applies it in every view.
 */
export type ScreenRow = {
  setting: keyof Settings;
  /** The text the property or attribute gets. */
  value: (settings: Settings) => string;
} & ({ variable: `--${string}` } | { attribute: string });

export const SETTINGS_ON_SCREEN: readonly ScreenRow[] = [
  // theme.css maps it to colours and color-scheme ('auto' follows the system through prefers-color-scheme).
  { setting: 'theme', attribute: 'theme', value: (s) => s.theme },
  // The article and its headings scale together.
  { setting: 'fontSize', variable: '--reader-font-size', value: (s) => `${s.fontSize}px` },
  { setting: 'lineHeight', variable: '--reader-line-height', value: (s) => String(s.lineHeight) },
  // A font stack each; 'legible' is the bundled Atkinson Hyperlegible.
  { setting: 'fontFamily', attribute: 'font', value: (s) => s.fontFamily },
  { setting: 'contentWidth', attribute: 'width', value: (s) => s.contentWidth },
  // Justified text also hyphenates, in the article's language.
  { setting: 'textAlign', attribute: 'align', value: (s) => s.textAlign },
  // Hidden images take their figures and captions along.
  { setting: 'showImages', attribute: 'images', value: (s) => (s.showImages ? 'shown' : 'hidden') },
  // Read only by the print stylesheet: on screen highlights always show.
  { setting: 'printHighlights', attribute: 'highlights', value: (s) => (s.printHighlights ? 'print' : 'screen-only') },
];
