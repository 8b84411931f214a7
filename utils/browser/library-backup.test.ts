import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Highlight } from '@/utils/annotate';
import {
  backupParts,
  entryToSave,
  isLibraryTombstone,
  mergeLibrary,
  readBackup,
  type BackupArticle,
  type LibraryImage,
} from '@/utils/library';
import { openHighlightStore } from './highlight-store';
import { openLibraryBackup } from './library-backup';
import { openLibraryStore } from './library-store';

const saved = (name: string, now = 100) =>
  entryToSave(
    {
      url: `https://example.com/${name}`,
      canonical: null,
      title: `Title ${name}`,
      byline: 'A. Writer',
      siteName: 'Example',
      published: '2024-05-01',
      lang: 'en',
      dir: name === 'c' ? 'rtl' : 'ltr',
      excerpt: `about ${name}`,
      html: `<p>words of ${name}</p><img src="https://img.test/${name}.png">`,
      text: `words of ${name}`,
      wordCount: 3,
      readingMinutes: 1,
      leadImage: name === 'b' ? { src: 'https://img.test/lead.jpg', alt: 'lead' } : null,
    },
    { kept: 2, left: 1 },
    now,
    null,
  );

const image = (articleId: string, src: string, type: string, seed: number): LibraryImage => ({
  articleId,
  src,
  blob: new Blob([Uint8Array.from({ length: 2000 + seed }, (_, i) => (i * seed) % 256)], { type }),
});

const highlight = (id: string, url: string, note: string, updated = 5): Highlight => ({
  id,
  url,
  color: 'blue',
  note,
  quote: { type: 'TextQuoteSelector', exact: 'words', prefix: '', suffix: ' of' },
  position: { type: 'TextPositionSelector', start: 0, end: 5 },
  created: 2,
  updated,
  title: 'Title',
  site: 'Example',
});

/** Everything the user has, with images' bytes spelled out so deep equality covers them. */
async function everything() {
  const articles = await openLibraryBackup().articles();
  const out = [];
  for (const { entry, body, images, highlights } of articles.sort((x, y) => x.entry.id.localeCompare(y.entry.id))) {
    const bytes = [];
    for (const img of images.sort((x, y) => x.src.localeCompare(y.src))) {
      bytes.push({
        src: img.src,
        articleId: img.articleId,
        type: img.blob.type,
        bytes: [...new Uint8Array(await img.blob.arrayBuffer())],
      });
    }
    out.push({ entry, body, images: bytes, highlights: highlights.sort((x, y) => x.id.localeCompare(y.id)) });
  }
  return out;
}

async function fillLibrary(): Promise<void> {
  const store = openLibraryStore();
  const highlights = openHighlightStore();
  for (const [i, name] of ['a', 'b', 'c'].entries()) {
    const { entry, body } = saved(name);
    await store.save(entry, body, [
      image(entry.id, `https://img.test/${name}.png`, 'image/png', i + 3),
      image(entry.id, `https://img.test/${name}-2.webp`, 'image/webp', i + 11),
    ]);
    await highlights.save(highlight(`h-${name}`, entry.id, `note on ${name}`));
  }
  await store.update(saved('a').entry.id, { progress: 0.4, tags: ['sea', 'history'] });
  await store.update(saved('c').entry.id, { state: 'archived' });
}

