import { useState } from 'preact/hooks';
import { FontSizeControl } from '@/components/FontSizeControl';
import { Icon } from '@/components/icons/Icon';
import { ShareMenu } from '@/components/ShareMenu';
import { t } from '@/utils/i18n';
import type { ReaderAction } from '@/utils/reader-keys';
import type { Settings } from '@/utils/settings';
import type { SharedPage } from '@/utils/share';

interface ToolbarProps {
  settings: Settings;
  page: SharedPage | null;
  run: (action: ReaderAction) => void;
}

/** The reader's controls. Each button names its key in the tooltip; `data-action` is the stable test contract. */
export function Toolbar({ settings, page, run }: ToolbarProps) {
  const [shareOpen, setShareOpen] = useState(false);
  const night = settings.theme === 'dark';
  return (
    <nav class="toolbar" aria-label={t('toolbarLabel')} data-lectern="toolbar">
      <FontSizeControl
        settings={settings}
        onStep={(step) => run(step === 'larger' ? 'font-larger' : 'font-smaller')}
        buttonClass="tool"
        showKeys
      />
      <button
        type="button"
        class="tool"
        data-action="night"
        aria-pressed={night}
        onClick={() => run('night')}
        aria-label={t('nightMode')}
        title={`${t('nightMode')} (N)`}
      >
        <Icon name="moon" />
      </button>
      <button
        type="button"
        class="tool"
        data-action="print"
        onClick={() => run('print')}
        aria-label={t('print')}
        title={`${t('print')} (P)`}
      >
        <Icon name="print" />
      </button>
      <button
        type="button"
        class="tool"
        data-action="copy-link"
        disabled={!page}
        onClick={() => run('copy-link')}
        aria-label={t('copyLink')}
        title={`${t('copyLink')} (C)`}
      >
        <Icon name="link" />
      </button>
      <div class="share">
        <button
          type="button"
          class="tool"
          data-action="share"
          disabled={!page}
          aria-expanded={shareOpen}
          onClick={() => setShareOpen(!shareOpen)}
          aria-label={t('share')}
          title={t('share')}
        >
          <Icon name="share" />
        </button>
        {shareOpen && page && (
          <div class="share-popover" data-lectern="share-menu">
            <ShareMenu page={page} />
          </div>
        )}
      </div>
      <button
        type="button"
        class="tool"
        data-action="help"
        onClick={() => run('help')}
        aria-label={t('keysHelp')}
        title={`${t('keysHelp')} (?)`}
      >
        <Icon name="keyboard" />
      </button>
      <button
        type="button"
        class="tool"
        data-action="close"
        onClick={() => run('close')}
        aria-label={t('close')}
        title={`${t('close')} (Esc)`}
      >
        <Icon name="close" />
      </button>
    </nav>
  );
}
