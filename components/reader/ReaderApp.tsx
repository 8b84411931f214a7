import { useEffect, useRef, useState } from 'preact/hooks';
import { copyLink, copyWithToast, notice } from '@/components/shared/copy-link';
import { Toast, type ToastMessage } from '@/components/shared/Toast';
import { useSettings } from '@/components/shared/use-settings';
import { useSettingsOnScreen } from '@/components/shared/use-settings-on-screen';
import type { Article, FirstScreen } from '@/utils/extract';
import {
  cleanTitle,
  cleanUrl,
  formatQuote,
  type ClipboardPayload,
  type LinkSource,
  type SharedPage,
} from '@/utils/share';
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
import { ArticleFooter, ArticleHeader, LeadImage } from './ArticleHeader';
import { KeyHelp } from './KeyHelp';
import { Toolbar } from './Toolbar';
import { TypographyPanel } from './TypographyPanel';
import { FootnotePopover, useFootnotes } from './features/footnotes';
import { useReaderKeys } from './features/keys';
import { NotArticleNotice, useNotArticle } from './features/not-article';
import { PagesNote } from './features/pages';
import { FirstScreenView } from './features/first-screen';
import { BuiltBody, type ArticleParts } from './features/article-parts';
import { TocPanel, useOutline } from './features/toc';
import { scrollIntoViewSettled } from './features/scroll-settled';
import { printReader, usePrintOnOpen } from './features/print';
import { useReadingProgress, useRememberedPosition } from './features/reading-position';
import { ReadingProgress } from './ReadingProgress';
import { useReadAloud } from './features/read-aloud';
import { saveArticle } from './features/save';
import { SpeechBar } from './SpeechBar';
import { HighlightPopover } from './HighlightPopover';
import { NotesPanel } from './NotesPanel';
import { MARK_SELECTOR, articleBody, domRange, selectedRange } from './features/highlight-marks';
import { useHighlights } from './features/highlights';
import { passageLink, renderedCopy } from './features/passage-link';
import { ShareMenu } from '@/components/shared/ShareMenu';
import { exportMarkdown, saveAllHighlights, saveHighlights } from './features/highlights-export';
import { selectionAnchor, useArticleSelection, type ScreenAnchor } from './features/selection';
import { DEFAULT_COLOR, type HighlightColor, type TextRange } from '@/utils/annotate';
import { useReaderLibrary } from './features/library';
import { openPage } from '@/utils/browser';

/**
 * Articles longer than this (characters of HTML; a long read is ~100,000) lay out only the blocks on screen
 * (`content-visibility`), so a book-length page opens about as fast as a normal one.
 */
const LONG_ARTICLE = 400_000;

/** What the highlight popover is beside: a fresh selection, or a highlight (perhaps with its note being edited). */
type PopoverState = (
  | { kind: 'selection'; anchor: ScreenAnchor }
  | { kind: 'highlight'; id: string; anchor: ScreenAnchor; editing: boolean; takeFocus: boolean }
) & {
  /** The passage as shared (its link to the passage when one could be made): the popover shows the share targets. */
  share?: SharedPage;
};

/** Which panel is open beside the text: the typography panel ("Aa") or the highlights and notes. */
type Panel = 'typography' | 'toc' | 'notes' | null;

export type ReaderContent =
  /**
   * `preview`: a very large article's opening, shown while the whole is read (its page's address with it); `body`: the
   * article's parts read so far, shown in the opening's place (see features/article-parts.tsx).
   */
  | { kind: 'loading'; preview?: { screen: FirstScreen; url: string; body?: ArticleParts } }
  | {
      kind: 'article';
      article: Article;
      /** The original page's markup (the snapshot the article was read from), to check links to a passage against. */
      original?: string;
      /** The article's body as built a part at a time while it was read: taken over instead of parsing `html` again. */
      body?: ArticleParts;
    }
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
  /** The article was opened from the library (its kept copy); `saveOnOpen`: save it as soon as it is shown. */
  fromLibrary?: boolean;
  saveOnOpen?: boolean;
}

