import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { CopyMenu } from '@/components/shared/CopyMenu';
import { FontSizeControl } from '@/components/shared/FontSizeControl';
import { Icon, type IconName } from '@/components/shared/icons/Icon';
import { ShareMenu } from '@/components/shared/ShareMenu';
import { t, type MessageKey } from '@/utils/browser';
import { type ClipboardPayload, type LinkSource, cleanUrl } from '@/utils/share';
import { keyFor, type ReaderAction } from '@/utils/reader';
import { useDismiss } from './features/dismiss';
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
  /** The panel open, if any (its button shows it). */
  panel: 'typography' | 'toc' | 'notes' | null;
  /** The article has a table of contents (three headings or more): its button shows. */
  hasToc: boolean;
  /** The article is in the library (the save button shows it pressed). */
  saved: boolean;
  /** The link to the selected passage, for the copy menu's quotes (see CopyMenu). */
  quoteLink?: () => Promise<string | null>;
  /** Shown at the toolbar's end (the reading progress). */
  children?: ComponentChildren;
}

type Menu = 'copy' | 'share' | 'more' | null;
/** Each menu's button (its `data-action`). */
const MENU_BUTTON: Record<Exclude<Menu, null>, string> = { copy: 'copy-menu', share: 'share', more: 'more' };

/** The text the user has selected in the reader, for quotes. */
function selectedText(): string {
  return window.getSelection()?.toString() ?? '';
}

interface ToolProps {
  action: string;
  /** Where the button shows: always, or only where the toolbar is wide enough (the More menu has it otherwise). */
  fits?: 'wide' | 'medium';
  label: string;
  /** An icon, or else a short text such as "Aa" (the label is then read out instead). */
  icon?: IconName;
  text?: string;
  pressed?: boolean;
  expanded?: boolean;
  disabled?: boolean;
  onClick: () => void;
  /** Keeps the reader's selection when clicked (menus that quote it). */
  keepSelection?: boolean;
}

/** One toolbar button: its label spoken, its reader key (utils/reader/reader-keys.ts) in the tooltip, `data-action` as the test contract. */
function Tool({ action, label, icon, text, pressed, expanded, disabled, onClick, keepSelection, fits }: ToolProps) {
  const keyName = keyFor(action);
  return (
    <button
      type="button"
      class={[icon ? 'tool' : 'tool tool-text', fits && `fits-${fits}`].filter(Boolean).join(' ')}
      data-action={action}
      disabled={disabled}
      aria-pressed={pressed}
      aria-expanded={expanded}
      onMouseDown={keepSelection ? (e) => e.preventDefault() : undefined}
      onClick={onClick}
      aria-label={icon ? label : undefined}
      title={keyName ? `${label} (${keyName})` : label}
    >
      {icon ? (
        <Icon name={icon} />
      ) : (
        <>
          <span aria-hidden="true">{text}</span>
          <span class="visually-hidden">{label}</span>
        </>
      )}
    </button>
  );
}

interface MoreMenuProps {
  run: (action: ReaderAction) => void;
  hasToc: boolean;
  canSave: boolean;
  source: LinkSource | null;
  quote: string;
  onCopy: (payload: ClipboardPayload, done: MessageKey) => void;
  quoteLink?: () => Promise<string | null>;
}

/**
 * The actions a narrow toolbar has no room for (the stylesheet shows this menu's button only then, and each item only
 * where its own button is hidden): each still on its key, and reached by Tab; Esc closes the menu, not the reader.
 */
function MoreMenu({ run, hasToc, canSave, source, quote, onCopy, quoteLink }: MoreMenuProps) {
  const menu = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // The first item shown (the menu hides the ones whose own button is on the toolbar at this width).
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('button:not(:disabled)') ?? [])];
    items.find((item) => item.getClientRects().length > 0)?.focus();
  }, []);
  const item = (action: ReaderAction, label: string, disabled: boolean, fits: 'wide' | 'medium', keep = false) => (
    <li class={`more-${fits}`}>
      <button
        type="button"
        class="menu-item"
        data-more={action}
        disabled={disabled}
        // Highlighting acts on the selection: pressing the item must not clear it.
        onMouseDown={keep ? (e) => e.preventDefault() : undefined}
        onClick={() => run(action)}
      >
        {label}
        <kbd>{keyFor(action)}</kbd>
      </button>
    </li>
  );
  return (
    <div class="popover more-menu" data-lectern="more-menu" ref={menu}>
      <ul class="copy-menu" role="list">
        {item('copy-link', t('copyLink'), !source, 'medium')}
        {hasToc && item('toc', t('tableOfContents'), false, 'wide')}
        {item('highlight', t('highlight'), !canSave, 'medium', true)}
        {item('save-to-library', t('saveToLibrary'), !canSave, 'medium')}
        {item('print', t('print'), false, 'wide')}
        {item('save-html', t('saveHtml'), !canSave, 'wide')}
        {item('save-markdown', t('saveMarkdown'), !canSave, 'wide')}
        {item('notes', t('notes'), !canSave, 'wide')}
        {item('help', t('keysHelp'), false, 'wide')}
        {item('library', t('openLibrary'), false, 'wide')}
      </ul>
      {source && (
        <>
          <p class="menu-heading">{t('copyFormats')}</p>
          <CopyMenu source={source} quote={quote} onCopy={onCopy} quoteLink={quoteLink} />
        </>
      )}
    </div>
  );
}

