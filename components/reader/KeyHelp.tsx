import { useEffect, useRef } from 'preact/hooks';
import { KeyList } from '@/components/shared/KeyList';
import { t } from '@/utils/browser';

/** The `?` list of keys, including the browser-wide toggle shortcut as the browser has it bound. */
export function KeyHelp({ toggleShortcut, onClose }: { toggleShortcut: string | null; onClose: () => void }) {
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => dialog.current?.focus(), []);
  return (
    <div
      class="key-help"
      role="dialog"
      aria-modal="false"
      aria-labelledby="key-help-title"
      tabIndex={-1}
      ref={dialog}
      data-lectern="key-help"
    >
      <div class="key-help-head">
        <h2 id="key-help-title">{t('keysHelp')}</h2>
        <button type="button" class="tool" onClick={onClose} aria-label={t('close')} title={t('close')}>
          ×
        </button>
      </div>
      <KeyList>
        <div class="key-row">
          <dt>
            <kbd>{toggleShortcut || t('shortcutNotSet')}</kbd>
          </dt>
          <dd>{t('keyToggleReader')}</dd>
        </div>
      </KeyList>
    </div>
  );
}
