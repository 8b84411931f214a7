// Highlights and notes, pure: a passage anchored by its text (W3C Web Annotation's quote and position selectors,
// re-attached by exact and approximate matching), the stored record and its repair, reading order and the Markdown
// export. Storing them is the browser adapters' job (utils/browser).
export {
  CONTEXT_LENGTH,
  anchorQuote,
  describeRange,
  type TextPositionSelector,
  type TextQuoteSelector,
  type TextRange,
  type TextSelectors,
} from './anchor';
export {
  DEFAULT_COLOR,
  HIGHLIGHT_COLORS,
  MAX_NOTE_LENGTH,
  normalizeHighlight,
  readingOrder,
  type Highlight,
  type HighlightColor,
} from './highlight';
export {
  allHighlightsJson,
  allHighlightsMarkdown,
  groupByArticle,
  highlightsMarkdown,
  type ArticleHighlights,
  type ExportLabels,
  type ExportSource,
} from './markdown';
export {
  SYNC_VERSION,
  changedAt,
  createHighlightSync,
  isSyncKey,
  isTombstone,
  mergeEntries,
  readSync,
  syncItems,
  syncKeyPrefix,
  type HighlightSync,
  type HighlightSyncStore,
  type StoredSync,
  type SyncEntry,
  type Tombstone,
} from './sync';
