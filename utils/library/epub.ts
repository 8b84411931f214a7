/**
 * Saved articles as one EPUB 3 book: a chapter (XHTML) per article, the navigation document and an NCX (for older
 * readers), the kept images inside the book, the metadata (title, authors, site, date, language, a urn:uuid
 * identifier, dcterms:modified) and right-to-left progression when the articles are. Packaged by fflate (zip), loaded
 * on first export; the mimetype entry first and stored, as the format requires. Pure: the caller gives the articles,
 * images as bytes in types every EPUB reader shows (see EPUB_IMAGE_TYPES) and a DOM parser.
 */
import { formatDate } from '@/utils/reader';
import { authorOf, isoDate, siteNameOf, IMAGE_EXTENSIONS, type DomHost, type ExportArticle } from './export';
import { languageTag, toXhtml, xmlAttr, xmlText } from './xhtml';

/** EPUB 3.2's core image types (WebP came only with 3.3, which readers and epubcheck 4 don't know): others are converted first. */
export const EPUB_IMAGE_TYPES: readonly string[] = ['image/jpeg', 'image/png', 'image/gif'];

export interface EpubLabels {
  /** The book's title when it holds several articles ("Lectern — 3 articles — 3 December 2026"). */
  bookTitle: (count: number) => string;
  /** "Contents" */
  contents: string;
  /** "Source" */
  source: string;
  /** The language the labels are in (for the book when its articles say none). */
  locale: string;
}

export interface EpubOptions {
  labels: EpubLabels;
  /** When the book is made (its dcterms:modified, and the date of a book of several articles). */
  now: Date;
  /** Its identifier (a fresh urn:uuid when not given). */
  uuid?: string;
}

const CSS = `body { margin: 0 5%; line-height: 1.5; }
h1 { font-size: 1.6em; line-height: 1.2; margin: 1em 0 0.3em; }
.meta { color: #555; font-size: 0.85em; margin: 0.2em 0; }
.chapter-head { border-bottom: 1px solid #999; margin-bottom: 1.5em; padding-bottom: 0.8em; }
img { max-width: 100%; height: auto; }
figure { margin: 1em 0; }
figcaption { font-size: 0.85em; color: #555; }
pre { white-space: pre-wrap; font-size: 0.85em; }
code, kbd, samp { font-family: monospace; }
blockquote { margin: 1em 0; padding-inline-start: 1em; border-inline-start: 3px solid #999; }
table { border-collapse: collapse; }
th, td { border: 1px solid #999; padding: 0.2em 0.4em; }
.math { font-family: monospace; }
`;

function uuid(): string {
  return globalThis.crypto.randomUUID();
}

