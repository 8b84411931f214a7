import { t, type MessageKey } from '@/utils/browser';
import {
  formatLink,
  formatQuote,
  type ClipboardPayload,
  type LinkFormat,
  type LinkSource,
  type QuoteFormat,
} from '@/utils/share';

const LINK_ITEMS: ReadonlyArray<[LinkFormat, MessageKey]> = [
  ['clean-link', 'copyCleanLink'],
  ['title-link', 'copyTitleLink'],
  ['markdown', 'copyMarkdown'],
  ['rich-link', 'copyRichLink'],
];

const QUOTE_ITEMS: ReadonlyArray<[QuoteFormat, MessageKey]> = [
  ['quote', 'copyQuote'],
  ['quote-markdown', 'copyQuoteMarkdown'],
];

interface CopyMenuProps {
  source: LinkSource;
  /** The selected text, for the quote formats; empty hides them. */
  quote: string;
  onCopy: (payload: ClipboardPayload, done: MessageKey) => void;
  /** The link to the quoted passage, where one can be made (the reader's selection); else quotes carry the clean link. */
  quoteLink?: () => Promise<string | null>;
}

/** Every copy format: the link's forms, and the selection as a quote that carries its source. */
export function CopyMenu({ source, quote, onCopy, quoteLink }: CopyMenuProps) {
  return (
    <ul class="copy-menu" role="list">
      {LINK_ITEMS.map(([format, label]) => (
        <li key={format}>
          <button
            type="button"
            class="menu-item"
            data-copy={format}
            onClick={() => onCopy(formatLink(format, source), 'copied')}
          >
            {t(label)}
          </button>
        </li>
      ))}
      {quote.trim() &&
        QUOTE_ITEMS.map(([format, label]) => (
          <li key={format}>
            <button
              type="button"
              class="menu-item"
              data-copy={format}
              onClick={() =>
                void (quoteLink?.() ?? Promise.resolve(null)).then((link) =>
                  onCopy(formatQuote(format, quote, source, link), 'quoteCopied'),
                )
              }
            >
              {t(label)}
            </button>
          </li>
        ))}
    </ul>
  );
}
