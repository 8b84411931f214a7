// The browser adapters: the only place in utils/ that touches `browser` (storage, tabs, messaging, i18n, scripting)
// or the clipboard, so everything else stays plain, testable TypeScript.
export { t, uiLanguage, type MessageKey } from './i18n';
export {
  copyInPage,
  fetchInPage,
  passageInPage,
  runInPage,
  type CopyRequest,
  type CopyResult,
  type InPageGlobal,
  type PageInfo,
  type PageOpening,
  type PageSnapshot,
  type PassageAnswer,
} from './in-page';
export { listen, sendToExtension, type PageVerdict } from './messages';
export { writeClipboard } from './clipboard';
export { loadPosition, savePosition } from './position-store';
export {
  flushSettings,
  keepUnsavedSettings,
  loadSettings,
  onSettingsProblem,
  updateSettings,
  watchSettings,
} from './settings-store';
export { closeReader, closeReaderTab, openPage } from './tabs';
export { listVoices } from './voices';
export { openHighlightStore, type HighlightStore } from './highlight-store';
export { syncStorage } from './sync-storage';
export { recordSyncState, watchSyncProblem, type SyncProblem } from './sync-problem';
export { startLibrarySync, watchLibrarySync, type LibrarySyncStatus } from './library-sync';
export {
  openLibraryStore,
  watchLibrary,
  type EntryChange,
  type LibraryStore,
  type RemovedArticle,
} from './library-store';
export { openLibraryStoreNow } from './library-store-now';
export { openLibraryBackup, type LibraryBackup } from './library-backup';
