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
  /**
   * Calls `listener` with the value not yet in storage after each change, and with null once storage has it all: a
   * page that may close before its write (Firefox drops a closing page's writes) hands it to a context that stays.
   */
  onUnsaved(listener: (value: Settings | null) => void): () => void;
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

/** When each field was last changed, as stored beside the value (`settings$.t`); a field without one counts as 0. */
type Stamps = Partial<Record<keyof Settings, number>>;

function storedStamps(meta: unknown): Stamps {
  const t = (meta as { t?: unknown } | null | undefined)?.t;
  if (typeof t !== 'object' || t === null) return {};
  return Object.fromEntries(
    Object.entries(t).filter((entry): entry is [string, number] => typeof entry[1] === 'number' && entry[1] >= 0),
  ) as Stamps;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** This view's changed fields, each with when it changed. */
type Patch = Partial<Record<keyof Settings, { value: unknown; at: number }>>;

const keysOf = <T extends object>(object: T): Array<keyof T> => Object.keys(object) as Array<keyof T>;

/**
 * Merges field by field, the later change winning (a last-writer-wins register per field): views that change
 * different settings at the same moment both keep their change, and a write made on an old copy can't undo a newer
 * one.
 */
function applyPatch(base: Settings, stamps: Stamps, patch: Patch): { value: Settings; stamps: Stamps } {
  const value: Record<string, unknown> = { ...base };
  const next: Stamps = { ...stamps };
  for (const key of keysOf(patch)) {
    const change = patch[key]!;
    if (change.at < (stamps[key] ?? 0)) continue;
    value[key] = change.value;
    next[key] = change.at;
  }
  return { value: normalizeSettings(value), stamps: next };
}

export function createSettingsStore(area: SettingsArea, pacing: WritePacing = WRITE_PACING): SettingsStore {
  /** The last value known to be in storage, with its fields' stamps; null until it has been read. */
  let stored: Settings | null = null;
  let storedAt: Stamps = {};
  /** A stored value of an older version, to be written back migrated. */
  let rewrite = false;
  /** The fields this view changed and hasn't stored yet (those being written included, until they are). */
  let unsaved: Patch = {};
  /** Fields this view has stored, to put back if a write made on an older copy overwrote them. */
  const mine: Patch = {};
  let writingPatch: Patch | null = null;
  let current: Settings = DEFAULT_SETTINGS;
  let reading: Promise<boolean> | null = null;
  let unwatchArea: (() => void) | null = null;

  let timer: ReturnType<typeof setTimeout> | undefined;
  let burstStart = 0;
  let lastWrite = -Infinity;
  let lastStamp = 0;
  let writing: Promise<void> | null = null;
  let failures = 0;
  const listeners = new Set<(settings: Settings) => void>();
  const problemListeners = new Set<(problem: SettingsProblem) => void>();
  const unsavedListeners = new Set<(value: Settings | null) => void>();
  let reportedUnsaved: Settings | null = null;

  /** Strictly increasing stamps, so two changes in the same millisecond keep their order. */
  const stamp = (): number => (lastStamp = Math.max(Date.now(), lastStamp + 1));
  const hasUnsaved = (): boolean => keysOf(unsaved).length > 0 || writingPatch !== null;
  /** What this view shows: storage's value with this view's unsaved fields over it. */
  const merged = (): Settings => applyPatch(stored ?? DEFAULT_SETTINGS, {}, { ...writingPatch, ...unsaved }).value;

  function reportUnsaved(): void {
    const value = hasUnsaved() ? current : null;
    if (value === reportedUnsaved) return;
    reportedUnsaved = value;
    for (const listener of unsavedListeners) listener(value);
  }

  function show(next: Settings): void {
    if (same(next, current)) return;
    current = next;
    for (const listener of listeners) listener(current);
  }

  function fromStorage(raw: Record<string, unknown>): { value: Settings; stamps: Stamps; old: boolean } {
    if (raw[SETTINGS_KEY] === undefined) return { value: DEFAULT_SETTINGS, stamps: {}, old: false };
    const version = storedVersion(raw[SETTINGS_META_KEY]);
    const old = version < SETTINGS_VERSION;
    return {
      value: old ? migrateSettings(raw[SETTINGS_KEY], version) : normalizeSettings(raw[SETTINGS_KEY]),
      stamps: storedStamps(raw[SETTINGS_META_KEY]),
      old,
    };
  }

  /** Reads storage until it succeeds once; resolves whether the stored value is known. */
  function read(): Promise<boolean> {
    if (stored) return Promise.resolve(true);
    reading ??= area.get([SETTINGS_KEY, SETTINGS_META_KEY]).then(
      (raw) => {
        const found = fromStorage(raw);
        stored = found.value;
        storedAt = found.stamps;
        rewrite = found.old;
        unwatchArea ??= area.watch(onAreaChange);
        show(merged());
        if (rewrite || hasUnsaved()) schedule();
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
    const found = fromStorage({
      [SETTINGS_KEY]: changes[SETTINGS_KEY]?.newValue,
      [SETTINGS_META_KEY]: changes[SETTINGS_META_KEY]?.newValue ?? { v: SETTINGS_VERSION },
    });
    stored = found.value;
    storedAt = found.stamps;
    // A field this view stored, now older in storage than this view's change: a write made on an older copy
    // overwrote it. It goes out again. (A newer change of it, from anywhere, stands.)
    const written = { ...mine, ...writingPatch };
    for (const key of keysOf(written)) {
      const at = storedAt[key] ?? 0;
      if (at > written[key]!.at) delete mine[key];
      else if (at < written[key]!.at && !(key in unsaved)) unsaved[key] = written[key]!;
    }
    if (keysOf(unsaved).length) schedule();
    show(merged());
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
      if (!stored && !(await read())) return fail();
      if (!keysOf(unsaved).length && !rewrite) return reportUnsaved();
      const patch = unsaved;
      writingPatch = patch;
      unsaved = {};
      lastWrite = Date.now();
      try {
        // Read, then merge this view's fields in: what another view stored meanwhile stays.
        const found = fromStorage(await area.get([SETTINGS_KEY, SETTINGS_META_KEY]));
        const next = applyPatch(found.value, found.stamps, patch);
        if (!same(next.value, found.value) || found.old || rewrite) {
          await area.set({ [SETTINGS_KEY]: next.value, [SETTINGS_META_KEY]: { v: SETTINGS_VERSION, t: next.stamps } });
        }
        stored = next.value;
        storedAt = next.stamps;
        Object.assign(mine, patch);
      } catch {
        // Kept in memory for the next try (changes made since win over it).
        unsaved = { ...patch, ...unsaved };
        writingPatch = null;
        return fail();
      }
      writingPatch = null;
      rewrite = false;
      failures = 0;
      show(merged());
      reportUnsaved();
      if (keysOf(unsaved).length) schedule();
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
      const next = normalizeSettings(change(current));
      const at = stamp();
      for (const key of keysOf(next)) {
        if (!same(next[key], current[key])) unsaved[key] = { value: next[key], at };
      }
      show(merged());
      schedule();
      reportUnsaved();
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
    onUnsaved(listener) {
      unsavedListeners.add(listener);
      return () => unsavedListeners.delete(listener);
    },
    async flush() {
      if (timer === undefined && !writing) return;
      clearTimeout(timer);
      timer = undefined;
      await write();
    },
  };
}
