import type { HighlightStore } from '@/utils/browser';
import { WRITE_PACING, type WritePacing } from '@/utils/settings';
import {
  changedAt,
  fitsQuota,
  isSyncKey,
  mergeEntries,
  readSync,
  syncItems,
  syncKeyPrefix,
  type SyncEntry,
} from './sync';

/**
 * Keeps one article's highlights in step between IndexedDB (the source of truth) and storage.sync: each round reads
 * both, merges by highlight id (the later change wins, deletions as tombstones), writes what the other device brought
 * into IndexedDB and the merged result back to storage.sync when it differs, within the quotas. Rounds are paced as
 * the settings store paces its writes (WRITE_PACING: one round every two seconds at most, two writes each, so at most
 * 60 of Chrome's 120 writes a minute) and a failed one is tried again on the same schedule. A full or failing
 * storage.sync never touches IndexedDB: nothing is lost, it is only not yet on the other devices (the state says so).
 */

/** storage.sync, cut to what sync needs (utils/browser gives the real one; tests give a quota-keeping fake). */
export interface SyncStorage {
  /** `null`: everything (the quota check needs the whole size). */
  get(keys: string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
  /** Calls `listener` with the keys changed (by this device or another); returns the unsubscribe function. */
  watch(listener: (changes: Record<string, unknown>) => void): () => void;
}

/**
 * `synced`: storage.sync has it all; `pending`: a round is due; `failed`: writing failed (retried); `full`: storage.sync
 * has no room left; `too-large`: some highlight is too large for an item on its own; `newer`: another device wrote a
 * newer format. All but the first two are shown in the notes panel: kept here, not on the other devices.
 */
export type SyncState = 'synced' | 'pending' | 'failed' | 'full' | 'too-large' | 'newer';

export type HighlightSyncStore = Pick<HighlightStore, 'entries' | 'apply'>;

export interface HighlightSync {
  /** A round now (the reader opened the article); resolves with what another device changed, written locally. */
  syncNow(): Promise<SyncEntry[]>;
  /** This device changed a highlight: a round soon. */
  changed(): void;
  /** Calls `listener` with each new state, and with what each round brought from elsewhere. */
  onState(listener: (state: SyncState) => void): () => void;
  onRemote(listener: (entries: SyncEntry[]) => void): () => void;
  stop(): void;
}

export function createHighlightSync(
  url: string,
  store: HighlightSyncStore,
  area: SyncStorage,
  pacing: WritePacing = WRITE_PACING,
): HighlightSync {
  const prefix = syncKeyPrefix(url);
  let state: SyncState = 'pending';
  let running: Promise<SyncEntry[]> | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = -Infinity;
  let failures = 0;
  let stopped = false;
  const stateListeners = new Set<(state: SyncState) => void>();
  const remoteListeners = new Set<(entries: SyncEntry[]) => void>();
  /** What this device last wrote under each key (JSON; '' for removed): its own change events are not news. */
  const written = new Map<string, string>();

  const setState = (next: SyncState): void => {
    if (next === state) return;
    state = next;
    for (const listener of stateListeners) listener(state);
  };

  async function round(): Promise<SyncEntry[]> {
    last = Date.now();
    const all = await area.get(null);
    const remote = readSync(url, all);
    if (remote.newer) {
      setState('newer');
      return [];
    }
    const local = await store.entries(url);
    const merged = mergeEntries(local, remote.entries);
    const localById = new Map(local.map((e) => [e.id, e]));
    // What the other device brought: entries this one lacks or has older.
    const incoming = merged.filter((e) => {
      const mine = localById.get(e.id);
      return !mine || changedAt(mine) !== changedAt(e) || 'deleted' in mine !== 'deleted' in e;
    });
    if (incoming.length) await store.apply(incoming);
    const write = syncItems(url, merged, remote.keys, Date.now());
    const unchanged =
      write.stale.length === 0 &&
      Object.entries(write.items).every(([key, item]) => JSON.stringify(all[key]) === JSON.stringify(item));
    if (!unchanged) {
      if (!fitsQuota(all, write)) {
        setState('full');
        return incoming;
      }
      for (const [key, item] of Object.entries(write.items)) written.set(key, JSON.stringify(item));
      for (const key of write.stale) written.set(key, '');
      await area.set(write.items);
      if (write.stale.length) await area.remove(write.stale);
    }
    setState(write.tooLarge.length ? 'too-large' : 'synced');
    return incoming;
  }

  function run(): Promise<SyncEntry[]> {
    running ??= round()
      .then(
        (incoming) => {
          failures = 0;
          if (incoming.length) for (const listener of remoteListeners) listener(incoming);
          return incoming;
        },
        () => {
          failures++;
          setState('failed');
          schedule(pacing.retries[Math.min(failures, pacing.retries.length) - 1]);
          return [];
        },
      )
      .finally(() => {
        running = null;
      });
    return running;
  }

  function schedule(delay?: number): void {
    if (stopped) return;
    if (state === 'synced') setState('pending');
    clearTimeout(timer);
    const wait = delay ?? Math.max(pacing.settle, last + pacing.minInterval - Date.now());
    timer = setTimeout(() => {
      timer = undefined;
      // A round already going: one more after it, with what changed meanwhile.
      if (running) void running.then(() => schedule());
      else void run();
    }, wait);
  }

  const unwatch = area.watch((changes) => {
    // Another device changed this article's items: merge them in.
    const news = Object.entries(changes).some(([key, change]) => {
      if (!isSyncKey(key) || !key.startsWith(prefix)) return false;
      const value = (change as { newValue?: unknown } | undefined)?.newValue;
      return written.get(key) !== (value === undefined ? '' : JSON.stringify(value));
    });
    if (news) schedule();
  });

  return {
    syncNow: run,
    changed: () => schedule(),
    onState(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    onRemote(listener) {
      remoteListeners.add(listener);
      return () => remoteListeners.delete(listener);
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
      unwatch();
    },
  };
}
