import { useEffect, useRef } from 'preact/hooks';
import { t, type MessageKey } from '@/utils/browser';
import { KEY_LIST, type ReaderAction } from '@/utils/reader';

/** What each reader key does, as the `?` list and the options page name it. */
export const KEY_LABELS: Record<ReaderAction, MessageKey> = {
  'font-larger': 'keyFontLarger',
  'font-smaller': 'keyFontSmaller',
  'font-reset': 'keyFontReset',
  night: 'keyNight',
  typography: 'keyTypography',
  print: 'keyPrint',
  'save-html': 'saveHtml',
  'save-markdown': 'saveMarkdown',
  speak: 'keyReadAloud',
  'copy-link': 'keyCopyLink',
  quote: 'keyQuote',
  close: 'keyClose',
  help: 'keyHelp',
};

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
      <dl>
        {KEY_LIST.map(({ keys, action }) => (
          <div class="key-row" key={action}>
            <dt>
              {keys.map((k) => (
                <kbd key={k}>{k}</kbd>
              ))}
            </dt>
            <dd>{t(KEY_LABELS[action])}</dd>
          </div>
        ))}
        <div class="key-row">
          <dt>
            <kbd>{toggleShortcut || t('shortcutNotSet')}</kbd>
          </dt>
          <dd>{t('keyToggleReader')}</dd>
        </div>
      </dl>
    </div>
  );
}
