import { useEffect, useState } from 'preact/hooks';
import { copyLink, copyWithToast, notice } from '@/components/shared/copy-link';
import { Toast, type ToastMessage } from '@/components/shared/Toast';
import { useSettings } from '@/components/shared/use-settings';
import { useSettingsOnScreen } from '@/components/shared/use-settings-on-screen';
import type { Article } from '@/utils/extract';
import { formatQuote, type ClipboardPayload, type LinkSource } from '@/utils/share';
import { t, type MessageKey } from '@/utils/browser';
import { voiceLanguage, type ReaderAction } from '@/utils/reader';
import {
  DEFAULT_SETTINGS,
  chooseVoice,
  stepFontSize,
  stepSpeechRate,
  toggleNight,
  type Settings,
} from '@/utils/settings';
import { ArticleHeader, LeadImage } from './ArticleHeader';
import { KeyHelp } from './KeyHelp';
import { Toolbar } from './Toolbar';
import { TypographyPanel } from './TypographyPanel';
import { FootnotePopover, useFootnotes } from './features/footnotes';
import { useReaderKeys } from './features/keys';
import { NotArticleNotice, useNotArticle } from './features/not-article';
import { TocPanel, useOutline } from './features/toc';
import { printReader, usePrintOnOpen } from './features/print';
import { useReadingProgress, useRememberedPosition } from './features/reading-position';
import { ReadingProgress } from './ReadingProgress';
import { useReadAloud } from './features/read-aloud';
import { saveArticle } from './features/save';
import { SpeechBar } from './SpeechBar';

/**
 * Articles longer than this (characters of HTML; a long read is ~100,000) lay out only the blocks on screen
 * (`content-visibility`), so a book-length page opens about as fast as a normal one.
 */
const LONG_ARTICLE = 400_000;

export type ReaderContent =
  | { kind: 'loading' }
  | { kind: 'article'; article: Article }
  | { kind: 'message'; title: MessageKey; body: MessageKey; url: string | null };

export interface ReaderProps {
  content: ReaderContent;
  locale: string;
  toggleShortcut: string | null;
  /** Print as soon as the article is shown (the popup's "print clean version"). */
  printOnOpen: boolean;
  onClose: () => void;
  /** The settings as read before the first render. */
  initialSettings: Settings | null;
}

