import { WRITE_PACING, type WritePacing } from '@/utils/settings';
import { fitsQuota, type SyncWrite } from './quota';

/**
 * Keeps one kind of record (an article's highlights, the library's index) in step between IndexedDB (the source of
 * truth) and storage.sync: each round reads both, merges by record id (the channel says how), writes what another
 * device brought into IndexedDB and the merged result back to storage.sync when it differs, within the quotas. Rounds
 * are paced as the settings store paces its writes (WRITE_PACING: one round every two seconds at most, two writes
 * each, so at most 60 of Chrome's 120 writes a minute) and a failed one is tried again on the same schedule. A full or
 * failing storage.sync never touches IndexedDB: nothing is lost, it is only not yet on the other devices (the state
 * says so).
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
 * has no room left; `too-large`: some record is too large for an item on its own; `partial`: the records outgrew the
 * share of storage.sync they may use, the most recent went; `newer`: another device wrote a newer format. All but the
 * first two are said on screen: kept here, not (all) on the other devices.
 */
export type SyncState = 'synced' | 'pending' | 'failed' | 'full' | 'too-large' | 'partial' | 'newer';

/** What one kind of record needs to go through storage.sync: its keys, its wire format and its merge. */
export interface SyncChannel<E> {
  /** Whether a storage.sync key holds this channel's records (another device's change to it starts a round). */
  owns(key: string): boolean;
  id(entry: E): string;
  /** The channel's records found in `all` (storage.sync's whole content), the keys they are in, and whether a newer format is there. */
  read(all: Record<string, unknown>): { entries: E[]; keys: string[]; newer: boolean };
  /** Two sides merged by id; the same answer whichever side is which, so every device converges. */
  merge(local: readonly E[], remote: readonly E[]): E[];
  /** Whether `merged` brings anything `local` lacks (so it is written into IndexedDB). */
  differs(local: E, merged: E): boolean;
  /** The items to write for `merged`, given the keys the channel had and all storage.sync holds now. */
  write(merged: readonly E[], oldKeys: readonly string[], now: number, all: Record<string, unknown>): SyncWrite;
  /** The state when `write` left records out (too large for an item, or over the channel's share). */
  leftOut: SyncState;
}

/** IndexedDB as sync sees it: the channel's records, and a write of what another device changed. */
export interface SyncStore<E> {
  entries(): Promise<E[]>;
  apply(entries: readonly E[]): Promise<void>;
}

export interface SyncEngine<E> {
  /** A round now (after the one going, if any); resolves with what another device changed, written locally. */
  syncNow(): Promise<E[]>;
  /** This device changed a record: a round soon. */
  changed(): void;
  /** Calls `listener` with each new state and how many records were left out of storage.sync. */
  onState(listener: (state: SyncState, left: number) => void): () => void;
  onRemote(listener: (entries: E[]) => void): () => void;
  stop(): void;
}

export function createSyncEngine<E>(
  channel: SyncChannel<E>,
  store: SyncStore<E>,
  area: SyncStorage,
  pacing: WritePacing = WRITE_PACING,
): SyncEngine<E> {
  let state: SyncState = 'pending';
  let left = 0;
  let running: Promise<E[]> | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = -Infinity;
  let failures = 0;
  let stopped = false;
  const stateListeners = new Set<(state: SyncState, left: number) => void>();
  const remoteListeners = new Set<(entries: E[]) => void>();
  /** What this device last wrote under each key (JSON; '' for removed): its own change events are not news. */
  const written = new Map<string, string>();

  const setState = (next: SyncState, leftOut = 0): void => {
    if (next === state && leftOut === left) return;
    state = next;
    left = leftOut;
    for (const listener of stateListeners) listener(state, left);
  };

  async function round(): Promise<E[]> {
    last = Date.now();
    const all = await area.get(null);
    const remote = channel.read(all);
    if (remote.newer) {
      setState('newer');
      return [];
    }
    const local = await store.entries();
    const merged = channel.merge(local, remote.entries);
    const localById = new Map(local.map((e) => [channel.id(e), e]));
    // What the other device brought: records this one lacks or has older.
    const incoming = merged.filter((e) => {
      const mine = localById.get(channel.id(e));
      return !mine || channel.differs(mine, e);
    });
    if (incoming.length) await store.apply(incoming);
    const write = channel.write(merged, remote.keys, Date.now(), all);
    // Only the items that changed are sent (a new record changes one item, not the whole library's).
    const changed = Object.fromEntries(
      Object.entries(write.items).filter(([key, item]) => JSON.stringify(all[key]) !== JSON.stringify(item)),
    );
    if (Object.keys(changed).length || write.stale.length) {
      if (!fitsQuota(all, write)) {
        setState('full');
        return incoming;
      }
      for (const [key, item] of Object.entries(changed)) written.set(key, JSON.stringify(item));
      for (const key of write.stale) written.set(key, '');
      if (Object.keys(changed).length) await area.set(changed);
      if (write.stale.length) await area.remove(write.stale);
    }
    setState(write.left.length ? channel.leftOut : 'synced', write.left.length);
    return incoming;
  }

  function run(): Promise<E[]> {
    running ??= round()
      .then(
        (incoming) => {
          failures = 0;
          if (incoming.length) for (const listener of remoteListeners) listener(incoming);
          return incoming;
        },
        () => {
          failures++;
          setState('failed', left);
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
    // Another device changed this channel's items: merge them in.
    const news = Object.entries(changes).some(([key, change]) => {
      if (!channel.owns(key)) return false;
      const value = (change as { newValue?: unknown } | undefined)?.newValue;
      return written.get(key) !== (value === undefined ? '' : JSON.stringify(value));
    });
    if (news) schedule();
  });

  return {
    // A round already going may have read storage before the news that prompted this call: one more after it.
    syncNow: () => (running ? running.then(() => run()) : run()),
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
