import { normalizeHighlight, type Highlight } from '@/utils/annotate';
import { normalizeBody, normalizeEntry, type LibraryBody, type LibraryEntry, type LibraryImage } from './record';

/**
 * The library's backup file: one JSON document with everything the user made — every saved article whole (entry,
 * body, images as base64 with their types) and the highlights and notes kept for it — named by a format and a version
 * so an import can tell a Lectern backup from any other JSON, and a newer one from this one. Pure: the adapter
 * (utils/browser/library-backup.ts) reads and writes the databases.
 */
export const BACKUP_FORMAT = 'lectern-library-backup';
export const BACKUP_VERSION = 1;

/** An article as the backup carries it, and as a restore writes it: all of it in one record. */
export interface BackupArticle {
  entry: LibraryEntry;
  body: LibraryBody | null;
  images: LibraryImage[];
  highlights: Highlight[];
}

/** Why a file can't be restored: it is cut short or broken, it isn't a Lectern backup, or a newer Lectern made it. */
export type BackupProblem = 'damaged' | 'foreign' | 'newer';

export type ReadBackup = { ok: true; articles: BackupArticle[] } | { ok: false; problem: BackupProblem };

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const CODES = Uint8Array.from(ALPHABET, (c) => c.charCodeAt(0));
/** Each base64 character's value; 255: not base64. */
const VALUES = new Uint8Array(256).fill(255);
for (let i = 0; i < ALPHABET.length; i++) VALUES[ALPHABET.charCodeAt(i)] = i;

/** The browsers' own base64 (Firefox 133, Chromium 140 on), else ours: btoa/atob over binary strings is slow in Node. */
type NativeBase64 = { toBase64?: () => string };
type NativeFromBase64 = { fromBase64?: (text: string) => Uint8Array<ArrayBuffer> };

function toBase64(bytes: Uint8Array): string {
  const native = (bytes as NativeBase64).toBase64;
  if (native) return native.call(bytes);
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  let o = 0;
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[o++] = CODES[n >> 18]!;
    out[o++] = CODES[(n >> 12) & 63]!;
    out[o++] = CODES[(n >> 6) & 63]!;
    out[o++] = CODES[n & 63]!;
  }
  if (i < bytes.length) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8);
    out[o++] = CODES[n >> 18]!;
    out[o++] = CODES[(n >> 12) & 63]!;
    out[o++] = i + 1 < bytes.length ? CODES[(n >> 6) & 63]! : 61;
    out[o++] = 61;
  }
  return new TextDecoder('latin1').decode(out);
}

/** The bytes of base64 text; throws on anything that isn't base64 (a damaged file). */
function fromBase64(data: string): Uint8Array<ArrayBuffer> {
  const native = (Uint8Array as NativeFromBase64).fromBase64;
  if (native) return native(data);
  const text = data.replace(/=+$/, '');
  if (text.length % 4 === 1) throw new Error('not base64');
  const bytes = new Uint8Array(Math.floor((text.length * 3) / 4));
  const value = (i: number): number => {
    const v = VALUES[text.charCodeAt(i)] ?? 255;
    if (v === 255) throw new Error('not base64');
    return v;
  };
  let o = 0;
  let i = 0;
  for (; i + 3 < text.length; i += 4) {
    const n = (value(i) << 18) | (value(i + 1) << 12) | (value(i + 2) << 6) | value(i + 3);
    bytes[o++] = n >> 16;
    bytes[o++] = (n >> 8) & 255;
    bytes[o++] = n & 255;
  }
  // The last 2 or 3 characters: 1 or 2 bytes.
  if (i < text.length) {
    const n = (value(i) << 18) | (value(i + 1) << 12) | (i + 2 < text.length ? value(i + 2) << 6 : 0);
    bytes[o++] = n >> 16;
    if (i + 2 < text.length) bytes[o++] = (n >> 8) & 255;
  }
  return bytes;
}

/**
 * The backup file's text, in parts (one per article, so a library of images is never one giant string in memory),
 * ready for `new Blob(parts)`. `pause` lets the page breathe between articles.
 */
export async function backupParts(
  articles: Iterable<BackupArticle>,
  exported: Date,
  pause: () => Promise<void> = () => Promise.resolve(),
): Promise<string[]> {
  const head = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exported: exported.toISOString() };
  const parts = [`${JSON.stringify(head).slice(0, -1)},"articles":[`];
  let first = true;
  for (const { entry, body, images, highlights } of articles) {
    const encoded = [];
    for (const image of images) {
      encoded.push({
        src: image.src,
        type: image.blob.type,
        data: toBase64(new Uint8Array(await image.blob.arrayBuffer())),
      });
    }
    parts.push(`${first ? '' : ','}\n${JSON.stringify({ entry, body, images: encoded, highlights })}`);
    first = false;
    await pause();
  }
  parts.push('\n]}\n');
  return parts;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** Past this many bytes of images decoded, the page gets a moment (a 50 MB backup never freezes it for long). */
