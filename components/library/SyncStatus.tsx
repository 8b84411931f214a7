import { useEffect, useState } from 'preact/hooks';
import { t, watchLibrarySync, type LibrarySyncStatus, type MessageKey } from '@/utils/browser';
import { formatNumber } from '@/utils/reader';
import type { SyncState } from '@/utils/sync';

/** What the library page says when its index could not all reach the user's other browsers (kept here all the same). */
const MESSAGES: Partial<Record<SyncState, MessageKey>> = {
  failed: 'librarySyncFailed',
  full: 'librarySyncFull',
  partial: 'librarySyncPartial',
  newer: 'librarySyncNewer',
};

interface Props {
  locale: string;
  /** The status to show (tests); by default the background's, watched. */
  status?: LibrarySyncStatus | null;
}

export function SyncStatus({ locale, status: given }: Props) {
  const [watched, setWatched] = useState<LibrarySyncStatus | null>(null);
  useEffect(() => (given === undefined ? watchLibrarySync(setWatched) : undefined), [given]);
  const status = given === undefined ? watched : given;
  const key = status ? MESSAGES[status.state] : undefined;
  if (!status || !key) return null;
  return (
    <p class="library-sync" role="status" data-lectern="library-sync-state" data-state={status.state}>
      {t(key, formatNumber(status.left, locale))}
    </p>
  );
}
