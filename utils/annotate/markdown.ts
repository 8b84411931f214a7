import type { Highlight } from './highlight';

/** The article a set of highlights belongs to, as the export names it. */
export interface ExportSource {
  title: string;
  siteName: string | null;
  /** The clean address. */
  url: string;
  /** When the export was made, already formatted for the reader's language. */
  date: string;
}

/** The words of the export, localized by the caller; `color` names each colour. */
export interface ExportLabels {
  exported: string;
  note: string;
  orphaned: string;
  color: (color: Highlight['color']) => string;
  /** A link to each quote's place on the original page (a text fragment), and its words; none when absent. */
  passage?: { label: string; url: (highlight: Highlight) => string | null };
}

/** The quote's tags line: its colour (orphaned or not) and the link to its passage. */
function tagsLine(highlight: Highlight, orphaned: boolean, labels: ExportLabels): string {
  const tags = [labels.color(highlight.color), orphaned ? labels.orphaned : null].filter(Boolean).join(' · ');
  // An orphaned quote is no longer in the article as read: no link that promises its place.
  const url = !orphaned && labels.passage ? labels.passage.url(highlight) : null;
  return url ? `_${tags}_ · [${escapeMarkdown(labels.passage!.label)}](<${url}>)` : `_${tags}_`;
}

/** Markdown that can't break the file's structure: characters that would start markup are escaped. */
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

/** Each line of `text` as a block quote (blank lines kept inside the quote). */
function blockQuote(text: string): string {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((paragraph) => `> ${escapeMarkdown(paragraph.replace(/\s+/g, ' ').trim())}`)
    .join('\n>\n');
}

/** One quote of an export: the quote, its tags line (colour, orphaned, passage link) and its note. */
function quoteEntry(highlight: Highlight, orphaned: boolean, labels: ExportLabels): string {
  const lines = [blockQuote(highlight.quote.exact), '', tagsLine(highlight, orphaned, labels)];
  const note = highlight.note.trim();
  if (note) lines.push('', `**${labels.note}:** ${escapeMarkdown(note).replace(/\n/g, '  \n')}`);
  return lines.join('\n');
}

/**
 * The article's highlights and notes as one Markdown document: the title, its site and address, the date of the
 * export, then each quote in reading order with its colour and note; orphaned highlights keep their quote and say so.
 */
export function highlightsMarkdown(
  source: ExportSource,
  items: ReadonlyArray<{ highlight: Highlight; orphaned: boolean }>,
  labels: ExportLabels,
): string {
  const site = source.siteName ? `${escapeMarkdown(source.siteName)} — ` : '';
  const head = [
    `# ${escapeMarkdown(source.title)}`,
    '',
    `${site}<${source.url}>`,
    '',
    `${labels.exported}: ${source.date}`,
  ];
  const entries = items.map(({ highlight, orphaned }) => quoteEntry(highlight, orphaned, labels));
  return [...head, ...entries.flatMap((entry) => ['', '---', '', entry])].join('\n') + '\n';
}

/** One article's highlights, as the export of every article groups them. */
export interface ArticleHighlights {
  url: string;
  title: string;
  site: string | null;
  highlights: Highlight[];
}

/**
 * Every kept highlight grouped by article (its clean address), each article's in the order of their place in it, the
 * articles most recently highlighted first. The title is the one kept with its highlights, else the address.
 */
export function groupByArticle(highlights: readonly Highlight[]): ArticleHighlights[] {
  const groups = new Map<string, Highlight[]>();
  for (const h of highlights) groups.set(h.url, [...(groups.get(h.url) ?? []), h]);
  return [...groups.entries()]
    .map(([url, list]) => {
      const sorted = [...list].sort((a, b) => a.position.start - b.position.start || a.created - b.created);
      const named = [...list].sort((a, b) => b.updated - a.updated).find((h) => h.title);
      return { url, title: named?.title ?? url, site: named?.site ?? null, highlights: sorted };
    })
    .sort((a, b) => Math.max(...b.highlights.map((h) => h.updated)) - Math.max(...a.highlights.map((h) => h.updated)));
}

/** Every article's highlights as one Markdown file: a heading per article (title, site, address), then its quotes. */
export function allHighlightsMarkdown(
  articles: readonly ArticleHighlights[],
  labels: ExportLabels & { title: string },
  date: string,
): string {
  const head = [`# ${escapeMarkdown(labels.title)}`, '', `${labels.exported}: ${date}`];
  const sections = articles.map((article) => {
    const site = article.site ? `${escapeMarkdown(article.site)} — ` : '';
    const quotes = article.highlights.map((highlight) => quoteEntry(highlight, false, labels));
    return [
      `## ${escapeMarkdown(article.title)}`,
      '',
      `${site}<${article.url}>`,
      ...quotes.flatMap((q) => ['', q]),
    ].join('\n');
  });
  return [...head, ...sections.flatMap((section) => ['', '---', '', section])].join('\n') + '\n';
}

/** The same as JSON, for other tools: versioned, every field of every highlight (W3C-style selectors included). */
export function allHighlightsJson(articles: readonly ArticleHighlights[], exported: Date): string {
  return (
    JSON.stringify(
      {
        format: 'lectern-highlights',
        version: 1,
        exported: exported.toISOString(),
        articles: articles.map(({ url, title, site, highlights }) => ({
          url,
          title,
          site,
          highlights: highlights.map(({ id, color, note, quote, position, created, updated }) => ({
            id,
            color,
            note,
            quote,
            position,
            created: new Date(created).toISOString(),
            updated: new Date(updated).toISOString(),
          })),
        })),
      },
      null,
      2,
    ) + '\n'
  );
}
