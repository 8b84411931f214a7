import { useState } from 'preact/hooks';
import { copyLink, copyWithToast, notice } from '@/components/shared/copy-link';
import { CopyMenu } from '@/components/shared/CopyMenu';
import { FontSizeControl } from '@/components/shared/FontSizeControl';
import { Icon } from '@/components/shared/icons/Icon';
import { ShareMenu } from '@/components/shared/ShareMenu';
import { Toast, type ToastMessage } from '@/components/shared/Toast';
import { useSettings } from '@/components/shared/use-settings';
import { useSettingsOnScreen } from '@/components/shared/use-settings-on-screen';
import { t, type MessageKey } from '@/utils/browser';
import { cleanUrl, passageUrl, type TextFragment } from '@/utils/share';
import type { Unavailable } from '@/utils/detect';
import { stepFontSize, toggleNight, type Settings } from '@/utils/settings';
import { QrPanel } from './QrPanel';

export interface PopupPage {
  url: string;
  title: string;
  site: string;
  canonical: string | null;
  siteName: string | null;
  /** The page's selected text, for quotes. */
  selection: string;
  /** Why the reader can't open here, or null when it can. */
  unavailable: Unavailable | null;
}

const REASONS: Record<Unavailable, MessageKey> = {
  'browser-page': 'reasonBrowserPage',
  'store-page': 'reasonStorePage',
  'not-web': 'reasonNotWeb',
  'load-failed': 'loadFailedBody',
  'not-article': 'reasonNotArticle',
  'page-loading': 'pageLoadingTitle',
  pdf: 'pdfBody',
};

interface PopupProps {
  page: PopupPage | null;
  /** False while the page's own answer (canonical link, selection, article or not) is on its way (`data-state` also waits for the settings). */
  ready: boolean;
  /** Opens the reader; `save`: and saves the article to the library (the reader confirms it). */
  onOpenReader: (print: boolean, save?: boolean) => void;
  onOpenOptions: () => void;
  onOpenLibrary: () => void;
  /** The settings as read before the first render. */
  initialSettings: Settings | null;
  /** The text fragment of the page's selection, made in the page when a quote is copied (null: the clean link). */
  passageFragment?: () => Promise<TextFragment | null>;
}

/** The toolbar popup: the page, open/print the reader, copy in every format, share, QR, and the reading settings. */
export function PopupApp({
  page,
  ready,
  onOpenReader,
  onOpenOptions,
  onOpenLibrary,
  initialSettings,
  passageFragment,
}: PopupProps) {
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const [settings, update] = useSettings(initialSettings, () => setToast(notice('settingsNotSaved')));
  const [qrOpen, setQrOpen] = useState(false);
  useSettingsOnScreen(settings);
  const readerOff = !page || page.unavailable !== null;
  const isWeb = !!page && /^https?:/.test(page.url);
  const source = page && { url: page.url, canonical: page.canonical, title: page.title, siteName: page.siteName };
  const clean = source ? cleanUrl(source) : '';
  const quoteLink = async (): Promise<string | null> => {
    const fragment = source && passageFragment ? await passageFragment().catch(() => null) : null;
    return fragment ? passageUrl(clean, fragment) : null;
  };

  return (
    <main class="popup" data-lectern="popup" data-state={ready && settings ? 'ready' : 'checking'}>
      <header class="popup-page">
        <Icon name="book" />
        <div>
          <h1 class="popup-title" data-lectern="page-title">
            {page?.title || page?.url || ''}
          </h1>
          <p class="popup-site">{page?.site ?? ''}</p>
        </div>
      </header>

      <button
        type="button"
        class="primary"
        data-action="open-reader"
        disabled={readerOff}
        onClick={() => onOpenReader(false)}
      >
        {t('openReader')}
      </button>
      {page?.unavailable && (
        <p class="reason" data-lectern="reason">
          {t(REASONS[page.unavailable])}
        </p>
      )}

      <div class="row">
        <button
          type="button"
          class="secondary"
          data-action="copy-link"
          disabled={!page?.url}
          onClick={() => source && settings && void copyLink(source, settings).then(setToast)}
        >
          <Icon name="link" /> {t('copyLink')}
        </button>
        <button
          type="button"
          class="secondary"
          data-action="print"
          disabled={readerOff}
          onClick={() => onOpenReader(true)}
        >
          <Icon name="print" /> {t('printClean')}
        </button>
      </div>
      <div class="row">
        <button
          type="button"
          class="secondary"
          data-action="save-to-library"
          disabled={readerOff}
          onClick={() => onOpenReader(false, true)}
        >
          <Icon name="bookmark" /> {t('saveToLibrary')}
        </button>
        <button type="button" class="secondary" data-action="library" onClick={onOpenLibrary}>
          <Icon name="book" /> {t('libraryTitle')}
        </button>
      </div>

      {source && page?.url && (
        <details class="popup-copy" data-action="copy-formats">
          <summary>{t('copyFormats')}</summary>
          <CopyMenu
            source={source}
            quote={page.selection}
            quoteLink={quoteLink}
            onCopy={(payload, done) => void copyWithToast(payload, done).then(setToast)}
          />
        </details>
      )}

      {isWeb && page && settings && (
        <section class="popup-share" aria-label={t('share')}>
          <h2>{t('share')}</h2>
          <ShareMenu page={{ url: clean, title: page.title }} settings={settings} />
          <button
            type="button"
            class="secondary small qr-toggle"
            data-action="qr"
            aria-expanded={qrOpen}
            onClick={() => setQrOpen(!qrOpen)}
          >
            {t(qrOpen ? 'qrHide' : 'qrShow')}
          </button>
          {qrOpen && <QrPanel url={clean} fileName={`${page.site || 'link'}-qr.png`} />}
        </section>
      )}

      {settings && (
        <div class="row settings-row">
          <FontSizeControl
            settings={settings}
            onStep={(step) => update((s) => stepFontSize(s, step))}
            buttonClass="secondary small"
            showKeys={false}
          />
          <button
            type="button"
            class="secondary small"
            data-action="night"
            aria-pressed={settings.theme === 'dark'}
            onClick={() => update(toggleNight)}
            title={t('nightMode')}
          >
            <Icon name="moon" /> {t('nightMode')}
          </button>
        </div>
      )}
      <button type="button" class="link-button" data-action="options" onClick={onOpenOptions}>
        {t('openOptions')}
      </button>
      <Toast message={toast} />
    </main>
  );
}
