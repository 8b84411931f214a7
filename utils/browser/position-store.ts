import { browser } from 'wxt/browser';
import { normalizePositions, recallPosition, rememberPosition } from '@/utils/reader';

/** Reading positions live in storage.local (per device, never synced: they can be many and change often). */
const KEY = 'readingPositions';

async function stored(): Promise<unknown> {
  const raw: Record<string, unknown> = await browser.storage.local.get(KEY).catch(() => ({}));
  return raw[KEY] ?? {};
}

export async function loadPosition(url: string): Promise<number | null> {
  return recallPosition(normalizePositions(await stored(), Date.now()), url, Date.now());
}

export async function savePosition(url: string, fraction: number): Promise<void> {
  const positions = normalizePositions(await stored(), Date.now());
  await browser.storage.local.set({ [KEY]: rememberPosition(positions, url, fraction, Date.now()) });
}
