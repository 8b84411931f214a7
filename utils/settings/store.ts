import { DEFAULT_SETTINGS, SETTINGS_VERSION, migrateSettings, normalizeSettings, type Settings } from './schema';

/**
 * The settings store: changes apply in memory at once (every view of this context sees them in the same frame) and
 * reach storage coalesced, so a held key makes one write, not thirty a second. It works over any storage area
 * (utils/browser gives it `storage.sync`), which keeps it pure and lets tests hand it a failing or quota-keeping one.
 *
 * Safety: nothing is written until the stored value has been read (a failed read never overwrites the user's
 * settings with defaults); a failed write keeps the value in memory and is tried again later; changes made elsewhere
 * meanwhile are merged under the local ones instead of being lost.
 */

/** The storage the store keeps its value in: `storage.sync`'s shape, cut to what the store needs. */
export interface SettingsArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  /** Calls `listener` with the keys changed in this area (by any view); returns the unsubscribe function. */
  watch(listener: (changes: Record<string, { newValue?: unknown }>) => void): () => void;
}

export type SettingsProblem = 'write-failed';

export interface SettingsStore {
  /** The settings once read (or, if storage can't be read now, the defaults with this view's changes). */
  load(): Promise<Settings>;
  /** Applies a change in memory and returns the result; storage follows. */
  update(change: (current: Settings) => Settings): Settings;
  /** Calls `listener` with every new value, local or from another view; returns the unwatch function. */
  watch(listener: (settings: Settings) => void): () => void;
  /** Calls `listener` once when saving keeps failing (it is still being retried). */
  onProblem(listener: (problem: SettingsProblem) => void): () => void;
  /** Writes now what is waiting (a view that is closing); resolves once written or failed. */
  flush(): Promise<void>;
}

/** Storage keys: the value, and its schema version (`{ v }`; none means version 1). */
export const SETTINGS_KEY = 'settings';
export const SETTINGS_META_KEY = 'settings$';

/** How the store paces its writes. The defaults keep within both browsers' storage.sync quotas with room to spare. */
export interface WritePacing {
  /** After a first change written at once, the rest of a burst is written this long after its last change… */
  settle: number;
  /** …or this long after its first, if it goes on (a key held down). */
  maxWait: number;
  /** At most one write per this interval: 30 a minute and 1,800 an hour at the most (Chrome allows 120 and 1,800). */
  minInterval: number;
  /** Waits before each new try of a failed write; the last repeats. The user is told once all of them have failed. */
  retries: readonly number[];
}

export const WRITE_PACING: WritePacing = {
  settle: 400,
  maxWait: 2000,
  minInterval: 2000,
  retries: [2000, 10_000, 60_000],
};

function storedVersion(meta: unknown): number {
  const v = (meta as { v?: unknown } | null | undefined)?.v;
  return typeof v === 'number' && Number.isFinite(v) ? v : 1;
}

const same = (a: Settings, b: Settings): boolean => JSON.stringify(a) === JSON.stringify(b);

type Change = (current: Settings) => Settings;