/** The language most of the articles are in (a book has one), else the labels'. */
function bookLanguage(articles: readonly ExportArticle[], fallback: string): string {
  const counts = new Map<string, number>();
  for (const { entry } of articles) {
    const tag = languageTag(entry.lang);
    if (tag) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  const best = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  return best ?? languageTag(fallback) ?? 'en';
}

interface Chapter {
  file: string;
  title: string;
  xhtml: string;
}

interface BookImage {
  file: string;
  type: string;
  bytes: Uint8Array;
}

/** One article's chapter, and the images it holds (named after the chapter, so two articles never share a file). */
function chapterOf(
  { entry, body, images }: ExportArticle,
  index: number,
  options: EpubOptions,
  host: DomHost,
): { chapter: Chapter; images: BookImage[] } {
  const file = `chapter-${index + 1}.xhtml`;
  const kept: BookImage[] = [];
  const byAddress = new Map<string, string>();
  for (const image of images) {
    const extension = IMAGE_EXTENSIONS[image.type];
    if (!EPUB_IMAGE_TYPES.includes(image.type) || !extension || byAddress.has(image.src)) continue;
    const name = `images/${index + 1}-${kept.length + 1}.${extension}`;
    byAddress.set(image.src, name);
    kept.push({ file: name, type: image.type, bytes: image.bytes });
  }
  const doc = new host.DOMParser().parseFromString(`<!doctype html><body>${body.html}</body>`, 'text/html');
  const article = toXhtml(doc.body, { imageHref: (src) => byAddress.get(src) ?? null });
  const lang = languageTag(entry.lang);
  const langAttrs = lang ? ` xml:lang="${lang}" lang="${lang}"` : '';
  const dir = entry.dir === 'rtl' ? ' dir="rtl"' : '';
  const meta = [authorOf(entry), siteNameOf(entry), formatDate(entry.published, options.labels.locale)].filter(
    (part): part is string => !!part,
  );
  // The lead picture an article without one of its own showed, when it was kept and isn't in the text already.
  const leadHref = body.leadImage ? byAddress.get(body.leadImage.src) : undefined;
  const lead =
    leadHref && !doc.querySelector(`img[src="${cssString(body.leadImage!.src)}"]`)
      ? `<figure><img src="${xmlAttr(leadHref)}" alt="${xmlAttr(body.leadImage!.alt)}"/></figure>\n`
      : '';
  const xhtml = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"${langAttrs}${dir}>
<head>
<meta charset="UTF-8"/>
<title>${xmlText(entry.title)}</title>
<link rel="stylesheet" type="text/css" href="style.css"/>
</head>
<body>
<section epub:type="chapter">
<div class="chapter-head">
<h1>${xmlText(entry.title)}</h1>
${meta.length ? `<p class="meta">${meta.map((part) => `<bdi>${xmlText(part)}</bdi>`).join(' · ')}</p>\n` : ''}<p class="meta">${xmlText(options.labels.source)}: <a href="${xmlAttr(entry.id)}">${xmlText(entry.id)}</a></p>
</div>
${lead}${article}
</section>
</body>
</html>
`;
  return { chapter: { file, title: entry.title, xhtml }, images: kept };
}

/** A string quoted for a CSS attribute selector. */
function cssString(value: string): string {
  return value.replace(/["\\]/g, '\\$&');
}

/** The files of the book, in zip order (the mimetype first). */
export function epubFiles(
  articles: readonly ExportArticle[],
  options: EpubOptions,
  host: DomHost,
): Array<[string, Uint8Array | string]> {
  if (!articles.length) throw new Error('An EPUB needs at least one article');
  const id = `urn:uuid:${options.uuid ?? uuid()}`;
  const one = articles.length === 1 ? articles[0]! : null;
  const title = one ? one.entry.title : options.labels.bookTitle(articles.length);
  const language = bookLanguage(articles, options.labels.locale);
  const rtl = articles.every(({ entry }) => entry.dir === 'rtl');
  const modified = isoDate(options.now.getTime())!;
  const date = (one && isoDate(one.entry.published)) || modified;
  const creators = [...new Set(articles.map(({ entry }) => authorOf(entry)).filter((a): a is string => !!a))];
  const publishers = [...new Set(articles.map(({ entry }) => siteNameOf(entry)).filter((s): s is string => !!s))];

  const built = articles.map((article, i) => chapterOf(article, i, options, host));
  const chapters = built.map((b) => b.chapter);
  const images = built.flatMap((b) => b.images);

  const metadata = [
    `<dc:identifier id="book-id">${xmlText(id)}</dc:identifier>`,
    `<dc:title>${xmlText(title)}</dc:title>`,
    `<dc:language>${language}</dc:language>`,
    ...creators.map((creator) => `<dc:creator>${xmlText(creator)}</dc:creator>`),
    ...(publishers.length ? [`<dc:publisher>${xmlText(publishers.join(', '))}</dc:publisher>`] : []),
    `<dc:date>${date}</dc:date>`,
    ...(one ? [`<dc:source>${xmlText(one.entry.id)}</dc:source>`] : []),
    `<meta property="dcterms:modified">${modified}</meta>`,
  ];
  const manifest = [
    '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>',
    '<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>',
    '<item id="css" href="style.css" media-type="text/css"/>',
    // A chapter with a formula says so (EPUB requires it of MathML).
    ...chapters.map(
      (c, i) =>
        `<item id="c${i + 1}" href="${c.file}" media-type="application/xhtml+xml"${c.xhtml.includes('<math xmlns=') ? ' properties="mathml"' : ''}/>`,
    ),
    ...images.map((image, i) => `<item id="i${i + 1}" href="${image.file}" media-type="${image.type}"/>`),
  ];
  const spine = chapters.map((_, i) => `<itemref idref="c${i + 1}"/>`);
  const opf = `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="${language}"${rtl ? ' dir="rtl"' : ''}>
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
${metadata.join('\n')}
</metadata>
<manifest>
${manifest.join('\n')}
</manifest>
<spine toc="ncx"${rtl ? ' page-progression-direction="rtl"' : ''}>
${spine.join('\n')}
</spine>
</package>
`;
  const entries = chapters.map((c) => `<li><a href="${c.file}">${xmlText(c.title)}</a></li>`);
  const nav = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="${language}" lang="${language}"${rtl ? ' dir="rtl"' : ''}>
<head>
<meta charset="UTF-8"/>
<title>${xmlText(title)}</title>
<link rel="stylesheet" type="text/css" href="style.css"/>
</head>
<body>
<nav epub:type="toc" id="toc">
<h1>${xmlText(options.labels.contents)}</h1>
<ol>
${entries.join('\n')}
</ol>
</nav>
</body>
</html>
`;
  const points = chapters.map(
    (c, i) =>
      `<navPoint id="p${i + 1}" playOrder="${i + 1}"><navLabel><text>${xmlText(c.title)}</text></navLabel><content src="${c.file}"/></navPoint>`,
  );
  const ncx = `<?xml version="1.0" encoding="UTF-8"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1" xml:lang="${language}">
<head>
<meta name="dtb:uid" content="${xmlAttr(id)}"/>
<meta name="dtb:depth" content="1"/>
<meta name="dtb:totalPageCount" content="0"/>
<meta name="dtb:maxPageNumber" content="0"/>
</head>
<docTitle><text>${xmlText(title)}</text></docTitle>
<navMap>
${points.join('\n')}
</navMap>
</ncx>
`;
  const container = `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles>
<rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>
</rootfiles>
</container>
`;
  return [
    ['mimetype', 'application/epub+zip'],
    ['META-INF/container.xml', container],
    ['EPUB/package.opf', opf],
    ['EPUB/nav.xhtml', nav],
    ['EPUB/toc.ncx', ncx],
    ['EPUB/style.css', CSS],
    ...chapters.map((c): [string, string] => [`EPUB/${c.file}`, c.xhtml]),
    ...images.map((image): [string, Uint8Array] => [`EPUB/${image.file}`, image.bytes]),
  ];
}

/** The book as the bytes of an .epub file. */
export async function buildEpub(
  articles: readonly ExportArticle[],
  options: EpubOptions,
  host: DomHost,
): Promise<Uint8Array> {
  const files = epubFiles(articles, options, host);
  const { zipSync, strToU8 } = await import('fflate');
  const zip: Record<string, [Uint8Array, { level: 0 | 6 }]> = {};
  for (const [name, data] of files) {
    const bytes = typeof data === 'string' ? strToU8(data) : data;
    // The mimetype stored (the format requires it, first and uncompressed); images are compressed already.
    zip[name] = [bytes, { level: name === 'mimetype' || typeof data !== 'string' ? 0 : 6 }];
  }
  return zipSync(zip);
}
