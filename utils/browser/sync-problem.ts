import { browser } from 'wxt/browser';
import type { SyncState } from '@/utils/sync';

/**
 * The last problem highlight sync met (a reader's sync engine reports its states here), kept in storage.local so the
 * settings page can say so too, not only the notes panel of that article. Cleared when that article syncs again.
 */
export interface SyncProblem {
  state: Exclude<SyncState, 'synced' | 'pending'>;
  /** The article's clean address. */
  url: string;
  at: number;
}

const KEY = 'highlightSyncProblem';

const isProblem = (state: SyncState): state is SyncProblem['state'] => state !== 'synced' && state !== 'pending';

/** Records an article's sync state: a problem is kept; that article synced again clears it. Never rejects. */
export async function recordSyncState(url: string, state: SyncState): Promise<void> {
  try {
    if (isProblem(state)) {
      await browser.storage.local.set({ [KEY]: { state, url, at: Date.now() } satisfies SyncProblem });
    } else if (state === 'synced') {
      const { [KEY]: kept } = await browser.storage.local.get(KEY);
      if ((kept as SyncProblem | undefined)?.url === url) await browser.storage.local.remove(KEY);
    }
  } catch {
    // Only a report: the notes panel still says it, and the highlights are kept either way.
  }
}

function asProblem(value: unknown): SyncProblem | null {
  const problem = value as Partial<SyncProblem> | null | undefined;
  return problem && typeof problem.url === 'string' && typeof problem.state === 'string' && isProblem(problem.state)
    ? (problem as SyncProblem)
    : null;
}

/** Calls `listener` with the current problem (null: none) and with each change; returns the unsubscribe function. */
export function watchSyncProblem(listener: (problem: SyncProblem | null) => void): () => void {
  let stopped = false;
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    if (area === 'local' && KEY in changes) listener(asProblem(changes[KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(onChanged);
  void browser.storage.local.get(KEY).then(
    (stored) => !stopped && listener(asProblem(stored[KEY])),
    () => undefined,
  );
  return () => {
    stopped = true;
    browser.storage.onChanged.removeListener(onChanged);
  };
}
