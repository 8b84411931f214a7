import { render } from 'preact';
import { browser } from 'wxt/browser';
import { ReaderApp, type ReaderContent } from '@/components/reader/ReaderApp';
import { savedArticle } from '@/components/reader/features/saved-article';
import { markFirstScreen, openingScreen } from '@/components/reader/features/first-screen';
import { articleParts } from '@/components/reader/features/article-parts';
import { nextTask, parseInSteps } from '@/components/reader/features/steps';
import {
  closeReader,
  flushSettings,
  t,
  uiLanguage,
  runInPage,
  fetchInPage,
  type PageSnapshot,
  sendToExtension,
  loadSettings,
} from '@/utils/browser';
import { extractInParts, extractSelection, joinPages } from '@/utils/extract';
import { readerParams } from '@/utils/reader';
import { UNREACHABLE_MESSAGES, isPdf, unreachableReason, type Unreachable } from '@/utils/detect';
import type { Settings } from '@/utils/settings';
import '@/components/shared/fonts.css';
import '@/components/shared/theme.css';
import './style.css';

performance.mark('lectern:start');

// The reader page: takes a snapshot of the article's tab, extracts it here (never in the page) and renders it; or
// shows an article kept in the library (reader.html?saved=<id>).
const { sourceTabId, print: printOnOpen, saved, save: saveOnOpen } = readerParams(location.search);
const locale = uiLanguage();
const app = document.getElementById('app')!;
document.documentElement.lang = locale;
document.title = t('readerTitle');

let toggleShortcut: string | null = null;
let settings: Settings | null = null;
/** Markup longer than this takes seconds to extract: the article's opening is shown first. */
const FIRST_SCREEN_MARKUP = 1_000_000;
let loadingShown: () => void = () => undefined;
/** The loading screen is up, in the user's theme (the settings are read). */
const loadingUp = new Promise<void>((resolve) => (loadingShown = resolve));
const opening = openingScreen((content) => show(content), loadingUp);
// The last setting changed is written before the tab goes.
const close = (): void => void flushSettings().finally(() => closeReader(sourceTabId));

function show(content: ReaderContent): void {
  render(
    <ReaderApp
      content={content}
      locale={locale}
      toggleShortcut={toggleShortcut}
      printOnOpen={printOnOpen}
      initialSettings={settings}
      onClose={close}
      fromLibrary={saved !== null}
      saveOnOpen={saveOnOpen}
    />,
    app,
  );
}

/** A very large page's opening, which the background asked for just before the snapshot, shown as it arrives. */
async function showOpening(tabId: number): Promise<void> {
  const sent = await sendToExtension({ type: 'prefetched-opening', tabId }).catch(() => null);
  if (!sent) return;
  performance.mark('lectern:opening');
  await opening.show(new DOMParser().parseFromString(sent.html, 'text/html'), sent.url, 'opening');
}

/** The page's snapshot, or 'loading' while its markup is still arriving. */
async function takeSnapshot(tabId: number): Promise<PageSnapshot | 'loading'> {
  // The background asked the page while this tab was opening; it usually has the snapshot ready.
  const ready = await sendToExtension({ type: 'prefetched-snapshot', tabId }).catch(() => null);
  if (ready) {
    performance.mark('lectern:prefetched');
    return ready;
  }
  return runInPage(tabId, '/snapshot.js', true);
}

/** What the reader shows, and whether the page was still loading (then it is read again once it has loaded). */
interface Loaded {
  content: ReaderContent;
  pageLoading: boolean;
}

function message(reason: Unreachable, url: string | null): Loaded {
  return { content: { kind: 'message', ...UNREACHABLE_MESSAGES[reason], url }, pageLoading: reason === 'page-loading' };
}

/** An article from the library (see components/reader/features/saved-article.ts), or why it can't be shown. */
async function loadSaved(id: string): Promise<Loaded> {
  const found = await savedArticle(id);
  if (found.article) return { content: { kind: 'article', article: found.article }, pageLoading: false };
  const content: ReaderContent = {
    kind: 'message',
    title: 'savedArticleMissingTitle',
    body: 'savedArticleMissingBody',
    url: found.url,
  };
  return { content, pageLoading: false };
}

