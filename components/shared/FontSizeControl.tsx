import { t } from '@/utils/browser';
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
        title={hint(t('fontSmaller'), '−')}
      >
        {/* The name is the words; "A−" is what sighted users see (a name must contain a label's visible text). */}
        <span aria-hidden="true">A−</span>
        <span class="visually-hidden">{t('fontSmaller')}</span>
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
        title={hint(t('fontLarger'), '+')}
      >
        <span aria-hidden="true">A+</span>
        <span class="visually-hidden">{t('fontLarger')}</span>
      </button>
    </div>
  );
}
