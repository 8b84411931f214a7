// Sharing's public face: the link and quote formats Lectern copies (tracking removed), the share targets and their
// URLs, and the context-menu items that copy them.
export {
  cleanTitle,
  cleanUrl,
  escapeHtml,
  formatLink,
  formatQuote,
  passageUrl,
  quoteFragment,
  type ClipboardPayload,
  type LinkFormat,
  type LinkOptions,
  type LinkSource,
  type QuoteFormat,
  type TextFragment,
} from './links';
export { MENU_ITEMS, menuItem, type MenuAction } from './menus';
export { SHARE_TARGETS, normalizeInstance, shareUrl, type SharedPage, type ShareTarget } from './share';
