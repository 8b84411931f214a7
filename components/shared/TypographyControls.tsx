import { FONT_LABELS, THEME_LABELS, WIDTH_LABELS } from '@/components/shared/labels';
import { FontSizeControl } from '@/components/shared/FontSizeControl';
import { t, uiLanguage } from '@/utils/browser';
import { formatNumber } from '@/utils/reader';
import {
  CONTENT_WIDTHS,
  FONT_FAMILIES,
  LINE_HEIGHTS,
  THEMES,
  setTheme,
  stepFontSize,
  stepLineHeight,
  type Settings,
} from '@/utils/settings';

interface TypographyControlsProps {
  settings: Settings;
  update: (change: (s: Settings) => Settings) => void;
  /** Prefix of the form controls' ids and names (the reader panel and the options page can't share ids). */
  idPrefix: string;
  /** The reader's own toolbar already has the text size; the options page shows it here. */
  showFontSize: boolean;
}

/** Theme, font, size, line spacing, width, justification and images: the reader's panel and the options page. */
export function TypographyControls({ settings, update, idPrefix, showFontSize }: TypographyControlsProps) {
  const id = (name: string): string => `${idPrefix}-${name}`;
  const lineIndex = LINE_HEIGHTS.indexOf(settings.lineHeight);
  return (
    <div class="typography-controls">
      <fieldset class="field" data-setting="theme">
        <legend class="label">{t('optionsTheme')}</legend>
        <div class="choices">
          {THEMES.map((theme) => (
            <label key={theme} class="choice" data-theme-choice={theme}>
              <input
                type="radio"
                name={id('theme')}
                value={theme}
                checked={settings.theme === theme}
                onChange={() => update((s) => setTheme(s, theme))}
              />
              {t(THEME_LABELS[theme])}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset class="field" data-setting="font-family">
        <legend class="label">{t('fontFamily')}</legend>
        <div class="choices">
          {FONT_FAMILIES.map((family) => (
            <label key={family} class={`choice font-sample font-${family}`}>
              <input
                type="radio"
                name={id('font')}
                value={family}
                checked={settings.fontFamily === family}
                onChange={() => update((s) => ({ ...s, fontFamily: family }))}
              />
              {t(FONT_LABELS[family])}
            </label>
          ))}
        </div>
      </fieldset>
      {showFontSize && (
        <div class="field">
          <span class="label">{t('textSize')}</span>
          <FontSizeControl
            settings={settings}
            onStep={(step) => update((s) => stepFontSize(s, step))}
            buttonClass="secondary small"
            showKeys={false}
          />
        </div>
      )}
      <div class="field" data-setting="line-height">
        <span class="label" id={id('line-height-label')}>
          {t('lineHeight')}
        </span>
        <div class="tool-group" role="group" aria-labelledby={id('line-height-label')}>
          <button
            type="button"
            class="secondary small"
            data-step="line-height-less"
            disabled={lineIndex <= 0}
            onClick={() => update((s) => stepLineHeight(s, -1))}
            aria-label={t('lineHeightLess')}
            title={t('lineHeightLess')}
          >
            −
          </button>
          <output class="font-size-value">{formatNumber(settings.lineHeight, uiLanguage())}</output>
          <button
            type="button"
            class="secondary small"
            data-step="line-height-more"
            disabled={lineIndex >= LINE_HEIGHTS.length - 1}
            onClick={() => update((s) => stepLineHeight(s, 1))}
            aria-label={t('lineHeightMore')}
            title={t('lineHeightMore')}
          >
            +
          </button>
        </div>
      </div>
      <fieldset class="field" data-setting="content-width">
        <legend class="label">{t('contentWidth')}</legend>
        <div class="choices">
          {CONTENT_WIDTHS.map((width) => (
            <label key={width} class="choice">
              <input
                type="radio"
                name={id('width')}
                value={width}
                checked={settings.contentWidth === width}
                onChange={() => update((s) => ({ ...s, contentWidth: width }))}
              />
              {t(WIDTH_LABELS[width])}
            </label>
          ))}
        </div>
      </fieldset>
      <div class="field">
        <label class="choice">
          <input
            type="checkbox"
            data-setting="justify"
            checked={settings.textAlign === 'justify'}
            onChange={(e) => {
              const justify = e.currentTarget.checked;
              update((s) => ({ ...s, textAlign: justify ? 'justify' : 'start' }));
            }}
          />
          {t('justifyText')}
        </label>
      </div>
      <div class="field">
        <label class="choice">
          <input
            type="checkbox"
            data-setting="images"
            checked={settings.showImages}
            onChange={(e) => {
              const showImages = e.currentTarget.checked;
              update((s) => ({ ...s, showImages }));
            }}
          />
          {t('showImages')}
        </label>
      </div>
      <div class="field">
        <label class="choice">
          <input
            type="checkbox"
            data-setting="print-highlights"
            checked={settings.printHighlights}
            onChange={(e) => {
              const printHighlights = e.currentTarget.checked;
              update((s) => ({ ...s, printHighlights }));
            }}
          />
          {t('printHighlights')}
        </label>
      </div>
    </div>
  );
}
