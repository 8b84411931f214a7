/** storage.sync's quotas and sizes, shared by everything Lectern syncs (settings, highlights, the library's index). */

/** Chrome's storage.sync quotas (Firefox's are alike); what Lectern writes stays within them. */
export const SYNC_QUOTAS = { itemBytes: 8192, totalBytes: 102_400, maxItems: 512 } as const;

/** Deletions older than this are forgotten (every device has long had the chance to see them). */
export const TOMBSTONE_DAYS = 60;

/** FNV-1a, 32 bits, base 36: a short, stable key for an address (the item itself names what it holds). */
export function hashKey(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/** An item's size as the browser counts it against its quotas: key and JSON value, in bytes. */
export const syncBytes = (key: string, value: unknown): number =>
  new TextEncoder().encode(key + JSON.stringify(value)).length;

export interface SyncWrite {
  /** The items to set. */
  items: Record<string, unknown>;
  /** Keys the channel had that the new items don't use: removed. */
  stale: string[];
  /** Ids of records left out of storage.sync (too large for an item, or over the channel's share): kept here only. */
  left: string[];
}

/**
 * Whether storage.sync can take `write` given all it holds now (`all`): the total bytes and the number of items after
 * the write, within the quotas.
 */
export function fitsQuota(all: Record<string, unknown>, write: Pick<SyncWrite, 'items' | 'stale'>): boolean {
  const after: Record<string, unknown> = { ...all, ...write.items };
  for (const key of write.stale) delete after[key];
  const keys = Object.keys(after);
  const bytes = keys.reduce((sum, key) => sum + syncBytes(key, after[key]), 0);
  return keys.length <= SYNC_QUOTAS.maxItems && bytes <= SYNC_QUOTAS.totalBytes;
}

/**
 * Packs wire records into as few items as fit the per-item quota, keyed `<prefix><n>`, each `{ ...head, e: [records] }`,
 * in the order given. A record too large for an item on its own, or past `budget` bytes in all (the channel's share of
 * storage.sync), is left out and named by `ids`.
 */
export function packItems(
  prefix: string,
  head: Record<string, unknown>,
  records: ReadonlyArray<{ id: string; wire: unknown }>,
  budget: number = SYNC_QUOTAS.totalBytes,
): { items: Record<string, unknown>; left: string[] } {
  const items: Record<string, unknown> = {};
  const left: string[] = [];
  let current: unknown[] = [];
  let n = 0;
  let used = 0;
  const key = (): string => `${prefix}${n}`;
  const size = (e: unknown[]): number => syncBytes(key(), { ...head, e });
  for (const { id, wire } of records) {
    if (size([wire]) > SYNC_QUOTAS.itemBytes) {
      left.push(id);
      continue;
    }
    const grown = size([...current, wire]);
    if (grown > SYNC_QUOTAS.itemBytes) {
      const closed = size(current);
      if (used + closed + size([wire]) > budget) {
        left.push(id);
        continue;
      }
      items[key()] = { ...head, e: current };
      used += closed;
      n++;
      current = [wire];
    } else if (used + grown > budget) {
      left.push(id);
    } else {
      current.push(wire);
    }
  }
  if (current.length) items[key()] = { ...head, e: current };
  return { items, left };
}
