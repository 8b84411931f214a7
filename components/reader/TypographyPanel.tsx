import { useEffect, useRef } from 'preact/hooks';
import { TypographyControls } from '@/components/shared/TypographyControls';
import { t } from '@/utils/browser';
import type { Settings } from '@/utils/settings';

/** The "Aa" panel: every look-and-feel setting of the reader, applied at once (and synced to every view). */
export function TypographyPanel({
  settings,
  update,
  onClose,
}: {
  settings: Settings;
  update: (change: (s: Settings) => Settings) => void;
  onClose: () => void;
}) {
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => panel.current?.querySelector<HTMLInputElement>('input:checked')?.focus(), []);
  return (
    <div
      class="reader-panel typography-panel"
      role="dialog"
      aria-modal="false"
      aria-labelledby="typography-title"
      ref={panel}
      data-lectern="typography"
    >
      <div class="key-help-head">
        <h2 id="typography-title">{t('typography')}</h2>
        <button type="button" class="tool" onClick={onClose} aria-label={t('close')} title={`${t('close')} (Esc)`}>
          ×
        </button>
      </div>
      <TypographyControls settings={settings} update={update} idPrefix="reader" showFontSize={false} />
    </div>
  );
}