async function load(): Promise<Loaded> {
  if (saved !== null) return loadSaved(saved);
  if (sourceTabId === null) return message('closed', null);
  void showOpening(sourceTabId);
  let snapshot;
  try {
    snapshot = await takeSnapshot(sourceTabId);
  } catch {
    const tab = await browser.tabs.get(sourceTabId).catch(() => null);
    return message(unreachableReason(tab), tab?.url ?? null);
  }
  if (snapshot === 'loading') {
    const tab = await browser.tabs.get(sourceTabId).catch(() => null);
    return message('page-loading', tab?.url ?? null);
  }
  performance.mark('lectern:snapshot');
  if (isPdf(snapshot.contentType || null, snapshot.url)) return message('pdf', snapshot.url);
  // A very large page's markup is parsed a step at a time, the reader answering between steps.
  const large = snapshot.html.length > FIRST_SCREEN_MARKUP;
  const doc = large
    ? await parseInSteps(snapshot.html, nextTask)
    : new DOMParser().parseFromString(snapshot.html, 'text/html');
  performance.mark('lectern:parsed');
  // No opening from the page (the reader asked for the snapshot itself, or the page sent none): one from the markup.
  if (large) {
    await opening.show(doc, snapshot.url, 'markup');
    await nextTask();
  }
  const tabId = sourceTabId;
  // A very large article comes a part at a time, the reader answering between parts, which grow under its opening.
  const parts = articleParts();
  const first = await extractInParts(doc, snapshot.url, {
    pause: nextTask,
    // The parsed copy is the reader's own: a large article's parts may take its blocks (not those with links).
    consume: true,
    onPart: (html, index) => {
      parts.append(html);
      if (index === 0) opening.grow(parts);
    },
  });
  // After a large page's last part, the rest (joining, rendering) in a step of its own.
  if (large) await nextTask();
  // A multi-page article: the pages after this one, fetched by the page (its cookies), joined into one.
  const found = first && (await joinPages(first, doc, (url, ms) => fetchInPage(tabId, url, ms)));
  // No article: what the user selected is the next best thing to read.
  const article = found ?? extractSelection(doc, snapshot.url, snapshot.selectionHtml);
  performance.mark('lectern:extracted');
  // The badge and the popup say what the reader found (the quick check in the page can't see this far).
  void sendToExtension({
    type: 'reader-verdict',
    tabId: sourceTabId,
    url: snapshot.url,
    article: !!found && found.verdict.article,
  }).catch(() => undefined);
  const content: ReaderContent = article
    ? {
        kind: 'article',
        article,
        original: snapshot.html,
        // Built from the parts, which are the article unless other pages were joined to it.
        body: article === first && parts.built ? parts : undefined,
      }
    : { kind: 'message', title: 'noArticleTitle', body: 'noArticleBody', url: snapshot.url };
  return { content, pageLoading: false };
}

/** A page whose markup was still arriving: read it once it has loaded. */
function readWhenLoaded(tabId: number): void {
  const onUpdated = (id: number, change: { status?: string }): void => {
    if (id !== tabId || change.status !== 'complete') return;
    browser.tabs.onUpdated.removeListener(onUpdated);
    show({ kind: 'loading' });
    void load().then(({ content }) => show(content));
  };
  browser.tabs.onUpdated.addListener(onUpdated);
}

async function main(): Promise<void> {
  // The snapshot first: everything else happens while it travels.
  const loaded = load();
  // The settings before the first frame, so even the loading screen is in the user's theme.
  settings = await loadSettings();
  show({ kind: 'loading' });
  loadingShown();
  const commands = await browser.commands.getAll().catch(() => []);
  toggleShortcut = commands.find((c) => c.name === 'toggle-reader')?.shortcut || null;
  const { content, pageLoading } = await loaded;
  opening.whole();
  show(content);
  performance.mark('lectern:rendered');
  if (pageLoading && sourceTabId !== null) {
    readWhenLoaded(sourceTabId);
  }
  document.getElementById('reader-main')?.focus({ preventScroll: true });
  markPainted();
}

/**
 * Marks the first frame after the content is shown (`npm run bench` reads it as "time to reader", and the marks
 * before it as the steps on the way); it is the first screen too, unless the article's opening came first.
 */
function markPainted(): void {
  requestAnimationFrame(() =>
    setTimeout(() => {
      markFirstScreen();
      performance.mark('lectern:painted');
    }, 0),
  );
}

void main();
