import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Article } from '@/utils/extract';
import { t } from '@/utils/browser';
import { useDismiss } from './dismiss';
import { scrollIntoViewSettled } from './scroll-settled';

/**
 * Footnotes and other places in the article: links to them stay in the reader (extraction keeps them as fragments of
 * the article's prefixed ids). A footnote mark opens its note in a popover next to it: a non-modal dialog that takes
 * the focus, Esc or a click elsewhere closes it and the focus goes back to the mark. Any other in-page link (a back-link
 * ↩ from a note, a table of contents) scrolls to its target and moves the focus there, without touching the reader's
 * address.
 */

const POPOVER_ID = 'lectern-footnote';

/** A footnote mark: a number, a letter or two, or typographic symbols, perhaps in brackets ("1", "[2]", "a", "*", "†"). */
const NOTE_MARK = /^[[(]?\s*(?:\d{1,4}|\p{L}{1,2}|[*†‡§¶#]{1,3})\s*[\])]?$/u;
/** Longer than this (characters), what a mark points to is a section, not a note. */
const MAX_NOTE_TEXT = 1500;

export interface OpenFootnote {
  /** The mark that was activated. */
  ref: HTMLAnchorElement;
  /** The note it points to. */
  note: Element;
  mark: string;
}

/** The element of the article that an in-page link points to, or null. */
function targetOf(link: Element, body: Element): HTMLElement | null {
  const href = link.getAttribute('href');
  if (!href?.startsWith('#') || href.length < 2) return null;
  const target = document.getElementById(href.slice(1));
  return target && body.contains(target) ? target : null;
}

/** The note a mark points to: its target, or the block around it when the target is an inline anchor. */
function noteOf(target: HTMLElement, body: Element): HTMLElement {
  if (/^(?:a|span|sup|sub|em|strong|b|i)$/.test(target.localName)) {
    const block = target.parentElement?.closest<HTMLElement>('li, p, dd, div, aside, section');
    if (block && body.contains(block)) return block;
  }
  return target;
}

/**
 * Whether `link` is a footnote mark: marked up as one, or a short mark pointing forward to a short passage without
 * headings (the notes gathered after the text). A back-link points backwards; a contents entry reads as words.
 */
export function isNoteReference(link: Element, note: Element): boolean {
  if (note.contains(link) || !(link.compareDocumentPosition(note) & Node.DOCUMENT_POSITION_FOLLOWING)) return false;
  if (link.getAttribute('role') === 'doc-noteref') return true;
  if (!NOTE_MARK.test((link.textContent ?? '').trim())) return false;
  return (note.textContent ?? '').trim().length <= MAX_NOTE_TEXT && !note.querySelector('h1, h2, h3, h4, h5, h6');
}

/** Scrolls to `target` and puts the focus there: on its footnote mark when it holds one (a back-link's target). */
function jumpTo(target: HTMLElement): void {
  scrollIntoViewSettled(target, 'center');
  const mark = target.matches('a[href]') ? target : target.querySelector<HTMLElement>('a[data-footnote-ref]');
  if (mark) return mark.focus({ preventScroll: true });
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus({ preventScroll: true });
}

/** Marks the footnote references of the shown article and handles clicks on in-page links. */
export function useFootnotes(article: Article | null): {
  open: OpenFootnote | null;
  close: (refocus: boolean) => void;
} {
  const [open, setOpen] = useState<OpenFootnote | null>(null);
  const current = useRef<OpenFootnote | null>(null);
  current.current = open;

  const close = (refocus: boolean): void => {
    const shown = current.current;
    if (!shown) return;
    shown.ref.setAttribute('aria-expanded', 'false');
    shown.ref.removeAttribute('aria-controls');
    setOpen(null);
    if (refocus) shown.ref.focus();
  };

  useEffect(() => {
    const body = document.querySelector<HTMLElement>('[data-lectern="article"]');
    if (!article || !body) return undefined;
    for (const link of body.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')) {
      const target = targetOf(link, body);
      if (!target || !isNoteReference(link, noteOf(target, body))) continue;
      link.dataset['footnoteRef'] = '';
      link.setAttribute('aria-haspopup', 'dialog');
      link.setAttribute('aria-expanded', 'false');
    }
    const onClick = (event: MouseEvent): void => {
      if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
      const link = (event.target as Element | null)?.closest?.<HTMLAnchorElement>('a[href^="#"]');
      const target = link && body.contains(link) ? targetOf(link, body) : null;
      if (!link || !target) return;
      event.preventDefault();
      const shown = current.current;
      if (shown?.ref === link) return close(true);
      if (shown) close(false);
      if (!link.hasAttribute('data-footnote-ref')) return jumpTo(target);
      link.setAttribute('aria-expanded', 'true');
      link.setAttribute('aria-controls', POPOVER_ID);
      setOpen({
        ref: link,
        note: noteOf(target, body),
        mark: (link.textContent ?? '').trim().replace(/^[[(]|[\])]$/g, ''),
      });
    };
    body.addEventListener('click', onClick);
    return () => body.removeEventListener('click', onClick);
  }, [article]);

  // Esc or a press outside the note and its mark closes it (Esc gives the focus back to the mark).
  useDismiss(
    open !== null,
    (target) => !!(target instanceof Element && target.closest(`#${POPOVER_ID}`)) || !!open?.ref.contains(target),
    close,
  );

  return { open, close };
}

/** The note of an activated mark, beside it; the text is a copy of the (already sanitized) note, without its back-links. */
export function FootnotePopover({ open, onClose }: { open: OpenFootnote; onClose: (refocus: boolean) => void }) {
  const dialog = useRef<HTMLDivElement>(null);
  const text = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState<{ top: number; left: number; width: number } | null>(null);

  useLayoutEffect(() => {
    const copy = open.note.cloneNode(true) as Element;
    const body = open.note.closest('[data-lectern="article"]');
    // Links from the note back to the text are what the popover is already next to.
    for (const link of copy.querySelectorAll('a[href^="#"]')) {
      const target = body ? targetOf(link, body) : null;
      if (target && !open.note.contains(target)) link.remove();
    }
    for (const el of [copy, ...copy.querySelectorAll('[id]')]) el.removeAttribute('id');
    text.current?.replaceChildren(...Array.from(copy.childNodes));

    const mark = open.ref.getBoundingClientRect();
    const column = document.querySelector('.reader-main')?.getBoundingClientRect();
    const left = column?.left ?? 0;
    const width = Math.min(column?.width ?? window.innerWidth, 448);
    const right = (column?.right ?? window.innerWidth) - width;
    setPlace({
      top: mark.bottom + window.scrollY + 6,
      left: Math.max(left, Math.min(mark.left - 24, right)) + window.scrollX,
      width,
    });
    dialog.current?.focus({ preventScroll: true });
  }, [open]);

  return (
    <div
      id={POPOVER_ID}
      class="footnote-popover"
      role="dialog"
      aria-modal="false"
      aria-label={t('footnote', open.mark)}
      tabIndex={-1}
      ref={dialog}
      data-lectern="footnote"
      style={place ? { top: `${place.top}px`, left: `${place.left}px`, width: `${place.width}px` } : undefined}
    >
      <div class="footnote-text" ref={text} />
      <div class="footnote-actions">
        <a
          href={open.ref.getAttribute('href') ?? '#'}
          onClick={(event) => {
            event.preventDefault();
            onClose(false);
            jumpTo(open.note as HTMLElement);
          }}
        >
          {t('goToFootnote')}
        </a>
        <button
          type="button"
          class="tool"
          onClick={() => onClose(true)}
          aria-label={t('closeFootnote')}
          title={t('closeFootnote')}
        >
          ×
        </button>
      </div>
    </div>
  );
}
