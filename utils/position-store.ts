import { storage } from '#imports';
import { normalizePositions, recallPosition, rememberPosition, type Positions } from './reading-position';

/** Reading positions live in storage.local (per device, never synced: they can be many and change often). */
const item = storage.defineItem<Positions>('local:readingPositions', { fallback: {} });

export async function loadPosition(url: string): Promise<number | null> {
  const raw = await item.getValue().catch(() => ({}));
  return recallPosition(normalizePositions(raw, Date.now()), url, Date.now());
}

export async function savePosition(url: string, fraction: number): Promise<void> {
  const raw = await item.getValue().catch(() => ({}));
  await item.setValue(rememberPosition(normalizePositions(raw, Date.now()), url, fraction, Date.now()));
}
