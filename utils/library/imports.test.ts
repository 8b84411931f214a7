import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { csvItems, parseCsv, planImport, pocketHtmlItems, sniffImport, type ImportItem } from './imports';
import { pendingEntry } from './state';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../tests/fixtures/imports/${name}`, import.meta.url), 'utf8');

describe('parseCsv (RFC 4180)', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, CRLF or LF, and skips blank lines', () => {
    expect(parseCsv('a,b,c\r\n"1,2","say ""hi""","x\r\ny"\n\nlast,,\n')).toEqual([
      ['a', 'b', 'c'],
      ['1,2', 'say "hi"', 'x\r\ny'],
      ['last', '', ''],
    ]);
  });
  it('drops a byte order mark and reads a last row without a line break', () => {
    expect(parseCsv('\uFEFFURL,Title\nhttps://a.test,"A"')).toEqual([
      ['URL', 'Title'],
      ['https://a.test', 'A'],
    ]);
  });
  it('keeps an empty quoted field and a quote inside an unquoted one', () => {
    expect(parseCsv('"",a"b\n')).toEqual([['', 'a"b']]);
  });
});

describe('sniffImport', () => {
  it('knows each kind by its content', () => {
    expect(sniffImport('  {"format":"x"}')).toBe('backup');
    expect(sniffImport(fixture('pocket-export.html'))).toBe('pocket-html');
    expect(sniffImport(fixture('pocket-export.csv'))).toBe('pocket-csv');
    expect(sniffImport(fixture('instapaper-export.csv'))).toBe('instapaper-csv');
    expect(sniffImport('name,age\nAnn,3\n')).toBeNull();
    expect(sniffImport('just some text')).toBeNull();
  });
});

describe("Pocket's HTML export", () => {
  it('reads each link with its title, date and tags; the archive section is archived', () => {
    const { document } = new JSDOM(fixture('pocket-export.html')).window;
    const items = pocketHtmlItems(document);
    expect(items).toHaveLength(6);
    expect(items[0]).toEqual({
      url: 'https://harbour.example/tides?utm_source=pocket',
      title: 'Tides & the moon',
      savedAt: 1577836800000,
      tags: ['sea', 'long read'],
      archived: false,
    });
    expect(items[4]).toMatchObject({ title: 'Мост через реку', tags: ['мосты'], archived: true });
    expect(items.filter((item) => item.archived)).toHaveLength(2);
  });
});

describe('CSV exports', () => {
  it("Pocket's CSV: tags split by bars, status archive → archived, quoted titles", () => {
    const items = csvItems(fixture('pocket-export.csv'), 'pocket-csv');
    expect(items).toHaveLength(4);
    expect(items[0]).toEqual({
      url: 'https://harbour.example/tides',
      title: 'Tides, the moon and "us"',
      savedAt: 1577836800000,
      tags: ['sea', 'long read'],
      archived: false,
    });
    expect(items[1]).toMatchObject({ archived: true, tags: [] });
    expect(items[2]!.title).toBe('Two\nlines');
  });
  it("Instapaper's CSV: Archive folder → archived, another folder becomes a tag, JSON tags", () => {
    const items = csvItems(fixture('instapaper-export.csv'), 'instapaper-csv');
    expect(items.map((item) => [item.title, item.archived, item.tags])).toEqual([
      ['On walking', false, ['walks', 'essays']],
      ['On sleep', true, []],
      ['On tea', false, ['kitchen']],
      ['On walking (again)', false, ['starred']],
      ['Broken', false, []],
    ]);
    expect(items[0]!.savedAt).toBe(1700000000000);
  });
});

describe('planImport', () => {
  const item = (url: string, extra: Partial<ImportItem> = {}): ImportItem => ({
    url,
    title: url,
    savedAt: 1000,
    tags: [],
    archived: false,
    ...extra,
  });

  it('queues each http(s) link once (tracking out), merges twins, skips the rest, keeps dates and states', () => {
    const { document } = new JSDOM(fixture('pocket-export.html')).window;
    const plan = planImport(pocketHtmlItems(document), new Map(), 5000);
    expect([plan.imported, plan.already, plan.skipped]).toEqual([3, 0, 2]);
    const tides = plan.entries.find((entry) => entry.id === 'https://harbour.example/tides')!;
    expect(tides).toMatchObject({
      pending: true,
      state: 'unread',
      title: 'Tides & the moon',
      tags: ['sea', 'long read', 'moon'],
      // The earlier of the two dates it was saved on.
      savedAt: 1577836800000,
    });
    expect(plan.entries.find((entry) => entry.title === 'Мост через реку')).toMatchObject({ state: 'archived' });
  });

  it('an address already in the library keeps all it has and only gains tags; a second import adds nothing', () => {
    const local = { ...pendingEntry('https://a.test/x', 'Mine', 10, null), tags: ['own'], progress: 0.5 };
    const existing = new Map([[local.id, local]]);
    const plan = planImport([item('https://a.test/x', { title: 'Theirs', tags: ['theirs'] })], existing, 99);
    expect([plan.imported, plan.already, plan.skipped]).toEqual([0, 1, 0]);
    expect(plan.entries).toEqual([{ ...local, tags: ['own', 'theirs'], updatedAt: 99 }]);
    const after = new Map([[local.id, plan.entries[0]!]]);
    const again = planImport([item('https://a.test/x', { tags: ['theirs'] })], after, 200);
    expect(again.entries).toEqual([]);
    expect(again.already).toBe(1);
  });

  it('a link with no date is saved now', () => {
    const plan = planImport([item('https://a.test/y', { savedAt: null })], new Map(), 777);
    expect(plan.entries[0]).toMatchObject({ savedAt: 777, updatedAt: 777 });
  });
});
