import { useMemo, useRef, useState } from 'preact/hooks';
import { notice } from '@/components/shared/copy-link';
import { download } from '@/components/shared/download';
import type { ToastMessage } from '@/components/shared/Toast';
import { openLibraryBackup, t, type LibraryBackup, type MessageKey } from '@/utils/browser';
import {
  backupParts,
  csvItems,
  pocketHtmlItems,
  readBackup,
  sniffImport,
  type BackupProblem,
  type ImportItem,
} from '@/utils/library';
import { formatNumber } from '@/utils/reader';

const PROBLEMS: Record<BackupProblem, MessageKey> = {
  damaged: 'importDamaged',
  foreign: 'importForeign',
  newer: 'importNewer',
};

/** Lets the page paint and take input between chunks of a long backup or restore. */
const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

const ok = (text: string): ToastMessage => ({ ...notice('backupDone'), text, kind: 'ok' });

/** The links of an imported list, by the kind its content shows; null when it isn't one. */
function listItems(text: string, kind: 'pocket-html' | 'pocket-csv' | 'instapaper-csv'): ImportItem[] {
  if (kind === 'pocket-html') return pocketHtmlItems(new DOMParser().parseFromString(text, 'text/html'));
  return csvItems(text, kind);
}

interface BackupProps {
  locale: string;
  onMessage: (message: ToastMessage) => void;
  backup?: LibraryBackup;
}

/**
 * "Back up library" (one JSON file with every article, its images and its highlights) and "Import…" (that file, or
 * Pocket's or Instapaper's export, told apart by content). A file that can't be imported says why and changes nothing.
 */
export function BackupControls({ locale, onMessage, backup: given }: BackupProps) {
  const backup = useMemo(() => given ?? openLibraryBackup(), [given]);
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<'backup' | 'import' | null>(null);
  const count = (n: number): string => formatNumber(n, locale);

  const makeBackup = async (): Promise<void> => {
    setBusy('backup');
    try {
      const articles = await backup.articles();
      const parts = await backupParts(articles, new Date(), pause);
      const day = new Date().toISOString().slice(0, 10);
      download(new Blob(parts), 'application/json', `lectern-library-${day}.json`);
      onMessage(ok(t('backupDone', count(articles.length))));
    } catch {
      onMessage(notice('backupFailed'));
    } finally {
      setBusy(null);
    }
  };

  const importFile = async (file: File): Promise<void> => {
    setBusy('import');
    try {
      // Read once, parsed once; nothing is written until the whole file has been checked.
      const text = await file.text();
      const kind = sniffImport(text);
      if (kind === 'backup') {
        const read = await readBackup(text, pause);
        if (!read.ok) return onMessage(notice(PROBLEMS[read.problem]));
        const done = await backup.restore(read.articles).catch(() => null);
        if (!done) return onMessage(notice('importFailed'));
        return onMessage(ok(t('restoreDone', [count(done.restored), count(done.already)])));
      }
      const items = kind ? listItems(text, kind) : [];
      if (!items.length) return onMessage(notice('importForeign'));
      const done = await backup.addList(items, Date.now()).catch(() => null);
      if (!done) return onMessage(notice('importFailed'));
      onMessage(ok(t('importDone', [count(done.imported), count(done.already), count(done.skipped)])));
    } catch {
      onMessage(notice('importForeign'));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div class="library-backup" role="group" aria-label={t('backupLibrary')} aria-busy={busy !== null}>
      <button
        type="button"
        class="secondary small"
        data-action="backup-library"
        disabled={busy !== null}
        onClick={() => void makeBackup()}
      >
        {t('backupLibrary')}
      </button>
      <button
        type="button"
        class="secondary small"
        data-action="import-library"
        disabled={busy !== null}
        title={t('importHint')}
        aria-describedby="library-import-hint"
        onClick={() => input.current?.click()}
      >
        {busy === 'import' ? t('importing') : t('importToLibrary')}
      </button>
      <span id="library-import-hint" hidden>
        {t('importHint')}
      </span>
      <input
        ref={input}
        type="file"
        hidden
        data-lectern="library-import-file"
        accept=".json,.html,.htm,.csv,application/json,text/html,text/csv"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) void importFile(file);
        }}
      />
    </div>
  );
}