/** The reader: toolbar, article (or a message saying why there is none), key list and confirmations. */
export function ReaderApp({ content, locale, toggleShortcut, printOnOpen, onClose, initialSettings }: ReaderProps) {
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const [settings, update] = useSettings(initialSettings, () => setToast(notice('settingsNotSaved')));
  const [helpOpen, setHelpOpen] = useState(false);
  // One panel at a time, beside the text where there is room: the typography panel or the table of contents.
  const [panel, setPanel] = useState<'typography' | 'toc' | null>(null);
  useSettingsOnScreen(settings);

  const found = content.kind === 'article' ? content.article : null;
  const { article, notArticle, showAnyway } = useNotArticle(found);
  const progress = useReadingProgress(article);
  useRememberedPosition(article);
  const footnote = useFootnotes(article);
  const outline = useOutline(article);
  const speechLang = article?.lang ?? locale;
  const chosenVoice = settings?.voices[voiceLanguage(speechLang)] ?? null;
  const speech = useReadAloud(article, {
    rate: settings?.speechRate ?? DEFAULT_SETTINGS.speechRate,
    chosenVoice,
    onUnavailable: () => setToast(notice('speechUnavailable')),
    onNoVoice: () => setToast(notice('speechNoVoice')),
  });
  const pageUrl = found?.url ?? (content.kind === 'message' ? content.url : null);
  const source: LinkSource | null = pageUrl
    ? {
        url: pageUrl,
        canonical: found?.canonical ?? null,
        title: found?.title ?? '',
        siteName: found?.siteName ?? null,
      }
    : null;
  const copy = (payload: ClipboardPayload, done: MessageKey): void => void copyWithToast(payload, done).then(setToast);

  const run = (action: ReaderAction): void => {
    switch (action) {
      case 'font-larger':
        return update((s) => stepFontSize(s, 'larger'));
      case 'font-smaller':
        return update((s) => stepFontSize(s, 'smaller'));
      case 'font-reset':
        return update((s) => stepFontSize(s, 'reset'));
      case 'night':
        return update(toggleNight);
      case 'typography':
        setHelpOpen(false);
        return panel === 'typography' ? closePanel() : setPanel('typography');
      case 'toc':
        if (!outline.length) return;
        setHelpOpen(false);
        return panel === 'toc' ? closePanel() : setPanel('toc');
      case 'print':
        return printReader();
      case 'speak':
        return speech.toggle();
      case 'save-html':
      case 'save-markdown':
        if (article) void saveArticle(article, action === 'save-html' ? 'html' : 'markdown');
        return;
      case 'copy-link':
        if (source && settings) void copyLink(source, settings).then(setToast);
        return;
      case 'quote': {
        const selection = window.getSelection()?.toString().trim() ?? '';
        if (!source) return;
        if (!selection) return setToast(notice('selectTextFirst'));
        return copy(formatQuote('quote', selection, source), 'quoteCopied');
      }
      case 'help':
        setPanel(null);
        return setHelpOpen((open) => !open);
      case 'close':
        if (helpOpen) return setHelpOpen(false);
        if (panel) return closePanel();
        return onClose();
    }
  };
  useReaderKeys(run);

  /**
   * Closes the panel and, with `refocus`, gives the focus back to its button, where the user was (to More when a narrow
   * toolbar has the button in that menu).
   */
  const closePanel = (refocus = true): void => {
    const button = document.querySelector<HTMLElement>(`[data-action="${panel}"]`);
    setPanel(null);
    if (!refocus) return;
    const shown = button?.getClientRects().length
      ? button
      : document.querySelector<HTMLElement>('[data-action="more"]');
    shown?.focus();
  };

  useEffect(() => {
    if (found) document.title = found.title;
  }, [found]);

  usePrintOnOpen(printOnOpen, !!article && settings !== null);

  return (
    <div
      class="reader"
      data-lectern="reader"
      data-state={notArticle ? 'not-article' : content.kind}
      data-panel={panel ? 'open' : undefined}
    >
      {settings && (
        <Toolbar
          settings={settings}
          source={source}
          canSave={!!article}
          speaking={speech.state !== 'idle'}
          run={run}
          onCopy={copy}
          panel={panel}
          hasToc={outline.length > 0}
        >
          {article && <ReadingProgress fraction={progress} readingMinutes={article.readingMinutes} />}
        </Toolbar>
      )}
      {settings && panel === 'typography' && (
        <TypographyPanel settings={settings} update={update} onClose={() => closePanel()} />
      )}
      {panel === 'toc' && outline.length > 0 && <TocPanel items={outline} onClose={closePanel} />}
      <main class="reader-main" tabIndex={-1} id="reader-main">
        {content.kind === 'loading' && (
          <p class="status" role="status">
            {t('loading')}
          </p>
        )}
        {content.kind === 'message' && (
          <section class="message" data-lectern="message" role="alert">
            <h1>{t(content.title)}</h1>
            <p>{t(content.body)}</p>
            <button type="button" class="button" onClick={onClose}>
              {t('backToPage')}
            </button>
          </section>
        )}
        {notArticle && <NotArticleNotice onShow={showAnyway} onClose={onClose} />}
        {article && (
          <article lang={article.lang ?? undefined} dir={article.dir ?? undefined}>
            <ArticleHeader article={article} locale={locale} />
            {article.leadImage && <LeadImage image={article.leadImage} />}
            <div
              class="article-body"
              data-lectern="article"
              data-long={article.html.length > LONG_ARTICLE ? '' : undefined}
              dangerouslySetInnerHTML={{ __html: article.html }}
            />
            <footer class="article-footer">
              <a href={article.url} target="_blank" rel="noopener noreferrer">
                {t('originalPage')}: {article.siteName ?? article.url}
              </a>
            </footer>
          </article>
        )}
      </main>
      {settings && speech.state !== 'idle' && (
        <SpeechBar
          state={speech.state}
          rate={settings.speechRate}
          onPauseResume={speech.pauseResume}
          onRate={(by) => update((s) => stepSpeechRate(s, by))}
          onStop={speech.stop}
          voices={speech.voices}
          voice={chosenVoice}
          onVoice={(name) => update((s) => chooseVoice(s, speechLang, name))}
        />
      )}
      {footnote.open && <FootnotePopover open={footnote.open} onClose={footnote.close} />}
      {helpOpen && <KeyHelp toggleShortcut={toggleShortcut} onClose={() => setHelpOpen(false)} />}
      <Toast message={toast} />
    </div>
  );
}
