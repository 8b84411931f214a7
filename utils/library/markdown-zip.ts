/**
 * Saved articles as Markdown files in one zip: each `<slug>.md` opens with YAML front matter (title, author, site,
 * clean address, dates, tags, state), then the article by the reader's own Markdown conversion (Turndown); its kept
 * images are files beside it (`images/<slug>/1.webp`…), linked relatively. Pure: fflate and Turndown load on first use.
 */
import { htmlToMarkdown } from '@/utils/reader';
import {
  authorOf,
  isoDate,
  siteNameOf,
  uniqueSlugs,
  IMAGE_EXTENSIONS,
  type DomHost,
  type ExportArticle,
} from './export';

/** A YAML scalar: a double-quoted string (JSON's form, which YAML 1.2 reads the same), or null. */
function yamlString(value: string | null): string {
  if (value === null) return 'null';
  return JSON.stringify(value)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The front matter of an article: the fields other tools (static sites, note apps) read. */
export function frontMatter(article: Pick<ExportArticle, 'entry'>): string {
  const { entry } = article;
  const lines = [
    `title: ${yamlString(entry.title)}`,
    `author: ${yamlString(authorOf(entry))}`,
    `site: ${yamlString(siteNameOf(entry))}`,
    `url: ${yamlString(entry.id)}`,
    `published: ${yamlString(isoDate(entry.published))}`,
    `saved: ${yamlString(isoDate(entry.savedAt))}`,
    `tags: [${entry.tags.map(yamlString).join(', ')}]`,
    `state: ${entry.state}`,
  ];
  return `---\n${lines.join('\n')}\n---\n`;
}

/** One article as a Markdown file, and its images as files (paths relative to the zip's root). */
async function markdownOf(
  { entry, body, images }: ExportArticle,
  slug: string,
  host: DomHost,
): Promise<{ text: string; files: Array<[string, Uint8Array]> }> {
  const files: Array<[string, Uint8Array]> = [];
  const local = new Map<string, string>();
  for (const image of images) {
    const extension = IMAGE_EXTENSIONS[image.type];
    if (!extension || local.has(image.src)) continue;
    const path = `images/${slug}/${files.length + 1}.${extension}`;
    local.set(image.src, path);
    files.push([path, image.bytes]);
  }
  const doc = new host.DOMParser().parseFromString(`<!doctype html><body>${body.html}</body>`, 'text/html');
  for (const img of doc.querySelectorAll('img')) {
    const src = img.getAttribute('src') ?? '';
    const path = local.get(src);
    if (path) img.setAttribute('src', path);
    // A picture not kept stays a link to the web; anything else (blob:, data:) would point nowhere once saved.
    else if (!/^https?:/i.test(src)) img.remove();
    img.removeAttribute('srcset');
  }
  // Likewise a link that leads nowhere outside the browser that saved it (blob:, javascript:…) keeps only its words.
  for (const a of doc.querySelectorAll('a[href]')) {
    if (!/^(https?:|mailto:|#)/i.test(a.getAttribute('href') ?? '')) a.replaceWith(...a.childNodes);
  }
  const leadPath = body.leadImage ? local.get(body.leadImage.src) : undefined;
  const lead =
    leadPath && ![...doc.querySelectorAll('img')].some((img) => img.getAttribute('src') === leadPath)
      ? `![${body.leadImage!.alt.replace(/[[\]\\]/g, '\\$&')}](${leadPath})\n\n`
      : '';
  const title = entry.title.replace(/\s+/g, ' ').trim();
  const markdown = await htmlToMarkdown(doc.body.innerHTML);
  return { text: `${frontMatter({ entry })}\n# ${title}\n\n${lead}${markdown}\n`, files };
}

/** The files of the zip: `<slug>.md` for each article, its images under `images/<slug>/`. */
export async function markdownFiles(
  articles: readonly ExportArticle[],
  host: DomHost,
): Promise<Array<[string, Uint8Array | string]>> {
  const slugs = uniqueSlugs(articles.map(({ entry }) => entry.title));
  const out: Array<[string, Uint8Array | string]> = [];
  for (const [i, article] of articles.entries()) {
    const { text, files } = await markdownOf(article, slugs[i]!, host);
    out.push([`${slugs[i]}.md`, text], ...files);
  }
  return out;
}

/** The zip's bytes. */
export async function buildMarkdownZip(articles: readonly ExportArticle[], host: DomHost): Promise<Uint8Array> {
  const files = await markdownFiles(articles, host);
  const { zipSync, strToU8 } = await import('fflate');
  const zip: Record<string, [Uint8Array, { level: 0 | 6 }]> = {};
  for (const [name, data] of files)
    zip[name] = typeof data === 'string' ? [strToU8(data), { level: 6 }] : [data, { level: 0 }];
  return zipSync(zip);
}
