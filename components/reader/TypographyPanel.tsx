import { useEffect, useRef } from 'preact/hooks';
import { TypographyControls } from '@/components/shared/TypographyControls';
import { ReaderPanel } from './ReaderPanel';
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
    <ReaderPanel name="typography" title={t('typography')} onClose={onClose} panelRef={panel}>
      <TypographyControls settings={settings} update={update} idPrefix="reader" showFontSize={false} />
    </ReaderPanel>
  );
}
