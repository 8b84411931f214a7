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
  const entries = items.map(({ highlight, orphaned }) => {
    const lines = [blockQuote(highlight.quote.exact), ''];
    const tags = [labels.color(highlight.color), orphaned ? labels.orphaned : null].filter(Boolean).join(' · ');
    lines.push(`_${tags}_`);
    const note = highlight.note.trim();
    if (note) lines.push('', `**${labels.note}:** ${escapeMarkdown(note).replace(/\n/g, '  \n')}`);
    return lines.join('\n');
  });
  return [...head, ...entries.flatMap((entry) => ['', '---', '', entry])].join('\n') + '\n';
}
