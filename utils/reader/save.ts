import type { Article } from '@/utils/extract';
import { cleanUrl, escapeHtml } from '@/utils/share';

/**
 * Save the article: a standalone HTML file (inline CSS, no script, a CSP that forbids any) and Markdown
 * (Turndown with the GFM plugin's tables, both loaded only when the user saves). Pure apart from the lazy imports; the
 * download is the reader's job. Both name their source by its clean address (no tracking parameters).
 */

/** The words the saved files use, localized by the caller. */
export interface SaveLabels {
  /** "Source" */
  source: string;
}

/** A file name from the title: letters of any script kept, path and reserved characters out, bounded length. */
export function saveFileName(title: string, extension: 'html' | 'md' | 'json' | 'epub' | 'zip'): string {
  const base =
    title
      .normalize('NFC')
      // Control characters are never useful in a name and some systems refuse them.
      // eslint-disable-next-line no-control-regex
      .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^\.+/, '')
      .slice(0, 100)
      .trim() || 'article';
  return `${base}.${extension}`;
}

/** Where the article came from, as the copy-link button gives it: tracking parameters removed, canonical preferred. */
function sourceOf(article: Article): string {
  return cleanUrl({ url: article.url, canonical: article.canonical });
}

function byline(article: Article): string {
  return [article.byline, article.siteName].filter(Boolean).join(' · ');
}

const STYLE = `
:root { color-scheme: light dark; }
body { max-width: 38rem; margin: 2rem auto; padding: 0 1.25rem; font: 1.15rem/1.65 Georgia, 'Noto Serif', serif; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 0.5rem; }
.meta { color: GrayText; font: 0.95rem/1.4 system-ui, sans-serif; }
header { border-bottom: 1px solid GrayText; margin-bottom: 2rem; padding-bottom: 1rem; }
img, video { max-width: 100%; height: auto; }
pre { overflow-x: auto; }
blockquote { margin-inline: 0; padding-inline-start: 1em; border-inline-start: 3px solid GrayText; }
`.trim();

/** The article as one HTML file that opens anywhere: title, byline, a link to the source, the sanitized article. */
export function standaloneHtml(article: Article, labels: SaveLabels): string {
  const lang = article.lang ? ` lang="${escapeHtml(article.lang)}"` : '';
  const dir = article.dir ? ` dir="${article.dir}"` : '';
  const meta = byline(article);
  const url = escapeHtml(sourceOf(article));
  return `<!doctype html>
<html${lang}${dir}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src * data:; media-src *; style-src 'unsafe-inline'">
<title>${escapeHtml(article.title)}</title>
<style>
${STYLE}
</style>
</head>
<body>
<article>
<header>
<h1>${escapeHtml(article.title)}</h1>
${meta ? `<p class="meta">${escapeHtml(meta)}</p>\n` : ''}<p class="meta">${escapeHtml(labels.source)}: <a href="${url}">${url}</a></p>
</header>
${article.html}
</article>
</body>
</html>
`;
}

/** The article body as Markdown, by Turndown (imported here, on first use: it is never part of a page load). */
export async function htmlToMarkdown(html: string): Promise<string> {
  const [{ default: TurndownService }, gfm] = await Promise.all([
    import('turndown'),
    import('@joplin/turndown-plugin-gfm'),
  ]);
  const turndown = new TurndownService({
    headingStyle: 'atx',
    codeBlockStyle: 'fenced',
    bulletListMarker: '-',
    emDelimiter: '*',
  });
  // Media that Markdown can't hold are dropped rather than pasted in as raw HTML.
  turndown.remove(['script', 'style', 'iframe', 'video', 'audio', 'object', 'embed']);
  // Tables as GFM tables (a table GFM can't hold, with lists or headings in its cells, stays HTML).
  turndown.use([gfm.tables, gfm.strikethrough]);
  // A formula once: its TeX source (extraction keeps it as MathML's alttext), else its text.
  turndown.addRule('math', {
    filter: (node) => node.nodeName.toLowerCase() === 'math',
    replacement: (_content, node) => {
      const el = node as Element;
      const tex = el.getAttribute('alttext')?.trim();
      if (!tex) return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
      return el.getAttribute('display') === 'block' ? `\n\n$$\n${tex}\n$$\n\n` : `$${tex}$`;
    },
  });
  return turndown.turndown(html).trim();
}

/** The Markdown file: title, byline and source link, then the article. */
export async function markdownDocument(article: Article, labels: SaveLabels): Promise<string> {
  const meta = byline(article);
  const title = article.title.replace(/\s+/g, ' ').trim();
  const head = [`# ${title}`, ...(meta ? [`*${meta}*`] : []), `${labels.source}: <${sourceOf(article)}>`];
  return `${head.join('\n\n')}\n\n${await htmlToMarkdown(article.html)}\n`;
}
