// Sync through storage.sync, for any kind of record (highlights, the library's index): the engine that merges IndexedDB
// with storage.sync in paced rounds, and the quotas every channel shares. Pure: storage is the caller's.
export {
  createSyncEngine,
  type SyncChannel,
  type SyncEngine,
  type SyncState,
  type SyncStorage,
  type SyncStore,
} from './engine';
export { SYNC_QUOTAS, TOMBSTONE_DAYS, fitsQuota, hashKey, packItems, syncBytes, type SyncWrite } from './quota';
