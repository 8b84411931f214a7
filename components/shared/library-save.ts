import { openLibraryStore, openPage, t, type LibraryStore, type MessageKey } from '@/utils/browser';
import {
  IMAGE_MAX_WIDTH,
  chooseImages,
  entryToSave,
  imageSources,
  libraryId,
  type ArticleToSave,
  type ImageCandidate,
  type LibraryEntry,
} from '@/utils/library';
import { notice } from './copy-link';
import type { ToastMessage } from './Toast';
import { cleanUrl } from '@/utils/share';

/** How long one image may take to arrive before it is left out (a slow server doesn't hold the save). */
const IMAGE_TIMEOUT_MS = 15_000;
/** Images read at the same time. */
const PARALLEL = 4;

function timeout(ms: number): Promise<null> {
  return new Promise((resolve) => setTimeout(() => resolve(null), ms));
}

/**
 * One image as a blob, read through a canvas: Lectern's pages may not fetch (their policy says connect-src 'none'),
 * but an image may load, and with `crossOrigin` the browser lets an extension with access to the image's site read
 * its pixels (Firefox taints the canvas otherwise). Wide images are scaled down; WebP keeps them small (PNG where the
 * browser can't write WebP). Null when the image can't be read.
 */
async function readImage(src: string): Promise<Blob | null> {
  const image = new Image();
  image.crossOrigin = 'anonymous';
  image.decoding = 'async';
  image.src = src;
  const decoded = await Promise.race([
    image.decode().then(
      () => true,
      () => false,
    ),
    timeout(IMAGE_TIMEOUT_MS),
  ]);
  if (!decoded || !image.naturalWidth || !image.naturalHeight) return null;
  const scale = Math.min(1, IMAGE_MAX_WIDTH / image.naturalWidth);
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(image.naturalWidth * scale));
  canvas.height = Math.max(1, Math.round(image.naturalHeight * scale));
  const context = canvas.getContext('2d');
  if (!context) return null;
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  try {
    return await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/webp', 0.85));
  } catch {
    // A canvas the browser considers tainted (no access to the image's site): the image is left out.
    return null;
  }
}

/** The article's images, read a few at a time, in the article's order. */
async function readImages(sources: readonly string[]): Promise<Array<ImageCandidate<Blob>>> {
  const out: Array<ImageCandidate<Blob>> = new Array(sources.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < sources.length) {
      const i = next++;
      const blob = await readImage(sources[i]!);
      out[i] = { src: sources[i]!, data: blob, bytes: blob?.size ?? 0 };
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, sources.length) }, worker));
  return out;
}

export type SaveOutcome = { ok: true; entry: LibraryEntry; left: number } | { ok: false; problem: MessageKey };

/** Why a write failed, in the user's words: the storage is full, or the browser refused it. */
function problemOf(error: unknown): MessageKey {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  return name === 'QuotaExceededError' ? 'libraryFull' : 'libraryNotSaved';
}

/**
 * Saves an article (as extraction gave it: sanitized) with its images into the library: a new entry, or the same
 * entry updated when it was saved before. Nothing already saved is lost if the write fails.
 */
export async function saveToLibrary(
  article: ArticleToSave,
  store: LibraryStore = openLibraryStore(),
): Promise<SaveOutcome> {
  try {
    const doc = new DOMParser().parseFromString(article.html, 'text/html');
    const sources = imageSources(doc);
    if (article.leadImage && /^https?:/i.test(article.leadImage.src) && !sources.includes(article.leadImage.src))
      sources.unshift(article.leadImage.src);
    // A link queued unread is filed under its own clean address, which the page's canonical may differ from.
    const queued = cleanUrl({ url: article.url });
    const [saved, pending, candidates] = await Promise.all([
      store.entry(libraryId(article)).catch(() => null),
      queued === libraryId(article) ? null : store.entry(queued).catch(() => null),
      readImages(sources),
    ]);
    const existing = saved ?? (pending?.pending ? pending : null);
    const { kept, left } = chooseImages(candidates);
    const { entry, body } = entryToSave(article, { kept: kept.length, left }, Date.now(), existing);
    await store.save(
      entry,
      body,
      kept.map(({ src, data }) => ({ articleId: entry.id, src, blob: data })),
    );
    if (pending?.pending) await store.remove([queued]).catch(() => undefined);
    return { ok: true, entry, left };
  } catch (error) {
    return { ok: false, problem: problemOf(error) };
  }
}

/** The confirmation of a save, with "Open library"; or what went wrong. */
export function saveToast(outcome: SaveOutcome): ToastMessage {
  if (!outcome.ok) return notice(outcome.problem);
  return {
    ...notice('savedToLibrary'),
    text: outcome.left ? t('savedToLibraryImagesLeft', String(outcome.left)) : t('savedToLibrary'),
    kind: 'ok',
    action: { name: 'open-library', label: t('openLibrary'), run: () => void openPage('/library.html') },
  };
}
