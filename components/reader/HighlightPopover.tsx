import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { HIGHLIGHT_COLORS, type HighlightColor } from '@/utils/annotate';
import { HIGHLIGHT_COLOR_LABELS as COLOR_LABELS } from '@/components/shared/labels';
import { t } from '@/utils/browser';
import { useDismiss } from './features/dismiss';

/** The popover's widest (its stylesheet's max-width, 20rem). */
const POPOVER_WIDTH = 320;

export interface HighlightPopoverProps {
  /** Where the selection or the highlight is on screen (viewport coordinates). */
  anchor: { top: number; bottom: number; left: number };
  /** The highlight's colour; none for a fresh selection (the popover then offers to make one). */
  color?: HighlightColor;
  note?: string;
  /** Open on the note's editor. */
  editing?: boolean;
  /** Takes the focus when it opens (opened by key or by a click on a highlight; never on a mere selection). */
  takeFocus?: boolean;
  onColor: (color: HighlightColor) => void;
  /** Opens the editor (a selection is highlighted first). */
  onNote: () => void;
  onSaveNote: (note: string) => void;
  onCopyQuote: () => void;
  /** Share the passage: the reader then gives `shareMenu` (its share targets, with the link to the passage). */
  onShare: () => void;
  shareMenu?: ComponentChildren;
  onRemove?: () => void;
  /** `refocus`: the popover was closed from the keyboard, the focus goes back where it was. */
  onClose: (refocus: boolean) => void;
}

/**
 * The small popover by a selection (four colours, note, copy quote) or by a highlight (recolour, note, copy quote,
 * remove). On a selection it never takes the focus or the selection; Esc or a click elsewhere closes it.
 */
export function HighlightPopover(props: HighlightPopoverProps) {
  const { anchor, color, note = '', editing = false, takeFocus = false } = props;
  const box = useRef<HTMLDivElement>(null);
  const [draft, setDraft] = useState(note);
  const latest = useRef(props);
  latest.current = props;

  useLayoutEffect(() => {
    setDraft(note);
    if (editing) box.current?.querySelector<HTMLTextAreaElement>('textarea')?.focus({ preventScroll: true });
    else if (takeFocus) {
      const buttons = box.current;
      (
        buttons?.querySelector<HTMLElement>('[aria-pressed="true"]') ?? buttons?.querySelector<HTMLElement>('button')
      )?.focus({ preventScroll: true });
    }
  }, [editing, takeFocus, note]);

  const sharing = !!props.shareMenu;
  useLayoutEffect(() => {
    // The share button made way for the targets: the focus goes to the first, not to the page.
    if (sharing) box.current?.querySelector<HTMLElement>('.highlight-share a, .highlight-share button')?.focus();
  }, [sharing]);

  // Esc or a press outside closes it (Esc gives the focus back).
  useDismiss(
    true,
    (target) => !!box.current?.contains(target),
    (byKey) => latest.current.onClose(byKey),
  );

  // Beside the text, inside the window (the popover is at most POPOVER_WIDTH wide), in the page's coordinates as they
  // were when it opened: it stays by its text when the page scrolls. Placed as it renders, so it can take the focus.
  const { top, left } = useMemo(
    () => ({
      left: Math.max(8, Math.min(anchor.left, window.innerWidth - POPOVER_WIDTH - 8)) + window.scrollX,
      top: anchor.bottom + window.scrollY + 8,
    }),
    [anchor],
  );
  const fresh = color === undefined;
  // On a selection, a click must not take the selection away before the button acts on it.
  const keep = fresh ? (event: MouseEvent) => event.preventDefault() : undefined;
  return (
    <div
      ref={box}
      class="highlight-popover"
      data-lectern="highlight-popover"
      role={fresh ? 'toolbar' : 'dialog'}
      aria-label={t(fresh ? 'highlightColors' : 'highlightActions')}
      style={{ top: `${top}px`, left: `${left}px` }}
    >
      <div class="highlight-colors" role="group" aria-label={t('highlightColors')}>
        {HIGHLIGHT_COLORS.map((c) => (
          <button
            type="button"
            class="swatch-button"
            data-color={c}
            aria-label={t(COLOR_LABELS[c])}
            title={t(COLOR_LABELS[c])}
            aria-pressed={fresh ? undefined : c === color}
            onMouseDown={keep}
            onClick={() => props.onColor(c)}
          >
            <span class="swatch" data-color={c} aria-hidden="true" />
          </button>
        ))}
      </div>
      {editing ? (
        <form
          class="note-editor"
          onSubmit={(event) => {
            event.preventDefault();
            props.onSaveNote(draft);
          }}
        >
          <textarea
            data-lectern="note-editor"
            aria-label={t('noteLabel')}
            rows={3}
            value={draft}
            onInput={(event) => setDraft(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) props.onSaveNote(draft);
            }}
          />
          <div class="note-editor-actions">
            <button type="submit" class="button" data-action="save-note">
              {t('saveNote')}
            </button>
            <button type="button" class="secondary" onClick={() => props.onClose(true)}>
              {t('cancel')}
            </button>
          </div>
        </form>
      ) : props.shareMenu ? (
        <div class="highlight-share" data-lectern="highlight-share" onMouseDown={keep}>
          {props.shareMenu}
        </div>
      ) : (
        <div class="highlight-actions">
          <button type="button" class="menu-item" data-action="note" onMouseDown={keep} onClick={props.onNote}>
            {t(note.trim() ? 'editNote' : 'addNote')}
          </button>
          <button
            type="button"
            class="menu-item"
            data-action="copy-quote"
            onMouseDown={keep}
            onClick={props.onCopyQuote}
          >
            {t('copyQuote')}
          </button>
          <button type="button" class="menu-item" data-action="share-quote" onMouseDown={keep} onClick={props.onShare}>
            {t('shareQuote')}
          </button>
          {props.onRemove && (
            <button type="button" class="menu-item" data-action="remove-highlight" onClick={props.onRemove}>
              {t('removeHighlight')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
