import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, stepFontSize, toggleNight, type Settings } from './schema';
import { SETTINGS_KEY, WRITE_PACING, createSettingsStore } from './store';
import { SyncArea } from '@/tests/unit/sync-area';

const stored = (area: SyncArea): Settings => area.data[SETTINGS_KEY] as Settings;
const larger = (s: Settings): Settings => stepFontSize(s, 'larger');
const smaller = (s: Settings): Settings => stepFontSize(s, 'smaller');

beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
afterEach(() => vi.useRealTimers());

describe('settings store', () => {
  it('shows a change at once, writes it at once, and writes the rest of a burst as one write after it settles', async () => {
    const area = new SyncArea();
    const store = createSettingsStore(area);
    await store.load();
    const seen: number[] = [];
    store.watch((s) => seen.push(s.fontSize));
    expect(store.update(larger).fontSize).toBe(22);
    expect(seen).toEqual([22]);
    await vi.advanceTimersByTimeAsync(0);
    expect(area.writes).toHaveLength(1);
    expect(stored(area).fontSize).toBe(22);
    expect(area.data['settings$']).toMatchObject({ v: SETTINGS_VERSION });
    store.update(larger);
    store.update(larger);
    store.update(smaller);
    await vi.advanceTimersByTimeAsync(WRITE_PACING.minInterval + 10);
    expect(area.writes).toHaveLength(2);
    expect(stored(area).fontSize).toBe(24);
  });

  it('stays within the write quotas while a key is held for a minute, and saves the final value', async () => {
    const area = new SyncArea();
    const store = createSettingsStore(area);
    await store.load();
    const failures: string[] = [];
    store.onProblem((p) => failures.push(p));
    // Key repeat: a change every 33 ms for 60 s, flipping between two sizes, then one more.
    for (let i = 0; i < 1800; i++) {
      store.update(i % 2 ? smaller : larger);
      await vi.advanceTimersByTimeAsync(33);
    }
    store.update(larger);
    await vi.advanceTimersByTimeAsync(WRITE_PACING.minInterval + 10);
    expect(failures).toEqual([]);
    expect(area.writes.length).toBeGreaterThan(5);
    expect(area.writes.length).toBeLessThanOrEqual(31);
    expect(stored(area).fontSize).toBe(22);
  });

  it('writes nothing for a change that changes nothing, or a burst that ends where storage is', async () => {
    const area = new SyncArea();
    const store = createSettingsStore(area);
    await store.load();
    store.update((s) => s);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(area.writes).toHaveLength(0);
    store.update(larger);
    await vi.advanceTimersByTimeAsync(0);
    expect(area.writes).toHaveLength(1);
    store.update(larger);
    store.update(smaller);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(area.writes).toHaveLength(1);
  });

  it('never writes over storage it could not read, and writes the user’s change once it can', async () => {
    const area = new SyncArea();
    area.data = { settings: { ...DEFAULT_SETTINGS, theme: 'sepia', fontSize: 28 }, settings$: { v: SETTINGS_VERSION } };
    area.failReads = true;
    const store = createSettingsStore(area);
    expect(await store.load()).toEqual(DEFAULT_SETTINGS);
    store.update(larger);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(area.writes).toHaveLength(0);
    expect(stored(area).theme).toBe('sepia');
    area.failReads = false;
    await vi.advanceTimersByTimeAsync(60_000);
    // The stored settings with the field changed meanwhile (the size the user chose, 22) over them: nothing lost.
    expect(stored(area)).toMatchObject({ theme: 'sepia', fontSize: 22 });
    expect(store.update((s) => s)).toMatchObject({ theme: 'sepia', fontSize: 22 });
  });

  it('keeps a failed write in memory, retries, says so once, and saves when storage is back', async () => {
    const area = new SyncArea();
    const store = createSettingsStore(area);
    await store.load();
    const problems: string[] = [];
    store.onProblem((p) => problems.push(p));
    area.failWrites = true;
    store.update(toggleNight);
    const retries = WRITE_PACING.retries.reduce((a, b) => a + b, 0);
    await vi.advanceTimersByTimeAsync(WRITE_PACING.settle + retries + 5 * WRITE_PACING.retries.at(-1)!);
    expect(problems).toEqual(['write-failed']);
    expect(store.update((s) => s).theme).toBe('dark');
    expect(area.data[SETTINGS_KEY]).toBeUndefined();
    area.failWrites = false;
    await vi.advanceTimersByTimeAsync(WRITE_PACING.retries.at(-1)! + 10);
    expect(stored(area).theme).toBe('dark');
  });

  it('two views changing different settings at the same moment both keep their change, in storage and on screen', async () => {
    const area = new SyncArea();
    const reader = createSettingsStore(area);
    const options = createSettingsStore(area);
    await Promise.all([reader.load(), options.load()]);
    reader.update(toggleNight);
    options.update((s) => ({ ...s, fontFamily: 'mono' }));
    reader.update(larger);
    await vi.advanceTimersByTimeAsync(3 * WRITE_PACING.minInterval);
    const want = { fontFamily: 'mono', theme: 'dark', fontSize: 22 };
    expect(stored(area)).toMatchObject(want);
    expect(reader.update((s) => s)).toMatchObject(want);
    expect(options.update((s) => s)).toMatchObject(want);
  });

  it('takes its own echo without applying a toggle twice', async () => {
    const area = new SyncArea();
    const store = createSettingsStore(area);
    await store.load();
    store.update(toggleNight);
    await vi.advanceTimersByTimeAsync(10);
    store.update(toggleNight);
    store.update(toggleNight);
    await vi.advanceTimersByTimeAsync(3 * WRITE_PACING.minInterval);
    expect(stored(area).theme).toBe('dark');
    expect(store.update((s) => s).theme).toBe('dark');
  });

  it('follows other views, repaired', async () => {
    const area = new SyncArea();
    const store = createSettingsStore(area);
    const seen: string[] = [];
    const unwatch = store.watch((s) => seen.push(s.theme));
    await store.load();
    area.external({ ...DEFAULT_SETTINGS, theme: 'contrast' });
    await vi.advanceTimersByTimeAsync(0);
    area.external({ ...DEFAULT_SETTINGS, theme: 'neon' as Settings['theme'] });
    await vi.advanceTimersByTimeAsync(0);
    unwatch();
    area.external({ ...DEFAULT_SETTINGS, theme: 'sepia' });
    await vi.advanceTimersByTimeAsync(0);
    expect(seen).toEqual(['contrast', DEFAULT_SETTINGS.theme]);
  });

  it('writes an older version back migrated, once', async () => {
    const area = new SyncArea();
    area.data = { settings: { fontSize: 24, theme: 'dark', shareTargets: ['vk'] } };
    const store = createSettingsStore(area);
    expect(await store.load()).toEqual({ ...DEFAULT_SETTINGS, fontSize: 24, theme: 'dark', shareTargets: ['vk'] });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(area.writes).toHaveLength(1);
    expect(area.data['settings$']).toMatchObject({ v: SETTINGS_VERSION });
    expect(stored(area)).toEqual({ ...DEFAULT_SETTINGS, fontSize: 24, theme: 'dark', shareTargets: ['vk'] });
  });

  it('flushes what waits at once (a closing page)', async () => {
    const area = new SyncArea();
    const store = createSettingsStore(area);
    await store.load();
    store.update(larger);
    await store.flush();
    expect(stored(area).fontSize).toBe(22);
  });

  it('tells which value is not yet stored, and null once it is (for a closing page to hand over)', async () => {
    const area = new SyncArea();
    const store = createSettingsStore(area);
    await store.load();
    const unsaved: Array<number | null> = [];
    store.onUnsaved((value) => unsaved.push(value ? value.fontSize : null));
    store.update(larger);
    await vi.advanceTimersByTimeAsync(0);
    store.update(larger);
    expect(unsaved).toEqual([22, null, 24]);
    await vi.advanceTimersByTimeAsync(WRITE_PACING.minInterval + 10);
    expect(unsaved.at(-1)).toBeNull();
    expect(stored(area).fontSize).toBe(24);
  });
});
