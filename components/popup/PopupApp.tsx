import { useState } from 'preact/hooks';
import { copyLink } from '@/components/copy-link';
import { FontSizeControl } from '@/components/FontSizeControl';
import { Icon } from '@/components/icons/Icon';
import { ShareMenu } from '@/components/ShareMenu';
import { Toast, type ToastMessage } from '@/components/Toast';
import { useTheme } from '@/components/reader/features/theme';
import { useSettings } from '@/components/use-settings';
import { t, type MessageKey } from '@/utils/i18n';
import type { Unavailable } from '@/utils/pages';
import { stepFontSize, toggleNight } from '@/utils/settings';

export interface PopupPage {
  url: string;
  title: string;
  site: string;
  /** Why the reader can't open here, or null when it can. */
  unavailable: Unavailable | null;
}

const REASONS: Record<Unavailable, MessageKey> = {
  'browser-page': 'reasonBrowserPage',
  'store-page': 'reasonStorePage',
  'not-web': 'reasonNotWeb',
  'no-content-script': 'reasonNoContentScript',
  'not-article': 'reasonNotArticle',
};

interface PopupProps {
  page: PopupPage | null;
  onOpenReader: (print: boolean) => void;
}

/** The toolbar popup: the page, open/print the reader, copy the link, share, and the reading settings. */
export function PopupApp({ page, onOpenReader }: PopupProps) {
  const [settings, update] = useSettings();
  useTheme(settings);
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const readerOff = !page || page.unavailable !== null;
  const canShare = !!page && /^https?:/.test(page.url);

  return (
    <div class="popup" data-lectern="popup">
      <header class="popup-page">
        <Icon name="book" />
        <div>
          <p class="popup-title" data-lectern="page-title">
            {page?.title || page?.url || ''}
          </p>
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
          disabled={!page}
          onClick={() => page && void copyLink(page.url).then(setToast)}
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

      {canShare && page && (
        <section class="popup-share" aria-label={t('share')}>
          <h2>{t('share')}</h2>
          <ShareMenu page={{ url: page.url, title: page.title }} />
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
      <Toast message={toast} />
    </div>
  );
}
