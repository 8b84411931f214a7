// storage.sync as Chrome keeps it, for unit tests of what writes there (the settings store, highlight sync).
import { SETTINGS_KEY, type Settings, type SettingsArea } from '@/utils/settings';

type Changes = Record<string, { newValue?: unknown }>;

/** Chrome's storage.sync quotas (chrome.storage.sync.QUOTA_BYTES and the others). */
export const SYNC_QUOTAS = {
  QUOTA_BYTES: 102_400,
  QUOTA_BYTES_PER_ITEM: 8192,
  MAX_ITEMS: 512,
  MAX_WRITE_OPERATIONS_PER_MINUTE: 120,
  MAX_WRITE_OPERATIONS_PER_HOUR: 1800,
} as const;

/** An item's size as Chrome counts it: its key and its value as JSON, in bytes. */
export const itemBytes = (key: string, value: unknown): number =>
  new TextEncoder().encode(key + JSON.stringify(value)).length;

/**
 * storage.sync as Chrome keeps it: 120 writes a minute, 1,800 an hour, 8,192 bytes an item, 102,400 in all, 512 items;
 * past any of them a write rejects with the browser's message. `failReads` / `failWrites` make it fail on purpose.
 */
export class SyncArea implements SettingsArea {
  data: Record<string, unknown> = {};
  writes: number[] = [];
  failReads = false;
  failWrites = false;
  private listeners = new Set<(changes: Changes) => void>();

  async get(keys: string[] | null): Promise<Record<string, unknown>> {
    if (this.failReads) throw new Error('read failed');
    const wanted = keys ?? Object.keys(this.data);
    return Object.fromEntries(wanted.filter((k) => k in this.data).map((k) => [k, structuredClone(this.data[k])]));
  }

  /** Counts a write against the per-minute and per-hour quotas, or rejects as the browser does. */
  private countWrite(): void {
    if (this.failWrites) throw new Error('network error');
    const now = Date.now();
    if (this.writes.filter((t) => t > now - 60_000).length >= SYNC_QUOTAS.MAX_WRITE_OPERATIONS_PER_MINUTE)
      throw new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.');
    if (this.writes.filter((t) => t > now - 3_600_000).length >= SYNC_QUOTAS.MAX_WRITE_OPERATIONS_PER_HOUR)
      throw new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_HOUR quota.');
  }

  async set(items: Record<string, unknown>): Promise<void> {
    this.countWrite();
    for (const [key, value] of Object.entries(items))
      if (itemBytes(key, value) > SYNC_QUOTAS.QUOTA_BYTES_PER_ITEM)
        throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
    const next = { ...this.data, ...structuredClone(items) };
    if (Object.keys(next).length > SYNC_QUOTAS.MAX_ITEMS) throw new Error('MAX_ITEMS quota exceeded');
    if (Object.entries(next).reduce((sum, [k, v]) => sum + itemBytes(k, v), 0) > SYNC_QUOTAS.QUOTA_BYTES)
      throw new Error('QUOTA_BYTES quota exceeded');
    this.writes.push(Date.now());
    this.data = next;
    const changes = Object.fromEntries(Object.entries(items).map(([k, v]) => [k, { newValue: structuredClone(v) }]));
    // Like the browser: the change event comes in a later task.
    setTimeout(() => this.listeners.forEach((l) => l(changes)), 0);
  }

  async remove(keys: string[]): Promise<void> {
    this.countWrite();
    this.writes.push(Date.now());
    for (const key of keys) delete this.data[key];
    const changes = Object.fromEntries(keys.map((k) => [k, {}]));
    setTimeout(() => this.listeners.forEach((l) => l(changes)), 0);
  }

  watch(listener: (changes: Changes) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Another device writing settings (its change comes in a later task, in order with the others). */
  external(settings: Settings): void {
    this.data[SETTINGS_KEY] = settings;
    setTimeout(() => this.listeners.forEach((l) => l({ [SETTINGS_KEY]: { newValue: structuredClone(settings) } })), 0);
  }
}
