/** The context-menu items: what each one is called, where it shows and what it does. Pure data. */
import type { MessageKey } from '@/utils/browser';
import type { LinkFormat, QuoteFormat } from './links';

export type MenuAction =
  | { kind: 'open-reader' }
  | { kind: 'save-to-library' }
  | { kind: 'save-link' }
  | { kind: 'link'; format: LinkFormat }
  | { kind: 'quote'; format: QuoteFormat };

export interface MenuItem {
  id: string;
  title: MessageKey;
  contexts: ['page' | 'selection' | 'link', ...Array<'page' | 'selection' | 'link'>];
  action: MenuAction;
}

export const MENU_ITEMS: readonly MenuItem[] = [
  {
    id: 'lectern-open-reader',
    title: 'menuOpenReader',
    contexts: ['page', 'selection'],
    action: { kind: 'open-reader' },
  },
  // The page: the reader opens and saves it. A link: queued unread and read when first opened from the library (no
  // page is loaded behind the user's back).
  {
    id: 'lectern-save-to-library',
    title: 'menuSaveToLibrary',
    contexts: ['page'],
    action: { kind: 'save-to-library' },
  },
  {
    id: 'lectern-save-link',
    title: 'menuSaveLinkToLibrary',
    contexts: ['link'],
    action: { kind: 'save-link' },
  },
  { id: 'lectern-copy-quote', title: 'copyQuote', contexts: ['selection'], action: { kind: 'quote', format: 'quote' } },
  {
    id: 'lectern-copy-quote-markdown',
    title: 'copyQuoteMarkdown',
    contexts: ['selection'],
    action: { kind: 'quote', format: 'quote-markdown' },
  },
  { id: 'lectern-copy-link', title: 'copyLink', contexts: ['page'], action: { kind: 'link', format: 'link' } },
  {
    id: 'lectern-copy-clean-link',
    title: 'copyCleanLink',
    contexts: ['page'],
    action: { kind: 'link', format: 'clean-link' },
  },
  {
    id: 'lectern-copy-title-link',
    title: 'copyTitleLink',
    contexts: ['page'],
    action: { kind: 'link', format: 'title-link' },
  },
  {
    id: 'lectern-copy-markdown',
    title: 'copyMarkdown',
    contexts: ['page'],
    action: { kind: 'link', format: 'markdown' },
  },
  {
    id: 'lectern-copy-rich-link',
    title: 'copyRichLink',
    contexts: ['page'],
    action: { kind: 'link', format: 'rich-link' },
  },
];

export function menuItem(id: string | number): MenuItem | undefined {
  return MENU_ITEMS.find((item) => item.id === id);
}