/** The reader: toolbar, article (or a message saying why there is none), key list and confirmations. */
export function ReaderApp({
  content,
  locale,
  toggleShortcut,
  printOnOpen,
  onClose,
  initialSettings,
  fromLibrary = false,
  saveOnOpen = false,
}: ReaderProps) {
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const [settings, update] = useSettings(initialSettings, () => setToast(notice('settingsNotSaved')));
  const [helpOpen, setHelpOpen] = useState(false);
  // One panel at a time, beside the text where there is room: text and theme, contents, or notes.
  const [panel, setPanel] = useState<Panel>(null);
  const [popover, setPopover] = useState<PopoverState | null>(null);
  useSettingsOnScreen(settings);

  const found = content.kind === 'article' ? content.article : null;
  const { article, notArticle, showAnyway } = useNotArticle(found);
  const progress = useReadingProgress(article);
  useRememberedPosition(article);
  const library = useReaderLibrary(article, progress, fromLibrary);
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
  // The original page, parsed once when a link to a passage is first asked for.
  const originalHtml = content.kind === 'article' ? (content.original ?? null) : null;
  const original = useRef<{ html: string; doc: Document } | null>(null);
  const originalDoc = (): Document | null => {
    if (!originalHtml) return null;
    if (original.current?.html !== originalHtml)
      original.current = { html: originalHtml, doc: renderedCopy(originalHtml) };
    return original.current.doc;
  };
  /** The link to a passage of the article (a range of its text), or null when none can be made: then the clean link. */
  const linkTo = (range: TextRange | null): Promise<string | null> => {
    const body = articleBody();
    const dom = body && range && source ? domRange(body, range) : null;
    return source && dom ? passageLink(cleanUrl(source), dom, originalDoc()) : Promise.resolve(null);
  };
  /** Copies `text` as a quote with its source and, when one can be made, the link to the passage. */
  const copyQuote = (text: string, range: TextRange | null): void => {
    if (!source) return;
    void linkTo(range).then((link) => copy(formatQuote('quote', text, source, link), 'quoteCopied'));
  };
  /** What sharing a passage shares: the link to it (else the clean link), the clean title and the quote. */
  const sharedPassage = async (text: string, range: TextRange | null): Promise<SharedPage | null> =>
    source
      ? { url: (await linkTo(range)) ?? cleanUrl(source), title: cleanTitle(source) || source.url, quote: text }
      : null;
  /** The article's selection, as text and as a range of the article's text (null when it is not in the article). */
  const selectionInArticle = (): { text: string; range: TextRange | null } => {
    const selection = window.getSelection();
    const body = articleBody();
    return { text: selection?.toString() ?? '', range: body ? selectedRange(body, selection ?? null) : null };
  };
  const highlights = useHighlights(article, (key) => setToast(notice(key)));
  useArticleSelection(
    !!article,
    (anchor) =>
      setPopover((open) => (anchor ? { kind: 'selection', anchor } : open?.kind === 'selection' ? null : open)),
    (id, anchor) => setPopover({ kind: 'highlight', id, anchor, editing: false, takeFocus: false }),
  );

  /** Highlights the selection and opens its popover (focused: the key's and the note button's way in). */
  const highlightSelection = (color: HighlightColor, editing: boolean, takeFocus: boolean): boolean => {
    const anchor = selectionAnchor();
    const made = anchor ? highlights.create(color) : null;
    if (!made || !anchor) return false;
    setPopover(editing || takeFocus ? { kind: 'highlight', id: made.id, anchor, editing, takeFocus } : null);
    return true;
  };

  /** The key or toolbar button: inside a highlight, open it; on a selection, highlight it. */
  const highlightKey = (): void => {
    const body = articleBody();
    const selection = window.getSelection();
    const node = selection?.anchorNode;
    const mark = (node instanceof Element ? node : node?.parentElement)?.closest<HTMLElement>(MARK_SELECTOR);
    const id = mark?.dataset['highlight'];
    const item = id ? highlights.items.find((i) => i.highlight.id === id) : undefined;
    const chosen = body ? selectedRange(body, selection ?? null) : null;
    const within = item?.range && (!chosen || (chosen.start >= item.range.start && chosen.end <= item.range.end));
    if (mark && id && within) {
      const { top, bottom, left } = mark.getBoundingClientRect();
      return setPopover({ kind: 'highlight', id, anchor: { top, bottom, left }, editing: false, takeFocus: true });
    }
    if (!highlightSelection(DEFAULT_COLOR, false, true)) setToast(notice('selectToHighlight'));
  };

  const removeHighlight = (id: string): void => {
    const removed = highlights.remove(id);
    setPopover(null);
    if (removed) {
      setToast({
        ...notice('highlightRemoved'),
        kind: 'ok',
        action: { name: 'undo', label: t('undo'), run: () => highlights.restore(removed) },
      });
    }
  };

  /** Scrolls to a highlight and selects its text (the highlight key then opens it); a narrow window closes the panel. */
  const jumpTo = (id: string): void => {
    const item = highlights.items.find((i) => i.highlight.id === id);
    const body = articleBody();
    const range = item?.range && body ? domRange(body, item.range) : null;
    if (!range || !body) return;
    const mark = body.querySelector(`${MARK_SELECTOR}[data-highlight="${CSS.escape(id)}"]`);
    if (mark) scrollIntoViewSettled(mark, 'center');
    if (!window.matchMedia('(min-width: 54rem)').matches) {
      setPanel(null);
      document.getElementById('reader-main')?.focus({ preventScroll: true });
    }
    window.getSelection()?.removeAllRanges();
    window.getSelection()?.addRange(range);
  };

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
      case 'notes':
        if (!article) return;
        setHelpOpen(false);
        return panel === 'notes' ? closePanel() : setPanel('notes');
      case 'highlight':
        if (article) highlightKey();
        return;
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
        const { text, range } = selectionInArticle();
        if (!source) return;
        if (!text.trim()) return setToast(notice('selectTextFirst'));
        return copyQuote(text, range);
      }
      case 'save-to-library':
        if (article) void library.save().then(setToast);
        return;
      case 'library':
        void openPage('/library.html');
        return;
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
  // The popup's and the context menu's "save to library": once, when the article is shown.
  const savedOnOpen = useRef(false);
  // A page with no article says it wasn't saved rather than nothing; "show what was found anyway" then saves that.
  const toldNotSaved = useRef(false);
  useEffect(() => {
    if (!saveOnOpen || savedOnOpen.current) return;
    if (!article) {
      if ((notArticle || content.kind === 'message') && !toldNotSaved.current) {
        toldNotSaved.current = true;
        setToast(notice('libraryNothingToSave'));
      }
      return;
    }
    savedOnOpen.current = true;
    void library.save().then(setToast);
  }, [saveOnOpen, article, notArticle, content.kind]);

  const renderPopover = (open: PopoverState) => {
    if (!source) return null;
    const closeTo = (refocus: boolean): void => {
      setPopover(null);
      if (refocus && open.kind === 'highlight') document.getElementById('reader-main')?.focus({ preventScroll: true });
    };
    if (open.kind === 'selection') {
      return (
        <HighlightPopover
          key="selection"
          anchor={open.anchor}
          onColor={(color) => highlightSelection(color, false, false)}
          onNote={() => highlightSelection(DEFAULT_COLOR, true, true)}
          onSaveNote={() => undefined}
          onCopyQuote={() => {
            const { text, range } = selectionInArticle();
            setPopover(null);
            if (text.trim()) copyQuote(text, range);
          }}
          onShare={() => {
            const { text, range } = selectionInArticle();
            if (text.trim())
              void sharedPassage(text, range).then((page) => page && setPopover({ ...open, share: page }));
          }}
          shareMenu={open.share && settings ? <ShareMenu page={open.share} settings={settings} /> : undefined}
          onClose={closeTo}
        />
      );
    }
    const item = highlights.items.find((i) => i.highlight.id === open.id);
    if (!item) return null;
    const { highlight } = item;
    return (
      <HighlightPopover
        key={highlight.id}
        anchor={open.anchor}
        color={highlight.color}
        note={highlight.note}
        editing={open.editing}
        takeFocus={open.takeFocus}
        onColor={(color) => highlights.change(highlight.id, { color })}
        onNote={() => setPopover({ ...open, editing: true, takeFocus: true })}
        onSaveNote={(note) => {
          highlights.change(highlight.id, { note });
          setPopover({ ...open, editing: false, takeFocus: true });
        }}
        onCopyQuote={() => {
          setPopover(null);
          copyQuote(highlight.quote.exact, item.range);
        }}
        onShare={() =>
          void sharedPassage(highlight.quote.exact, item.range).then(
            (page) => page && setPopover({ ...open, editing: false, takeFocus: true, share: page }),
          )
        }
        shareMenu={open.share && settings ? <ShareMenu page={open.share} settings={settings} /> : undefined}
        onRemove={() => removeHighlight(highlight.id)}
        onClose={closeTo}
      />
    );
  };

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
          quoteLink={() => linkTo(selectionInArticle().range)}
          saved={library.saved}
        >
          {article && <ReadingProgress fraction={progress} readingMinutes={article.readingMinutes} />}
        </Toolbar>
      )}
      {settings && panel === 'typography' && (
        <TypographyPanel settings={settings} update={update} onClose={() => closePanel()} />
      )}
      {panel === 'toc' && outline.length > 0 && <TocPanel items={outline} onClose={closePanel} />}
      {article && panel === 'notes' && (
        <NotesPanel
          items={highlights.items.map(({ highlight, range }) => ({ highlight, orphaned: range === null }))}
          onJump={jumpTo}
          onSaveNote={(id, note) => highlights.change(id, { note })}
          onRemove={removeHighlight}
          onCopyMarkdown={() => copy({ text: exportMarkdown(article, highlights.items, locale) }, 'highlightsCopied')}
          onSaveMarkdown={() => saveHighlights(article, highlights.items, locale)}
          onSaveAll={(format) =>
            void highlights.all().then(
              (all) => saveAllHighlights(all, format, locale),
              () => setToast(notice('highlightsNotLoaded')),
            )
          }
          onClose={() => closePanel()}
          syncState={highlights.syncState}
        />
      )}
      <main class="reader-main" tabIndex={-1} id="reader-main">
        {content.kind === 'loading' && content.preview && (
          <FirstScreenView
            preview={content.preview.screen}
            url={content.preview.url}
            body={content.preview.body}
            locale={locale}
          />
        )}
        {content.kind === 'loading' && !content.preview && (
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
            {article.pages && <PagesNote pages={article.pages} locale={locale} />}
            {article.leadImage && <LeadImage image={article.leadImage} />}
            {content.kind === 'article' && content.body ? (
              <BuiltBody parts={content.body} long={article.html.length > LONG_ARTICLE} />
            ) : (
              <div
                class="article-body"
                data-lectern="article"
                data-long={article.html.length > LONG_ARTICLE ? '' : undefined}
                dangerouslySetInnerHTML={{ __html: article.html }}
              />
            )}
            <ArticleFooter article={article} locale={locale} />
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
      {popover && source && renderPopover(popover)}
      {helpOpen && <KeyHelp toggleShortcut={toggleShortcut} onClose={() => setHelpOpen(false)} />}
      <Toast message={toast} />
    </div>
  );
}
