// The exports, built from fixture pages as the library keeps them (extracted and sanitized, then stored with their
// images): every EPUB goes through epubcheck (Debian's package; missing, the test fails) and must come out without an
// error or a warning; the Markdown zip is unzipped, its front matter parsed and its image links followed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { extractArticle } from '@/utils/extract';
import { fixtureDocument } from '@/tests/unit/dom';
import {
  buildEpub,
  buildMarkdownZip,
  entryToSave,
  slugOf,
  uniqueSlugs,
  type EpubOptions,
  type ExportArticle,
  type ExportImage,
} from '.';

const host = new JSDOM('').window as unknown as Window & typeof globalThis;
const png = new Uint8Array(readFileSync(new URL('../../tests/fixtures/images/dock.png', import.meta.url)));
// The smallest GIF there is: one transparent pixel.
const gif = Uint8Array.from(atob('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7'), (c) => c.charCodeAt(0));

/** A fixture page as the library keeps it: extracted, sanitized, saved with `images` (address → bytes). */
function saved(
  fixture: string,
  url: string,
  images: (html: string) => ExportImage[] = () => [],
  over: Partial<ExportArticle['entry']> = {},
): ExportArticle {
  const article = extractArticle(fixtureDocument(fixture, url), url);
  if (!article) throw new Error(`no article in ${fixture}`);
  const { entry, body } = entryToSave(article, { kept: 0, left: 0 }, Date.UTC(2026, 11, 3, 12), null);
  return { entry: { ...entry, ...over }, body, images: images(body.html) };
}

/** Every image address in the article's HTML, kept as the given bytes. */
const allAs =
  (type: string, bytes: Uint8Array) =>
  (html: string): ExportImage[] =>
    [...new JSDOM(html).window.document.querySelectorAll('img[src]')].map((img) => ({
      src: img.getAttribute('src')!,
      type,
      bytes,
    }));

const lighthouse = saved('library-lighthouse.html', 'https://harbour.example/lighthouse', allAs('image/png', png), {
  tags: ['coast', 'history'],
});
const hebrew = saved('rtl-article.html', 'https://city.example/library-reopens');
const arabic = saved('rtl-arabic.html', 'https://news.example/ar/story');
const tables = saved('fidelity-article.html', 'https://eng.example/tunnels/river-tunnel', allAs('image/gif', gif));
const footnotes = saved('footnotes-article.html', 'https://notes.example/essay');

/** An article whose stored HTML holds what XHTML can't take as it is (as a backup from elsewhere could bring). */
const rough: ExportArticle = {
  entry: { ...lighthouse.entry, id: 'https://rough.example/a', title: 'Rough <edges> & “quotes”', lang: 'en_GB' },
  body: {
    id: 'https://rough.example/a',
    html:
      '<p>One&nbsp;line<br>another &copy; &amp; \u0007bell</p><span><div>block in a span</div></span>' +
      '<ul><p>not an item</p><li>item</li>loose text</ul><li>stray item</li>' +
      '<p><img src="https://rough.example/remote.jpg" alt="not kept"><img src="https://rough.example/kept.png" alt="kept"></p>' +
      '<iframe src="https://video.example/embed/1"></iframe><video src="https://rough.example/v.mp4"></video>' +
      '<p><a href="javascript:alert(1)">js</a> <a href="blob:https://x/1">blob</a> <a href="#nowhere">gone</a> ' +
      '<a href="#here" id="here">here</a> <a href="https://rough.example/a b">space</a></p>' +
      '<p><time>yesterday</time> <picture><source srcset="https://rough.example/s.webp"><img src="https://rough.example/kept.png" alt="again"></picture></p>' +
      '<table><tr><td colspan="x">bad span</td><td colspan="2">two</td></tr></table><p id="here">duplicate id</p>' +
      '<math alttext="E=mc^2"><mi>E</mi></math><hr><details><summary>More</summary><p>hidden</p></details>' +
      // As KaTeX writes a formula (its TeX in an annotation), with a value MathML doesn't know and a word in a row.
      '<p><math display="block"><semantics><mrow><mfrac><mi mathvariant="weird">a</mi><mn>2</mn></mfrac>' +
      '<mo stretchy="false">+</mo>and<msubsup><mi>x</mi><mn>0</mn><mn>2</mn></msubsup><mtable><mtr><mtd><mn>1</mn>' +
      '</mtd></mtr></mtable></mrow><annotation encoding="application/x-tex">\\frac{a}{2}+x_0^2</annotation>' +
      '</semantics></math></p>' +
      // A power of one argument and an element outside the list: their TeX instead.
      '<p><math alttext="x^"><msup><mi>x</mi></msup></math> <math alttext="\\mglyph"><maction><mi>y</mi></maction></math></p>',
    text: 'One line',
    leadImage: null,
  },
  images: [
    { src: 'https://rough.example/kept.png', type: 'image/png', bytes: png },
    // WebP is not an EPUB 3.2 core type: the library page converts it first; unconverted, it stays out of the book.
    { src: 'https://rough.example/remote.jpg', type: 'image/webp', bytes: png },
  ],
};

