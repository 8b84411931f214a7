import { useEffect, useRef, useState } from 'preact/hooks';
import { notice } from '@/components/shared/copy-link';
import type { ToastMessage } from '@/components/shared/Toast';
import { t, type LibraryStore } from '@/utils/browser';
import { formatNumber } from '@/utils/reader';
import type { ExportFormat } from './export';

interface ExportMenuProps {
  /** The articles to export, in order (one, or the selection). */
  ids: readonly string[];
  store: LibraryStore;
  locale: string;
  /** What to tell the user: done, or what went wrong. */
  onMessage: (message: ToastMessage) => void;
  disabled?: boolean;
}

let menus = 0;

/**
 * "Export" and its two choices, EPUB book and Markdown files (zip): a disclosure button and the list it opens, so the
 * keyboard alone reaches it (Tab to the choices, Esc closes and gives the focus back to the button).
 */
export function ExportMenu({ ids, store, locale, onMessage, disabled = false }: ExportMenuProps) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const menuId = useRef(`export-menu-${++menus}`).current;

  // A click anywhere else closes the choices (a click on the page's background moves no focus to close them by).
  useEffect(() => {
    if (!open) return undefined;
    const outside = (event: PointerEvent): void => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  const close = (focus: boolean): void => {
    setOpen(false);
    if (focus) button.current?.focus();
  };

  const run = (format: ExportFormat): void => {
    close(true);
    setBusy(true);
    // The exports' code (and fflate, Turndown) loads with the first export: a page that only lists pays nothing for it.
    void import('./export')
      .then(({ exportArticles }) => exportArticles(store, ids, format, locale))
      .catch(() => ({ ok: false as const, problem: 'exportFailed' as const }))
      .then((outcome) => {
        if (!outcome.ok) return onMessage(notice(outcome.problem));
        const count = formatNumber(outcome.count, locale);
        onMessage({
          ...notice('exportDone'),
          kind: 'ok',
          text: outcome.skipped
            ? t('exportDoneSkipped', [count, formatNumber(outcome.skipped, locale)])
            : t('exportDone', count),
        });
      })
      .finally(() => setBusy(false));
  };

  return (
    <div
      ref={root}
      class="export-menu"
      data-lectern="export-menu"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          close(true);
        }
      }}
      onFocusOut={(e) => {
        const next = e.relatedTarget as Node | null;
        if (next && !e.currentTarget.contains(next)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        class="secondary small"
        data-action="export"
        aria-expanded={open}
        aria-controls={menuId}
        aria-busy={busy}
        disabled={disabled || busy}
        onClick={() => setOpen(!open)}
      >
        {busy ? t('exportWorking') : t('exportMenu')}
      </button>
      <ul class="export-options" id={menuId} role="list" hidden={!open}>
        <li>
          <button type="button" class="secondary small" data-action="export-epub" onClick={() => run('epub')}>
            {t('exportEpub')}
          </button>
        </li>
        <li>
          <button type="button" class="secondary small" data-action="export-markdown" onClick={() => run('markdown')}>
            {t('exportMarkdown')}
          </button>
        </li>
      </ul>
    </div>
  );
}