const backupText = async (): Promise<string> =>
  (await backupParts(await openLibraryBackup().articles(), new Date())).join('');

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('library backup and restore over IndexedDB', () => {
  it('back up, wipe, restore: the same library, images byte for byte, highlights and notes; again changes nothing', async () => {
    await fillLibrary();
    const before = await everything();
    expect(before).toHaveLength(3);
    expect(before[0]!.images).toHaveLength(2);
    const text = await backupText();

    globalThis.indexedDB = new IDBFactory();
    expect(await everything()).toEqual([]);
    const read = await readBackup(text);
    if (!read.ok) throw new Error(read.problem);
    expect(await openLibraryBackup().restore(read.articles)).toEqual({ restored: 3, already: 0 });
    expect(await everything()).toEqual(before);

    // Twice: nothing written, same ids, same records.
    expect(await openLibraryBackup().restore(read.articles)).toEqual({ restored: 0, already: 3 });
    expect(await everything()).toEqual(before);
  });

  it('deleted here, then restored or imported again: alive, and its deletion no longer wins when sync merges', async () => {
    await fillLibrary();
    const text = await backupText();
    const store = openLibraryStore();
    const ids = (await store.entries()).map((entry) => entry.id);
    await store.remove(ids);
    const deletions = (await store.syncRecords()).filter(isLibraryTombstone);
    expect(deletions).toHaveLength(3);
    const read = await readBackup(text);
    if (!read.ok) throw new Error(read.problem);
    expect(await openLibraryBackup().restore(read.articles)).toEqual({ restored: 3, already: 0 });
    const records = await store.syncRecords();
    expect(records.filter(isLibraryTombstone)).toEqual([]);
    // Another browser that heard of the deletions keeps the restored articles when it merges.
    expect(mergeLibrary(deletions, records).filter(isLibraryTombstone)).toEqual([]);

    // The same for a link imported again after its entry was deleted here.
    await store.remove([saved('a').entry.id]);
    const [gone] = (await store.syncRecords()).filter(isLibraryTombstone);
    const item = { url: 'https://example.com/a', title: 'A', savedAt: 1, tags: [], archived: false };
    expect(await openLibraryBackup().addList([item], 5000)).toEqual({ imported: 1, already: 0, skipped: 0 });
    const back = await store.syncRecords();
    expect(back.filter(isLibraryTombstone)).toEqual([]);
    expect(mergeLibrary([gone!], back).filter(isLibraryTombstone)).toEqual([]);
  });

  it('an article changed since the backup stays as it is now, and keeps its new highlight', async () => {
    await fillLibrary();
    const text = await backupText();
    const id = saved('a').entry.id;
    await openLibraryStore().update(id, { progress: 0.9 });
    await openHighlightStore().save(highlight('after', id, 'made after the backup', 50));
    const now = await everything();
    const read = await readBackup(text);
    if (!read.ok) throw new Error(read.problem);
    expect(await openLibraryBackup().restore(read.articles)).toEqual({ restored: 0, already: 3 });
    expect(await everything()).toEqual(now);
  });

  it('a write that fails changes nothing in the library', async () => {
    await fillLibrary();
    const before = await everything();
    const read = await readBackup(await backupText());
    if (!read.ok) throw new Error(read.problem);
    globalThis.indexedDB = new IDBFactory();
    const { entry, body } = saved('kept');
    await openLibraryStore().save(entry, body, []);
    const kept = await everything();
    // The last article can't be stored (a value IndexedDB can't clone): the whole restore is undone.
    const broken: BackupArticle[] = [
      ...read.articles,
      { ...read.articles[0]!, entry: { ...read.articles[0]!.entry, id: 'https://x.test/', title: (() => 1) as never } },
    ];
    await expect(openLibraryBackup().restore(broken)).rejects.toThrow();
    expect(await everything()).toEqual(kept);
    expect(before).not.toEqual(kept);
  });

  it('queues an imported list in one write and counts what was new, already there and skipped', async () => {
    await fillLibrary();
    const items = [
      { url: 'https://example.com/a?utm_source=x', title: 'A again', savedAt: 1, tags: ['imported'], archived: false },
      { url: 'https://new.test/1', title: 'New', savedAt: 1_600_000_000_000, tags: [], archived: true },
      { url: 'file:///etc/passwd', title: 'No', savedAt: null, tags: [], archived: false },
    ];
    expect(await openLibraryBackup().addList(items, 999)).toEqual({ imported: 1, already: 1, skipped: 1 });
    const entries = await openLibraryStore().entries();
    expect(entries).toHaveLength(4);
    expect(entries.find((e) => e.id === 'https://new.test/1')).toMatchObject({
      pending: true,
      state: 'archived',
      savedAt: 1_600_000_000_000,
    });
    expect(entries.find((e) => e.id === saved('a').entry.id)).toMatchObject({
      tags: ['sea', 'history', 'imported'],
      progress: 0.4,
      pending: false,
    });
    const after = await everything();
    expect(await openLibraryBackup().addList(items, 2000)).toEqual({ imported: 0, already: 2, skipped: 1 });
    expect(await everything()).toEqual(after);
  });
});
