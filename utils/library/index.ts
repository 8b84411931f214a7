// The library's public face: saved articles as records (entry, body, images), the rules of their state as they are
// read, the per-article image cap, sorting and filtering, the full-text search (MiniSearch, loaded on first use), the
// backup file and its restore, lists imported from Pocket and Instapaper, the index sync, and the exports (EPUB,
// Markdown zip; fflate loaded on first export). Pure: the IndexedDB adapter is
// utils/browser/library-store.ts.
export {
  READ_STATES,
  hostOf,
  normalizeBody,
  normalizeEntry,
  normalizeTags,
  stampedAt,
  stampsOf,
  type IndexStamps,
  type LibraryBody,
  type LibraryEntry,
  type LibraryImage,
  type ReadState,
} from './record';
export { entryToSave, libraryId, pendingEntry, stateAfterReading, type ArticleToSave } from './state';
export {
  IMAGES_PER_ARTICLE,
  IMAGE_BYTES_PER_ARTICLE,
  IMAGE_MAX_WIDTH,
  chooseImages,
  imageSources,
  pointAtKeptImages,
  type ImageCandidate,
} from './images';
export {
  DEFAULT_FILTER,
  SORTS,
  facets,
  matchesFilter,
  siteOf,
  sortEntries,
  type LibraryFilter,
  type LibrarySort,
} from './list';
export { buildSearch, type LibrarySearch } from './search';
export {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  backupParts,
  planRestore,
  readBackup,
  type BackupArticle,
  type BackupProblem,
  type ReadBackup,
  type RestorePlan,
} from './backup';
export {
  csvItems,
  parseCsv,
  planImport,
  pocketHtmlItems,
  sniffImport,
  type ImportItem,
  type ImportKind,
  type ImportPlan,
} from './imports';
export {
  LIBRARY_SYNC_PREFIX,
  LIBRARY_SYNC_SHARE,
  LIBRARY_SYNC_VERSION,
  createLibrarySync,
  entryFromSync,
  indexRecord,
  isLibrarySyncKey,
  isLibraryTombstone,
  libraryBudget,
  libraryChannel,
  libraryItems,
  mergeLibrary,
  readLibrarySync,
  type IndexRecord,
  type LibrarySync,
  type LibrarySyncRecord,
  type LibraryTombstone,
} from './sync';
export {
  IMAGE_EXTENSIONS,
  isoDate,
  slugOf,
  uniqueSlugs,
  type DomHost,
  type ExportArticle,
  type ExportImage,
} from './export';
export { EPUB_IMAGE_TYPES, buildEpub, type EpubLabels, type EpubOptions } from './epub';
export { buildMarkdownZip } from './markdown-zip';
