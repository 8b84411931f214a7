import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { CopyMenu } from '@/components/CopyMenu';
import { FontSizeControl } from '@/components/FontSizeControl';
import { Icon } from '@/components/icons/Icon';
import { ShareMenu } from '@/components/ShareMenu';
import { t, type MessageKey } from '@/utils/i18n';
import type { ClipboardPayload, LinkSource } from '@/utils/links';
import { cleanUrl } from '@/utils/links';
import type { ReaderAction } from '@/utils/reader-keys';
import type { Settings } from '@/utils/settings';

interface ToolbarProps {
  settings: Settings;
  source: LinkSource | null;
  run: (action: ReaderAction) => void;
  onCopy: (payload: ClipboardPayload, done: MessageKey) => void;
  /** There is an article to save. */
  canSave: boolean;
  /** Read aloud is on (playing or paused). */
  speaking: boolean;
  /** The typography panel is open (the "Aa" button shows it). */
  panelOpen: boolean;
  /** Shown at the toolbar's end (the reading progress). */
  children?: ComponentChildren;
}

type Menu = 'copy' | 'share' | null;

/** The text the user has selected in the reader, for quotes. */
function selectedText(): string {
  return window.getSelection()?.toString() ?? '';
}

/** The reader's controls. Each button names its key in the tooltip; `data-action` is the stable test contract. */
export function Toolbar({ settings, source, canSave, speaking, run, onCopy, panelOpen, children }: ToolbarProps) {
  const [menu, setMenu] = useState<Menu>(null);
  // The selection is read when a menu opens: clicking the toolbar doesn't clear it, but re-rendering would lose track.
  const [quote, setQuote] = useState('');
  const night = settings.theme === 'dark';
  const toggle = (which: Exclude<Menu, null>): void => {
    setQuote(selectedText());
    setMenu(menu === which ? null : which);
  };
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
        class="tool tool-text"
        data-action="typography"
        aria-expanded={panelOpen}
        onClick={() => run('typography')}
        title={`${t('typography')} (T)`}
      >
        <span aria-hidden="true">Aa</span>
        <span class="visually-hidden">{t('typography')}</span>
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
        data-action="speak"
        disabled={!canSave}
        aria-pressed={speaking}
        onClick={() => run('speak')}
        aria-label={t('readAloud')}
        title={`${t('readAloud')} (S)`}
      >
        <Icon name="speak" />
      </button>
      <button
        type="button"
        class="tool"
        data-action="save-html"
        disabled={!canSave}
        onClick={() => run('save-html')}
        aria-label={t('saveHtml')}
        title={`${t('saveHtml')} (H)`}
      >
        <Icon name="download" />
      </button>
      <button
        type="button"
        class="tool tool-text"
        data-action="save-markdown"
        disabled={!canSave}
        onClick={() => run('save-markdown')}
        title={`${t('saveMarkdown')} (M)`}
      >
        <span aria-hidden="true">MD</span>
        <span class="visually-hidden">{t('saveMarkdown')}</span>
      </button>
      <button
        type="button"
        class="tool"
        data-action="copy-link"
        disabled={!source}
        onClick={() => run('copy-link')}
        aria-label={t('copyLink')}
        title={`${t('copyLink')} (C)`}
      >
        <Icon name="link" />
      </button>
      <div class="menu-anchor">
        <button
          type="button"
          class="tool"
          data-action="copy-menu"
          disabled={!source}
          aria-expanded={menu === 'copy'}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => toggle('copy')}
          aria-label={t('copyFormats')}
          title={t('copyFormats')}
        >
          <Icon name="copy" />
        </button>
        {menu === 'copy' && source && (
          <div class="popover" data-lectern="copy-menu">
            <CopyMenu
              source={source}
              quote={quote}
              onCopy={(payload, done) => {
                setMenu(null);
                onCopy(payload, done);
              }}
            />
          </div>
        )}
      </div>
      <div class="menu-anchor">
        <button
          type="button"
          class="tool"
          data-action="share"
          disabled={!source}
          aria-expanded={menu === 'share'}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => toggle('share')}
          aria-label={t('share')}
          title={t('share')}
        >
          <Icon name="share" />
        </button>
        {menu === 'share' && source && (
          <div class="popover" data-lectern="share-menu">
            <ShareMenu
              page={{ url: cleanUrl(source), title: source.title, quote: quote || undefined }}
              settings={settings}
            />
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
      {children}
    </nav>
  );
}
