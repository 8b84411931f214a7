import type { PagesJoined } from '@/utils/extract';
import { pluralForm, type PluralForm } from '@/utils/reader';
import { t, type MessageKey } from '@/utils/browser';

/** "N pages joined" in each plural form the locales have. */
const JOINED: Record<PluralForm, MessageKey> = {
  one: 'pagesJoined_one',
  few: 'pagesJoined_few',
  many: 'pagesJoined_many',
  other: 'pagesJoined_other',
};

/**
 * Under the header of a multi-page article: how many pages were joined, and each page that couldn't be had, named and
 * linked (the article reads on without it; the link opens it on its site).
 */
export function PagesNote({ pages, locale }: { pages: PagesJoined; locale: string }) {
  const count = new Intl.NumberFormat(locale).format(pages.joined);
  const limit = pages.failed.find((page) => page.reason === 'limit');
  const missing = pages.failed.filter((page) => page.reason !== 'limit');
  return (
    // The interface's words inside the article: in the interface's language and direction.
    <div class="pages-note" data-lectern="pages" role="note" lang={locale} dir="auto">
      <p class="pages-joined">{t(JOINED[pluralForm(pages.joined, locale)], count)}</p>
      {missing.length > 0 && (
        <ul class="pages-failed">
          {missing.map((page) => (
            <li key={page.url} data-reason={page.reason}>
              <a href={page.url} target="_blank" rel="noopener noreferrer">
                {t('pageNotLoaded', String(page.number))}
              </a>
            </li>
          ))}
        </ul>
      )}
      {limit && (
        <p class="pages-limit">
          <a href={limit.url} target="_blank" rel="noopener noreferrer">
            {t('pagesNotJoined', String(limit.number))}
          </a>
        </p>
      )}
    </div>
  );
}
