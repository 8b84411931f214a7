import { render } from 'preact';
import { browser } from 'wxt/browser';
import { ReaderApp, type ReaderContent } from '@/components/reader/ReaderApp';
import { savedArticle } from '@/components/reader/features/saved-article';
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
import { extractArticle, extractSelection, firstScreen, joinPages } from '@/utils/extract';
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

/** The next frame, or nothing to wait for in a tab that isn't drawn (a hidden tab gets no frames). */
function nextFrame(): Promise<void> {
  if (document.visibilityState === 'hidden') return Promise.resolve();
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** A very large article's opening on screen before the seconds its full extraction takes. */
async function showFirstScreen(doc: Document, url: string): Promise<void> {
  const screen = firstScreen(doc, url);
  if (!screen) return;
  await loadingUp;
  show({ kind: 'loading', preview: { screen, url } });
  await nextFrame();
  markFirstScreen();
}

/** When the first screen was up, and the opening of what it showed (`npm run bench` and the tests read it). */
function markFirstScreen(): void {
  const main = document.getElementById('reader-main');
  let text = '';
  // Text node by node, so that a long article isn't read whole for a thousand characters.
  const walker = document.createTreeWalker(main ?? document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node && text.length < 1_000; node = walker.nextNode()) {
    const value = (node as Text).data.replace(/\s+/g, ' ').trim();
    if (value) text += text ? ` ${value}` : value;
  }
  performance.mark('lectern:first-screen', { detail: { text: text.slice(0, 1_000) } });
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
  const doc = new DOMParser().parseFromString(snapshot.html, 'text/html');
  performance.mark('lectern:parsed');
  if (snapshot.html.length > FIRST_SCREEN_MARKUP) await showFirstScreen(doc, snapshot.url);
  // No article: what the user selected is the next best thing to read.
  const tabId = sourceTabId;
  const first = extractArticle(doc, snapshot.url);
  // A multi-page article: the pages after this one, fetched by the page (its cookies), joined into one.
  const found = first && (await joinPages(first, doc, (url, ms) => fetchInPage(tabId, url, ms)));
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
    ? { kind: 'article', article, original: snapshot.html }
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
      if (!performance.getEntriesByName('lectern:first-screen').length) markFirstScreen();
      performance.mark('lectern:painted');
    }, 0),
  );
}

void main();
