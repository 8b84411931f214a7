import { describe, expect, it } from 'vitest';
import type { Highlight } from '@/utils/annotate';
import { BACKUP_FORMAT, backupParts, planRestore, readBackup, type BackupArticle } from './backup';
import { entryToSave } from './state';

const article = (name: string, updatedAt = 100, bytes = [1, 2, 3]): BackupArticle => {
  const { entry, body } = entryToSave(
    {
      url: `https://example.com/${name}`,
      canonical: null,
      title: `Title ${name}`,
      byline: null,
      siteName: 'Example',
      published: null,
      lang: 'en',
      dir: null,
      excerpt: null,
      html: `<p>${name}</p>`,
      text: name,
      wordCount: 1,
      readingMinutes: 1,
      leadImage: null,
    },
    { kept: 1, left: 0 },
    updatedAt,
    null,
  );
  return {
    entry,
    body,
    images: [
      {
        articleId: entry.id,
        src: `https://img.test/${name}.png`,
        blob: new Blob([new Uint8Array(bytes)], { type: 'image/png' }),
      },
    ],
    highlights: [],
  };
};

const highlight = (id: string, url: string, updated: number, note = ''): Highlight => ({
  id,
  url,
  color: 'green',
  note,
  quote: { type: 'TextQuoteSelector', exact: 'words', prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector', start: 0, end: 5 },
  created: 1,
  updated,
});

const fileOf = async (articles: BackupArticle[]): Promise<string> =>
  (await backupParts(articles, new Date(0))).join('');

describe('backup file', () => {
  it('names its format and version and reads back what it wrote, bytes and types of images included', async () => {
    // Every byte value, and more than one base64 chunk.
    const bytes = Array.from({ length: 70_000 }, (_, i) => (i * 7) % 256);
    const a = { ...article('a', 100, bytes), highlights: [highlight('h1', 'https://example.com/a', 5, 'a note')] };
    // 70,000 bytes end one short of a base64 group; 5 bytes end two short.
    const text = await fileOf([a, article('b', 100, [250, 251, 252, 253, 254])]);
    expect(JSON.parse(text)).toMatchObject({ format: BACKUP_FORMAT, version: 1, exported: '1970-01-01T00:00:00.000Z' });
    const read = await readBackup(text);
    if (!read.ok) throw new Error(read.problem);
    expect(read.articles.map((x) => x.entry)).toEqual([a.entry, article('b').entry]);
    expect(read.articles[0]!.highlights).toEqual(a.highlights);
    const image = read.articles[0]!.images[0]!;
    expect(image.blob.type).toBe('image/png');
    expect([...new Uint8Array(await image.blob.arrayBuffer())]).toEqual(bytes);
    expect([...new Uint8Array(await read.articles[1]!.images[0]!.blob.arrayBuffer())]).toEqual([
      250, 251, 252, 253, 254,
    ]);
  });

  it('tells a damaged, a foreign and a newer file apart', async () => {
    const text = await fileOf([article('a')]);
    expect(await readBackup(text.slice(0, text.length / 2))).toEqual({ ok: false, problem: 'damaged' });
    expect(await readBackup('not json at all')).toEqual({ ok: false, problem: 'foreign' });
    expect(await readBackup('{"highlights":[]}')).toEqual({ ok: false, problem: 'foreign' });
    expect(await readBackup(text.replace('"version":1', '"version":2'))).toEqual({ ok: false, problem: 'newer' });
    expect(await readBackup(text.replace('"version":1', '"version":"1"'))).toEqual({ ok: false, problem: 'damaged' });
    // One broken article (bad base64, an entry without an address, a highlight without its text) spoils the file.
    type Raw = { entry: { id?: string }; body: unknown; images?: Array<{ data: string }>; highlights: unknown[] };
    const parsed = JSON.parse(text) as { articles: Raw[] };
    for (const breakIt of [
      (x: Raw) => (x.images![0]!.data = '@@@'),
      (x: Raw) => delete x.entry.id,
      (x: Raw) => (x.highlights = [{ id: 'h' }]),
      (x: Raw) => (x.body = { id: 'https://other.test/' }),
      (x: Raw) => delete x.images,
    ]) {
      const copy = structuredClone(parsed);
      breakIt(copy.articles[0]!);
      expect(await readBackup(JSON.stringify(copy))).toEqual({ ok: false, problem: 'damaged' });
    }
  });
});

describe('planRestore', () => {
  it('writes what is new or newer, keeps what is local and newer, and merges highlights without losing any', () => {
    const newer = article('a', 200);
    const older = article('b', 50);
    const local = new Map([
      [newer.entry.id, article('a', 100).entry],
      [older.entry.id, article('b', 90).entry],
    ]);
    const localHighlights = new Map([
      ['kept', highlight('kept', newer.entry.id, 9)],
      ['edited-here', highlight('edited-here', newer.entry.id, 30, 'mine')],
      ['edited-there', highlight('edited-there', newer.entry.id, 10)],
    ]);
    const incoming = [
      {
        ...newer,
        highlights: [highlight('edited-here', newer.entry.id, 20), highlight('edited-there', newer.entry.id, 40)],
      },
      { ...older, highlights: [highlight('new', older.entry.id, 1)] },
      article('c'),
    ];
    const plan = planRestore(incoming, local, localHighlights);
    expect(plan.articles.map((x) => x.entry.id)).toEqual([newer.entry.id, article('c').entry.id]);
    expect([plan.restored, plan.already]).toEqual([2, 1]);
    expect(plan.highlights.map((h) => h.id).sort()).toEqual(['edited-there', 'new']);
  });

  it('a read article beats a queued link whatever the dates; the same backup again writes nothing', () => {
    const read = article('a', 10);
    const queued = { ...read.entry, pending: true, updatedAt: 500 };
    expect(planRestore([read], new Map([[read.entry.id, queued]]), new Map()).articles).toHaveLength(1);
    expect(
      planRestore([{ ...read, entry: queued, body: null }], new Map([[read.entry.id, read.entry]]), new Map()).articles,
    ).toEqual([]);
    const h = highlight('h', read.entry.id, 3);
    const again = planRestore(
      [{ ...read, highlights: [h] }],
      new Map([[read.entry.id, read.entry]]),
      new Map([['h', h]]),
    );
    expect([again.articles, again.highlights]).toEqual([[], []]);
  });
});