/** The reader's controls. Each button names its key in the tooltip; `data-action` is the stable test contract. */
export function Toolbar({
  settings,
  source,
  canSave,
  speaking,
  run,
  onCopy,
  panel,
  hasToc,
  saved,
  quoteLink,
  children,
}: ToolbarProps) {
  const [menu, setMenu] = useState<Menu>(null);
  // The selection is read when a menu opens: clicking the toolbar doesn't clear it, but re-rendering would lose track.
  const [quote, setQuote] = useState('');
  const toggle = (which: Exclude<Menu, null>): void => {
    setQuote(selectedText());
    setMenu(menu === which ? null : which);
  };
  // An open menu closes on Esc wherever the focus is (a click on the menu's button leaves it where it was, to keep the
  // selection), the focus then on the menu's button; and on a press outside it.
  const menuButton = (): HTMLElement | null =>
    menu && document.querySelector<HTMLElement>(`[data-action="${MENU_BUTTON[menu]}"]`);
  useDismiss(
    menu !== null,
    (target) => !!menuButton()?.closest('.menu-anchor')?.contains(target),
    (byKey) => {
      const button = menuButton();
      setMenu(null);
      if (byKey) button?.focus();
    },
  );
  return (
    <nav class="toolbar" aria-label={t('toolbarLabel')} data-lectern="toolbar">
      <FontSizeControl
        settings={settings}
        onStep={(step) => run(step === 'larger' ? 'font-larger' : 'font-smaller')}
        buttonClass="tool"
        showKeys
      />
      <Tool
        action="night"
        label={t('nightMode')}
        icon="moon"
        pressed={settings.theme === 'dark'}
        onClick={() => run('night')}
      />
      <Tool
        action="typography"
        label={t('typography')}
        text="Aa"
        expanded={panel === 'typography'}
        onClick={() => run('typography')}
      />
      {hasToc && (
        <Tool
          action="toc"
          label={t('tableOfContents')}
          icon="list"
          fits="wide"
          expanded={panel === 'toc'}
          onClick={() => run('toc')}
        />
      )}
      <Tool
        action="highlight"
        label={t('highlight')}
        icon="highlight"
        fits="medium"
        disabled={!canSave}
        keepSelection
        onClick={() => run('highlight')}
      />
      <Tool
        action="notes"
        label={t('notes')}
        icon="notes"
        fits="wide"
        disabled={!canSave}
        expanded={panel === 'notes'}
        onClick={() => run('notes')}
      />
      <Tool
        action="save-to-library"
        label={t('saveToLibrary')}
        icon="bookmark"
        fits="medium"
        disabled={!canSave}
        pressed={saved}
        onClick={() => run('save-to-library')}
      />
      <Tool action="print" label={t('print')} icon="print" fits="wide" onClick={() => run('print')} />
      <Tool
        action="speak"
        label={t('readAloud')}
        icon="speak"
        disabled={!canSave}
        pressed={speaking}
        onClick={() => run('speak')}
      />
      <Tool
        action="save-html"
        label={t('saveHtml')}
        icon="download"
        fits="wide"
        disabled={!canSave}
        onClick={() => run('save-html')}
      />
      <Tool
        action="save-markdown"
        label={t('saveMarkdown')}
        text="MD"
        fits="wide"
        disabled={!canSave}
        onClick={() => run('save-markdown')}
      />
      <Tool
        action="copy-link"
        label={t('copyLink')}
        icon="link"
        fits="medium"
        disabled={!source}
        onClick={() => run('copy-link')}
      />
      <div class="menu-anchor fits-wide">
        <Tool
          action="copy-menu"
          label={t('copyFormats')}
          icon="copy"
          disabled={!source}
          expanded={menu === 'copy'}
          keepSelection
          onClick={() => toggle('copy')}
        />
        {menu === 'copy' && source && (
          <div class="popover" data-lectern="copy-menu">
            <CopyMenu
              source={source}
              quote={quote}
              quoteLink={quoteLink}
              onCopy={(payload, done) => {
                setMenu(null);
                onCopy(payload, done);
              }}
            />
          </div>
        )}
      </div>
      <div class="menu-anchor">
        <Tool
          action="share"
          label={t('share')}
          icon="share"
          disabled={!source}
          expanded={menu === 'share'}
          keepSelection
          onClick={() => toggle('share')}
        />
        {menu === 'share' && source && (
          <div class="popover" data-lectern="share-menu">
            <ShareMenu
              page={{ url: cleanUrl(source), title: source.title, quote: quote || undefined }}
              settings={settings}
            />
          </div>
        )}
      </div>
      <Tool action="help" label={t('keysHelp')} icon="keyboard" fits="wide" onClick={() => run('help')} />
      <Tool action="library" label={t('openLibrary')} icon="book" fits="wide" onClick={() => run('library')} />
      <div class="menu-anchor more-anchor">
        <Tool
          action="more"
          label={t('moreActions')}
          icon="more"
          expanded={menu === 'more'}
          keepSelection
          onClick={() => toggle('more')}
        />
        {menu === 'more' && (
          <MoreMenu
            run={(action) => {
              setMenu(null);
              run(action);
            }}
            hasToc={hasToc}
            canSave={canSave}
            source={source}
            quote={quote}
            quoteLink={quoteLink}
            onCopy={(payload, done) => {
              setMenu(null);
              onCopy(payload, done);
            }}
          />
        )}
      </div>
      <Tool action="close" label={t('close')} icon="close" onClick={() => run('close')} />
      {children}
    </nav>
  );
}