const options = (): EpubOptions => ({
  labels: {
    bookTitle: (n) => `Lectern — ${n} articles — 3 December 2026`,
    contents: 'Contents',
    source: 'Source',
    locale: 'en',
  },
  now: new Date(Date.UTC(2026, 11, 3, 23, 59, 1, 250)),
});

/** A short run's JVM: the quick compiler only and the serial collector start it about three times faster. */
const JAVA_QUICK = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];

/** epubcheck on a file: its exit status and every message it printed. Fails loudly when epubcheck isn't installed. */
function epubcheck(file: string): { status: number | null; output: string } {
  // Debian's epubcheck is a jar run through binfmt (jarwrapper), which a container may lack: run it with java.
  const jar = ['/usr/share/java/epubcheck.jar', '/usr/bin/epubcheck']
    .filter((path) => existsSync(path))
    .map((path) => realpathSync(path))[0];
  if (!jar) throw new Error('epubcheck is not installed (Debian package epubcheck; .ci/run installs it)');
  const run = spawnSync('java', [...JAVA_QUICK, '-jar', jar, '--failonwarnings', file], {
    encoding: 'utf8',
    timeout: 180_000,
  });
  if (run.error) throw run.error;
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

const dir = mkdtempSync(join(tmpdir(), 'lectern-epub-'));

async function checked(name: string, articles: ExportArticle[]): Promise<Record<string, Uint8Array>> {
  const bytes = await buildEpub(articles, options(), host);
  const file = join(dir, `${name}.epub`);
  writeFileSync(file, bytes);
  const { status, output } = epubcheck(file);
  expect(output).not.toMatch(/^(ERROR|WARNING|FATAL)/m);
  expect(output).toContain('No errors or warnings detected');
  expect(status).toBe(0);
  return unzipSync(bytes);
}

const text = (files: Record<string, Uint8Array>, name: string): string => strFromU8(files[name]!);

describe('EPUB export, checked by epubcheck', { timeout: 240_000 }, () => {
  it('one article with its image: the picture inside the book, the metadata, the mimetype first and stored', async () => {
    const bytes = await buildEpub([lighthouse], options(), host);
    // The zip's first entry: the mimetype, stored (method 0), no extra field.
    expect(strFromU8(bytes.subarray(30, 38))).toBe('mimetype');
    expect(bytes[8]! | (bytes[9]! << 8)).toBe(0);
    expect(bytes[28]! | (bytes[29]! << 8)).toBe(0);
    expect(strFromU8(bytes.subarray(38, 58))).toBe('application/epub+zip');

    const files = await checked('one', [lighthouse]);
    const opf = text(files, 'EPUB/package.opf');
    expect(opf).toContain(`<dc:title>${lighthouse.entry.title}</dc:title>`);
    expect(opf).toMatch(/<dc:identifier id="book-id">urn:uuid:[0-9a-f-]{36}<\/dc:identifier>/);
    expect(opf).toContain('<dc:language>en</dc:language>');
    expect(opf).toContain('<dc:publisher>Harbour Notes</dc:publisher>');
    expect(opf).toContain('<meta property="dcterms:modified">2026-12-03T23:59:01Z</meta>');
    expect(opf).toContain('<dc:source>https://harbour.example/lighthouse</dc:source>');
    expect(opf).toContain('media-type="image/png"');
    expect(opf).not.toContain('page-progression-direction');
    const chapter = text(files, 'EPUB/chapter-1.xhtml');
    expect(chapter).toMatch(/<img src="images\/1-1\.png" alt="The old harbour at dawn"/);
    expect(files['EPUB/images/1-1.png']).toEqual(png);
    // Nothing in the book points at the web but links.
    expect(chapter).not.toMatch(/src="https?:/);
    expect(text(files, 'EPUB/nav.xhtml')).toContain(`<a href="chapter-1.xhtml">${lighthouse.entry.title}</a>`);
    expect(text(files, 'EPUB/toc.ncx')).toContain('<content src="chapter-1.xhtml"/>');
  });

  it('a right-to-left article in Hebrew: rtl progression, the book and the chapter right to left', async () => {
    expect(hebrew.entry.dir).toBe('rtl');
    const files = await checked('hebrew', [hebrew]);
    expect(text(files, 'EPUB/package.opf')).toContain('<spine toc="ncx" page-progression-direction="rtl">');
    expect(text(files, 'EPUB/package.opf')).toContain('<dc:language>he</dc:language>');
    expect(text(files, 'EPUB/chapter-1.xhtml')).toMatch(/<html [^>]*xml:lang="he" lang="he" dir="rtl">/);
  });

  // One book for these (each epubcheck run starts a Java VM: seconds on a busy machine).
  it('tables, code, a formula, footnotes, Arabic, and HTML that XHTML cannot take as it is', async () => {
    const files = await checked('structures', [tables, footnotes, rough, arabic]);
    const [one, two, three, four] = [1, 2, 3, 4].map((n) => text(files, `EPUB/chapter-${n}.xhtml`));
    expect(four).toMatch(/<html [^>]*xml:lang="ar" lang="ar" dir="rtl">/);
    expect(one).toContain('<table>');
    expect(one).toContain('<pre>');
    expect(one).toContain(
      '<math xmlns="http://www.w3.org/1998/Math/MathML"><mi>p</mi><mo>=</mo><mi>ρ</mi><mi>g</mi><mi>h</mi></math>',
    );
    // Footnote marks still lead to their notes, and the notes back.
    const links = [...two!.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(2);
    for (const id of links) expect(two).toContain(`id="${id}"`);
    // The rough one: entities and <br> as XML, no control character, the kept image in, the rest out.
    expect(three).toContain('One\u00a0line<br/>another © &amp; bell');
    expect(three).not.toContain('\u0007');
    expect(three).toContain('<img src="images/3-1.png" alt="kept"/>');
    expect(three).not.toMatch(/remote\.jpg|iframe|video|javascript:|blob:|href="#nowhere"|srcset|<time/);
    expect(three).toContain('<a href="#here" id="here">');
    expect(three.match(/id="here"/g)).toHaveLength(1);
    expect(three).toContain('<span>block in a span</span>');
    expect(three).toContain('<li><p>not an item</p></li><li>item</li><li>loose text</li>');
    // Formulas as MathML (the chapters that have one say so in the package), or as their TeX where it doesn't fit.
    expect(three).toContain('<math xmlns="http://www.w3.org/1998/Math/MathML" alttext="E=mc^2"><mi>E</mi></math>');
    expect(three).toContain(
      '<math xmlns="http://www.w3.org/1998/Math/MathML" display="block" alttext="\\frac{a}{2}+x_0^2"><mrow><mfrac>' +
        '<mi>a</mi><mn>2</mn></mfrac><mo stretchy="false">+</mo><mtext>and</mtext><msubsup><mi>x</mi><mn>0</mn>' +
        '<mn>2</mn></msubsup><mtable><mtr><mtd><mn>1</mn></mtd></mtr></mtable></mrow></math>',
    );
    expect(three).toContain('<span class="math">x^</span> <span class="math">\\mglyph</span>');
    expect(text(files, 'EPUB/package.opf')).toMatch(/<item id="c3" [^>]*properties="mathml"\/>/);
    expect(text(files, 'EPUB/package.opf')).toMatch(/<item id="c4" [^>]*application\/xhtml\+xml"\/>/);
    expect(text(files, 'EPUB/package.opf')).not.toContain('image/webp');
    expect(new DOMParserFor().parse(three!)).toBe(true);
  });

  it('three articles: one chapter each, the contents, every author and the localized book title', async () => {
    const files = await checked('three', [lighthouse, hebrew, tables]);
    const opf = text(files, 'EPUB/package.opf');
    expect(opf).toContain('<dc:title>Lectern — 3 articles — 3 December 2026</dc:title>');
    expect(opf.match(/<itemref /g)).toHaveLength(3);
    // Not every article is right-to-left: the book reads left to right, the Hebrew chapter right to left.
    expect(opf).not.toContain('page-progression-direction');
    expect(text(files, 'EPUB/chapter-2.xhtml')).toMatch(/<html [^>]*dir="rtl">/);
    const nav = text(files, 'EPUB/nav.xhtml');
    for (const { entry } of [lighthouse, hebrew, tables]) expect(nav).toContain(entry.title);
    expect(opf.match(/<dc:creator>/g)!.length).toBeGreaterThanOrEqual(2);
    expect(opf).toContain('<dc:date>2026-12-03T23:59:01Z</dc:date>');
  });
});

/** Well-formed XML, as an e-reader's XML parser reads it. */
class DOMParserFor {
  parse(xml: string): boolean {
    const doc = new host.DOMParser().parseFromString(xml, 'application/xhtml+xml');
    return doc.getElementsByTagName('parsererror').length === 0;
  }
}

describe('Markdown zip export', () => {
  it('a .md per article with front matter, images as files linked relatively, names safe and unique', async () => {
    const twin = { ...tables, entry: { ...tables.entry, id: 'https://eng.example/other' } };
    const zip = unzipSync(await buildMarkdownZip([lighthouse, hebrew, tables, twin, rough], host));
    const names = Object.keys(zip).filter((name) => name.endsWith('.md'));
    expect(names).toHaveLength(5);
    expect(new Set(names).size).toBe(5);
    for (const name of names) expect(name).toMatch(/^[\p{L}\p{N}\p{M}-]+\.md$/u);
    expect(names).toContain(`${slugOf(tables.entry.title)}-2.md`);

    const md = strFromU8(zip[`${slugOf(lighthouse.entry.title)}.md`]!);
    const [, yaml, rest] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(md)!;
    expect(parseYaml(yaml!)).toEqual({
      title: lighthouse.entry.title,
      author: lighthouse.entry.byline,
      site: 'Harbour Notes',
      url: 'https://harbour.example/lighthouse',
      published: '2026-10-14T08:00:00Z',
      saved: '2026-12-03T12:00:00Z',
      tags: ['coast', 'history'],
      state: 'unread',
    });
    expect(rest).toContain(`# ${lighthouse.entry.title}`);
    expect(rest).toContain('foghorn');
    // Every image link resolves to a file in the zip, relative to the .md.
    const targets = [...rest!.matchAll(/!\[[^\]]*\]\(([^)\s]+)/g)].map((m) => m[1]!);
    expect(targets.length).toBeGreaterThan(0);
    for (const target of targets) expect(zip[target], target).toEqual(png);

    // A title with quotes, angle brackets and an ampersand still makes front matter that parses.
    const roughMd = strFromU8(zip[`${slugOf(rough.entry.title)}.md`]!);
    expect(parseYaml(/^---\n([\s\S]*?)\n---/.exec(roughMd)![1]!).title).toBe('Rough <edges> & “quotes”');
    expect(roughMd).toContain('](images/rough-edges-quotes/1.png)');
    // A picture the library didn't keep stays a link to the web (nothing points at blob: or data:).
    expect(roughMd).not.toMatch(/\]\((blob|data):/);
    // The Hebrew title keeps its letters in the file name.
    expect(names).toContain(`${slugOf(hebrew.entry.title)}.md`);
    expect(slugOf(hebrew.entry.title)).toMatch(/^[\u0590-\u05ff-]+$/);
  });

  it('file names: any script, no path or reserved characters, Windows device names avoided, collisions numbered', () => {
    expect(slugOf('Crème brûlée: a/b\\c?')).toBe('creme-brulee-a-b-c');
    expect(slugOf('Что нового')).toBe('что-нового');
    expect(slugOf('***')).toBe('article');
    expect(slugOf('CON')).toBe('con-article');
    expect(uniqueSlugs(['A', 'a', 'A', 'b'])).toEqual(['a', 'a-2', 'a-3', 'b']);
  });
});
