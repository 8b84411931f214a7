// Extraction's public face: a page's Document in, a sanitized Article (plain data) out, the same in Node and in the
// browser. Everything else in this folder is its inner working.
export type { Article } from './article';
export { extractArticle, extractSelection } from './extract';
// A very large article a part at a time, so that the reader stays responsive while it is read.
export { extractInParts, type PartOptions } from './parts';
// A very large article's opening, to show while the whole is extracted.
export { firstScreen, type FirstScreen } from './first-screen';
export { judgeContent, type ContentVerdict } from './verdict';
// Stored article HTML is sanitized again before it is shown (defense in depth: the library's HTML was sanitized when saved).
export { sanitizeHtml } from './sanitize';
export { joinPages, MAX_PAGES, type FetchedPage, type PageFetcher, type PagesJoined } from './join';
