import { t } from '@/utils/i18n';
import { canStepFontSize, type Settings } from '@/utils/settings';

interface FontSizeControlProps {
  settings: Settings;
  onStep: (step: 'larger' | 'smaller') => void;
  buttonClass: string;
  /** Name the reader keys in the tooltips (the popup has no keys). */
  showKeys: boolean;
}

/** A− · size · A+ : the text size control of the reader toolbar and the popup. */
export function FontSizeControl({ settings, onStep, buttonClass, showKeys }: FontSizeControlProps) {
  const hint = (label: string, key: string): string => (showKeys ? `${label} (${key})` : label);
  return (
    <div class="tool-group" role="group" aria-label={t('textSize')}>
      <button
        type="button"
        class={buttonClass}
        data-action="font-smaller"
        disabled={!canStepFontSize(settings, 'smaller')}
        onClick={() => onStep('smaller')}
        aria-label={t('fontSmaller')}
        title={hint(t('fontSmaller'), '−')}
      >
        A−
      </button>
      <output class="font-size-value" title={t('fontSizeValue', String(settings.fontSize))}>
        {settings.fontSize}
      </output>
      <button
        type="button"
        class={buttonClass}
        data-action="font-larger"
        disabled={!canStepFontSize(settings, 'larger')}
        onClick={() => onStep('larger')}
        aria-label={t('fontLarger')}
        title={hint(t('fontLarger'), '+')}
      >
        A+
      </button>
    </div>
  );
}