export function createSettingsStore(area: SettingsArea, pacing: WritePacing = WRITE_PACING): SettingsStore {
  /** The last value known to be in storage; null until it has been read. */
  let stored: Settings | null = null;
  /** A stored value of an older version, to be written back migrated. */
  let rewrite = false;
  /** This view's changes not yet sent to storage, oldest first. */
  let unsaved: Change[] = [];
  /** The write under way: the value sent and the changes it holds (until storage confirms them). */
  let inFlight: { value: Settings; changes: Change[] } | null = null;
  let current: Settings = DEFAULT_SETTINGS;
  let reading: Promise<boolean> | null = null;
  let unwatchArea: (() => void) | null = null;

  let timer: ReturnType<typeof setTimeout> | undefined;
  let burstStart = 0;
  let lastWrite = -Infinity;
  let writing: Promise<void> | null = null;
  let failures = 0;
  const listeners = new Set<(settings: Settings) => void>();
  const problemListeners = new Set<(problem: SettingsProblem) => void>();

  const local = (): Change[] => [...(inFlight?.changes ?? []), ...unsaved];
  const apply = (base: Settings, changes: Change[]): Settings =>
    changes.reduce((value, change) => normalizeSettings(change(value)), base);

  function show(next: Settings): void {
    if (same(next, current)) return;
    current = next;
    for (const listener of listeners) listener(current);
  }

  /** Reads storage until it succeeds once; resolves whether the stored value is known. */
  function read(): Promise<boolean> {
    if (stored) return Promise.resolve(true);
    reading ??= area.get([SETTINGS_KEY, SETTINGS_META_KEY]).then(
      (raw) => {
        if (raw[SETTINGS_KEY] === undefined) stored = DEFAULT_SETTINGS;
        else {
          const version = storedVersion(raw[SETTINGS_META_KEY]);
          rewrite = version < SETTINGS_VERSION;
          stored = rewrite ? migrateSettings(raw[SETTINGS_KEY], version) : normalizeSettings(raw[SETTINGS_KEY]);
        }
        unwatchArea ??= area.watch(onAreaChange);
        show(apply(stored, local()));
        if (rewrite || unsaved.length) schedule();
        return true;
      },
      () => {
        reading = null;
        return false;
      },
    );
    return reading;
  }

  function onAreaChange(changes: Record<string, { newValue?: unknown }>): void {
    if (!(SETTINGS_KEY in changes)) return;
    const incoming = normalizeSettings(changes[SETTINGS_KEY]?.newValue);
    // The echo of this view's own write: its changes are in storage now. Anything else is another view's value,
    // which becomes the base under this view's changes.
    if (inFlight && same(incoming, inFlight.value)) inFlight.changes = [];
    stored = incoming;
    show(apply(stored, local()));
  }

  function schedule(delay?: number): void {
    const now = Date.now();
    // The first change after a quiet spell is written at once (a click, then the page closes: nothing waits to be
    // lost); the rest of a burst waits and goes as one write.
    if (delay === undefined && timer === undefined && !writing && now - lastWrite >= pacing.minInterval) {
      void write();
      return;
    }
    if (timer === undefined) burstStart = now;
    clearTimeout(timer);
    const wait =
      delay ??
      Math.max(Math.min(pacing.settle, burstStart + pacing.maxWait - now), lastWrite + pacing.minInterval - now, 0);
    timer = setTimeout(() => {
      timer = undefined;
      void write();
    }, wait);
  }

  async function write(): Promise<void> {
    while (writing) await writing;
    writing = (async () => {
      // Storage that can't be read gets nothing written over what it may hold.
      if (!(await read())) return fail();
      const value = apply(stored!, unsaved);
      if (same(value, stored!) && !rewrite) {
        unsaved = [];
        return;
      }
      inFlight = { value, changes: unsaved };
      unsaved = [];
      lastWrite = Date.now();
      try {
        await area.set({ [SETTINGS_KEY]: value, [SETTINGS_META_KEY]: { v: SETTINGS_VERSION } });
      } catch {
        // Kept in memory, in order, for the next try.
        unsaved = [...inFlight.changes, ...unsaved];
        inFlight = null;
        return fail();
      }
      if (inFlight.changes.length) stored = value;
      inFlight = null;
      rewrite = false;
      failures = 0;
      if (unsaved.length) schedule();
    })().finally(() => {
      writing = null;
    });
    return writing;
  }

  function fail(): void {
    failures++;
    if (failures === pacing.retries.length) for (const listener of problemListeners) listener('write-failed');
    schedule(pacing.retries[Math.min(failures, pacing.retries.length) - 1]);
  }

  return {
    async load() {
      await read();
      return current;
    },
    update(change) {
      unsaved.push(change);
      show(apply(stored ?? DEFAULT_SETTINGS, local()));
      schedule();
      return current;
    },
    watch(listener) {
      listeners.add(listener);
      void read();
      return () => listeners.delete(listener);
    },
    onProblem(listener) {
      problemListeners.add(listener);
      return () => problemListeners.delete(listener);
    },
    async flush() {
      if (timer === undefined && !writing) return;
      clearTimeout(timer);
      timer = undefined;
      await write();
    },
  };
}