const BYTES_BETWEEN_PAUSES = 1024 * 1024;

/**
 * A backup file's text read whole and checked whole before anything is written: any damaged article makes the file
 * damaged (a restore is all or nothing), another kind of JSON is foreign, a later version is newer.
 */
export async function readBackup(
  text: string,
  pause: () => Promise<void> = () => Promise.resolve(),
): Promise<ReadBackup> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return {
      ok: false,
      problem: /^\s*\{\s*"format"\s*:\s*"lectern-library-backup"/.test(text) ? 'damaged' : 'foreign',
    };
  }
  if (!isRecord(parsed) || parsed['format'] !== BACKUP_FORMAT) return { ok: false, problem: 'foreign' };
  // Parsing was one long step (it can't be split); the page gets a moment before the images are decoded.
  await pause();
  const version = parsed['version'];
  if (typeof version === 'number' && Number.isInteger(version) && version > BACKUP_VERSION) {
    return { ok: false, problem: 'newer' };
  }
  if (version !== BACKUP_VERSION || !Array.isArray(parsed['articles'])) return { ok: false, problem: 'damaged' };
  const articles: BackupArticle[] = [];
  let sincePause = 0;
  for (const raw of parsed['articles']) {
    const article = isRecord(raw) ? readArticle(raw) : null;
    if (!article) return { ok: false, problem: 'damaged' };
    articles.push(article);
    sincePause += article.images.reduce((sum, image) => sum + image.blob.size, 0);
    if (sincePause > BYTES_BETWEEN_PAUSES) {
      sincePause = 0;
      await pause();
    }
  }
  return { ok: true, articles };
}

function readArticle(raw: Record<string, unknown>): BackupArticle | null {
  const entry = normalizeEntry(raw['entry']);
  if (!entry) return null;
  const body = raw['body'] === null ? null : normalizeBody(raw['body']);
  if ((raw['body'] !== null && !body) || (body && body.id !== entry.id)) return null;
  if (!Array.isArray(raw['images']) || !Array.isArray(raw['highlights'])) return null;
  const images: LibraryImage[] = [];
  for (const image of raw['images'] as unknown[]) {
    if (!isRecord(image) || typeof image['src'] !== 'string' || typeof image['data'] !== 'string') return null;
    const type = typeof image['type'] === 'string' ? image['type'] : '';
    try {
      images.push({ articleId: entry.id, src: image['src'], blob: new Blob([fromBase64(image['data'])], { type }) });
    } catch {
      return null;
    }
  }
  const highlights: Highlight[] = [];
  for (const value of raw['highlights'] as unknown[]) {
    const highlight = normalizeHighlight(value);
    if (!highlight) return null;
    highlights.push(highlight);
  }
  return { entry, body, images, highlights };
}

/** Whether the backup's copy of an article replaces the local one: a read article beats a queued link, then the newer. */
function incomingWins(local: LibraryEntry, incoming: LibraryEntry): boolean {
  if (local.pending !== incoming.pending) return local.pending;
  return incoming.updatedAt > local.updatedAt;
}

export interface RestorePlan {
  /** Articles to write whole (entry, body, images replacing the kept ones). */
  articles: BackupArticle[];
  /** Highlights to write (new, or newer than the local copy). */
  highlights: Highlight[];
  /** Articles new to the library or newer in the backup; already there (the local copy as new or newer). */
  restored: number;
  already: number;
}

/**
 * What a restore writes, given what the library has: an article new to it, or newer in the backup by its own stamps,
 * is written whole; otherwise the local one stays. Highlights merge one by one (a local one is never dropped, only
 * replaced by a newer edit of itself). Restoring the same file again writes nothing.
 */
export function planRestore(
  incoming: readonly BackupArticle[],
  localEntries: ReadonlyMap<string, LibraryEntry>,
  localHighlights: ReadonlyMap<string, Highlight>,
): RestorePlan {
  const chosen = new Map<string, BackupArticle>();
  for (const article of incoming) {
    const other = chosen.get(article.entry.id);
    if (!other || incomingWins(other.entry, article.entry)) chosen.set(article.entry.id, article);
  }
  const articles: BackupArticle[] = [];
  let already = 0;
  for (const article of chosen.values()) {
    const local = localEntries.get(article.entry.id);
    if (!local || incomingWins(local, article.entry)) articles.push(article);
    else already++;
  }
  const highlights = new Map<string, Highlight>();
  for (const highlight of incoming.flatMap((article) => article.highlights)) {
    const known = highlights.get(highlight.id) ?? localHighlights.get(highlight.id);
    if (!known || highlight.updated > known.updated) highlights.set(highlight.id, highlight);
  }
  return { articles, highlights: [...highlights.values()], restored: articles.length, already };
}
