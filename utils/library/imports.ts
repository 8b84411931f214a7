import { normalizeTags, type LibraryEntry } from './record';
import { pendingEntry } from './state';

/**
 * Reading lists from other read-later services as queued links (no body: each article is read when first opened, as a
 * link saved from the context menu is): Pocket's HTML export and its later CSV, Instapaper's CSV. Pure: the library
 * page hands in the file's text (and, for HTML, the parsed document).
 */

/** One link of an imported list, before it becomes an entry. */
export interface ImportItem {
  url: string;
  title: string;
  /** When it was saved there (ms since 1970), or null when the file doesn't say. */
  savedAt: number | null;
  tags: string[];
  archived: boolean;
}

export type ImportKind = 'backup' | 'pocket-html' | 'pocket-csv' | 'instapaper-csv';

/**
 * RFC 4180 CSV: fields separated by commas, rows by CRLF or LF; a quoted field may hold commas, line breaks and
 * doubled quotes. A byte order mark is dropped; blank lines are skipped.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRow = (): void => {
    row.push(field);
    if (row.length > 1 || row[0] !== '') rows.push(row);
    row = [];
    field = '';
  };
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else field += c;
  }
  if (field !== '' || row.length) endRow();
  return rows;
}

const header = (row: readonly string[] | undefined): string[] => (row ?? []).map((cell) => cell.trim().toLowerCase());

/** What a file is, by its content (its name can lie): a backup (JSON), Pocket's HTML, Pocket's or Instapaper's CSV. */
export function sniffImport(text: string): ImportKind | null {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{')) return 'backup';
  if (start.startsWith('<')) return 'pocket-html';
  const firstLine = start.slice(0, 1000).split(/\r?\n/, 1)[0] ?? '';
  const columns = header(parseCsv(firstLine)[0]);
  if (columns.includes('url') && columns.includes('time_added')) return 'pocket-csv';
  if (columns.includes('url') && columns.includes('folder')) return 'instapaper-csv';
  return null;
}

/** A time in seconds (what both services write) or milliseconds, as ms; null when it isn't one. */
function time(value: string | null | undefined): number | null {
  const n = Number(value?.trim());
  if (!value?.trim() || !Number.isFinite(n) || n <= 0) return null;
  return Math.round(n < 1e11 ? n * 1000 : n);
}

/** Tags written as a JSON list (`["a","b"]`) or separated by commas or bars. */
function tagList(value: string | null | undefined): string[] {
  const text = value?.trim() ?? '';
  if (text.startsWith('[')) {
    try {
      const list: unknown = JSON.parse(text);
      if (Array.isArray(list)) return normalizeTags(list.map((tag) => (typeof tag === 'string' ? tag : '')));
    } catch {
      // Not JSON after all: split it as text.
    }
  }
  return normalizeTags(text.split(/[,|]/));
}

/**
 * Pocket's HTML export: links under `<h1>Unread</h1>` and `<h1>Read Archive</h1>`, each `<a href time_added tags>`.
 * A link belongs to the heading before it; the archive's heading is the one that names the archive.
 */
export function pocketHtmlItems(doc: Pick<Document, 'querySelectorAll'>): ImportItem[] {
  const items: ImportItem[] = [];
  let archived = false;
  for (const el of doc.querySelectorAll('h1, h2, a[href]')) {
    if (el.tagName !== 'A') {
      archived = /archive/i.test(el.textContent ?? '');
      continue;
    }
    items.push({
      url: el.getAttribute('href') ?? '',
      title: (el.textContent ?? '').trim(),
      savedAt: time(el.getAttribute('time_added')),
      tags: tagList(el.getAttribute('tags')),
      archived,
    });
  }
  return items;
}

/** Pocket's CSV (`title,url,time_added,tags,status`, tags split by `|`) or Instapaper's (`URL,Title,Selection,Folder,Timestamp[,Tags]`). */
export function csvItems(text: string, kind: 'pocket-csv' | 'instapaper-csv'): ImportItem[] {
  const [head, ...rows] = parseCsv(text);
  const columns = header(head);
  const at = (row: readonly string[], name: string): string => row[columns.indexOf(name)] ?? '';
  return rows.map((row) => {
    if (kind === 'pocket-csv') {
      return {
        url: at(row, 'url').trim(),
        title: at(row, 'title').trim(),
        savedAt: time(at(row, 'time_added')),
        tags: tagList(at(row, 'tags')),
        archived: /^archive/i.test(at(row, 'status').trim()),
      };
    }
    // Instapaper's folders: Unread, Archive, Starred, or one the user made (kept as a tag, as the folder was a label).
    const folder = at(row, 'folder').trim();
    const archived = folder.toLowerCase() === 'archive';
    const folderTag = archived || !folder || folder.toLowerCase() === 'unread' ? [] : [folder];
    return {
      url: at(row, 'url').trim(),
      title: at(row, 'title').trim(),
      savedAt: time(at(row, 'timestamp')),
      tags: normalizeTags([...folderTag, ...tagList(at(row, 'tags'))]),
      archived,
    };
  });
}

export interface ImportPlan {
  /** Entries to write: the new ones, and those already there that gain tags. */
  entries: LibraryEntry[];
  imported: number;
  already: number;
  /** Links that aren't http(s) addresses. */
  skipped: number;
}

const isWebAddress = (url: string): boolean => {
  try {
    return /^https?:$/.test(new URL(url).protocol);
  } catch {
    return false;
  }
};

/**
 * The entries an imported list adds: each link queued unread (archived when it was archived there), saved on the date
 * it was saved there, with its tags. One address is one entry: a link twice in the file is merged, and one already
 * in the library keeps everything it has, gaining only the file's tags. Importing the same file again adds nothing.
 */
export function planImport(
  items: readonly ImportItem[],
  existing: ReadonlyMap<string, LibraryEntry>,
  now: number,
): ImportPlan {
  const added = new Map<string, LibraryEntry>();
  const touched = new Map<string, LibraryEntry>();
  let skipped = 0;
  for (const item of items) {
    if (!isWebAddress(item.url)) {
      skipped++;
      continue;
    }
    const savedAt = item.savedAt ?? now;
    const fresh = pendingEntry(item.url, item.title, savedAt, null);
    const local = existing.get(fresh.id);
    if (local) {
      const base = touched.get(local.id) ?? local;
      const tags = normalizeTags([...base.tags, ...item.tags]);
      if (tags.length !== base.tags.length) touched.set(local.id, { ...base, tags, updatedAt: now });
      else if (!touched.has(local.id)) touched.set(local.id, base);
      continue;
    }
    const twin = added.get(fresh.id);
    added.set(fresh.id, {
      ...fresh,
      title: twin?.title || fresh.title,
      savedAt: Math.min(twin?.savedAt ?? savedAt, savedAt),
      updatedAt: Math.min(twin?.savedAt ?? savedAt, savedAt),
      tags: normalizeTags([...(twin?.tags ?? []), ...item.tags]),
      state: twin?.state === 'archived' || item.archived ? 'archived' : 'unread',
    });
  }
  const changed = [...touched.values()].filter((entry) => entry !== existing.get(entry.id));
  return { entries: [...added.values(), ...changed], imported: added.size, already: touched.size, skipped };
}
