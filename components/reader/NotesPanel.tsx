import { useEffect, useRef, useState } from 'preact/hooks';
import type { Highlight } from '@/utils/annotate';
import type { SyncState } from '@/utils/sync';
import { t } from '@/utils/browser';
import { HIGHLIGHT_COLOR_LABELS as COLOR_LABELS, SYNC_MESSAGES } from '@/components/shared/labels';
import { ReaderPanel } from './ReaderPanel';

export interface NoteItem {
  highlight: Highlight;
  orphaned: boolean;
}

export interface NotesPanelProps {
  /** In reading order, the orphans last. */
  items: NoteItem[];
  onJump: (id: string) => void;
  onSaveNote: (id: string, note: string) => void;
  onRemove: (id: string) => void;
  onCopyMarkdown: () => void;
  onSaveMarkdown: () => void;
  /** Every article's highlights in one file. */
  onSaveAll: (format: 'markdown' | 'json') => void;
  onClose: () => void;
  /** How sync with the user's other browsers stands; a state that needs saying shows at the top. */
  syncState?: SyncState;
}

/** A quote as the list shows it: on one line of text, long ones cut with an ellipsis (the mark has it all). */
function shortQuote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 280 ? `${flat.slice(0, 279)}…` : flat;
}

/**
 * The article's highlights and notes, in reading order: each goes to its place, its note is edited in place, and it
 * can be removed (the reader's toast offers Undo). Highlights whose text is gone are listed last, marked as such, with
 * their quote and note kept. Export to Markdown (clipboard or file) sits at the top.
 */
export function NotesPanel({
  items,
  onJump,
  onSaveNote,
  onRemove,
  onCopyMarkdown,
  onSaveMarkdown,
  onSaveAll,
  onClose,
  syncState,
}: NotesPanelProps) {
  const syncMessage = syncState ? SYNC_MESSAGES[syncState] : undefined;
  const panel = useRef<HTMLDivElement>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  useEffect(() => panel.current?.querySelector<HTMLElement>('button:not(:disabled)')?.focus(), []);

  const edit = (item: NoteItem): void => {
    setEditing(item.highlight.id);
    setDraft(item.highlight.note);
  };
  const save = (id: string): void => {
    onSaveNote(id, draft);
    setEditing(null);
    // Back to the item's edit button, where the user was.
    requestAnimationFrame(() =>
      panel.current
        ?.querySelector<HTMLElement>(`[data-highlight="${CSS.escape(id)}"] [data-action="edit-note"]`)
        ?.focus(),
    );
  };

  return (
    <ReaderPanel name="notes" title={t('notes')} onClose={onClose} panelRef={panel}>
      {syncMessage && (
        <p class="sync-state" role="status" data-lectern="sync-state" data-state={syncState}>
          {t(syncMessage)}
        </p>
      )}
      <div class="notes-export">
        <button
          type="button"
          class="secondary"
          data-action="export-copy"
          disabled={!items.length}
          onClick={onCopyMarkdown}
        >
          {t('exportCopy')}
        </button>
        <button
          type="button"
          class="secondary"
          data-action="export-save"
          disabled={!items.length}
          onClick={onSaveMarkdown}
        >
          {t('exportSave')}
        </button>
      </div>
      <div class="notes-export" role="group" aria-label={t('exportAll')}>
        <button type="button" class="secondary" data-action="export-all-markdown" onClick={() => onSaveAll('markdown')}>
          {t('exportAllMarkdown')}
        </button>
        <button type="button" class="secondary" data-action="export-all-json" onClick={() => onSaveAll('json')}>
          {t('exportAllJson')}
        </button>
      </div>
      {items.length === 0 ? (
        <p class="notes-empty">{t('notesEmpty')}</p>
      ) : (
        <ol class="note-list">
          {items.map((item) => {
            const { id, color, note, quote } = item.highlight;
            return (
              <li
                key={id}
                class="note-item"
                data-lectern="note-item"
                data-highlight={id}
                data-color={color}
                data-orphaned={item.orphaned ? '' : undefined}
              >
                <blockquote class="note-quote">
                  <span class="swatch" data-color={color} role="img" aria-label={t(COLOR_LABELS[color])} />{' '}
                  {shortQuote(quote.exact)}
                </blockquote>
                {item.orphaned && <p class="note-orphaned">{t('orphaned')}</p>}
                {editing === id ? (
                  <form
                    class="note-editor"
                    onSubmit={(event) => {
                      event.preventDefault();
                      save(id);
                    }}
                    onKeyDown={(event) => {
                      if (event.key !== 'Escape') return;
                      event.stopPropagation();
                      setEditing(null);
                    }}
                  >
                    <textarea
                      data-lectern="note-editor"
                      aria-label={t('noteLabel')}
                      rows={3}
                      value={draft}
                      ref={(el) => el?.focus({ preventScroll: true })}
                      onInput={(event) => setDraft(event.currentTarget.value)}
                      onKeyDown={(event) => {
                        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) save(id);
                      }}
                    />
                    <div class="note-editor-actions">
                      <button type="submit" class="button" data-action="save-note">
                        {t('saveNote')}
                      </button>
                      <button type="button" class="secondary" onClick={() => setEditing(null)}>
                        {t('cancel')}
                      </button>
                    </div>
                  </form>
                ) : (
                  note.trim() && <p class="note-text">{note}</p>
                )}
                <div class="note-actions">
                  <button
                    type="button"
                    class="secondary"
                    data-action="go-to"
                    disabled={item.orphaned}
                    onClick={() => onJump(id)}
                  >
                    {t('goToHighlight')}
                  </button>
                  <button type="button" class="secondary" data-action="edit-note" onClick={() => edit(item)}>
                    {t(note.trim() ? 'editNote' : 'addNote')}
                  </button>
                  <button type="button" class="secondary" data-action="remove-highlight" onClick={() => onRemove(id)}>
                    {t('removeHighlight')}
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </ReaderPanel>
  );
}
